#pragma once

#include "site/build_problem.h"
#include "site/post_facts.h"

#include <QCoreApplication>
#include <QList>

namespace quire {

class SiteFiles;
class SitePlan;
struct SiteInputs;

// The problems a build reports, for the writer to fix: two pages at one address, what rendering
// found in a post (TeX errors, images without alt text), and covers, images and links that lead
// nowhere in the site (a link to a draft says so). From the posts' facts, remembered between
// builds, so a build that renders nothing reports as much as one that renders everything.
class SiteChecks
{
    Q_DECLARE_TR_FUNCTIONS(quire::SiteChecks)

public:
    // Posts left out because an earlier page has their address.
    static QList<BuildProblem> collisions(const SitePlan &plan);
    // Each post's problems, once every file of the site is written (`files`).
    static QList<BuildProblem> posts(const SiteInputs &inputs, const QList<PostFacts> &facts, const SiteFiles &files);
};

} // namespace quire
