#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace quire {

// One piece of a compiled Mustache template. The parser builds the tree once; renderers only read
// it, so one tree serves any number of threads. Comments and set-delimiter tags leave no node.
struct MustacheNode
{
    enum class Kind : quint8 {
        Root,             // children: the template
        Text,             // text: literal output
        Variable,         // {{name}}, {{{name}}} or {{&name}}
        Section,          // {{#name}} children {{/name}}
        InvertedSection,  // {{^name}} children {{/name}}
        Partial,          // {{>name}}
        Parent,           // {{<name}} children: only the argument blocks {{/name}}
        Block,            // {{$name}} children: default content, or the argument {{/name}}
    };

    Kind kind = Kind::Root;
    // Variable: HTML-escape the value ({{name}}), or not ({{{name}}}, {{&name}}).
    bool escaped = true;
    // Partial, Parent, Block: the tag (or the whole element) stands alone on its line(s). A
    // standalone partial or parent prepends `indentation` to each line it expands to; a
    // standalone block prepends it to each line of the argument that replaces it.
    bool standalone = false;
    // Block: the blanks before the opening tag were cut (they are `indentation`); its default
    // content puts them back.
    bool blanksCut = false;
    // Partial, Parent, Block: after the expansion the template goes on at the start of a line
    // (the tag's own line ending was removed).
    bool resumesAtLineStart = false;
    // Text: the text. Others: the name as written.
    QString text;
    // Variable, Section, InvertedSection: the dotted name split at the dots; empty for ".".
    QStringList path;
    // Partial, Parent, Block: see `standalone`.
    QString indentation;
    std::vector<MustacheNode> children;
};

} // namespace quire
