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

InboxWhere inboxWhere(const InboxFilter &filter)
{
    InboxWhere where;
    QStringList parts;
    if (!filter.accountIds.isEmpty()) {
        QStringList marks;
        for (const QString &id : filter.accountIds) {
            marks << QStringLiteral("?");
            where.binds << id;
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
    if (!filter.search.trimmed().isEmpty()) {
        const QString match = ftsQuery(filter.search);
        if (match.isEmpty())
            where.matchesNothing = true;
        parts << QStringLiteral("key IN (SELECT rowid FROM conversation_search "
                                "WHERE conversation_search MATCH ?)");
        where.binds << match;
    }
    where.sql = parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
    return where;
}

bool reindexConversation(const QSqlDatabase &db, qint64 key)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM conversation_search WHERE rowid = ?"));
    query.addBindValue(key);
    if (!execOrWarn(query, "unindexing a conversation"))
        return false;
    query.prepare(QStringLiteral(
        "INSERT INTO conversation_search (rowid, name, headline, body) "
        "SELECT key, participant_name, participant_headline, last_text || char(10) || "
        "coalesce((SELECT group_concat(text, char(10)) FROM messages WHERE conversation_key = conversations.key), '') "
        "FROM conversations WHERE key = ?"));
    query.addBindValue(key);
    return execOrWarn(query, "indexing a conversation");
}

} // namespace ld::store
