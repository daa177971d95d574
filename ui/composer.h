#pragma once
// The reply box under a conversation: the text, snippets (templates whose {variables} are
// filled from the contact's profile; a variable without a value is refused with a sentence),
// one attachment, Ctrl+Enter to send through the Outbox, the undo bar while the message waits
// out the undo-send delay, and the account's messages today against its daily cap.
#include <QPointer>
#include <QWidget>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace ld {
class Outbox;
class SnippetRepository;
struct Snippet;
}

namespace ld::ui {

class Composer : public QWidget
{
    Q_OBJECT
public:
    Composer(Outbox *outbox, SnippetRepository *snippets, QWidget *parent = nullptr);

    void setConversation(const QString &accountId, const QString &profileUrl,
                         const QString &conversationId);
    // Fills {variables} of a snippet or of the typed text: false with *problem set when one is
    // unknown or has no value. The default knows no profile, so every variable is refused.
    using Filler = std::function<bool(const QString &body, QString *text, QString *problem)>;
    void setFiller(Filler filler) { m_filler = std::move(filler); }

    // Fills the snippet from the profile and inserts it; false (and the reason shown) when a
    // variable is unknown or has no value.
    bool insertSnippet(const ld::Snippet &snippet);
    // false (and the reason shown) when the file is missing, unreadable or too large.
    bool setAttachment(const QString &path);
    void clearAttachment();

    QPlainTextEdit *editor() const { return m_edit; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *usageLabel() const { return m_usage; }
    QWidget *undoBar() const { return m_undoBar; }
    QLabel *undoLabel() const { return m_undoLabel; }
    QToolButton *snippetButton() const { return m_snippets; }
    qint64 pendingUndoId() const { return m_undoId; }

public Q_SLOTS:
    qint64 send();     // the outbox id, 0 when refused (the reason is shown)
    bool undoSend();   // cancels the message still waiting out the undo delay
    void focusEditor();
    void updateUsage();

Q_SIGNALS:
    void queued(qint64 outboxId);

private:
    void showProblem(const QString &sentence);
    void rebuildSnippetMenu();
    void updateUndoBar();

    Outbox *m_outbox;
    SnippetRepository *m_snippetRepo;
    QString m_accountId;
    QString m_profileUrl;
    QString m_conversationId;
    Filler m_filler;
    QString m_attachment;
    qint64 m_undoId = 0;
    QString m_undoText;
    qint64 m_undoDeadline = 0; // ms since epoch, for the countdown
    QTimer *m_tick;

    QPlainTextEdit *m_edit;
    QToolButton *m_snippets;
    QToolButton *m_attach;
    QLabel *m_attachmentLabel;
    QPushButton *m_send;
    QLabel *m_usage;
    QLabel *m_problem;
    QWidget *m_undoBar;
    QLabel *m_undoLabel;
};

} // namespace ld::ui
