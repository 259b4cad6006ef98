#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace quire {

// Brings what an imported file says within the post rules (PostRules), as a writer would expect:
// a value the rules refuse is fixed in a stated way, never dropped or changed without a word,
// and each fix adds a warning for the import report. What the metadata panel does without a
// word (trimming, tidying the white space in a tag, dropping blank and repeated tags) is done
// here without one too.
class ImportFixer
{
    Q_DECLARE_TR_FUNCTIONS(quire::ImportFixer)

public:
    // Control characters and direction controls taken out, cut at a space to
    // PostRules::MaxTitleLength. Empty when nothing is left to read: the caller finds another.
    static QString title(const QString &title, QStringList &warnings);
    // Each tag with its control characters taken out and cut to PostRules::MaxTagLength; one
    // left empty is dropped (with a warning), and so are repeats in any case (without one).
    static QStringList tags(const QStringList &tags, QStringList &warnings);
    // Control characters but line breaks and tabs taken out, cut at a space to
    // PostRules::MaxSummaryLength.
    static QString summary(const QString &summary, QStringList &warnings);
    // Control characters taken out, cut to PostRules::MaxKindLength.
    static QString kind(const QString &kind, QStringList &warnings);
};

} // namespace quire
