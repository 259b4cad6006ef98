#pragma once

#include "result.h"

#include <QMutex>

#include <atomic>
#include <functional>
#include <optional>

namespace quire {

// Items of a build step shared out among threads: each thread takes the next item until none
// is left, one has failed or the build is cancelled. The first failure is the step's result.
//
//   ParallelWork work(items.size(), cancel);
//   work.run(threads, [&] { for (qsizetype i = work.next(); i >= 0; i = work.next()) … work.fail(error); });
class ParallelWork
{
public:
    ParallelWork(qsizetype items, const std::atomic<bool> *cancel);

    // Threads for a build: `requested`, or one per core when 0; from 1 to 16.
    static int threadsFor(int requested);

    // Runs `work` on this thread and on up to threads - 1 more (never more threads than items),
    // and waits for all of them.
    void run(int threads, const std::function<void()> &work);

    // The index of the next item, or -1 when there is none to do.
    qsizetype next();
    // Stops the work; the first error given is the result.
    void fail(const Error &error);
    Result<void> result() const;

private:
    const qsizetype m_items;
    const std::atomic<bool> *m_cancel;
    std::atomic<qsizetype> m_next = 0;
    std::atomic<bool> m_failed = false;
    mutable QMutex m_mutex;
    std::optional<Error> m_error;
};

} // namespace quire
