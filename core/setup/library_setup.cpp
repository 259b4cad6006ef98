#include "setup/library_setup.h"

#include "site/library_themes.h"
#include "store/post_history.h"
#include "store/post_store.h"
#include "store/theme_store.h"
#include "theme/builtin_themes.h"

#include <QFile>

#include <algorithm>

namespace quire {

Result<std::unique_ptr<Library>> LibrarySetup::open(const QString &path, Library::OpenMode mode)
{
    Result<std::unique_ptr<Library>> library = Library::open(path, mode);
    if (!library)
        return library;
    if (Result<void> prepared = prepare(**library); !prepared)
        return prepared.error();
    return library;
}

Result<void> LibrarySetup::prepare(Library &library)
{
    if (Result<void> installed = installBuiltinThemes(library); !installed)
        return Error{tr("The built-in themes could not be installed in %1: %2").arg(library.path(), installed.errorMessage())};
    return {};
}

Result<void> LibrarySetup::installBuiltinThemes(Library &library)
{
    Result<QList<Theme>> shipped = BuiltinThemes::shipped();
    if (!shipped)
        return shipped.error();
    Result<QList<ThemeRecord>> stored = library.themes().list();
    if (!stored)
        return stored.error();
    QList<const Theme *> wanted;
    for (const Theme &theme : std::as_const(*shipped)) {
        const auto same = std::find_if(stored->cbegin(), stored->cend(), [&](const ThemeRecord &existing) {
            return existing.name == theme.manifest.name;
        });
        // A user's theme of the same name stays; a built-in one is replaced only by a newer version.
        if (same == stored->cend()
            || (same->builtin && ThemeManifest::compareVersions(same->version, theme.manifest.version) < 0))
            wanted.append(&theme);
    }
    if (wanted.isEmpty())
        return {};
    return library.transaction([&]() -> Result<void> {
        for (const Theme *theme : std::as_const(wanted)) {
            if (Result<void> saved = library.themes().saveBuiltin(LibraryThemes::record(*theme)); !saved)
                return saved;
        }
        return {};
    });
}

Result<void> LibrarySetup::addWelcomePost(Library &library)
{
    QFile file(QStringLiteral(":/quire/welcome/welcome.md"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("WelcomePost", "The welcome post is missing from this build of Quire.")};
    Post post;
    post.title = QCoreApplication::translate("WelcomePost", "Welcome to Quire");
    post.body = QString::fromUtf8(file.readAll());
    post.summary = QCoreApplication::translate("WelcomePost", "What a Quire post can hold.");
    post.tags = {QStringLiteral("quire")};
    Result<Post> created = library.posts().create(post);
    if (!created)
        return created.error();
    return library.history().save(*created, RevisionReason::Save);
}

} // namespace quire
