#pragma once

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace quire {

class DraftSession;
class ImageInserter;
class TagLineEdit;

// The post's details beside the editor: slug, status and publish date, kind, tags, summary and
// cover image. Every accepted edit goes into the DraftSession (and so into the library within a
// second); a value it refuses is explained under its field and the last good value stays stored.
class MetadataPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MetadataPanel(DraftSession *session, QWidget *parent = nullptr);

    QLineEdit *slugField() const { return m_slug; }
    QComboBox *statusField() const { return m_status; }
    QCheckBox *dateSetField() const { return m_dateSet; }
    QDateTimeEdit *dateField() const { return m_date; }
    QComboBox *kindField() const { return m_kind; }
    TagLineEdit *tagsField() const { return m_tags; }
    QPlainTextEdit *summaryField() const { return m_summary; }
    QLabel *slugProblem() const { return m_slugProblem; }
    QLabel *dateProblem() const { return m_dateProblem; }
    QLabel *tagsProblem() const { return m_tagsProblem; }
    QLabel *summaryProblem() const { return m_summaryProblem; }
    QLabel *kindProblem() const { return m_kindProblem; }
    QLabel *coverName() const { return m_coverName; }
    QLabel *coverThumbnail() const { return m_coverThumbnail; }
    QPushButton *coverChooseButton() const { return m_coverChoose; }
    QToolButton *coverLibraryButton() const { return m_coverLibrary; }
    QPushButton *coverRemoveButton() const { return m_coverRemove; }
    QLabel *coverProblem() const { return m_coverProblem; }

    // Store the slug and the tags as typed so far, when they are acceptable. Also done when the
    // author pauses or leaves the field (and for tags at a comma): a slug or tag half typed is
    // not worth a row in the library, nor a slug that is taken only until the last letter.
    void commitSlug();
    void commitTags();

    // Makes the image file at path the post's cover: stored in the library the way the editor
    // stores a pasted image (same checks, same bytes stored once). What "Choose…" does after its
    // file dialog. False when the file is refused: the problem shows under the field and the
    // cover stays as it was.
    bool chooseCoverFile(const QString &path);
    // Makes the library's image of this name the post's cover.
    bool chooseCoverAsset(const QString &name);
    void removeCover();

private:
    void buildForm();
    void connectFields();
    void load();
    void loadChoices();
    QString slugProblemOf(const QString &slug) const;
    void statusChosen();
    void commitStatusAndDate();
    void summaryEdited();
    void kindEdited(const QString &kind);
    QString slugTakenBy(const QString &slug) const;
    static void showProblem(QLabel *label, const QString &problem);
    QWidget *buildCoverField();
    void chooseCoverWithDialog();
    void fillCoverMenu();
    void showCover();

    DraftSession *m_session;
    bool m_loading = false;   // fields are being filled from the post, not edited
    QTimer m_slugPause;
    QTimer m_tagsPause;

    QLineEdit *m_slug = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_dateSet = nullptr;
    QDateTimeEdit *m_date = nullptr;
    QComboBox *m_kind = nullptr;
    TagLineEdit *m_tags = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QLabel *m_slugProblem = nullptr;
    QLabel *m_dateProblem = nullptr;
    QLabel *m_kindProblem = nullptr;
    QLabel *m_tagsProblem = nullptr;
    QLabel *m_summaryProblem = nullptr;
    QLabel *m_coverThumbnail = nullptr;
    QLabel *m_coverName = nullptr;
    QPushButton *m_coverChoose = nullptr;
    QToolButton *m_coverLibrary = nullptr;
    QMenu *m_coverMenu = nullptr;
    QPushButton *m_coverRemove = nullptr;
    QLabel *m_coverProblem = nullptr;
    ImageInserter *m_images = nullptr;
    qint64 m_thumbnailOf = 0;     // the asset the thumbnail shows (not read again for each post)
    QString m_coverFolder;        // where the file dialog opens: the folder of the last cover
};

} // namespace quire
