#include "editor/draft_session.h"

#include "store/library.h"

namespace quire {

DraftSession::DraftSession(QObject *parent)
    : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(500);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(1000);
    connect(&m_idle, &QTimer::timeout, this, [this] { (void)flush(); });
    connect(&m_deadline, &QTimer::timeout, this, [this] { (void)flush(); });
}

void DraftSession::setLibrary(Library *library)
{
    (void)flush();
    m_library = library;
    m_post = {};
    setState(State::Saved);
}

Result<void> DraftSession::open(const Post &post)
{
    if (auto flushed = flush(); !flushed)
        return flushed;
    m_post = post;
    setState(State::Saved);
    return {};
}

void DraftSession::close()
{
    (void)flush();
    m_post = {};
    setState(State::Saved);
}

void DraftSession::setTitle(const QString &title)
{
    if (!hasPost() || title == m_post.title)
        return;
    m_post.title = title;
    // A post that never went out keeps its slug in step with its title; once published, links
    // to it exist and the slug stays.
    if (m_post.status == PostStatus::Draft && !m_post.publishedAt.isValid() && m_library) {
        if (auto slug = m_library->uniqueSlug(title, m_post.id))
            m_post.slug = *slug;
    }
    m_renamed = true;
    changed();
}

void DraftSession::setBody(const QString &body)
{
    if (!hasPost() || body == m_post.body)
        return;
    m_post.body = body;
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
    return write(int(RevisionReason::Autosave));
}

Result<void> DraftSession::save()
{
    if (!hasPost())
        return {};
    return write(int(RevisionReason::Save));
}

Result<void> DraftSession::write(int reason)
{
    m_idle.stop();
    m_deadline.stop();
    if (!m_library || !hasPost())
        return {};
    auto saved = m_library->saveDraft(m_post, RevisionReason(reason));
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
