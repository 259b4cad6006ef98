#pragma once

class QTextCursor;

namespace quire {

// Markdown-aware Enter, Tab and Shift+Tab for the editor: lists and block quotes continue,
// an empty item ends its list, list items and selected lines indent by one level. Each call
// is a single undo step; false means "not mine, let the editor do its default".
class ListEditing
{
public:
    // Enter: continues a list item or quote, ends the list on an empty item, keeps the
    // indentation elsewhere (in code fences too).
    static bool insertNewline(QTextCursor cursor);
    // Tab: indents a list item, or every line of a selection spanning several lines.
    static bool indent(QTextCursor cursor);
    // Shift+Tab: outdents the current line or every line of the selection.
    static bool outdent(QTextCursor cursor);

    // One level of list nesting: enough for the content of "- " and "10. " alike.
    static constexpr int IndentWidth = 4;
};

} // namespace quire
