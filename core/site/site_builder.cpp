#include "site/site_builder.h"

#include "site/site_build.h"

namespace quire {

SiteBuilder::SiteBuilder(Library &library) : m_library(library) {}

Result<SiteBuilder::Report> SiteBuilder::build(const Options &options)
{
    return SiteBuild::run(m_library, options);
}

} // namespace quire
