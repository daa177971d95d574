#pragma once
// SQL for the inbox's filters and search, shared by ConversationRepository's queries.
// Not part of the library's interface.
#include "conversationrepository.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace ld::store {

// A search typed by a person as an FTS5 query: each word becomes a quoted prefix term
// ("jam"*), so operators (AND, NEAR), quotes, stars and parentheses are only ever text.
// Words without a letter or digit cannot match any token and are dropped. Empty when
// nothing searchable is left.
QString ftsQuery(const QString &search);

// The rows of `filter`, newest first: "SELECT <columns> FROM <from> WHERE <where> ORDER BY
// <order> DESC". With a search, FTS5 drives (its rowid is the sort key, so it yields matches in
// inbox order and a LIMIT stops it early); without one, an index on sort_key does.
struct InboxQuery
{
    QString from;
    QString where;  // "1" when nothing is filtered
    QString order;  // the sort key column to compare and order by
    QVariantList binds;
    bool matchesNothing = false; // a search without any searchable word
};
InboxQuery inboxQuery(const InboxFilter &filter);

// The sort key of a row as the triggers of schema 3 compute it.
qint64 sortKey(const ConversationRow &row);

// Rewrites the conversation's search row from the stored conversation and its messages.
bool reindexConversation(const QSqlDatabase &db, qint64 key);

} // namespace ld::store
