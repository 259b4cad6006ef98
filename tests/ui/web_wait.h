#pragma once

#include <QEventLoop>
#include <QTimer>
#include <QVariant>
#include <QWebEnginePage>

#include <functional>
#include <memory>

// Waiting in the suites whose windows hold WebEngine pages: in an event loop, never asleep.
//
// WebEngine's browser side (Chromium's UI thread) runs on the application's thread. QTest::qWait,
// QTest::qWaitFor and the QTRY_ macros sleep that thread for 10 ms at a time between looks, and
// every step of a load, of a script's answer or of a click waits for the next look: a
// runJavaScript round trip took 50-450 ms that way, a click on a link 1-2 s. An event loop wakes
// for every event that comes.
namespace WebWait {

// Whether condition holds within timeout ms; the event loop runs meanwhile, and the condition is
// looked at every few milliseconds.
inline bool until(const std::function<bool()> &condition, int timeout = 15000)
{
    bool met = condition();
    if (met)
        return true;
    QEventLoop loop;
    QTimer look;
    QObject::connect(&look, &QTimer::timeout, &loop, [&] {
        if (!met && condition()) {
            met = true;
            loop.quit();
        }
    });
    look.start(5);
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    loop.exec();
    return met;
}

// The value of script in page (invalid when it gives none within 10 s).
inline QVariant evaluate(QWebEnginePage *page, const QString &script)
{
    // Shared with the callback, which may still come after a timeout.
    struct Answer
    {
        QVariant value;
        bool done = false;
        QEventLoop *loop = nullptr;
    };
    auto answer = std::make_shared<Answer>();
    page->runJavaScript(script, [answer](const QVariant &value) {
        answer->value = value;
        answer->done = true;
        if (answer->loop)
            answer->loop->quit();
    });
    if (!answer->done) {
        QEventLoop loop;
        answer->loop = &loop;
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        answer->loop = nullptr;
    }
    return answer->value;
}

} // namespace WebWait
