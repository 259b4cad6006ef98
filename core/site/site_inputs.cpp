#include "site/site_inputs.h"

#include "store/asset_store.h"
#include "store/library.h"
#include "store/post_store.h"

namespace quire {

namespace {

Result<SiteSettings> settingsOf(const Library &library, const QString &baseUrl)
{
    Result<SiteSettings> settings = SiteSettings::fromLibrary(library);
    if (!settings || baseUrl.isEmpty())
        return settings;
    Result<QUrl> url = SiteSettings::parseBaseUrl(baseUrl);
    if (!url)
        return url.error();
    settings->baseUrl = *url;
    return settings;
}

} // namespace

Result<SiteInputs> SiteInputs::read(Library &library, const SiteBuilder::Options &options)
{
    SiteInputs inputs;
    Result<SiteSettings> settings = settingsOf(library, options.baseUrl);
    if (!settings)
        return settings.error();
    inputs.settings = *settings;
    Result<SiteTheme> theme = SiteTheme::ofLibrary(library);
    if (!theme)
        return theme.error();
    inputs.theme = std::move(*theme);

    Result<QList<Post>> posts = library.posts().all();
    if (!posts)
        return posts.error();
    Result<QList<Tag>> tags = library.posts().tags();
    if (!tags)
        return tags.error();
    Result<QList<Asset>> assets = library.assets().list();
    if (!assets)
        return assets.error();
    inputs.media = SiteMedia(*assets, options.imageScaler != nullptr);
    inputs.now = library.now();
    inputs.plan = SitePlan::make(*posts, *tags, inputs.settings, SitePlan::Options{options.includeDrafts, inputs.now});
    inputs.engineVersion = RenderWorker(options.worker).engineVersion();
    return inputs;
}

} // namespace quire
