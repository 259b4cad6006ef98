#pragma once

#include "result.h"
#include "theme/mustache_context.h"
#include "theme/mustache_node.h"
#include "theme/mustache_template.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace quire {

// One rendering of a template: walks its node tree with a context stack and writes the output.
// Lives for one MustacheTemplate::render() call on one thread; the trees it reads never change.
class MustacheRenderer
{
    Q_DECLARE_TR_FUNCTIONS(quire::MustacheRenderer)

public:
    // Partials and parents nested deeper than this stop the rendering (a partial that includes
    // itself without end).
    static constexpr int MaxPartialDepth = 100;
    // Any nesting deeper than this stops it too (blocks that keep replacing themselves).
    static constexpr int MaxDepth = 1000;
    // So do more node lists than this in one rendering (a partial that includes itself twice, or
    // sections nested over lists, grows exponentially long before it grows deep).
    static constexpr qint64 MaxSteps = 10'000'000;

    MustacheRenderer(const QVariant &context, const MustacheTemplate::PartialResolver &partials);

    Result<QString> render(const MustacheTemplate &root);

private:
    void renderNodes(const std::vector<MustacheNode> &nodes);
    void renderNode(const MustacheNode &node);
    void renderVariable(const MustacheNode &node);
    void renderSection(const MustacheNode &node);
    void renderInverted(const MustacheNode &node);
    void renderIn(const QVariant &context, const MustacheNode &section);
    void renderPartial(const MustacheNode &node);
    void renderParent(const MustacheNode &node);
    void renderBlock(const MustacheNode &node);
    void expand(const MustacheNode &tag, const MustacheTemplate &target);
    const MustacheTemplate *findTemplate(const QString &name) const;
    const MustacheNode *findArgument(const QString &name) const;
    void writeText(QStringView text);
    void startLine();
    void fail(const QString &reason);

    MustacheContext m_context;
    const MustacheTemplate::PartialResolver &m_partials;
    QString m_templateName;
    QString m_out;
    // Prepended to each template line written while expanding standalone partials and blocks.
    QString m_indentation;
    bool m_atLineStart = true;
    // The parents being expanded, outermost first: their argument blocks replace blocks.
    std::vector<const MustacheNode *> m_parents;
    int m_depth = 0;
    int m_partialDepth = 0;
    qint64 m_steps = 0;
    std::optional<Error> m_error;
};

} // namespace quire
