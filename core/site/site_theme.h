#pragma once

#include "result.h"
#include "theme/theme.h"
#include "theme/theme_templates.h"

#include <QCoreApplication>
#include <QString>

namespace quire {

class Library;

// The theme the site is built in and the preview drawn in, compiled: one answer for both. It is
// the library's active theme; or, when the library does not hold the theme its settings name, or
// holds it damaged or with templates that do not compile, Quire's default built-in theme as this
// Quire ships it, with the reason. A broken theme then neither stops a build nor blanks the
// preview, and the writer is told why the site does not look as chosen (the build reports it as
// a problem of the site, the preview in its status line).
class SiteTheme
{
    Q_DECLARE_TR_FUNCTIONS(quire::SiteTheme)

public:
    SiteTheme() = default;

    // The library's theme, or the built-in one in its place. An Error when the library cannot be
    // read, or when Quire's own theme is missing or broken (a packaging mistake).
    static Result<SiteTheme> ofLibrary(const Library &library);
    // Quire's default built-in theme (ThemeStore::defaultName(), from BuiltinThemes::shipped()),
    // for a preview without a library: no reason given.
    static Result<SiteTheme> builtin();

    const Theme &theme() const { return m_theme; }
    const ThemeTemplates &templates() const { return m_templates; }
    // Why the built-in theme stands in for the library's, in a sentence for the writer; empty
    // when the library's own theme is used.
    const QString &fallbackReason() const { return m_fallbackReason; }

private:
    // The built-in theme in place of the theme called `name`, which cannot be used because of `why`.
    static Result<SiteTheme> fallback(const QString &name, const QString &why);

    Theme m_theme;
    ThemeTemplates m_templates;
    QString m_fallbackReason;
};

} // namespace quire
