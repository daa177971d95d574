// ConversationRepository's messages: the history of one conversation, its paging cursor, the
// conversation's last message kept in step with the newest stored message, and the messages
// that live events announce.
#include "conversationrepository.h"

#include "database.h"
#include "inboxquery_p.h"
#include "storeutil_p.h"

#include "domain/profileurl.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace ld {

namespace {

const QString kMessageColumns = QStringLiteral(
    "message_id, text, text_hash, at, sender_name, sender_first_name, sender_last_name, "
    "sender_profile_url, type, is_me, attachments");

QString attachmentsToJson(const QList<Attachment> &attachments)
{
    QJsonArray array;
    for (const Attachment &a : attachments) {
        array.append(QJsonObject{{QStringLiteral("name"), a.name},
                                 {QStringLiteral("url"), a.url},
                                 {QStringLiteral("mime_type"), a.mimeType},
                                 {QStringLiteral("size"), a.size}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<Attachment> attachmentsFromJson(const QString &json)
{
    QList<Attachment> out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        out << Attachment{o.value(QStringLiteral("name")).toString(),
                          o.value(QStringLiteral("url")).toString(),
                          o.value(QStringLiteral("mime_type")).toString(),
                          qint64(o.value(QStringLiteral("size")).toDouble(-1))};
    }
    return out;
}

// The stored form of a message, in kMessageColumns order.
QVariantList toRow(const Message &m)
{
    const QByteArray hash = QCryptographicHash::hash(m.text.toUtf8(), QCryptographicHash::Sha1);
    return {store::orEmpty(m.id), store::orEmpty(m.text), QString::fromLatin1(hash.toHex().left(16)),
            store::msToSql(m.at), store::orEmpty(m.senderName), store::orEmpty(m.senderFirstName),
            store::orEmpty(m.senderLastName), store::orEmpty(m.senderProfileUrl),
            store::orEmpty(m.type), m.isMe ? 1 : 0, attachmentsToJson(m.attachments)};
}

bool sameRow(const QSqlQuery &stored, const QVariantList &row)
{
    for (int i = 0; i < row.size(); ++i) {
        if (stored.value(i + 1).toString() != row.at(i).toString())
            return false;
    }
    return true;
}

Message fromRow(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(0).toString();
    m.text = q.value(1).toString();
    m.at = store::msFromSql(q.value(3));
    m.senderName = q.value(4).toString();
    m.senderFirstName = q.value(5).toString();
    m.senderLastName = q.value(6).toString();
    m.senderProfileUrl = q.value(7).toString();
    m.type = q.value(8).toString();
    m.isMe = q.value(9).toInt() != 0;
    m.attachments = attachmentsFromJson(q.value(10).toString());
    return m;
}

} // namespace

struct ConversationRepository::MessageWrite
{
    bool changed = false; // a message was added or rewritten
    int inserted = 0; // messages that were not stored before
    bool lastMoved = false; // the newest of them became the conversation's last message
};

bool ConversationRepository::upsertMessages(qint64 conversationKey, const QList<Message> &messages)
{
    store::Transaction transaction(m_db->connection(), m_batch);
    if (!transaction.ok())
        return false;
    MessageWrite write;
    if (!writeMessages(conversationKey, messages, &write))
        return false;
    if ((write.changed || write.lastMoved) && !reindex(conversationKey))
        return false;
    if (!transaction.commit())
        return false;
    if (write.changed)
        Q_EMIT messagesChanged(conversationKey);
    if (write.lastMoved)
        Q_EMIT conversationsChanged({ conversationKey });
    return true;
}

bool ConversationRepository::writeMessages(
    qint64 conversationKey, const QList<Message> &messages, MessageWrite *out)
{
    const QSqlDatabase db = m_db->connection();
    QSqlQuery conversation(db);
    conversation.prepare(QStringLiteral("SELECT last_at FROM conversations WHERE key = ?"));
    conversation.addBindValue(conversationKey);
    if (!store::execOrWarn(conversation, "reading a conversation") || !conversation.next())
        return false;
    const qint64 lastAt = conversation.value(0).toLongLong();
    conversation.finish();

    QSqlQuery byId(db);
    byId.prepare(QStringLiteral("SELECT id, %1 FROM messages WHERE conversation_key = ? AND message_id = ? "
                                "AND message_id <> ''").arg(kMessageColumns));
    QSqlQuery byContent(db);
    byContent.prepare(QStringLiteral("SELECT id, %1 FROM messages WHERE conversation_key = ? "
                                     "AND message_id = '' AND at = ? AND sender_profile_url = ? "
                                     "AND sender_name = ? AND text_hash = ?").arg(kMessageColumns));
    // A message that a live event announced is stored without an id (§9.10 gives none) at the
    // event's time: the same message read later with its id takes that row (applyIncoming()
    // matches the other way round the same way).
    QSqlQuery announced(db);
    announced.prepare(QStringLiteral("SELECT id, %1 FROM messages WHERE conversation_key = ? "
                                     "AND message_id = '' AND is_me = ? AND text_hash = ? "
                                     "AND text = ? AND abs(at - ?) <= 120000 "
                                     "AND (sender_profile_url = ? OR sender_name = ?) "
                                     "ORDER BY abs(at - ?) LIMIT 1")
                          .arg(kMessageColumns));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO messages (conversation_key, %1) VALUES (?%2)")
                       .arg(kMessageColumns, QStringLiteral(", ?").repeated(11)));
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE messages SET %1 = ? WHERE id = ?")
                       .arg(kMessageColumns.split(QStringLiteral(", ")).join(QStringLiteral(" = ?, "))));

    const Message *newest = nullptr;
    for (const Message &m : messages) {
        const QVariantList row = toRow(m);
        QSqlQuery &find = m.id.isEmpty() ? byContent : byId;
        if (m.id.isEmpty())
            store::bindAll(find, {conversationKey, row.at(3), row.at(7), row.at(4), row.at(2)});
        else
            store::bindAll(find, {conversationKey, m.id});
        if (!store::execOrWarn(find, "reading a message"))
            return false;
        QSqlQuery *stored = &find;
        bool found = find.next();
        if (!found && !m.id.isEmpty()) {
            find.finish();
            store::bindAll(announced,
                { conversationKey, row.at(9), row.at(2), row.at(1), row.at(3), row.at(7), row.at(4),
                    row.at(3) });
            if (!store::execOrWarn(announced, "reading a message"))
                return false;
            found = announced.next();
            stored = &announced;
        }
        if (!found) {
            store::bindAll(insert, QVariantList{conversationKey} + row);
            if (!store::execOrWarn(insert, "adding a message"))
                return false;
            out->changed = true;
            ++out->inserted;
        } else if (!sameRow(*stored, row)) {
            const qint64 id = stored->value(0).toLongLong();
            store::bindAll(update, row + QVariantList{id});
            if (!store::execOrWarn(update, "updating a message"))
                return false;
            out->changed = true;
        }
        stored->finish();
        find.finish();
        if (m.at.isValid() && (!newest || m.at > newest->at))
            newest = &m;
    }

    // A message newer than the conversation's last one (a live event, a reply just sent)
    // becomes its last message, and brings it back from done.
    if (newest && store::msToSql(newest->at) > lastAt) {
        QSqlQuery last(db);
        last.prepare(QStringLiteral("UPDATE conversations SET last_text = ?, last_at = ?, "
                                    "last_sender_name = ?, last_sender_profile_url = ?, "
                                    "last_sender_is_me = ?, done = 0 WHERE key = ?"));
        store::bindAll(last, {store::orEmpty(newest->text), store::msToSql(newest->at),
                       store::orEmpty(newest->senderName), store::orEmpty(newest->senderProfileUrl),
                       newest->isMe ? 1 : 0, conversationKey});
        if (!store::execOrWarn(last, "updating a conversation's last message"))
            return false;
        out->lastMoved = true;
    }
    return true;
}

qint64 ConversationRepository::incomingConversation(
    const QString &accountId, const QString &conversationId, const Message &message) const
{
    if (!conversationId.isEmpty()) {
        if (const std::optional<ConversationRow> row = find(accountId, conversationId))
            return row->key;
    }
    const QSqlDatabase db = m_db->connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const QString url = message.senderProfileUrl.trimmed();
    if (url.isEmpty()) {
        // Names are not unique: only a name that points at one conversation is trusted.
        if (message.senderName.trimmed().isEmpty())
            return 0;
        query.prepare(QStringLiteral("SELECT key FROM conversations WHERE account_id = ? "
                                     "AND participant_name = ? LIMIT 2"));
        store::bindAll(query, { accountId, message.senderName.trimmed() });
        if (!store::execOrWarn(query, "finding a conversation by name") || !query.next())
            return 0;
        const qint64 key = query.value(0).toLongLong();
        return query.next() ? 0 : key;
    }
    // The same person's URL comes in several spellings (www, a country sub-domain, a trailing
    // slash, a query): candidates by the identifier, each confirmed by parsing it.
    const QString id = linkedInProfileId(url);
    const auto like = [](const QString &text) {
        QString escaped = text;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        return QStringLiteral("%/in/") + escaped + QLatin1Char('%');
    };
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(id));
    query.prepare(QStringLiteral("SELECT key, participant_profile_url FROM conversations "
                                 "WHERE account_id = ? AND (participant_profile_url = ? "
                                 "OR participant_profile_url LIKE ? ESCAPE '\\' "
                                 "OR participant_profile_url LIKE ? ESCAPE '\\') "
                                 "ORDER BY sort_key DESC"));
    store::bindAll(query,
        { accountId, url, id.isEmpty() ? QString() : like(id),
            id.isEmpty() ? QString() : like(encoded) });
    if (!store::execOrWarn(query, "finding a conversation by profile"))
        return 0;
    while (query.next()) {
        const QString stored = query.value(1).toString();
        if (stored == url || (!id.isEmpty() && linkedInProfileId(stored) == id))
            return query.value(0).toLongLong();
    }
    return 0;
}

qint64 ConversationRepository::applyIncoming(
    const QString &accountId, const QString &conversationId, const Message &message)
{
    if (accountId.isEmpty())
        return 0;
    const qint64 key = incomingConversation(accountId, conversationId, message);
    if (key == 0)
        return 0;
    store::Transaction transaction(m_db->connection(), m_batch);
    if (!transaction.ok())
        return 0;
    if (message.id.isEmpty()) {
        // A refresh may have stored it first, with its id and LinkedIn's time for it, which the
        // event's time only comes close to; or an earlier call placed it (see below).
        QSqlQuery known(m_db->connection());
        known.prepare(QStringLiteral("SELECT 1 FROM messages WHERE conversation_key = ? "
                                     "AND is_me = 0 AND text_hash = ? "
                                     "AND text = ? AND abs(at - ?) <= 120000 "
                                     "AND (sender_profile_url = ? OR sender_name = ?)"));
        const QVariantList row = toRow(message);
        store::bindAll(known, { key, row.at(2), row.at(1), row.at(3), row.at(7), row.at(4) });
        if (!store::execOrWarn(known, "looking for a message"))
            return 0;
        if (known.next())
            return key;
    }
    Message m = message;
    // Event times come in whole seconds: one in the same second as the stored last message
    // (read by a refresh, in milliseconds) is not older than it but came after it.
    QSqlQuery last(m_db->connection());
    last.prepare(QStringLiteral("SELECT last_at FROM conversations WHERE key = ?"));
    last.addBindValue(key);
    if (!store::execOrWarn(last, "reading a conversation") || !last.next())
        return 0;
    const qint64 lastAt = last.value(0).toLongLong();
    const qint64 at = store::msToSql(m.at);
    if (at > 0 && at % 1000 == 0 && lastAt >= at && lastAt < at + 1000)
        m.at = QDateTime::fromMSecsSinceEpoch(lastAt + 1, Qt::UTC);
    last.finish();
    MessageWrite write;
    if (!writeMessages(key, { m }, &write))
        return 0;
    // Counted once: only when this call stored it, and only when it is the newest message (an
    // older one replayed after a refresh is already in the server's count).
    if (write.inserted > 0 && write.lastMoved) {
        QSqlQuery unread(m_db->connection());
        unread.prepare(
            QStringLiteral("UPDATE conversations SET unread = unread + 1 WHERE key = ?"));
        unread.addBindValue(key);
        if (!store::execOrWarn(unread, "counting an unread message"))
            return 0;
    }
    if ((write.changed || write.lastMoved) && !reindex(key))
        return 0;
    if (!transaction.commit())
        return 0;
    if (write.changed)
        Q_EMIT messagesChanged(key);
    if (write.lastMoved)
        Q_EMIT conversationsChanged({ key });
    return key;
}

QList<Message> ConversationRepository::messages(qint64 conversationKey, int limit,
                                                const QDateTime &olderThan) const
{
    QSqlQuery query(m_db->connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM messages WHERE conversation_key = ?%2 "
                                 "ORDER BY at DESC, id DESC LIMIT ?")
                      .arg(kMessageColumns, olderThan.isValid() ? QStringLiteral(" AND at < ?") : QString()));
    QVariantList binds{conversationKey};
    if (olderThan.isValid())
        binds << store::msToSql(olderThan);
    binds << limit;
    store::bindAll(query, binds);
    QList<Message> out;
    if (!store::execOrWarn(query, "reading messages"))
        return out;
    while (query.next())
        out << fromRow(query);
    return out;
}

int ConversationRepository::messageCount(qint64 conversationKey) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM messages WHERE conversation_key = ?"));
    query.addBindValue(conversationKey);
    if (!store::execOrWarn(query, "counting messages") || !query.next())
        return 0;
    return query.value(0).toInt();
}

QString ConversationRepository::olderCursor(qint64 conversationKey) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT older_cursor FROM conversations WHERE key = ?"));
    query.addBindValue(conversationKey);
    if (!store::execOrWarn(query, "reading a history cursor") || !query.next())
        return {};
    return query.value(0).toString();
}

bool ConversationRepository::setOlderCursor(qint64 conversationKey, const QString &cursor, bool reachedEnd)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE conversations SET older_cursor = ?, history_complete = ? WHERE key = ?"));
    query.addBindValue(reachedEnd ? QString(QLatin1String("")) : store::orEmpty(cursor));
    query.addBindValue(reachedEnd ? 1 : 0);
    query.addBindValue(conversationKey);
    return store::execOrWarn(query, "saving a history cursor") && query.numRowsAffected() > 0;
}

bool ConversationRepository::historyComplete(qint64 conversationKey) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT history_complete FROM conversations WHERE key = ?"));
    query.addBindValue(conversationKey);
    return store::execOrWarn(query, "reading a history flag") && query.next() && query.value(0).toInt() != 0;
}

} // namespace ld
