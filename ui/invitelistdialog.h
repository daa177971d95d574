#pragma once
// Invite a list (Ctrl+Shift+I, issue 4 item 6): one account invites many people, pasted as
// LinkedIn profile URLs one per line, with one optional note for all of them. Blank lines and
// the spaces around a URL are ignored; a line that is not a member profile URL (a company page,
// another site) is shown with its line number and becomes a refused item, never a request; a
// person listed twice is listed once. Preview… opens the BulkPreviewDialog (who will be sent,
// who is refused and why: duplicate, cap, bad URL; the credits; the caps). Nothing is sent by
// this dialog: once the preview is confirmed it closes accepted with tasks() and runTitle(),
// and the Invitations page starts the paced run.
#include "sync/invitationqueue.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ld {
class Workspace;
}

namespace ld::ui {

class BulkPlanner;
class BulkPreviewDialog;

class InviteListDialog : public QDialog
{
    Q_OBJECT
public:
    // One pasted line, as the dialog reads it.
    struct Line
    {
        int number = 0; // 1-based, as the text box shows it
        QString text; // trimmed
        QString profileId; // linkedInProfileId(text); empty: not a member profile URL
        int repeats = 0; // the earlier line with the same person; 0: first time
    };
    // The non-blank lines of `text`.
    static QList<Line> parse(const QString &text);

    InviteListDialog(Workspace *workspace, const BulkPlanner *planner, QWidget *parent = nullptr);

    // Prefills the sender (empty: keeps the one chosen) and the people, one URL each; `names`
    // (optional, parallel) are shown in the preview instead of the URL.
    void setPeople(const QString &accountId, const QStringList &profileUrls,
        const QStringList &names = {});
    void setNote(const QString &note);

    QString accountId() const;
    // The items of the run, refused ones included (each gets an outcome); set once accepted.
    QList<NetworkTask> tasks() const { return m_tasks; }
    QString runTitle() const { return m_runTitle; }
    QString refusal() const { return m_refusalText; } // why Preview is disabled; empty: it may go

    QComboBox *accountCombo() const { return m_account; }
    QPlainTextEdit *urlsEdit() const { return m_urls; }
    QLabel *linesLabel() const { return m_lines; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QLabel *counterLabel() const { return m_counter; }
    QLabel *reasonLabel() const { return m_reason; }
    QPushButton *previewButton() const { return m_preview; }
    BulkPreviewDialog *previewDialog() const { return m_previewDialog.data(); } // while open

public Q_SLOTS:
    void preview();

private:
    void fillAccounts();
    void revalidate();
    QList<NetworkTask> buildTasks() const;

    Workspace *m_ws;
    const BulkPlanner *m_planner;
    QComboBox *m_account;
    QPlainTextEdit *m_urls;
    QLabel *m_lines;
    QPlainTextEdit *m_note;
    QLabel *m_counter;
    QLabel *m_limit;
    QLabel *m_reason;
    QPushButton *m_preview;
    QPointer<BulkPreviewDialog> m_previewDialog;
    QHash<QString, QString> m_names; // profile id → name, from setPeople()
    QString m_refusalText;
    QList<NetworkTask> m_tasks;
    QString m_runTitle;
};

} // namespace ld::ui
