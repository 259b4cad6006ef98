#include "theme/mustache_renderer.h"

namespace quire {

namespace {

using Kind = MustacheNode::Kind;

void appendEscaped(QString &out, QStringView text)
{
    qsizetype written = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QLatin1String entity;
        switch (text[i].unicode()) {
        case u'&':
            entity = QLatin1String("&amp;");
            break;
        case u'<':
            entity = QLatin1String("&lt;");
            break;
        case u'>':
            entity = QLatin1String("&gt;");
            break;
        case u'"':
            entity = QLatin1String("&quot;");
            break;
        case u'\'':
            entity = QLatin1String("&#39;");
            break;
        default:
            continue;
        }
        out += text.mid(written, i - written);
        out += entity;
        written = i + 1;
    }
    out += text.mid(written);
}

} // namespace

MustacheRenderer::MustacheRenderer(const QVariant &context, const MustacheTemplate::PartialResolver &partials)
    : m_context(context)
    , m_partials(partials)
{
}

Result<QString> MustacheRenderer::render(const MustacheTemplate &root)
{
    m_templateName = root.name();
    if (root.m_root)
        renderNodes(root.m_root->children);
    if (m_error)
        return *m_error;
    return std::move(m_out);
}

void MustacheRenderer::renderNodes(const std::vector<MustacheNode> &nodes)
{
    if (m_depth >= MaxDepth)
        return fail(tr("templates nested more than %1 levels deep").arg(MaxDepth));
    if (++m_steps > MaxSteps)
        return fail(tr("rendering stopped after %1 steps (does a partial include itself?)").arg(MaxSteps));
    ++m_depth;
    for (const MustacheNode &node : nodes) {
        renderNode(node);
        if (m_error)
            break;
    }
    --m_depth;
}

void MustacheRenderer::renderNode(const MustacheNode &node)
{
    switch (node.kind) {
    case Kind::Text:
        writeText(node.text);
        break;
    case Kind::Variable:
        renderVariable(node);
        break;
    case Kind::Section:
        renderSection(node);
        break;
    case Kind::InvertedSection:
        renderInverted(node);
        break;
    case Kind::Partial:
        renderPartial(node);
        break;
    case Kind::Parent:
        renderParent(node);
        break;
    case Kind::Block:
        renderBlock(node);
        break;
    case Kind::Root:
        renderNodes(node.children);
        break;
    }
}

void MustacheRenderer::renderVariable(const MustacheNode &node)
{
    const QVariant *value = m_context.find(node.path);
    if (!value)
        return;
    const QString text = MustacheContext::text(*value);
    if (text.isEmpty())
        return;
    startLine();
    if (node.escaped)
        appendEscaped(m_out, text);
    else
        m_out += text;
}

void MustacheRenderer::renderSection(const MustacheNode &node)
{
    const QVariant *value = m_context.find(node.path);
    if (!value || !MustacheContext::isTruthy(*value))
        return;
    if (value->typeId() == QMetaType::QVariantList) {
        for (const QVariant &item : *static_cast<const QVariantList *>(value->constData())) {
            renderIn(item, node);
            if (m_error)
                return;
        }
    } else if (value->typeId() == QMetaType::QStringList) {
        for (const QString &item : *static_cast<const QStringList *>(value->constData())) {
            renderIn(QVariant(item), node);
            if (m_error)
                return;
        }
    } else {
        renderIn(*value, node);
    }
}

void MustacheRenderer::renderInverted(const MustacheNode &node)
{
    const QVariant *value = m_context.find(node.path);
    if (!value || !MustacheContext::isTruthy(*value))
        renderNodes(node.children);
}

void MustacheRenderer::renderIn(const QVariant &context, const MustacheNode &section)
{
    m_context.push(context);
    renderNodes(section.children);
    m_context.pop();
}

void MustacheRenderer::renderPartial(const MustacheNode &node)
{
    if (const MustacheTemplate *target = findTemplate(node.text))
        expand(node, *target);
}

void MustacheRenderer::renderParent(const MustacheNode &node)
{
    const MustacheTemplate *target = findTemplate(node.text);
    if (!target)
        return;
    m_parents.push_back(&node);
    expand(node, *target);
    m_parents.pop_back();
}

// A block renders the argument that replaces it, or else its own default content. An argument
// comes from another template, so it takes on the block's indentation; the default content is
// already indented where it stands, bar the blanks cut before the opening tag.
void MustacheRenderer::renderBlock(const MustacheNode &node)
{
    const MustacheNode *argument = findArgument(node.text);
    if (!argument) {
        if (node.blanksCut)
            writeText(node.indentation);
        renderNodes(node.children);
        return;
    }
    const QString outer = m_indentation;
    m_indentation += node.indentation;
    if (node.standalone)
        m_atLineStart = true;
    renderNodes(argument->children);
    m_indentation = outer;
    m_atLineStart = node.resumesAtLineStart;
}

// Renders a partial or parent where its tag stands. A standalone tag indents every line of it;
// an inline one leaves its lines as they are.
void MustacheRenderer::expand(const MustacheNode &tag, const MustacheTemplate &target)
{
    if (!target.m_root)
        return;
    if (m_partialDepth >= MaxPartialDepth)
        return fail(tr("partial \"%1\" nested more than %2 levels deep (does it include itself?)")
                        .arg(tag.text)
                        .arg(MaxPartialDepth));
    const QString outer = m_indentation;
    m_indentation = tag.standalone ? outer + tag.indentation : QString();
    m_atLineStart = true;
    ++m_partialDepth;
    renderNodes(target.m_root->children);
    --m_partialDepth;
    m_indentation = outer;
    m_atLineStart = tag.resumesAtLineStart;
}

const MustacheTemplate *MustacheRenderer::findTemplate(const QString &name) const
{
    return m_partials ? m_partials(name) : nullptr;
}

// The outermost parent wins: a page's argument overrides a layout's, which overrides its own
// parent's.
const MustacheNode *MustacheRenderer::findArgument(const QString &name) const
{
    for (const MustacheNode *parent : m_parents) {
        for (const MustacheNode &argument : parent->children) {
            if (argument.text == name)
                return &argument;
        }
    }
    return nullptr;
}

// Template text, indented line by line while an indentation is in force. Values printed by tags
// are never indented inside: only the template's own lines are.
void MustacheRenderer::writeText(QStringView text)
{
    if (m_indentation.isEmpty()) {
        m_out += text;
        return;
    }
    while (!text.isEmpty()) {
        startLine();
        const qsizetype newline = text.indexOf(u'\n');
        const qsizetype length = newline < 0 ? text.size() : newline + 1;
        m_out += text.first(length);
        text = text.sliced(length);
        m_atLineStart = newline >= 0;
    }
}

void MustacheRenderer::startLine()
{
    if (m_atLineStart) {
        m_out += m_indentation;
        m_atLineStart = false;
    }
}

void MustacheRenderer::fail(const QString &reason)
{
    if (!m_error)
        m_error = Error{QStringLiteral("%1: %2").arg(m_templateName, reason)};
}

} // namespace quire
