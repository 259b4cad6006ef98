#pragma once

#include "store/post.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace quire {

// What the metadata panel accepts from the author, with the reason in words when it refuses.
// An empty reason means the value is fine. Uniqueness of a slug is the library's to answer.
class MetadataRules
{
    Q_DECLARE_TR_FUNCTIONS(quire::MetadataRules)

public:
    static constexpr int MaxTagLength = 100;
    static constexpr int MaxSummaryLength = 1000;
    static constexpr int MaxKindLength = 100;

    // Lowercase letters, digits and single hyphens between them, as the library stores it.
    static QString slugProblem(const QString &slug);

    struct Tags
    {
        QStringList names;   // trimmed, blanks and repeats (in any case) dropped, in order
        QString problem;
    };
    // Comma-separated tags as typed.
    static Tags parseTags(const QString &text);
    static QString joinTags(const QStringList &names);

    static QString summaryProblem(const QString &summary);
    static QString kindProblem(const QString &kind);
    // A scheduled post needs a date after now; a published one needs a date.
    static QString dateProblem(PostStatus status, const QDateTime &publishedAt, const QDateTime &now);
};

} // namespace quire
