#pragma once

#include "result.h"
#include "site/site_builder.h"
#include "site/site_media.h"
#include "site/site_plan.h"
#include "site/site_settings.h"
#include "site/site_theme.h"

#include <QDateTime>
#include <QString>

namespace quire {

class Library;

// What one build reads from the library, all of it before anything is written: a setting that
// cannot be used stops the build while the output folder is still as it was. Read once, then
// shared by every step and thread of the build, read-only.
struct SiteInputs
{
    SiteSettings settings;      // the library's, with the build's base URL when it gives one
    SiteTheme theme;            // the library's, or the built-in one in its place
    SitePlan plan;              // which posts and tags the site shows, where
    SiteMedia media;            // the library's images, by the names the site gives them
    QDateTime now;              // the library's clock at the start of the build
    QString engineVersion;      // of the math and code renderer (RenderWorker::engineVersion)

    // An error names the setting, theme or table that could not be read.
    static Result<SiteInputs> read(Library &library, const SiteBuilder::Options &options);
};

} // namespace quire
