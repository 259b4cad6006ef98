#pragma once

#include "markdown/footnote_extractor.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace quire {

// The footnotes of one document: their definitions, and the order in which the text refers
// to them (footnotes are numbered by first reference, as on GitHub).
class FootnoteRegistry
{
public:
    struct Note
    {
        FootnoteDefinition definition;
        int number = 0;             // 1-based, in order of first reference; 0 while unreferenced
        std::string anchorId;       // "fn-<anchorId>" / "fnref-<anchorId>": no quotes, no spaces
        int referenceCount = 0;
    };

    struct Reference
    {
        int number = 0;
        std::string anchorId;
        int occurrence = 1;         // the first, second, ... reference to this footnote
    };

    // The first definition of a label wins; labels match without regard to ASCII case.
    explicit FootnoteRegistry(std::vector<FootnoteDefinition> definitions);

    bool isEmpty() const { return m_notes.empty(); }
    // Records a reference to `label`; nothing when no footnote has that label.
    std::optional<Reference> addReference(std::string_view label);
    // The referenced footnotes, in number order. Rendering one may reference more.
    int referencedCount() const { return int(m_referenced.size()); }
    const Note &referenced(int index) const { return m_notes[m_referenced[size_t(index)]]; }

private:
    std::string uniqueAnchorId(const Note &note);

    std::vector<Note> m_notes;
    std::unordered_map<std::string, size_t> m_byLabel;
    std::vector<size_t> m_referenced;
    std::unordered_set<std::string> m_anchorIds;
};

} // namespace quire
