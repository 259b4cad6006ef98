#pragma once

#include "result.h"

#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace quire {

struct MustacheNode;

// A compiled Mustache template (https://mustache.github.io/mustache.5.html): every core module of
// the spec (variables, sections, inverted sections, comments, partials, set delimiters) plus
// inheritance, the {{<parent}} and {{$block}} tags theme layouts are made of. No lambdas.
// Compile once, render many times: a template never changes after parse(), copies share it, and
// render() may run on several threads at once.
class MustacheTemplate
{
public:
    // The template a {{>name}} or {{<name}} tag names, or nullptr (which renders as nothing).
    // render() calls it as it goes, so it must be as thread-safe as the rendering.
    using PartialResolver = std::function<const MustacheTemplate *(const QString &name)>;

    // The empty template: renders as "".
    MustacheTemplate() = default;

    // Compiles `source`. `name` (usually the file name) starts each error message, with the line
    // and the reason: "post.mustache:12: unclosed section "tags"".
    static Result<MustacheTemplate> parse(const QString &source, const QString &name);

    const QString &name() const { return m_name; }

    // Renders with `context` as the outermost context. Maps (QVariantMap, QVariantHash) hold the
    // names; lists (QVariantList, QStringList) repeat a section once per item; strings, numbers
    // and bools print (1.21 as "1.21", 85.0 as "85"). A section is skipped, and an inverted one
    // shown, for a missing value, null, false, an empty list or an empty string. {{name}} is
    // HTML-escaped (& < > " '), {{{name}}} and {{&name}} are not; a missing partial is empty.
    // The only error is a runaway template: partials nested more than 100 levels deep (one that
    // includes itself without end) or far too much repetition.
    Result<QString> render(const QVariant &context, const PartialResolver &partials = {}) const;

private:
    friend class MustacheRenderer;

    std::shared_ptr<const MustacheNode> m_root;
    QString m_name;
};

} // namespace quire
