#include "site/post_facts.h"

#include <QDataStream>

namespace quire {

PostFacts PostFacts::fromDocument(const RenderedDocument &document)
{
    PostFacts facts;
    facts.wordCount = document.wordCount;
    facts.readingMinutes = document.readingMinutes;
    facts.outline = document.outline;
    for (const OutlineEntry &entry : document.outline) {
        if (entry.level == 2 || entry.level == 3)
            facts.toc.append(entry);
    }
    return facts;
}

PostFacts::Cover PostFacts::coverOf(const Asset &asset)
{
    return Cover{asset.name, asset.alt, asset.width, asset.height};
}

QDataStream &operator<<(QDataStream &out, const PostFacts &facts)
{
    // Not the table of contents: only the post's own page shows it, and that page is rendered
    // from fresh facts. (At 10,000 posts it would double the time to read the rest.)
    out << facts.summary << qint32(facts.wordCount) << qint32(facts.readingMinutes) << quint32(facts.links.size());
    for (const PostFacts::Link &link : facts.links)
        out << link.target << link.image << qint32(link.line);
    out << quint32(facts.issues.size());
    for (const PostFacts::Issue &issue : facts.issues)
        out << qint32(issue.line) << issue.reason;
    out << facts.needsKatexCss << facts.needsHighlightCss;
    return out << facts.cover.name << facts.cover.alt << qint32(facts.cover.width) << qint32(facts.cover.height);
}

QDataStream &operator>>(QDataStream &in, PostFacts &facts)
{
    // Counts are checked against what a post can hold, so a damaged file cannot ask for gigabytes.
    constexpr quint32 MaxItems = 1'000'000;
    const auto readCount = [&in] {
        quint32 count = 0;
        in >> count;
        if (count > MaxItems)
            in.setStatus(QDataStream::ReadCorruptData);
        return in.status() == QDataStream::Ok ? count : 0;
    };
    qint32 words = 0, minutes = 0;
    in >> facts.summary >> words >> minutes;
    facts.wordCount = words;
    facts.readingMinutes = minutes;
    for (quint32 i = 0, count = readCount(); i < count && in.status() == QDataStream::Ok; ++i) {
        PostFacts::Link link;
        qint32 line = 0;
        in >> link.target >> link.image >> line;
        link.line = line;
        facts.links.append(link);
    }
    for (quint32 i = 0, count = readCount(); i < count && in.status() == QDataStream::Ok; ++i) {
        PostFacts::Issue issue;
        qint32 line = 0;
        in >> line >> issue.reason;
        issue.line = line;
        facts.issues.append(issue);
    }
    in >> facts.needsKatexCss >> facts.needsHighlightCss;
    qint32 width = 0, height = 0;
    in >> facts.cover.name >> facts.cover.alt >> width >> height;
    facts.cover.width = width;
    facts.cover.height = height;
    return in;
}

} // namespace quire
