#pragma once

#include "result.h"
#include "theme/mustache_node.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace quire {

// Turns Mustache source into a MustacheNode tree: tags, set-delimiter changes, and the spec's
// whitespace rules (standalone lines, indentation of partials, parents and blocks). An Error names
// the template, the 1-based line and the reason: "post.mustache:12: unclosed section "tags"".
class MustacheParser
{
    Q_DECLARE_TR_FUNCTIONS(quire::MustacheParser)

public:
    // Deeper nesting of sections, parents and blocks is an error (no real template comes close).
    static constexpr int MaxNesting = 100;

    MustacheParser(const QString &source, const QString &name);

    Result<MustacheNode> parse();

private:
    struct Tag
    {
        QChar sigil;          // '#', '^', '/', '>', '<', '$', '!', '=', '&', '{', or none: a variable
        QString name;         // the content without the sigil, trimmed
        qsizetype start = 0;  // first character of the opening delimiter
        qsizetype end = 0;    // just after the closing delimiter
    };

    // The end of a line that holds nothing but blanks after a tag.
    struct LineEnd
    {
        qsizetype blanksEnd;  // where the line ending (or the source) starts
        qsizetype next;       // just after the line ending: the start of the next line
    };

    // A section, parent or block whose closing tag has not been reached yet.
    struct OpenElement
    {
        MustacheNode node;
        qsizetype tagStart = 0;
        // Cut from the start of every line of the content (an argument block's own indentation).
        QString dedent;
        // The opening tag has nothing but blanks before it on its line: where they start.
        std::optional<qsizetype> blanksStart;
        QString blanks;             // those blanks, less `dedent`
        bool blanksHeld = false;    // not written yet: they go back if the element is not standalone
        bool openingAlone = false;  // the opening tag was standalone and its line removed
        QString intrinsic;          // then: the blanks that start the line after it
        bool argument = false;      // a block directly inside a parent
    };

    std::optional<Tag> readTag(qsizetype start);
    bool handleTag(const Tag &tag);
    void addVariable(const Tag &tag);
    void addPartial(const Tag &tag);
    bool setDelimiters(const Tag &tag);
    void openElement(MustacheNode::Kind kind, const Tag &tag);
    void holdBlanks(OpenElement &element, const Tag &tag);
    void openArgument(OpenElement &element, const Tag &tag);
    bool closeElement(const Tag &tag);
    OpenElement takeOpenElement();
    void closeSection(const Tag &tag);
    void closeParent(const Tag &tag);
    void closeArgument(const Tag &tag);
    void closeParameter(const Tag &tag);

    std::optional<qsizetype> passTag(const Tag &tag);
    std::optional<qsizetype> blanksBefore(qsizetype tagStart) const;
    std::optional<LineEnd> blanksAfter(qsizetype tagEnd) const;
    QString blanksAt(qsizetype lineStart) const;
    QString undented(qsizetype from, qsizetype to) const;
    qsizetype skipDedent(qsizetype lineStart, qsizetype limit) const;
    const QString &dedent() const;
    MustacheNode &container();
    void appendText(qsizetype from, qsizetype to);
    void attach(MustacheNode &&node);
    QString tagText(QChar sigil, const QString &name) const;
    void fail(qsizetype at, const QString &reason);

    const QString &m_source;
    const QString &m_name;
    QString m_openDelimiter = QStringLiteral("{{");
    QString m_closeDelimiter = QStringLiteral("}}");
    qsizetype m_pos = 0;
    MustacheNode m_root;
    std::vector<OpenElement> m_open;
    std::optional<Error> m_error;
};

} // namespace quire
