#pragma once

#include "result.h"

#include <QDateTime>
#include <QRecursiveMutex>

#include <functional>

namespace quire {

class Database;

// What the parts of a Library share: the connection, the lock that makes calls from several
// threads take turns, and the clock. Internal to store/: the rest of Quire sees the parts.
//
// The lock is recursive because calls nest (a part's transaction calls other parts), and a
// whole transaction holds it: SQLite would serialize single statements itself, but a
// transaction shares the connection with every statement made meanwhile.
class StoreContext
{
public:
    explicit StoreContext(Database &database) : m_database(database) {}
    StoreContext(const StoreContext &) = delete;
    StoreContext &operator=(const StoreContext &) = delete;

    Database &database() const { return m_database; }
    QRecursiveMutex &mutex() const { return m_mutex; }

    // Runs work in one transaction (a savepoint inside another): committed when it returns ok,
    // rolled back otherwise.
    Result<void> transaction(const std::function<Result<void>()> &work) const;

    // UTC; the system clock unless a test set another.
    QDateTime now() const;
    void setClock(std::function<QDateTime()> clock);

private:
    Database &m_database;
    mutable QRecursiveMutex m_mutex;
    std::function<QDateTime()> m_clock;
};

} // namespace quire
