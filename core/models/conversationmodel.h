#pragma once
// One conversation as a chat: stored messages oldest at the top, newest at the bottom, then the
// conversation's outbox items that have not shown up as messages yet, with their state
// (queued, sending, sent, failed, unknown). Older history is prepended in place (rows inserted
// at 0) so the view keeps its place; new messages and state changes update rows, never reset.
#include "domain/conversation.h"
#include "store/outboxrepository.h"

#include <QAbstractListModel>

namespace ld {

class ConversationRepository;

class ConversationModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        TextRole = Qt::UserRole + 1,
        SenderRole,          // display name
        TimeRole,            // QDateTime, UTC
        FromMeRole,
        AttachmentsRole,     // QStringList of file names
        MessageTypeRole,     // "TEXT", "SYSTEM", ...
        MessageIdRole,
        IsOutboxRole,        // a row of the outbox, not (yet) a stored message
        OutboxIdRole,        // qint64
        OutboxStateRole,     // int(OutboxItem::State)
        OutboxStateTextRole, // translated: "Queued", "Sending…", ...
        OutboxErrorRole,     // the sentence of a failed or unknown item
    };

    static constexpr int DefaultPageSize = 50;

    ConversationModel(ConversationRepository *conversations, OutboxRepository *outbox,
                      QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Shows a conversation (a reset: a different conversation is a different list). key 0 clears.
    void setConversation(qint64 key, const QString &accountId, const QString &conversationId);
    qint64 conversationKey() const { return m_key; }
    QString accountId() const { return m_accountId; }
    QString conversationId() const { return m_conversationId; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }

    // Prepends the next older page the store holds; returns how many rows came. 0 with
    // !historyComplete(): ask InboxSync::loadOlder and call again when it has loaded.
    int fetchOlder();
    bool historyComplete() const;
    int messageCount() const { return int(m_messages.size()); }
    int outboxCount() const { return int(m_pending.size()); }

    static QString stateText(OutboxItem::State state);

private:
    template <typename>
    friend struct ListSync;

    void syncMessages();
    void syncPending();
    bool shownAsMessage(const OutboxItem &item) const;

    ConversationRepository *m_repo;
    OutboxRepository *m_outbox;
    qint64 m_key = 0;
    QString m_accountId;
    QString m_conversationId;
    int m_pageSize = DefaultPageSize;
    QList<Message> m_messages;    // oldest first
    QList<OutboxItem> m_pending;  // after the messages, oldest first
};

} // namespace ld
