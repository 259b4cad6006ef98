#include "site/build_memory.h"

#include <QDataStream>
#include <QIODevice>

namespace quire {

BuildMemory BuildMemory::read(const QByteArray &data, const QByteArray &globalKey)
{
    BuildMemory memory;
    QDataStream in(data);
    in.setVersion(QDataStream::Qt_6_4);
    QByteArray key;
    quint32 count = 0;
    in >> key >> count;
    if (in.status() != QDataStream::Ok || key != globalKey)
        return memory;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        qint64 id = 0;
        Remembered remembered;
        in >> id >> remembered.fingerprint >> remembered.path >> remembered.facts;
        if (in.status() == QDataStream::Ok)
            memory.m_posts.insert(id, std::move(remembered));
    }
    if (in.status() != QDataStream::Ok)
        memory.m_posts.clear();   // damaged: render everything
    return memory;
}

QByteArray BuildMemory::write(const QByteArray &globalKey, const SitePlan &plan, const QList<PostFacts> &facts)
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << globalKey << quint32(plan.posts().size());
    for (int index = 0; index < plan.posts().size(); ++index) {
        const SitePlan::Entry &entry = plan.posts().at(index);
        out << entry.post.id << entry.fingerprint << entry.path << facts.at(index);
    }
    return data;
}

const PostFacts *BuildMemory::factsOf(const SitePlan::Entry &entry) const
{
    const auto found = m_posts.constFind(entry.post.id);
    if (found == m_posts.constEnd() || found->fingerprint != entry.fingerprint || found->path != entry.path)
        return nullptr;
    return &found->facts;
}

} // namespace quire
