#include "outboxrepository.h"

#include "database.h"
#include "storeutil_p.h"

#include <QJsonDocument>

namespace ld {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, account_id, target, conversation_id, payload, state, created_at, send_after, "
    "updated_at, sent_at, error_code, error_message, result_id, attempts");

constexpr int kLastState = static_cast<int>(OutboxItem::State::Cancelled);

OutboxItem fromRow(const QSqlQuery &q)
{
    OutboxItem item;
    item.id = q.value(0).toLongLong();
    item.kind = q.value(1).toString();
    item.accountId = q.value(2).toString();
    item.target = q.value(3).toString();
    item.conversationId = q.value(4).toString();
    item.payload = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    const int state = q.value(6).toInt();
    // A state this version does not know cannot be acted on safely: treat it as unverified.
    item.state = state >= 0 && state <= kLastState ? static_cast<OutboxItem::State>(state)
                                                   : OutboxItem::State::Unknown;
    item.createdAt = store::timeFromSql(q.value(7));
    item.sendAfter = store::timeFromSql(q.value(8));
    item.updatedAt = store::timeFromSql(q.value(9));
    item.sentAt = store::timeFromSql(q.value(10));
    item.errorCode = q.value(11).toString();
    item.errorMessage = q.value(12).toString();
    item.resultId = q.value(13).toString();
    item.attempts = q.value(14).toInt();
    return item;
}

QString payloadToSql(const QJsonObject &payload)
{
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

QList<OutboxItem> readAll(QSqlQuery &query, const char *what)
{
    QList<OutboxItem> out;
    if (!store::execOrWarn(query, what))
        return out;
    while (query.next())
        out << fromRow(query);
    return out;
}

} // namespace

QString OutboxItem::stateName(State s)
{
    switch (s) {
    case State::Queued: return QStringLiteral("queued");
    case State::Sending: return QStringLiteral("sending");
    case State::Sent: return QStringLiteral("sent");
    case State::Failed: return QStringLiteral("failed");
    case State::Unknown: return QStringLiteral("unknown");
    case State::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

OutboxRepository::OutboxRepository(Database *db, QObject *parent) : QObject(parent), m_db(db) { }

qint64 OutboxRepository::enqueue(const OutboxItem &item)
{
    if (item.kind.isEmpty() || item.accountId.isEmpty())
        return 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT INTO outbox (kind, account_id, target, conversation_id, payload, "
                                 "state, created_at, send_after, updated_at) VALUES (?,?,?,?,?,?,?,?,?)"));
    query.addBindValue(item.kind);
    query.addBindValue(item.accountId);
    query.addBindValue(store::orEmpty(item.target));
    query.addBindValue(store::orEmpty(item.conversationId));
    query.addBindValue(payloadToSql(item.payload));
    query.addBindValue(static_cast<int>(OutboxItem::State::Queued));
    query.addBindValue(store::timeToSql(item.createdAt.isValid() ? item.createdAt : now));
    query.addBindValue(store::timeToSql(item.sendAfter));
    query.addBindValue(store::timeToSql(now));
    if (!store::execOrWarn(query, "queueing an outbox item"))
        return 0;
    const qint64 id = query.lastInsertId().toLongLong();
    Q_EMIT itemChanged(id);
    return id;
}

std::optional<OutboxItem> OutboxRepository::find(qint64 id) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE id = ?").arg(kColumns));
    query.addBindValue(id);
    if (!store::execOrWarn(query, "reading an outbox item") || !query.next())
        return std::nullopt;
    return fromRow(query);
}

QList<OutboxItem> OutboxRepository::inStates(const QList<OutboxItem::State> &states, const QString &kind) const
{
    if (states.isEmpty())
        return {};
    QStringList marks;
    for (int i = 0; i < states.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE state IN (%2)%3 ORDER BY id")
                      .arg(kColumns, marks.join(QLatin1Char(',')),
                           kind.isEmpty() ? QString() : QStringLiteral(" AND kind = ?")));
    for (OutboxItem::State s : states)
        query.addBindValue(static_cast<int>(s));
    if (!kind.isEmpty())
        query.addBindValue(kind);
    return readAll(query, "reading the outbox");
}

QList<OutboxItem> OutboxRepository::forConversation(const QString &accountId, const QString &conversationId) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE account_id = ? AND conversation_id = ? ORDER BY id")
                      .arg(kColumns));
    query.addBindValue(accountId);
    query.addBindValue(conversationId);
    return readAll(query, "reading a conversation's outbox");
}

// The WHERE on the state makes this one atomic statement: of two writers (threads or
// processes) holding the same old state, SQLite lets exactly one match the row.
bool OutboxRepository::transition(qint64 id, OutboxItem::State from, const OutboxItem &next)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE outbox SET state = ?, target = ?, conversation_id = ?, payload = ?, "
                                 "send_after = ?, updated_at = ?, sent_at = ?, error_code = ?, "
                                 "error_message = ?, result_id = ?, attempts = ? WHERE id = ? AND state = ?"));
    query.addBindValue(static_cast<int>(next.state));
    query.addBindValue(store::orEmpty(next.target));
    query.addBindValue(store::orEmpty(next.conversationId));
    query.addBindValue(payloadToSql(next.payload));
    query.addBindValue(store::timeToSql(next.sendAfter));
    query.addBindValue(store::timeToSql(QDateTime::currentDateTimeUtc()));
    query.addBindValue(store::timeToSql(next.sentAt));
    query.addBindValue(store::orEmpty(next.errorCode));
    query.addBindValue(store::orEmpty(next.errorMessage));
    query.addBindValue(store::orEmpty(next.resultId));
    query.addBindValue(next.attempts);
    query.addBindValue(id);
    query.addBindValue(static_cast<int>(from));
    if (!store::execOrWarn(query, "changing an outbox item") || query.numRowsAffected() != 1)
        return false;
    Q_EMIT itemChanged(id);
    return true;
}

int OutboxRepository::countSentSince(const QString &accountId, const QString &kind, const QDateTime &since) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE account_id = ? AND kind = ? "
                                 "AND state IN (?, ?, ?) AND coalesce(sent_at, updated_at) >= ?"));
    query.addBindValue(accountId);
    query.addBindValue(kind);
    query.addBindValue(static_cast<int>(OutboxItem::State::Sending));
    query.addBindValue(static_cast<int>(OutboxItem::State::Sent));
    query.addBindValue(static_cast<int>(OutboxItem::State::Unknown));
    query.addBindValue(since.isValid() ? store::timeToSql(since) : QVariant(QString()));
    if (!store::execOrWarn(query, "counting sent items") || !query.next())
        return 0;
    return query.value(0).toInt();
}

} // namespace ld
