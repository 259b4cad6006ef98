#include "editor/draft_session.h"

#include "store/library.h"
#include "store/post_history.h"
#include "store/post_rules.h"
#include "store/post_store.h"

namespace quire {

DraftSession::DraftSession(QObject *parent)
    : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(500);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(800);
    connect(&m_idle, &QTimer::timeout, this, [this] { (void)flush(); });
    connect(&m_deadline, &QTimer::timeout, this, [this] { (void)flush(); });
}

void DraftSession::setLibrary(Library *library)
{
    (void)flush();
    m_library = library;
    m_post = {};
    setState(State::Saved);
    emit postChanged();
}

Result<void> DraftSession::open(const Post &post)
{
    if (auto flushed = flush(); !flushed)
        return flushed;
    m_post = post;
    setState(State::Saved);
    emit postChanged();
    return {};
}

void DraftSession::close()
{
    (void)flush();
    m_post = {};
    setState(State::Saved);
    emit postChanged();
}

void DraftSession::setTitle(const QString &title)
{
    if (!hasPost() || title == m_post.title)
        return;
    // Asked of the old title: a slug chosen by hand is one that title could not have given (the
    // library has no column for that, and needs none).
    const bool follows = PostRules::slugFollowsTitle(m_post);
    m_post.title = title;
    if (follows && m_library) {
        if (auto slug = m_library->posts().uniqueSlug(title, m_post.id); slug && *slug != m_post.slug) {
            m_post.slug = *slug;
            emit slugFollowedTitle(m_post.slug);
        }
    }
    renamed();
}

void DraftSession::setBody(const QString &body)
{
    if (assign(m_post.body, body))
        changed();
}

void DraftSession::setSlug(const QString &slug)
{
    if (assign(m_post.slug, slug))
        detailsRenamed();
}

void DraftSession::setTags(const QStringList &tags)
{
    if (assign(m_post.tags, tags))
        detailsRenamed();
}

void DraftSession::setStatus(PostStatus status)
{
    if (!hasPost() || status == m_post.status)
        return;
    m_post.status = status;
    if (status == PostStatus::Published && !m_post.publishedAt.isValid())
        m_post.publishedAt = m_library ? m_library->now() : QDateTime::currentDateTimeUtc();
    detailsRenamed();
}

void DraftSession::setPublishedAt(const QDateTime &publishedAt)
{
    const QDateTime utc = publishedAt.isValid() ? publishedAt.toUTC() : QDateTime();
    if (!hasPost() || utc == m_post.publishedAt)
        return;
    m_post.publishedAt = utc;
    detailsRenamed();   // the list shows the date too
}

void DraftSession::setSummary(const QString &summary)
{
    if (assign(m_post.summary, summary))
        detailsEdited();
}

void DraftSession::setKind(const QString &kind)
{
    if (assign(m_post.kind, kind))
        detailsEdited();
}

void DraftSession::setCover(std::optional<qint64> assetId)
{
    if (assign(m_post.coverAssetId, assetId))
        detailsEdited();
}

void DraftSession::detailsEdited()
{
    changed();
    emit detailsChanged();
}

void DraftSession::detailsRenamed()
{
    renamed();
    emit detailsChanged();
}

template<typename T>
bool DraftSession::assign(T &field, const T &value)
{
    if (!hasPost() || field == value)
        return false;
    field = value;
    return true;
}

void DraftSession::renamed()
{
    m_renamed = true;
    changed();
}

void DraftSession::changed()
{
    setState(State::Modified);
    m_idle.start();
    if (!m_deadline.isActive())
        m_deadline.start();
}

Result<void> DraftSession::flush()
{
    if (m_state != State::Modified && m_state != State::Failed)
        return {};
    return write(RevisionReason::Autosave);
}

Result<void> DraftSession::save()
{
    if (!hasPost())
        return {};
    return write(RevisionReason::Save);
}

Result<void> DraftSession::write(RevisionReason reason)
{
    m_idle.stop();
    m_deadline.stop();
    if (!m_library || !hasPost())
        return {};
    auto saved = m_library->history().save(m_post, reason);
    if (!saved) {
        setState(State::Failed);
        emit saveFailed(saved.errorMessage());
        return saved;
    }
    setState(State::Saved);
    if (m_renamed) {
        m_renamed = false;
        emit postRenamed(m_post.id);
    }
    return {};
}

void DraftSession::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace quire
