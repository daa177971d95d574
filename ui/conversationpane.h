#pragma once
// The right side of the Inbox: the open conversation with the composer under it and the
// contact's profile beside it; snippets are filled from the profile the panel has read.
#include <QDateTime>
#include <QWidget>

namespace ld {
class ConversationModel;
class InboxSync;
class Outbox;
class ProfilesService;
class SnippetRepository;
}

namespace ld::ui {

class Composer;
class ConversationView;
class ProfilePanel;

struct OpenConversation
{
    qint64 key = 0;
    QString accountId;
    QString conversationId;
    QString name;
    QString headline;
    QString profileUrl;
    QDateTime lastAt;
};

class ConversationPane : public QWidget
{
    Q_OBJECT
public:
    ConversationPane(ConversationModel *model, InboxSync *sync, Outbox *outbox,
                     SnippetRepository *snippets, ProfilesService *profiles,
                     QWidget *parent = nullptr);

    // Shows what the store holds; `read` (Enter, R) also reads a stale conversation from the server.
    void showConversation(const OpenConversation &conversation, bool read);
    void clear();
    qint64 conversationKey() const { return m_key; }

    // The composer's verbs, for the page's shortcuts.
    void focusComposer();
    qint64 send();
    bool undoSend();

    ConversationView *view() const { return m_view; }
    Composer *composer() const { return m_composer; }
    ProfilePanel *profilePanel() const { return m_profile; }

Q_SIGNALS:
    void queued(qint64 outboxId);

private:
    qint64 m_key = 0;
    ConversationView *m_view;
    Composer *m_composer;
    ProfilePanel *m_profile;
};

} // namespace ld::ui
