#pragma once

#include <QString>

class QWidget;

namespace quire {

class PreviewPane;

// Where the live preview comes from. The preview and QtWebEngine live in a module of their own
// (libquire-preview.so, beside the program in a build, in LIBDIR/quire once installed), loaded
// when the window first needs a preview. A program that links the preview instead (the tests)
// has it provided before main(). The module also makes the Site Preview window (the exported
// site browsed offline).
class PreviewModule
{
public:
    using Factory = PreviewPane *(*)(QWidget *parent);
    using SitePreviewFactory = QWidget *(*)(const QString &siteFolder, QWidget *parent);

    // Called as the preview's code is loaded: by the module, or by a program linking it.
    static void provide(Factory factory, SitePreviewFactory sitePreviewFactory);
    static bool isLoaded();

    // Loads the module, from `path` or else from where Quire installs it; true when a preview can
    // be made (also when it already could). On failure errorString() says why.
    static bool load(const QString &path = QString());
    static QString errorString();

    // A new preview, loading the module first if need be; nullptr when it cannot be loaded.
    static PreviewPane *create(QWidget *parent);
    // A new Site Preview window browsing an exported site folder offline, loading the module
    // first if need be; nullptr when it cannot be loaded (errorString() says why). It is a window
    // of its own (parent only ties its lifetime) and deletes itself when closed: show() it.
    static QWidget *createSitePreview(const QString &siteFolder, QWidget *parent);

private:
    static QStringList candidates();
};

} // namespace quire
