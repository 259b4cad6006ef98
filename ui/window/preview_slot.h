#pragma once

#include <QDeadlineTimer>
#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;

namespace quire {

class PreviewPane;

// Where the live preview goes in the window. The window is shown and editable before WebEngine
// starts: the preview is made after the slot's first paint, at the writer's first pause in typing
// (or after Deadline at the latest), because making it holds the GUI thread for a quarter of a
// second. When the preview module cannot be loaded, the slot says why in the preview's place.
class PreviewSlot : public QWidget
{
    Q_OBJECT

public:
    static constexpr int Pause = 200;      // ms without a keystroke before the preview is made
    static constexpr int Deadline = 1500;  // ms after the first paint when it is made anyway

    explicit PreviewSlot(QWidget *parent = nullptr);

    // Called just before the preview is made, while the GUI thread is still free (the window
    // saves the post: a crash while WebEngine starts must not lose what was typed).
    void setBeforeCreate(std::function<void()> beforeCreate) { m_beforeCreate = std::move(beforeCreate); }

    // The preview, made now if need be; nullptr when the module cannot be loaded.
    PreviewPane *preview();
    // The preview if it is made, else nullptr (nothing is made).
    PreviewPane *existingPreview() const { return m_preview; }
    // The writer typed: the preview waits for the next pause, unless the deadline has passed.
    void postpone();

signals:
    // The preview exists now; connect to it.
    void created(quire::PreviewPane *preview);

protected:
    bool event(QEvent *event) override;

private:
    void create();
    void showProblem(const QString &problem);

    PreviewPane *m_preview = nullptr;
    QLabel *m_problem = nullptr;
    QTimer m_pause;
    QDeadlineTimer m_deadline;
    bool m_painted = false;
    std::function<void()> m_beforeCreate;
};

} // namespace quire
