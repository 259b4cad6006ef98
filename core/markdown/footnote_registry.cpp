#include "markdown/footnote_registry.h"

#include "markdown/slug.h"

#include <QString>

namespace quire {

namespace {

std::string labelKey(std::string_view label)
{
    std::string key(label);
    for (char &c : key) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return key;
}

} // namespace

FootnoteRegistry::FootnoteRegistry(std::vector<FootnoteDefinition> definitions)
{
    m_notes.reserve(definitions.size());
    for (FootnoteDefinition &definition : definitions) {
        if (m_byLabel.emplace(labelKey(definition.label), m_notes.size()).second)
            m_notes.push_back(Note{std::move(definition), 0, {}, 0});
    }
}

std::optional<FootnoteRegistry::Reference> FootnoteRegistry::addReference(std::string_view label)
{
    const auto found = m_byLabel.find(labelKey(label));
    if (found == m_byLabel.end())
        return std::nullopt;
    Note &note = m_notes[found->second];
    if (note.number == 0) {
        m_referenced.push_back(found->second);
        note.number = int(m_referenced.size());
        note.anchorId = uniqueAnchorId(note);
    }
    ++note.referenceCount;
    return Reference{note.number, note.anchorId, note.referenceCount};
}

// The label as a slug ("Über" gives "über"), or the footnote's number when the label has no
// letters or digits; a suffix when another footnote's label gave the same slug.
std::string FootnoteRegistry::uniqueAnchorId(const Note &note)
{
    std::string id = Slug::fromText(QString::fromUtf8(note.definition.label.data(), qsizetype(note.definition.label.size())))
                         .toStdString();
    if (id.empty())
        id = std::to_string(note.number);
    const std::string base = id;
    for (int suffix = 2; m_anchorIds.count(id); ++suffix)
        id = base + '-' + std::to_string(suffix);
    m_anchorIds.insert(id);
    return id;
}

} // namespace quire
