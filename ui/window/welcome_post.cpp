#include "window/welcome_post.h"

#include "store/library.h"

#include <QCoreApplication>
#include <QFile>

namespace quire {

Result<void> WelcomePost::addTo(Library &library)
{
    QFile file(QStringLiteral(":/quire/welcome/welcome.md"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("WelcomePost", "The welcome post is missing from this build of Quire.")};
    Post post;
    post.title = QCoreApplication::translate("WelcomePost", "Welcome to Quire");
    post.body = QString::fromUtf8(file.readAll());
    post.summary = QCoreApplication::translate("WelcomePost", "What a Quire post can hold.");
    post.tags = {QStringLiteral("quire")};
    auto created = library.createPost(post);
    if (!created)
        return created.error();
    return library.saveDraft(*created, RevisionReason::Save);
}

} // namespace quire
