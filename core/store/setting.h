#pragma once

namespace quire {

// The library's settings, each stored as text under its own key (SettingStore::key). The site's
// settings are checked by SiteSettings (site/), which is how they are written; the rest are
// remembered choices of the window.
enum class Setting {
    SiteTitle,
    SiteDescription,
    SiteAuthor,
    SiteBaseUrl,
    SiteLanguage,
    SitePostsPerPage,
    SitePermalink,
    ExportFolder,          // File › Export Site…: the folder last built into
    ExportDrafts,          // "true" or "false"
    ImportFolder,          // File › Import Blog…
    MarkdownExportFolder,  // File › Export Markdown…
    MarkdownExportFlavor,  // "hugo" or "jekyll"
    SpellingLanguage,      // a Hunspell dictionary name, "en_US"
};

} // namespace quire
