#pragma once

#include "site/build_problem.h"
#include "site/post_facts.h"

#include <QCoreApplication>
#include <QList>

namespace quire {

class SiteFiles;
struct SiteInputs;

// The problems a build reports, for the writer to fix: a theme that cannot be used, two pages at
// one address, what rendering found in a post (TeX errors, images without alt text), and covers,
// images and links that lead nowhere in the site (a link to a draft says so). From the posts'
// facts, remembered between builds, so a build that renders nothing reports as much as one that
// renders everything.
class SiteChecks
{
    Q_DECLARE_TR_FUNCTIONS(quire::SiteChecks)

public:
    // The site's own: the built-in theme standing in for the library's, and posts left out
    // because an earlier page has their address.
    static QList<BuildProblem> site(const SiteInputs &inputs);
    // Each post's problems, once every file of the site is written (`files`).
    static QList<BuildProblem> posts(const SiteInputs &inputs, const QList<PostFacts> &facts, const SiteFiles &files);
};

} // namespace quire
