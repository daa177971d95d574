#pragma once
// Scheduled posts whose time passed while LinkUp Desk was closed (issue 7 §4): never published
// late without the person. One row each — "Scheduled for Tue 14:00 — LinkUp Desk was closed",
// who posts, the start of the text — with Publish now and Keep as draft. Not modal: the person
// may look at the post first; a row answered elsewhere disappears.
#include <QDialog>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace ld {
class Workspace;
}

namespace ld::ui {

class MissedPostsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MissedPostsDialog(Workspace *workspace, QWidget *parent = nullptr);

    // Adds the drafts not listed yet (still Scheduled and past).
    void addDrafts(const QList<qint64> &draftIds);
    QList<qint64> draftIds() const;
    QPushButton *publishButton(qint64 draftId) const;
    QPushButton *keepButton(qint64 draftId) const;
    QLabel *rowLabel(qint64 draftId) const;

Q_SIGNALS:
    void openDraftRequested(qint64 draftId);
    void statusMessage(const QString &text);

private:
    void removeRow(qint64 draftId);
    void onDraftChanged(qint64 draftId);

    Workspace *m_ws;
    QVBoxLayout *m_rows;
    QLabel *m_intro;
    QList<qint64> m_ids;
};

} // namespace ld::ui
