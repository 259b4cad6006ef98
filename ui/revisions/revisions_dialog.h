#pragma once

#include "diff/word_diff.h"
#include "store/post.h"
#include "store/revision.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTextBrowser;

namespace quire {

class Library;

// The post's history: every saved version, newest first; the one picked is compared word by word
// with the current text (or with any other version) and can be restored.
class RevisionsDialog : public QDialog
{
    Q_OBJECT

public:
    // current is the post as the window shows it (already saved: the caller flushes first).
    RevisionsDialog(Library *library, const Post &current, QWidget *parent = nullptr);
    ~RevisionsDialog() override;

    const QList<Revision> &revisions() const { return m_revisions; }
    // What the author looks at, for tests.
    QListWidget *revisionList() const { return m_list; }
    QComboBox *otherSide() const { return m_other; }
    QCheckBox *sideBySide() const { return m_sideBySide; }
    QTextBrowser *inlineView() const { return m_inline; }
    QTextBrowser *oldView() const { return m_old; }
    QTextBrowser *newView() const { return m_new; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *titleLabel() const { return m_title; }
    QPushButton *restoreButton() const { return m_restore; }
    bool isComparing() const { return m_watcher.isRunning(); }

    static QString reasonText(RevisionReason reason);

signals:
    void restored(qint64 postId);

private:
    struct Side
    {
        QString label;
        QString title;
        QString body;
    };

    void loadRevisions();
    QString describe(const Revision &revision) const;
    Side side(int otherIndex) const;
    void compare();
    void showDiff(const WordDiff &diff);
    void restoreSelected();
    void syncScroll(QTextBrowser *from, QTextBrowser *to);

    Library *m_library;
    Post m_current;
    QList<Revision> m_revisions;
    int m_comparison = 0;   // which compare() the running diff belongs to
    QFutureWatcher<WordDiff> m_watcher;

    QListWidget *m_list = nullptr;
    QComboBox *m_other = nullptr;
    QCheckBox *m_sideBySide = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_title = nullptr;
    QStackedWidget *m_views = nullptr;
    QTextBrowser *m_inline = nullptr;
    QSplitter *m_sides = nullptr;
    QTextBrowser *m_old = nullptr;
    QTextBrowser *m_new = nullptr;
    QPushButton *m_restore = nullptr;
    bool m_syncing = false;
};

} // namespace quire
