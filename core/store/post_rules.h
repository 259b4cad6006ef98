#pragma once

#include "store/post.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace quire {

// What a post's title and metadata may be, one set of rules for every way a post comes in: the
// metadata panel, `quire new` and import. A check returns the reason in words when it refuses a
// value and an empty string when the value is fine; whether a slug is free is the library's to
// answer (PostStore). Lengths count UTF-16 code units, as QString does.
//
// The store does not enforce these rules: a library holds posts from before them, and an import
// fixes what they refuse (saying so) rather than failing. It does make new slugs by them.
class PostRules
{
    Q_DECLARE_TR_FUNCTIONS(quire::PostRules)

public:
    static constexpr qsizetype MaxTitleLength = 1000;
    static constexpr qsizetype MaxSlugLength = 80;   // where Slug::fromText cuts
    static constexpr qsizetype MaxTagLength = 100;
    static constexpr qsizetype MaxSummaryLength = 1000;
    static constexpr qsizetype MaxKindLength = 100;

    // Something to read (not only white space or invisible characters), at most MaxTitleLength.
    // Line breaks and tabs may be in it (pages show them as spaces); other control characters,
    // half surrogate pairs and the direction controls U+202A–U+202E and U+2066–U+2069 (which
    // reorder the text shown after the title) may not. Other invisible format characters may:
    // scripts and emoji need joiners, and mixed-direction titles the marks U+200E and U+200F.
    static QString titleProblem(const QString &title);
    // Lowercase letters and digits with single hyphens between them, at most MaxSlugLength.
    static QString slugProblem(const QString &slug);
    // One tag: at most MaxTagLength once its white space is tidied, no control or format characters.
    static QString tagProblem(const QString &tag);
    // At most MaxSummaryLength; no control or format characters but line breaks and tabs.
    static QString summaryProblem(const QString &summary);
    // At most MaxKindLength; no control or format characters.
    static QString kindProblem(const QString &kind);
    // A scheduled post needs a date after now; a published one needs a date.
    static QString dateProblem(PostStatus status, const QDateTime &publishedAt, const QDateTime &now);

    struct Tags
    {
        QStringList names;   // white space tidied, blanks and repeats (in any case) dropped, in order
        QString problem;     // why the last refused tag was left out; empty when none was
    };
    // The tags the rules keep of those given.
    static Tags tags(const QStringList &tags);

    // The slug text gives: its letters and digits, lowercase, with a hyphen wherever anything else
    // was, cut to MaxSlugLength (at a hyphen where one is near). Empty when text has no letter or
    // digit; otherwise a slug the rules accept.
    static QString slugFrom(const QString &text);
    // The slug a title gives a post: slugFrom(title), or "post" when that is empty. The library
    // appends "-2", "-3"… when another post has it.
    static QString titleSlug(const QString &title);
    // Whether slug is one the title gives: titleSlug(title), or that with "-n" appended.
    static bool isTitleSlug(const QString &slug, const QString &title);
    // Whether the post's slug follows its title as the title changes: only a draft that never went
    // out (no date: once published, links to it exist) and whose slug its title gave (one that the
    // title could not have given was chosen by hand, and stays).
    static bool slugFollowsTitle(const Post &post);

    // A value brought within the rules: the characters they refuse taken out (white space ones
    // become spaces), then cut at a space near the limit, or at the limit. May be empty.
    struct Fixed
    {
        QString value;
        bool removed = false;   // characters were taken out
        bool cut = false;       // it was longer than the limit
    };
    static Fixed fixTitle(const QString &title);   // trimmed
    static Fixed fixTag(const QString &tag);       // white space tidied
    static Fixed fixSummary(const QString &summary);   // trimmed
    static Fixed fixKind(const QString &kind);     // trimmed
};

} // namespace quire
