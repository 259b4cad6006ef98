#include "theme/mustache_parser.h"

#include <algorithm>

namespace quire {

namespace {

using Kind = MustacheNode::Kind;

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// Sections and the other tags that print nothing may stand alone on a line, which then vanishes.
bool canStandAlone(QChar sigil)
{
    return !sigil.isNull() && sigil != u'&' && sigil != u'{';
}

QString unclosedMessage(const MustacheNode &node)
{
    switch (node.kind) {
    case Kind::Section:
        return MustacheParser::tr("unclosed section \"%1\"").arg(node.text);
    case Kind::InvertedSection:
        return MustacheParser::tr("unclosed inverted section \"%1\"").arg(node.text);
    case Kind::Parent:
        return MustacheParser::tr("unclosed parent \"%1\"").arg(node.text);
    default:
        return MustacheParser::tr("unclosed block \"%1\"").arg(node.text);
    }
}

} // namespace

MustacheParser::MustacheParser(const QString &source, const QString &name)
    : m_source(source)
    , m_name(name)
{
}

Result<MustacheNode> MustacheParser::parse()
{
    while (!m_error) {
        const qsizetype start = m_source.indexOf(m_openDelimiter, m_pos);
        if (start < 0)
            break;
        const std::optional<Tag> tag = readTag(start);
        if (!tag || !handleTag(*tag))
            break;
    }
    if (!m_error && !m_open.empty())
        fail(m_open.back().tagStart, unclosedMessage(m_open.back().node));
    if (m_error)
        return *m_error;
    appendText(m_pos, m_source.size());
    return std::move(m_root);
}

std::optional<MustacheParser::Tag> MustacheParser::readTag(qsizetype start)
{
    static constexpr QStringView Sigils = u"#^/><$!=&{";
    Tag tag;
    tag.start = start;
    qsizetype contentStart = start + m_openDelimiter.size();
    if (contentStart < m_source.size() && Sigils.contains(m_source[contentStart]))
        tag.sigil = m_source[contentStart++];
    QString close = m_closeDelimiter;
    if (tag.sigil == u'{' || tag.sigil == u'=')
        close.prepend(tag.sigil == u'{' ? u'}' : u'=');
    const qsizetype closeAt = m_source.indexOf(close, contentStart);
    // Another opening delimiter before the closing one means this tag was never closed.
    const QStringView content = QStringView(m_source).mid(contentStart, closeAt - contentStart);
    if (closeAt < 0 || (tag.sigil != u'!' && content.contains(m_openDelimiter))) {
        fail(start, tr("unclosed tag, \"%1\" is missing").arg(close));
        return std::nullopt;
    }
    tag.end = closeAt + close.size();
    tag.name = content.trimmed().toString();
    if (tag.sigil == u'!' || tag.sigil == u'=')
        return tag;
    if (tag.name.isEmpty()) {
        fail(start, tr("empty tag %1").arg(tagText(tag.sigil, {})));
        return std::nullopt;
    }
    if (std::any_of(tag.name.cbegin(), tag.name.cend(), [](QChar c) { return c.isSpace(); })) {
        fail(start, tr("invalid name in %1").arg(tagText(tag.sigil, tag.name)));
        return std::nullopt;
    }
    return tag;
}

bool MustacheParser::handleTag(const Tag &tag)
{
    switch (tag.sigil.unicode()) {
    case u'#':
        openElement(Kind::Section, tag);
        break;
    case u'^':
        openElement(Kind::InvertedSection, tag);
        break;
    case u'<':
        openElement(Kind::Parent, tag);
        break;
    case u'$':
        openElement(Kind::Block, tag);
        break;
    case u'/':
        return closeElement(tag);
    case u'>':
        addPartial(tag);
        break;
    case u'!':
        passTag(tag);
        break;
    case u'=':
        passTag(tag);
        return setDelimiters(tag);
    default:
        addVariable(tag);
        break;
    }
    return !m_error;
}

void MustacheParser::addVariable(const Tag &tag)
{
    appendText(m_pos, tag.start);
    m_pos = tag.end;
    MustacheNode node;
    node.kind = Kind::Variable;
    node.escaped = tag.sigil.isNull();
    node.text = tag.name;
    if (tag.name != u'.')
        node.path = tag.name.split(u'.');
    attach(std::move(node));
}

void MustacheParser::addPartial(const Tag &tag)
{
    MustacheNode node;
    node.kind = Kind::Partial;
    node.text = tag.name;
    if (const std::optional<qsizetype> blanksStart = passTag(tag)) {
        node.standalone = true;
        node.indentation = undented(*blanksStart, tag.start);
        node.resumesAtLineStart = true;
    }
    attach(std::move(node));
}

bool MustacheParser::setDelimiters(const Tag &tag)
{
    const QStringList parts = tag.name.simplified().split(u' ');
    if (parts.size() != 2 || parts[0].isEmpty() || parts[0].contains(u'=') || parts[1].contains(u'=')) {
        fail(tag.start, tr("invalid delimiters \"%1\"").arg(tag.name));
        return false;
    }
    m_openDelimiter = parts[0];
    m_closeDelimiter = parts[1];
    return true;
}

void MustacheParser::openElement(Kind kind, const Tag &tag)
{
    if (m_open.size() >= size_t(MaxNesting)) {
        fail(tag.start, tr("sections nested more than %1 levels deep").arg(MaxNesting));
        return;
    }
    OpenElement element;
    element.node.kind = kind;
    element.node.text = tag.name;
    element.tagStart = tag.start;
    element.dedent = dedent();
    if (kind == Kind::Section || kind == Kind::InvertedSection) {
        if (tag.name != u'.')
            element.node.path = tag.name.split(u'.');
        passTag(tag);
    } else if (kind == Kind::Block && container().kind == Kind::Parent) {
        openArgument(element, tag);
    } else {
        holdBlanks(element, tag);
    }
    m_open.push_back(std::move(element));
}

// A parent or parameter block is standalone when only blanks precede its opening tag and only
// blanks follow its closing tag, even on one line. Until the closing tag tells, the blanks before
// the opening tag are held back.
void MustacheParser::holdBlanks(OpenElement &element, const Tag &tag)
{
    element.blanksStart = blanksBefore(tag.start);
    if (!element.blanksStart) {
        appendText(m_pos, tag.start);
        m_pos = tag.end;
        return;
    }
    appendText(m_pos, *element.blanksStart);
    element.blanks = undented(*element.blanksStart, tag.start);
    const std::optional<LineEnd> lineEnd = blanksAfter(tag.end);
    if (!lineEnd) {
        element.blanksHeld = true;
        m_pos = tag.end;
        return;
    }
    element.openingAlone = true;
    element.intrinsic = blanksAt(lineEnd->next);
    m_pos = lineEnd->next;
}

// An argument block ({{$name}} directly inside {{<parent}}) whose opening tag ends its line starts
// on the next line; that line's indentation is cut from each of its lines, so the parent can
// indent the argument as its own block is indented. Text around it belongs to the parent, which
// ignores it.
void MustacheParser::openArgument(OpenElement &element, const Tag &tag)
{
    element.argument = true;
    const std::optional<LineEnd> lineEnd = blanksAfter(tag.end);
    m_pos = lineEnd ? lineEnd->next : tag.end;
    if (!lineEnd)
        return;
    const qsizetype lineStart = lineEnd->next;
    qsizetype end = lineStart;
    while (end < m_source.size() && isBlank(m_source[end]))
        ++end;
    const QString blanks = m_source.mid(lineStart, end - lineStart);
    if (blanks.startsWith(element.dedent))
        element.dedent = blanks;
}

bool MustacheParser::closeElement(const Tag &tag)
{
    if (m_open.empty()) {
        fail(tag.start, tr("unexpected %1").arg(tagText(u'/', tag.name)));
        return false;
    }
    if (m_open.back().node.text != tag.name) {
        fail(tag.start, tr("unexpected %1, expected %2")
                            .arg(tagText(u'/', tag.name), tagText(u'/', m_open.back().node.text)));
        return false;
    }
    switch (m_open.back().node.kind) {
    case Kind::Parent:
        closeParent(tag);
        break;
    case Kind::Block:
        if (m_open.back().argument)
            closeArgument(tag);
        else
            closeParameter(tag);
        break;
    default:
        closeSection(tag);
        break;
    }
    return true;
}

MustacheParser::OpenElement MustacheParser::takeOpenElement()
{
    OpenElement element = std::move(m_open.back());
    m_open.pop_back();
    return element;
}

void MustacheParser::closeSection(const Tag &tag)
{
    passTag(tag);
    attach(takeOpenElement().node);
}

void MustacheParser::closeParent(const Tag &tag)
{
    // The text before the closing tag belongs to the parent, which ignores it.
    const std::optional<LineEnd> lineEnd = blanksAfter(tag.end);
    const bool closingAlone = lineEnd && blanksBefore(tag.start);
    OpenElement element = takeOpenElement();
    MustacheNode &node = element.node;
    if (element.blanksStart && lineEnd) {
        node.standalone = true;
        node.indentation = element.blanks;
    } else if (element.blanksHeld) {
        appendText(*element.blanksStart, element.tagStart);
    }
    node.resumesAtLineStart = node.standalone || closingAlone;
    m_pos = node.resumesAtLineStart ? lineEnd->next : tag.end;
    attach(std::move(node));
}

void MustacheParser::closeArgument(const Tag &tag)
{
    // Blanks before the closing tag indent the tag, not the content.
    const std::optional<qsizetype> blanksStart = blanksBefore(tag.start);
    appendText(m_pos, blanksStart.value_or(tag.start));
    m_pos = tag.end;
    attach(takeOpenElement().node);
}

// A standalone parameter block lends its indentation to the argument that replaces it: the
// intrinsic indentation of its content when its opening tag had a line of its own, else the
// blanks before the opening tag. Unlike a partial's, its closing line ending stays (the spec's
// "Standalone block" and "Inherit indentation" cases).
void MustacheParser::closeParameter(const Tag &tag)
{
    const std::optional<qsizetype> blanksStart = blanksBefore(tag.start);
    const std::optional<LineEnd> lineEnd = blanksAfter(tag.end);
    const bool closingAlone = blanksStart && lineEnd;
    appendText(m_pos, closingAlone ? *blanksStart : tag.start);
    OpenElement element = takeOpenElement();
    MustacheNode &node = element.node;
    node.resumesAtLineStart = closingAlone;
    if (element.blanksStart && lineEnd) {
        node.standalone = true;
        node.indentation = element.openingAlone ? element.intrinsic : element.blanks;
        node.blanksCut = !element.openingAlone;
        m_pos = closingAlone ? lineEnd->next : lineEnd->blanksEnd;
    } else {
        if (element.blanksHeld)
            appendText(*element.blanksStart, element.tagStart);
        m_pos = closingAlone ? lineEnd->next : tag.end;
    }
    attach(std::move(node));
}

// Writes the text before a tag that prints nothing and moves past it. A standalone tag takes its
// whole line with it; then the start of its blanks is returned.
std::optional<qsizetype> MustacheParser::passTag(const Tag &tag)
{
    const std::optional<qsizetype> blanksStart = blanksBefore(tag.start);
    const std::optional<LineEnd> lineEnd = blanksStart ? blanksAfter(tag.end) : std::nullopt;
    if (!canStandAlone(tag.sigil) || !lineEnd) {
        appendText(m_pos, tag.start);
        m_pos = tag.end;
        return std::nullopt;
    }
    appendText(m_pos, *blanksStart);
    m_pos = lineEnd->next;
    return blanksStart;
}

// Where the blanks before a tag start, if nothing else precedes it on its line. Delimiters never
// hold blanks, so an earlier tag on the same line stops the walk back like any other text.
std::optional<qsizetype> MustacheParser::blanksBefore(qsizetype tagStart) const
{
    qsizetype i = tagStart;
    while (i > 0 && isBlank(m_source[i - 1]))
        --i;
    if (i == 0 || m_source[i - 1] == u'\n')
        return i;
    return std::nullopt;
}

std::optional<MustacheParser::LineEnd> MustacheParser::blanksAfter(qsizetype tagEnd) const
{
    const qsizetype size = m_source.size();
    qsizetype i = tagEnd;
    while (i < size && isBlank(m_source[i]))
        ++i;
    if (i == size)
        return LineEnd{i, i};
    if (m_source[i] == u'\n')
        return LineEnd{i, i + 1};
    if (m_source[i] == u'\r' && i + 1 < size && m_source[i + 1] == u'\n')
        return LineEnd{i, i + 2};
    return std::nullopt;
}

// The blanks that start the line at `lineStart`, less the current dedent.
QString MustacheParser::blanksAt(qsizetype lineStart) const
{
    qsizetype end = lineStart;
    while (end < m_source.size() && isBlank(m_source[end]))
        ++end;
    return undented(lineStart, end);
}

// Source from `from` (a line start) to `to`, less the current dedent.
QString MustacheParser::undented(qsizetype from, qsizetype to) const
{
    from = skipDedent(from, to);
    return m_source.mid(from, to - from);
}

// Skips as much of the current dedent as the line at `lineStart` begins with.
qsizetype MustacheParser::skipDedent(qsizetype lineStart, qsizetype limit) const
{
    const QString &prefix = dedent();
    qsizetype i = 0;
    while (i < prefix.size() && lineStart + i < limit && m_source[lineStart + i] == prefix[i])
        ++i;
    return lineStart + i;
}

const QString &MustacheParser::dedent() const
{
    static const QString none;
    return m_open.empty() ? none : m_open.back().dedent;
}

MustacheNode &MustacheParser::container()
{
    return m_open.empty() ? m_root : m_open.back().node;
}

void MustacheParser::appendText(qsizetype from, qsizetype to)
{
    MustacheNode &parent = container();
    if (from >= to || parent.kind == Kind::Parent)
        return;
    QString text;
    if (dedent().isEmpty()) {
        text = m_source.mid(from, to - from);
    } else {
        for (qsizetype p = from; p < to;) {
            if (p == 0 || m_source[p - 1] == u'\n')
                p = skipDedent(p, to);
            const qsizetype newline = QStringView(m_source).mid(p, to - p).indexOf(u'\n');
            const qsizetype end = newline < 0 ? to : p + newline + 1;
            text += QStringView(m_source).mid(p, end - p);
            p = end;
        }
    }
    if (text.isEmpty())
        return;
    if (!parent.children.empty() && parent.children.back().kind == Kind::Text) {
        parent.children.back().text += text;
        return;
    }
    MustacheNode node;
    node.kind = Kind::Text;
    node.text = std::move(text);
    parent.children.push_back(std::move(node));
}

// Inside a parent only argument blocks count; everything else there is dropped.
void MustacheParser::attach(MustacheNode &&node)
{
    MustacheNode &parent = container();
    if (parent.kind == Kind::Parent && node.kind != Kind::Block)
        return;
    parent.children.push_back(std::move(node));
}

// A tag as the writer wrote it, in the delimiters in force: "{{/tags}}".
QString MustacheParser::tagText(QChar sigil, const QString &name) const
{
    QString text = m_openDelimiter;
    if (!sigil.isNull())
        text += sigil;
    text += name;
    if (sigil == u'{')
        text += u'}';
    return text + m_closeDelimiter;
}

void MustacheParser::fail(qsizetype at, const QString &reason)
{
    if (m_error)
        return;
    const qsizetype line = QStringView(m_source).first(at).count(u'\n') + 1;
    m_error = Error{QStringLiteral("%1:%2: %3").arg(m_name, QString::number(line), reason)};
}

} // namespace quire
