#pragma once

#include "publish/publish_target.h"
#include "result.h"

#include <QList>
#include <QString>

#include <optional>

namespace quire {

class Library;

// The library's publish targets as PublishTarget values: store/ keeps them as rows
// (PublishTargetRecord), and every target is checked (PublishTarget::check) before it is saved.
class PublishTargets
{
public:
    static Result<QList<PublishTarget>> list(const Library &library);   // by name
    // Names compare without case.
    static Result<std::optional<PublishTarget>> find(const Library &library, const QString &name);
    // Inserts target when its id is 0, else updates the target with its id (a rename too), after
    // PublishTarget::check(); refuses a name another target has. The target as stored.
    static Result<PublishTarget> save(Library &library, const PublishTarget &target);
    static Result<void> remove(Library &library, const QString &name);
};

} // namespace quire
