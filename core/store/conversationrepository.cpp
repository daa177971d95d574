#include "conversationrepository.h"

#include "database.h"
#include "inboxquery_p.h"
#include "storeutil_p.h"

#include <QSet>
#include <utility>

namespace ld {

namespace {

const QString kColumns = QStringLiteral(
    "key, account_id, conversation_id, participant_name, participant_headline, "
    "participant_profile_url, participant_picture_url, last_text, last_at, last_sender_name, "
    "last_sender_profile_url, last_sender_is_me, unread, type, done, marked_unread, refreshed_at");

// The columns that come from the server, in kColumns order from participant_name to type.
const QStringList kContentColumns = {
    QStringLiteral("participant_name"), QStringLiteral("participant_headline"),
    QStringLiteral("participant_profile_url"), QStringLiteral("participant_picture_url"),
    QStringLiteral("last_text"), QStringLiteral("last_at"), QStringLiteral("last_sender_name"),
    QStringLiteral("last_sender_profile_url"), QStringLiteral("last_sender_is_me"),
    QStringLiteral("unread"), QStringLiteral("type")};
constexpr int kContentOffset = 3; // first content column in kColumns
enum Content { Name, Headline, ProfileUrl, PictureUrl, LastText, LastAt };

// The stored form of a conversation's server fields; comparing two tells whether a write
// would change anything.
QStringList contentOf(const Conversation &c)
{
    return {c.participant.name, c.participant.headline, c.participant.profileUrl,
            c.participant.pictureUrl, c.lastText, QString::number(store::msToSql(c.lastAt)),
            c.lastSender.name, c.lastSender.profileUrl, QString::number(c.lastSender.isMe ? 1 : 0),
            QString::number(qMax(0, c.unread)), c.type};
}

QStringList storedContent(const QSqlQuery &query)
{
    QStringList out;
    for (int i = 0; i < kContentColumns.size(); ++i)
        out << query.value(kContentOffset + i).toString();
    return out;
}

ConversationRow fromRow(const QSqlQuery &q)
{
    ConversationRow row;
    row.key = q.value(0).toLongLong();
    row.accountId = q.value(1).toString();
    Conversation &c = row.conversation;
    c.id = q.value(2).toString();
    c.participant.name = q.value(3).toString();
    c.participant.headline = q.value(4).toString();
    c.participant.profileUrl = q.value(5).toString();
    c.participant.pictureUrl = q.value(6).toString();
    c.lastText = q.value(7).toString();
    c.lastAt = store::msFromSql(q.value(8));
    c.lastSender.name = q.value(9).toString();
    c.lastSender.profileUrl = q.value(10).toString();
    c.lastSender.isMe = q.value(11).toInt() != 0;
    c.unread = q.value(12).toInt();
    c.type = q.value(13).toString();
    row.done = q.value(14).toInt() != 0;
    row.markedUnread = q.value(15).toInt() != 0;
    row.refreshedAt = store::timeFromSql(q.value(16));
    return row;
}

QVariantList toVariants(const QStringList &content)
{
    QVariantList out;
    for (const QString &s : content)
        out << store::orEmpty(s);
    return out;
}

} // namespace

bool InboxFilter::operator==(const InboxFilter &o) const
{
    return accountIds == o.accountIds && unreadOnly == o.unreadOnly && done == o.done
        && search == o.search;
}

ConversationRepository::ConversationRepository(Database *db, QObject *parent)
    : QObject(parent), m_db(db)
{
}

bool ConversationRepository::beginBatch()
{
    if (m_batch)
        return false;
    m_batch = m_db->connection().transaction();
    return m_batch;
}

bool ConversationRepository::reindex(qint64 key)
{
    if (m_batch) {
        m_unindexed.insert(key);
        return true;
    }
    return store::reindexConversation(m_db->connection(), key);
}

bool ConversationRepository::commitBatch()
{
    if (!m_batch)
        return false;
    m_batch = false;
    QSqlDatabase db = m_db->connection();
    const QSet<qint64> keys = std::exchange(m_unindexed, {});
    for (qint64 key : keys) {
        if (!store::reindexConversation(db, key)) {
            db.rollback();
            return false;
        }
    }
    if (db.commit())
        return true;
    qCWarning(lcStore) << "cannot commit a batch:" << db.lastError().text();
    db.rollback();
    return false;
}

void ConversationRepository::rollbackBatch()
{
    if (m_batch)
        m_db->connection().rollback();
    m_batch = false;
    m_unindexed.clear();
}

bool ConversationRepository::upsert(const QString &accountId, const QList<Conversation> &conversations)
{
    if (accountId.isEmpty())
        return false;
    const QSqlDatabase db = m_db->connection();
    store::Transaction transaction(db, m_batch);
    if (!transaction.ok())
        return false;

    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT %1 FROM conversations WHERE account_id = ? AND conversation_id = ?")
                     .arg(kColumns));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO conversations (account_id, conversation_id, %1, refreshed_at) "
                                  "VALUES (?, ?, %2 ?)")
                       .arg(kContentColumns.join(QStringLiteral(", ")),
                            QStringLiteral("?, ").repeated(kContentColumns.size())));
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE conversations SET %1 = ?, refreshed_at = ?, "
                                  "done = CASE WHEN ? THEN 0 ELSE done END WHERE key = ?")
                       .arg(kContentColumns.join(QStringLiteral(" = ?, "))));
    QSqlQuery touch(db);
    touch.prepare(QStringLiteral("UPDATE conversations SET refreshed_at = ? WHERE key = ?"));
    const QVariant now = store::timeToSql(QDateTime::currentDateTimeUtc());

    QList<qint64> inserted, changed;
    QSet<qint64> touched;
    for (const Conversation &c : conversations) {
        if (c.id.isEmpty())
            continue;
        const QStringList content = contentOf(c);
        find.bindValue(0, accountId);
        find.bindValue(1, c.id);
        if (!store::execOrWarn(find, "reading a conversation"))
            return false;
        qint64 key = 0;
        bool indexChanged = true;
        if (!find.next()) {
            store::bindAll(insert, QVariantList{accountId, c.id} + toVariants(content) + QVariantList{now});
            if (!store::execOrWarn(insert, "adding a conversation"))
                return false;
            key = insert.lastInsertId().toLongLong();
            inserted << key;
            touched.insert(key);
        } else {
            key = find.value(0).toLongLong();
            const QStringList stored = storedContent(find);
            find.finish();
            if (stored == content) {
                store::bindAll(touch, {now, key});
                if (!store::execOrWarn(touch, "marking a conversation refreshed"))
                    return false;
                continue;
            }
            // A new last message brings a conversation marked done back into the inbox.
            const qint64 storedAt = stored.at(LastAt).toLongLong();
            const qint64 newAt = content.at(LastAt).toLongLong();
            const bool newMessage = newAt > storedAt
                || (newAt == storedAt && content.at(LastText) != stored.at(LastText));
            store::bindAll(update, toVariants(content) + QVariantList{now, newMessage ? 1 : 0, key});
            if (!store::execOrWarn(update, "updating a conversation"))
                return false;
            // The search row is keyed by the sort key, which moves with the last message.
            indexChanged = content.at(Name) != stored.at(Name) || content.at(Headline) != stored.at(Headline)
                || content.at(LastText) != stored.at(LastText) || content.at(LastAt) != stored.at(LastAt);
            if (!touched.contains(key)) {
                changed << key;
                touched.insert(key);
            }
        }
        find.finish();
        if (indexChanged && !reindex(key))
            return false;
    }
    if (!transaction.commit())
        return false;
    if (!inserted.isEmpty())
        Q_EMIT conversationsInserted(inserted);
    if (!changed.isEmpty())
        Q_EMIT conversationsChanged(changed);
    return true;
}

QList<ConversationRow> ConversationRepository::page(const InboxFilter &filter, int limit,
                                                    const std::optional<ConversationRow> &after) const
{
    const store::InboxQuery q = store::inboxQuery(filter);
    if (q.matchesNothing || limit <= 0)
        return {};
    QSqlQuery query(m_db->connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3%4 ORDER BY %5 DESC LIMIT ?")
                      .arg(kColumns, q.from, q.where,
                           after ? QStringLiteral(" AND %1 < ?").arg(q.order) : QString(), q.order));
    QVariantList binds = q.binds;
    if (after)
        binds << store::sortKey(*after);
    binds << limit;
    store::bindAll(query, binds);
    QList<ConversationRow> rows;
    if (!store::execOrWarn(query, "reading the inbox"))
        return rows;
    while (query.next())
        rows << fromRow(query);
    return rows;
}

int ConversationRepository::count(const InboxFilter &filter) const
{
    const store::InboxQuery q = store::inboxQuery(filter);
    if (q.matchesNothing)
        return 0;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(q.from, q.where));
    store::bindAll(query, q.binds);
    if (!store::execOrWarn(query, "counting the inbox") || !query.next())
        return 0;
    return query.value(0).toInt();
}

std::optional<ConversationRow> ConversationRepository::row(qint64 key) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM conversations WHERE key = ?").arg(kColumns));
    query.addBindValue(key);
    if (!store::execOrWarn(query, "reading a conversation") || !query.next())
        return std::nullopt;
    return fromRow(query);
}

std::optional<ConversationRow> ConversationRepository::find(const QString &accountId,
                                                            const QString &conversationId) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM conversations WHERE account_id = ? AND conversation_id = ?")
                      .arg(kColumns));
    query.addBindValue(accountId);
    query.addBindValue(conversationId);
    if (!store::execOrWarn(query, "reading a conversation") || !query.next())
        return std::nullopt;
    return fromRow(query);
}

QHash<QString, QDateTime> ConversationRepository::lastActivity() const
{
    QSqlQuery query(m_db->connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT account_id, max(last_at) FROM conversations "
                                 "GROUP BY account_id"));
    QHash<QString, QDateTime> out;
    if (!store::execOrWarn(query, "reading the accounts' last activity"))
        return out;
    while (query.next())
        out.insert(query.value(0).toString(), store::msFromSql(query.value(1)));
    return out;
}

int ConversationRepository::positionOf(const ConversationRow &row, const InboxFilter &filter) const
{
    const store::InboxQuery q = store::inboxQuery(filter);
    if (q.matchesNothing)
        return 0;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 AND %3 > ?").arg(q.from, q.where, q.order));
    store::bindAll(query, q.binds + QVariantList{store::sortKey(row)});
    if (!store::execOrWarn(query, "placing a conversation") || !query.next())
        return 0;
    return query.value(0).toInt();
}

bool ConversationRepository::matches(const ConversationRow &row, const InboxFilter &filter) const
{
    if (!filter.accountIds.isEmpty() && !filter.accountIds.contains(row.accountId))
        return false;
    if (filter.unreadOnly && !row.isUnread())
        return false;
    if ((filter.done == InboxFilter::DoneState::NotDone && row.done)
        || (filter.done == InboxFilter::DoneState::DoneOnly && !row.done))
        return false;
    if (filter.search.trimmed().isEmpty())
        return true;
    const QString match = store::ftsQuery(filter.search);
    if (match.isEmpty())
        return false;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT 1 FROM conversation_search WHERE rowid = "
                                 "(SELECT indexed_as FROM conversations WHERE key = ?) "
                                 "AND conversation_search MATCH ?"));
    query.addBindValue(row.key);
    query.addBindValue(match);
    return store::execOrWarn(query, "searching a conversation") && query.next();
}

static bool setFlag(const QSqlDatabase &db, const QString &column, qint64 key, bool on, bool *changed)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE conversations SET %1 = ? WHERE key = ? AND %1 <> ?").arg(column));
    query.addBindValue(on ? 1 : 0);
    query.addBindValue(key);
    query.addBindValue(on ? 1 : 0);
    if (!store::execOrWarn(query, "changing a conversation's local state"))
        return false;
    *changed = query.numRowsAffected() > 0;
    if (*changed)
        return true;
    query.prepare(QStringLiteral("SELECT 1 FROM conversations WHERE key = ?"));
    query.addBindValue(key);
    return store::execOrWarn(query, "reading a conversation") && query.next();
}

bool ConversationRepository::setDone(qint64 key, bool done)
{
    bool changed = false;
    const bool ok = setFlag(m_db->connection(), QStringLiteral("done"), key, done, &changed);
    if (changed)
        Q_EMIT conversationsChanged({key});
    return ok;
}

bool ConversationRepository::setMarkedUnread(qint64 key, bool unread)
{
    bool changed = false;
    const bool ok = setFlag(m_db->connection(), QStringLiteral("marked_unread"), key, unread, &changed);
    if (changed)
        Q_EMIT conversationsChanged({key});
    return ok;
}

} // namespace ld
