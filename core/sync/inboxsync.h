#pragma once
// Fills the inbox cache on demand and on live events, never on timers: refresh costs credits
// (list_inbox: 1 per 10 results), so each refresh reports what it cost.
#include "api/apierror.h"

#include <QObject>
#include <QSet>

namespace ld {

class MessagesService;
class ConversationRepository;

class InboxSync : public QObject
{
    Q_OBJECT
public:
    InboxSync(MessagesService *messages, ConversationRepository *conversations, QObject *parent = nullptr);

    // The newest `count` conversations of an account (pages of up to 25 while next_cursor goes on).
    void refreshInbox(const QString &accountId, int count = 25);
    // The newest messages of a conversation, then older history on demand.
    void loadConversation(qint64 conversationKey, int count = 50);
    void loadOlder(qint64 conversationKey, int count = 50);

    bool isBusy() const { return !m_busy.isEmpty(); }

Q_SIGNALS:
    void busyChanged(bool busy);
    void inboxRefreshed(const QString &accountId, int conversations, int credits);
    void conversationLoaded(qint64 conversationKey, int messages, int credits);
    void failed(const QString &accountId, const ld::ApiError &error);

private:
    bool begin(const QString &key); // false: that refresh already runs
    void end(const QString &key);
    void fetchInboxPage(const QString &accountId, int wanted, const QString &cursor, int collected,
                        int credits);
    void fetchMessages(qint64 key, int count, bool older);

    MessagesService *m_messages;
    ConversationRepository *m_conversations;
    QSet<QString> m_busy; // "inbox:<account>" or "conv:<key>"
};

} // namespace ld
