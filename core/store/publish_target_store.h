#pragma once

#include "result.h"
#include "store/publish_target_record.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace quire {

class PublishTargetRepository;
class StoreContext;

// Where the blog is published, by name (names compare without case). PublishTargets (publish/)
// checks a target before it is saved here.
class PublishTargetStore
{
public:
    explicit PublishTargetStore(StoreContext &context);
    ~PublishTargetStore();
    PublishTargetStore(const PublishTargetStore &) = delete;
    PublishTargetStore &operator=(const PublishTargetStore &) = delete;

    Result<QList<PublishTargetRecord>> list() const;   // by name
    Result<std::optional<PublishTargetRecord>> find(const QString &name) const;
    // Inserts target when its id is 0, else updates the target with its id (a rename too);
    // refuses a name another target has. The target as stored.
    Result<PublishTargetRecord> save(const PublishTargetRecord &target);
    Result<void> remove(const QString &name);

private:
    StoreContext &m_context;
    std::unique_ptr<PublishTargetRepository> m_targets;
};

} // namespace quire
