#include "conversationmodel.h"

#include "listsync_p.h"
#include "store/conversationrepository.h"

#include <algorithm>

namespace ld {

namespace {

// Messages without an id (system items) are told apart by time, sender and text, as the store
// does when it upserts them.
QString identity(const Message &m)
{
    if (!m.id.isEmpty())
        return m.id;
    return QStringLiteral("%1|%2|%3")
        .arg(m.at.toMSecsSinceEpoch())
        .arg(m.senderName, QString::number(qHash(m.text), 16));
}

bool sameMessage(const Message &a, const Message &b)
{
    return a.id == b.id && a.text == b.text && a.at == b.at && a.senderName == b.senderName
        && a.isMe == b.isMe && a.type == b.type && a.attachments.size() == b.attachments.size();
}

bool sameItem(const OutboxItem &a, const OutboxItem &b)
{
    return a.state == b.state && a.updatedAt == b.updatedAt && a.errorMessage == b.errorMessage
        && a.payload == b.payload && a.attempts == b.attempts;
}

QString payloadText(const OutboxItem &item)
{
    return item.payload.value(QStringLiteral("text")).toString();
}

} // namespace

ConversationModel::ConversationModel(ConversationRepository *conversations,
                                     OutboxRepository *outbox, QObject *parent)
    : QAbstractListModel(parent)
    , m_repo(conversations)
    , m_outbox(outbox)
{
    connect(m_repo, &ConversationRepository::messagesChanged, this, [this](qint64 key) {
        if (key == m_key && m_key != 0) {
            syncMessages();
            syncPending();
        }
    });
    if (m_outbox) {
        connect(m_outbox, &OutboxRepository::itemChanged, this, [this] {
            if (m_key != 0)
                syncPending();
        });
    }
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size() + m_pending.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    if (row >= m_messages.size()) {
        const OutboxItem &item = m_pending.at(row - m_messages.size());
        switch (role) {
        case Qt::DisplayRole:
        case TextRole:
            return payloadText(item);
        case SenderRole:
            return tr("You");
        case TimeRole:
            return item.sentAt.isValid() ? item.sentAt : item.createdAt;
        case FromMeRole:
        case IsOutboxRole:
            return true;
        case AttachmentsRole: {
            const QString name = item.payload.value(QStringLiteral("attachment_name")).toString();
            return name.isEmpty() ? QStringList() : QStringList { name };
        }
        case MessageTypeRole:
            return QStringLiteral("TEXT");
        case MessageIdRole:
            return item.resultId;
        case OutboxIdRole:
            return item.id;
        case OutboxStateRole:
            return int(item.state);
        case OutboxStateTextRole:
            return stateText(item.state);
        case OutboxErrorRole:
            return item.errorMessage;
        default:
            return {};
        }
    }
    const Message &m = m_messages.at(row);
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m.text;
    case SenderRole:
        if (!m.senderName.isEmpty())
            return m.senderName;
        return QStringList { m.senderFirstName, m.senderLastName }.join(QLatin1Char(' ')).trimmed();
    case TimeRole:
        return m.at;
    case FromMeRole:
        return m.isMe;
    case AttachmentsRole: {
        QStringList names;
        for (const Attachment &a : m.attachments)
            names << (a.name.isEmpty() ? a.url : a.name);
        return names;
    }
    case MessageTypeRole:
        return m.type;
    case MessageIdRole:
        return m.id;
    case IsOutboxRole:
        return false;
    case OutboxIdRole:
        return qint64(0);
    case OutboxStateRole:
        return -1;
    case OutboxStateTextRole:
    case OutboxErrorRole:
        return QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TextRole, "text");
    names.insert(SenderRole, "sender");
    names.insert(TimeRole, "time");
    names.insert(FromMeRole, "fromMe");
    names.insert(AttachmentsRole, "attachments");
    names.insert(MessageTypeRole, "messageType");
    names.insert(MessageIdRole, "messageId");
    names.insert(IsOutboxRole, "isOutbox");
    names.insert(OutboxIdRole, "outboxId");
    names.insert(OutboxStateRole, "outboxState");
    names.insert(OutboxStateTextRole, "outboxStateText");
    names.insert(OutboxErrorRole, "outboxError");
    return names;
}

void ConversationModel::setConversation(qint64 key, const QString &accountId,
                                        const QString &conversationId)
{
    beginResetModel();
    m_key = key;
    m_accountId = key ? accountId : QString();
    m_conversationId = key ? conversationId : QString();
    m_messages.clear();
    m_pending.clear();
    if (m_key != 0) {
        m_messages = m_repo->messages(m_key, m_pageSize);
        std::reverse(m_messages.begin(), m_messages.end());
    }
    endResetModel();
    if (m_key != 0)
        syncPending();
}

int ConversationModel::fetchOlder()
{
    if (m_key == 0)
        return 0;
    if (m_messages.isEmpty()) {
        syncMessages();
        return int(m_messages.size());
    }
    QList<Message> older = m_repo->messages(m_key, m_pageSize, m_messages.constFirst().at);
    if (older.isEmpty())
        return 0;
    std::reverse(older.begin(), older.end());
    beginInsertRows({}, 0, int(older.size()) - 1);
    m_messages = older + m_messages;
    endInsertRows();
    return int(older.size());
}

bool ConversationModel::historyComplete() const
{
    return m_key == 0 || m_repo->historyComplete(m_key);
}

// The window shown stays what it was (from the oldest message shown to the newest), with the
// store's current content: new messages at the bottom, changed ones in place.
void ConversationModel::syncMessages()
{
    QList<Message> target;
    if (m_messages.isEmpty()) {
        target = m_repo->messages(m_key, m_pageSize);
    } else {
        const QDateTime oldest = m_messages.constFirst().at;
        const QList<Message> newest = m_repo->messages(m_key, int(m_messages.size()) + m_pageSize);
        for (const Message &m : newest) {
            if (m.at >= oldest)
                target.append(m);
        }
    }
    std::reverse(target.begin(), target.end());
    ListSync<ConversationModel>::apply(this, m_messages, target, 0, identity, sameMessage);
}

void ConversationModel::syncPending()
{
    QList<OutboxItem> target;
    if (m_outbox && !m_conversationId.isEmpty()) {
        for (const OutboxItem &item : m_outbox->forConversation(m_accountId, m_conversationId)) {
            if (item.state == OutboxItem::State::Cancelled || shownAsMessage(item))
                continue;
            target.append(item);
        }
        std::stable_sort(target.begin(), target.end(),
                         [](const OutboxItem &a, const OutboxItem &b) { return a.id < b.id; });
    }
    ListSync<ConversationModel>::apply(
        this, m_pending, target, int(m_messages.size()), [](const OutboxItem &i) { return i.id; },
        sameItem);
}

// A sent item disappears once the conversation holds it: by the id send returned, or else by
// the same text from the account, no earlier than the item was written.
bool ConversationModel::shownAsMessage(const OutboxItem &item) const
{
    if (item.state != OutboxItem::State::Sent)
        return false;
    const QString text = payloadText(item);
    const QDateTime since = item.createdAt.addSecs(-60);
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (!item.resultId.isEmpty() && it->id == item.resultId)
            return true;
        if (it->isMe && it->text == text && (!it->at.isValid() || it->at >= since))
            return true;
    }
    return false;
}

QString ConversationModel::stateText(OutboxItem::State state)
{
    switch (state) {
    case OutboxItem::State::Queued:
        return tr("Queued");
    case OutboxItem::State::Sending:
        return tr("Sending…");
    case OutboxItem::State::Sent:
        return tr("Sent");
    case OutboxItem::State::Failed:
        return tr("Not sent");
    case OutboxItem::State::Unknown:
        return tr("Unknown — not confirmed yet");
    case OutboxItem::State::Cancelled:
        return tr("Cancelled");
    case OutboxItem::State::Refused:
        return tr("Not sent — refused");
    }
    return {};
}

} // namespace ld
