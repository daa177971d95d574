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

// The WHERE clause of `filter` over the conversations table, with its bound values in order.
// `matchesNothing` when the search has no searchable word.
struct InboxWhere
{
    QString sql; // "1" when nothing is filtered
    QVariantList binds;
    bool matchesNothing = false;
};
InboxWhere inboxWhere(const InboxFilter &filter);

// Rewrites the conversation's search row from the stored conversation and its messages.
bool reindexConversation(const QSqlDatabase &db, qint64 key);

} // namespace ld::store
