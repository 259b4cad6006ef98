#pragma once

#include "result.h"
#include "store/post.h"
#include "store/revision.h"

#include <QObject>
#include <QTimer>

namespace quire {

class Library;

// The post being edited and its way into the library: every change is written within a second
// (half a second after the author pauses, and every 0.8 s while they keep typing: the fifth of a
// second to spare is for a busy machine, where timers fire late),
// and at once when the post is switched or the window closes.
class DraftSession : public QObject
{
    Q_OBJECT

public:
    enum class State { Saved, Modified, Failed };
    Q_ENUM(State)

    explicit DraftSession(QObject *parent = nullptr);

    void setLibrary(Library *library);   // flushes first
    Library *library() const { return m_library; }

    // Starts editing post (after writing what is pending for the previous one).
    Result<void> open(const Post &post);
    void close();
    bool hasPost() const { return m_post.id != 0; }
    const Post &post() const { return m_post; }
    State state() const { return m_state; }

    void setTitle(const QString &title);
    void setBody(const QString &body);
    // The metadata, as the metadata panel checked it (PostRules): the library refuses a taken slug.
    void setSlug(const QString &slug);
    void setTags(const QStringList &tags);
    // Published with no date is published now.
    void setStatus(PostStatus status);
    void setPublishedAt(const QDateTime &publishedAt);   // stored in UTC
    void setSummary(const QString &summary);
    void setKind(const QString &kind);
    // A library asset (AssetStore::store) as the post's cover image; none removes it.
    void setCover(std::optional<qint64> assetId);

    // Writes pending changes now (an autosave revision, coalesced by the store).
    Result<void> flush();
    // An explicit save: always records a revision.
    Result<void> save();

signals:
    void stateChanged(quire::DraftSession::State state);
    void saveFailed(const QString &message);
    void postRenamed(qint64 id);   // title, slug, status or tags changed: lists should refresh
    void postChanged();            // another post (or none) is being edited
    void slugFollowedTitle(const QString &slug);
    void detailsChanged();         // a field the post page shows besides title and body: the preview updates

private:
    // Sets a field of the post being edited; false when there is none or nothing changes.
    template<typename T>
    bool assign(T &field, const T &value);
    void changed();
    void renamed();
    void detailsEdited();    // a field the page shows
    void detailsRenamed();   // ...that the post list shows as well
    Result<void> write(RevisionReason reason);
    void setState(State state);

    Library *m_library = nullptr;
    Post m_post;
    State m_state = State::Saved;
    bool m_renamed = false;
    QTimer m_idle;
    QTimer m_deadline;
};

} // namespace quire
