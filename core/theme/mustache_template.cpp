#include "theme/mustache_template.h"

#include "theme/mustache_node.h"
#include "theme/mustache_parser.h"
#include "theme/mustache_renderer.h"

namespace quire {

Result<MustacheTemplate> MustacheTemplate::parse(const QString &source, const QString &name)
{
    Result<MustacheNode> root = MustacheParser(source, name).parse();
    if (!root)
        return root.error();
    MustacheTemplate compiled;
    compiled.m_root = std::make_shared<const MustacheNode>(std::move(root).value());
    compiled.m_name = name;
    return compiled;
}

Result<QString> MustacheTemplate::render(const QVariant &context, const PartialResolver &partials) const
{
    return MustacheRenderer(context, partials).render(*this);
}

} // namespace quire
