#include "outboxrepository.h"

#include "database.h"
#include "storeutil_p.h"

#include <QJsonDocument>

namespace ld {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, account_id, target, conversation_id, payload, state, created_at, send_after, "
    "updated_at, sent_at, error_code, error_message, result_id, attempts, run_id");

constexpr int kLastState = static_cast<int>(OutboxItem::State::Refused);

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
    item.runId = q.value(15).toLongLong();
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
    case State::Refused: return QStringLiteral("refused");
    }
    return QStringLiteral("unknown");
}

OutboxRepository::OutboxRepository(Database *db, QObject *parent) : QObject(parent), m_db(db) { }

namespace {

// One INSERT of every column but the id, in `item`'s own state.
qint64 insertItem(QSqlQuery &query, const OutboxItem &item, const QDateTime &now)
{
    query.prepare(QStringLiteral("INSERT INTO outbox (kind, account_id, target, conversation_id, payload, "
                                 "state, created_at, send_after, updated_at, sent_at, error_code, "
                                 "error_message, result_id, attempts, run_id) "
                                 "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    query.addBindValue(item.kind);
    query.addBindValue(item.accountId);
    query.addBindValue(store::orEmpty(item.target));
    query.addBindValue(store::orEmpty(item.conversationId));
    query.addBindValue(payloadToSql(item.payload));
    query.addBindValue(static_cast<int>(item.state));
    query.addBindValue(store::timeToSql(item.createdAt.isValid() ? item.createdAt : now));
    query.addBindValue(store::timeToSql(item.sendAfter));
    query.addBindValue(store::timeToSql(now));
    query.addBindValue(store::timeToSql(item.sentAt));
    query.addBindValue(store::orEmpty(item.errorCode));
    query.addBindValue(store::orEmpty(item.errorMessage));
    query.addBindValue(store::orEmpty(item.resultId));
    query.addBindValue(item.attempts);
    query.addBindValue(item.runId);
    if (!store::execOrWarn(query, "queueing an outbox item"))
        return 0;
    return query.lastInsertId().toLongLong();
}

} // namespace

qint64 OutboxRepository::enqueue(const OutboxItem &item)
{
    if (item.kind.isEmpty() || item.accountId.isEmpty())
        return 0;
    // A new item has sent nothing yet, whatever the caller left in these fields.
    OutboxItem fresh = item;
    fresh.state = OutboxItem::State::Queued;
    fresh.sentAt = {};
    fresh.errorCode.clear();
    fresh.errorMessage.clear();
    fresh.resultId.clear();
    fresh.attempts = 0;
    QSqlQuery query(m_db->connection());
    const qint64 id = insertItem(query, fresh, QDateTime::currentDateTimeUtc());
    if (id != 0)
        Q_EMIT itemChanged(id);
    return id;
}

// All or nothing: a bulk run whose inputs were only partly stored would lose the outcome of
// the rest. Each item keeps its state, so an input refused before sending (a duplicate, a cap)
// is a Refused row with its reason, next to the Queued ones.
QList<qint64> OutboxRepository::enqueueMany(const QList<OutboxItem> &items)
{
    if (items.isEmpty())
        return {};
    for (const OutboxItem &item : items) {
        if (item.kind.isEmpty() || item.accountId.isEmpty())
            return {};
    }
    QSqlDatabase db = m_db->connection();
    store::Transaction transaction(db, false);
    if (!transaction.ok())
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery query(db);
    QList<qint64> ids;
    ids.reserve(items.size());
    for (const OutboxItem &item : items) {
        const qint64 id = insertItem(query, item, now);
        if (id == 0)
            return {};
        ids << id;
    }
    if (!transaction.commit())
        return {};
    for (qint64 id : std::as_const(ids))
        Q_EMIT itemChanged(id);
    return ids;
}

QList<OutboxItem> OutboxRepository::itemsOfRun(qint64 runId) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE run_id = ? ORDER BY id").arg(kColumns));
    query.addBindValue(runId);
    return readAll(query, "reading a bulk run's items");
}

QList<OutboxItem> OutboxRepository::forTarget(const QString &accountId, const QString &kind,
                                              const QString &target,
                                              const QList<OutboxItem::State> &states) const
{
    if (states.isEmpty() || target.isEmpty())
        return {};
    QStringList marks;
    for (int i = 0; i < states.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE account_id = ? AND kind = ? AND target = ? "
                                 "AND state IN (%2) ORDER BY id DESC")
                      .arg(kColumns, marks.join(QLatin1Char(','))));
    query.addBindValue(accountId);
    query.addBindValue(kind);
    query.addBindValue(target);
    for (OutboxItem::State s : states)
        query.addBindValue(static_cast<int>(s));
    return readAll(query, "reading the outbox for a target");
}

// Like transition(): one statement whose WHERE holds the expected state and run, so of two
// processes adopting the same waiting item exactly one moves it.
bool OutboxRepository::moveToRun(qint64 id, qint64 fromRun, qint64 toRun)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE outbox SET run_id = ?, updated_at = ? "
                                 "WHERE id = ? AND run_id = ? AND state = ?"));
    query.addBindValue(toRun);
    query.addBindValue(store::timeToSql(QDateTime::currentDateTimeUtc()));
    query.addBindValue(id);
    query.addBindValue(fromRun);
    query.addBindValue(static_cast<int>(OutboxItem::State::Queued));
    if (!store::execOrWarn(query, "moving an outbox item to another run") || query.numRowsAffected() != 1)
        return false;
    Q_EMIT itemChanged(id);
    return true;
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
