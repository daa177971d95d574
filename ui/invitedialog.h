#pragma once
// Invite (Ctrl+I): a connection request to one LinkedIn profile from one account, with an
// optional note. Everything that would refuse it is said before anything is sent, and Send
// stays disabled with the reason shown: no account, not a member profile URL (a company page,
// another site), a note over the account's limit (200 or 300 characters, counted as people see
// them: an emoji is one), a duplicate (already connected, an invitation pending either way, the
// same request already sent or waiting) or a safety cap with no room left — the last two from
// InvitationQueue::check(), which reads the store only. Send hands the invitation to the
// InvitationQueue (stored before it leaves, never sent twice) and the dialog shows its outcome.
#include "store/outboxrepository.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ld {
struct NetworkTask;
class Workspace;
}

namespace ld::ui {

class InviteDialog : public QDialog
{
    Q_OBJECT
public:
    explicit InviteDialog(Workspace *workspace, QWidget *parent = nullptr);

    // A window-modal dialog, deleted on close, prefilled and open: what Ctrl+I shows.
    static InviteDialog *showFor(Workspace *workspace, QWidget *parent, const QString &accountId,
                                 const QString &profileUrl = {}, const QString &name = {});

    // Prefills the sender, the person and their name (from a search result or a connection).
    // An empty accountId keeps the account chosen.
    void setTarget(const QString &accountId, const QString &profileUrl, const QString &name = {});
    void setNote(const QString &note);

    QString accountId() const;
    QString refusal() const { return m_refusal; } // why Send is disabled; empty when it may go
    qint64 runId() const { return m_runId; }
    qint64 itemId() const { return m_itemId; }
    // The outcome of the invitation sent from this dialog; Queued before any.
    OutboxItem::State outcome() const { return m_outcome; }

    // Code points, not UTF-16 units: "👋 Hi" is 4 characters, as LinkedIn counts them.
    static int noteLength(const QString &note);

    QComboBox *accountCombo() const { return m_account; }
    QLineEdit *urlEdit() const { return m_url; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QLabel *counterLabel() const { return m_counter; }
    QLabel *limitLabel() const { return m_limit; }
    QLabel *usageLabel() const { return m_usage; }
    QLabel *reasonLabel() const { return m_reason; }
    QLabel *outcomeLabel() const { return m_outcomeLabel; }
    QPushButton *sendButton() const { return m_send; }

public Q_SLOTS:
    void send();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void fillAccounts();
    void revalidate();
    void onEdited();
    void updateCounter();
    void updateUsage();
    void onItemChanged(qint64 itemId, qint64 runId, ld::OutboxItem::State state);
    void showOutcome(const QString &text, bool problem);
    NetworkTask task() const;

    Workspace *m_ws;
    QComboBox *m_account;
    QLineEdit *m_url;
    QLabel *m_person;
    QPlainTextEdit *m_note;
    QLabel *m_counter;
    QLabel *m_limit;
    QLabel *m_usage;
    QLabel *m_reason;
    QLabel *m_outcomeLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_send;

    QString m_name; // of the prefilled person, while the URL is theirs
    QString m_nameUrl;
    QString m_refusal;
    QString m_sentTo; // who the invitation in flight is for
    qint64 m_runId = 0;
    qint64 m_itemId = 0;
    OutboxItem::State m_outcome = OutboxItem::State::Queued;
    bool m_showingOutcome = false; // until the person edits again
};

} // namespace ld::ui
