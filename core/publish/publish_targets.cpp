#include "publish/publish_targets.h"

#include "store/library.h"
#include "store/publish_target_store.h"

namespace quire {

namespace {

Result<PublishTarget> fromRecord(const PublishTargetRecord &record)
{
    return PublishTarget::fromConfig(record.id, record.name, record.kind, record.config);
}

} // namespace

Result<QList<PublishTarget>> PublishTargets::list(const Library &library)
{
    Result<QList<PublishTargetRecord>> records = library.publishTargets().list();
    if (!records)
        return records.error();
    QList<PublishTarget> targets;
    for (const PublishTargetRecord &record : std::as_const(*records)) {
        Result<PublishTarget> target = fromRecord(record);
        if (!target)
            return target.error();
        targets.append(*target);
    }
    return targets;
}

Result<std::optional<PublishTarget>> PublishTargets::find(const Library &library, const QString &name)
{
    Result<std::optional<PublishTargetRecord>> record = library.publishTargets().find(name);
    if (!record)
        return record.error();
    if (!*record)
        return std::optional<PublishTarget>();
    Result<PublishTarget> target = fromRecord(**record);
    if (!target)
        return target.error();
    return std::optional<PublishTarget>(*target);
}

Result<PublishTarget> PublishTargets::save(Library &library, const PublishTarget &target)
{
    if (Result<void> checked = target.check(); !checked)
        return checked.error();
    Result<PublishTargetRecord> stored = library.publishTargets().save(
            PublishTargetRecord{target.id, target.name, PublishTarget::kindName(target.kind), target.config()});
    if (!stored)
        return stored.error();
    PublishTarget saved = target;
    saved.id = stored->id;
    return saved;
}

Result<void> PublishTargets::remove(Library &library, const QString &name)
{
    return library.publishTargets().remove(name);
}

} // namespace quire
