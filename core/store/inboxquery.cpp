#include "inboxquery_p.h"

#include "storeutil_p.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace ld::store {

QString ftsQuery(const QString &search)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList terms;
    const QStringList words = search.split(spaces, Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (std::none_of(word.begin(), word.end(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        QString quoted = word;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        terms << QLatin1Char('"') + quoted + QStringLiteral("\"*");
    }
    return terms.join(QLatin1Char(' '));
}

InboxQuery inboxQuery(const InboxFilter &filter)
{
    InboxQuery q;
    QStringList parts;
    if (!filter.search.trimmed().isEmpty()) {
        const QString match = ftsQuery(filter.search);
        q.matchesNothing = match.isEmpty();
        // CROSS JOIN keeps the FTS table as the outer loop, in its rowid order.
        q.from = QStringLiteral("conversation_search CROSS JOIN conversations "
                                "ON conversations.sort_key = conversation_search.rowid");
        q.order = QStringLiteral("conversation_search.rowid");
        parts << QStringLiteral("conversation_search MATCH ?");
        q.binds << match;
    } else {
        q.from = QStringLiteral("conversations");
        q.order = QStringLiteral("sort_key");
    }
    if (!filter.accountIds.isEmpty()) {
        QStringList marks;
        for (const QString &id : filter.accountIds) {
            marks << QStringLiteral("?");
            q.binds << id;
        }
        parts << QStringLiteral("account_id IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (filter.unreadOnly)
        parts << QStringLiteral("(unread > 0 OR marked_unread <> 0)");
    switch (filter.done) {
    case InboxFilter::DoneState::Any: break;
    case InboxFilter::DoneState::NotDone: parts << QStringLiteral("done = 0"); break;
    case InboxFilter::DoneState::DoneOnly: parts << QStringLiteral("done = 1"); break;
    }
    q.where = parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
    return q;
}

qint64 sortKey(const ConversationRow &row)
{
    const qint64 ms = msToSql(row.conversation.lastAt);
    const qint64 seconds = qBound<qint64>(0, ms / 1000, (qint64(1) << 34) - 1);
    return (seconds << 29) | (row.key & ((qint64(1) << 29) - 1));
}

bool reindexConversation(const QSqlDatabase &db, qint64 key)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM conversation_search "
                                 "WHERE rowid = (SELECT indexed_as FROM conversations WHERE key = ?)"));
    query.addBindValue(key);
    if (!execOrWarn(query, "unindexing a conversation"))
        return false;
    query.prepare(QStringLiteral(
        "INSERT INTO conversation_search (rowid, name, headline, body) "
        "SELECT sort_key, participant_name, participant_headline, last_text || char(10) || "
        "coalesce((SELECT group_concat(text, char(10)) FROM messages "
        "WHERE conversation_key = conversations.key), '') "
        "FROM conversations WHERE key = ?"));
    query.addBindValue(key);
    if (!execOrWarn(query, "indexing a conversation"))
        return false;
    query.prepare(QStringLiteral("UPDATE conversations SET indexed_as = sort_key WHERE key = ?"));
    query.addBindValue(key);
    return execOrWarn(query, "indexing a conversation");
}

} // namespace ld::store
