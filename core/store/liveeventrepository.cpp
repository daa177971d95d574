#include "liveeventrepository.h"

#include "database.h"
#include "storeutil_p.h"

#include <QJsonDocument>

namespace ld {

namespace {

const QString kColumns = QStringLiteral(
    "id, account_id, webhook_id, event_id, content_key, type, person_name, profile_url, text, "
    "conversation_id, emitted_at, received_at, from_poll, payload");

LiveEventRow rowFrom(const QSqlQuery &q)
{
    LiveEventRow r;
    r.id = q.value(0).toLongLong();
    r.accountId = q.value(1).toString();
    r.webhookId = q.value(2).toString();
    r.eventId = q.value(3).toString();
    r.contentKey = q.value(4).toString().toLatin1();
    r.typeName = q.value(5).toString();
    r.type = LiveEvent::typeFromName(r.typeName);
    r.personName = q.value(6).toString();
    r.profileUrl = q.value(7).toString();
    r.text = q.value(8).toString();
    r.conversationId = q.value(9).toString();
    r.emittedAt = store::timeFromSql(q.value(10));
    r.receivedAt = store::timeFromSql(q.value(11));
    r.fromPoll = q.value(12).toBool();
    r.payload = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
    return r;
}

} // namespace

LiveEventRepository::LiveEventRepository(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{ }

qint64 LiveEventRepository::record(const LiveEvent &event, const QString &eventId,
    const QByteArray &contentKey, const QString &webhookId, bool fromPoll)
{
    if (contentKey.isEmpty() || event.accountId.isEmpty())
        return 0;
    QSqlDatabase db = m_db->connection();
    store::Transaction tx(db, false);
    if (!tx.ok())
        return 0;
    QSqlQuery q(db);
    // Seen before, by its content or (for polled ones) by its id?
    q.prepare(QStringLiteral("SELECT id, event_id FROM live_events WHERE content_key = ?"
                             " OR (event_id IS NOT NULL AND event_id = ?)"));
    q.addBindValue(QString::fromLatin1(contentKey));
    q.addBindValue(
        eventId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(eventId));
    if (!store::execOrWarn(q, "looking up a live event"))
        return 0;
    if (q.next()) {
        const qint64 known = q.value(0).toLongLong();
        if (q.value(1).isNull() && !eventId.isEmpty()) {
            QSqlQuery fill(db);
            fill.prepare(
                QStringLiteral("UPDATE live_events SET event_id = ? WHERE id = ?"
                               " AND NOT EXISTS (SELECT 1 FROM live_events WHERE event_id = ?)"));
            store::bindAll(fill, { eventId, known, eventId });
            store::execOrWarn(fill, "naming a live event");
        }
        tx.commit();
        return 0;
    }
    const QString person = event.personName();
    const QString profile = event.type == LiveEvent::Type::AcceptedInvitation
        ? event.profileUrl
        : event.senderProfileUrl;
    q.prepare(
        QStringLiteral("INSERT INTO live_events (account_id, webhook_id, event_id, content_key,"
                       " type, person_name, profile_url, text, conversation_id, emitted_at,"
                       " received_at, from_poll, payload)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    store::bindAll(q,
        { event.accountId, store::orEmpty(webhookId),
            eventId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(eventId),
            QString::fromLatin1(contentKey), store::orEmpty(event.typeName), store::orEmpty(person),
            store::orEmpty(profile), store::orEmpty(event.text),
            store::orEmpty(event.conversationId), store::timeToSql(event.emittedAt),
            store::timeToSql(QDateTime::currentDateTimeUtc()), fromPoll ? 1 : 0,
            QString::fromUtf8(QJsonDocument(event.inner).toJson(QJsonDocument::Compact)) });
    if (!store::execOrWarn(q, "recording a live event"))
        return 0;
    const qint64 id = q.lastInsertId().toLongLong();
    if (!tx.commit())
        return 0;
    Q_EMIT recorded(id);
    return id;
}

std::optional<LiveEventRow> LiveEventRepository::row(qint64 id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM live_events WHERE id = ?").arg(kColumns));
    q.addBindValue(id);
    if (!store::execOrWarn(q, "reading a live event") || !q.next())
        return std::nullopt;
    return rowFrom(q);
}

QList<LiveEventRow> LiveEventRepository::recent(
    int limit, qint64 beforeId, const QStringList &accountIds) const
{
    QString sql = QStringLiteral("SELECT %1 FROM live_events WHERE 1 = 1").arg(kColumns);
    QVariantList values;
    if (beforeId > 0) {
        sql += QStringLiteral(" AND id < ?");
        values << beforeId;
    }
    if (!accountIds.isEmpty()) {
        sql += QStringLiteral(" AND account_id IN (%1)")
                   .arg(QStringList(accountIds.size(), QStringLiteral("?")).join(QLatin1Char(',')));
        for (const QString &id : accountIds)
            values << id;
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values << qMax(0, limit);
    QSqlQuery q(m_db->connection());
    q.prepare(sql);
    store::bindAll(q, values);
    QList<LiveEventRow> rows;
    if (!store::execOrWarn(q, "reading live events"))
        return rows;
    while (q.next())
        rows << rowFrom(q);
    return rows;
}

int LiveEventRepository::count() const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM live_events")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

int LiveEventRepository::prune(const QDateTime &cutoff)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("DELETE FROM live_events WHERE received_at < ?"));
    q.addBindValue(store::timeToSql(cutoff));
    if (!store::execOrWarn(q, "pruning live events"))
        return 0;
    return q.numRowsAffected();
}

QDateTime LiveEventRepository::cursor(const QString &webhookId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT newest_at FROM webhook_cursors WHERE webhook_id = ?"));
    q.addBindValue(webhookId);
    if (!store::execOrWarn(q, "reading a webhook cursor") || !q.next())
        return {};
    return store::timeFromSql(q.value(0));
}

bool LiveEventRepository::advanceCursor(
    const QString &webhookId, const QString &accountId, const QDateTime &at)
{
    if (webhookId.isEmpty() || !at.isValid())
        return false;
    // Text order is time order for these fixed-width UTC times: max() keeps the newest.
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("INSERT INTO webhook_cursors (webhook_id, account_id, newest_at)"
                             " VALUES (?, ?, ?) ON CONFLICT (webhook_id) DO UPDATE SET"
                             " newest_at = max(newest_at, excluded.newest_at),"
                             " account_id = excluded.account_id"));
    store::bindAll(q, { webhookId, store::orEmpty(accountId), store::timeToSql(at) });
    return store::execOrWarn(q, "saving a webhook cursor");
}

} // namespace ld
