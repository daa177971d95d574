#include "snippetrepository.h"

#include "database.h"
#include "storeutil_p.h"

namespace ld {

SnippetRepository::SnippetRepository(Database *db, QObject *parent) : QObject(parent), m_db(db) { }

QList<Snippet> SnippetRepository::all() const
{
    QSqlQuery query(m_db->connection());
    QList<Snippet> out;
    if (!query.exec(QStringLiteral("SELECT id, name, body FROM snippets ORDER BY name COLLATE NOCASE, id"))) {
        qCWarning(lcStore) << "reading snippets failed:" << query.lastError().text();
        return out;
    }
    while (query.next())
        out << Snippet{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()};
    return out;
}

qint64 SnippetRepository::save(const Snippet &snippet)
{
    QSqlQuery query(m_db->connection());
    const QVariant now = store::timeToSql(QDateTime::currentDateTimeUtc());
    if (snippet.id == 0) {
        query.prepare(QStringLiteral("INSERT INTO snippets (name, body, updated_at) VALUES (?, ?, ?)"));
    } else {
        query.prepare(QStringLiteral("UPDATE snippets SET name = ?, body = ?, updated_at = ? WHERE id = ?"));
    }
    query.addBindValue(store::orEmpty(snippet.name));
    query.addBindValue(store::orEmpty(snippet.body));
    query.addBindValue(now);
    if (snippet.id != 0)
        query.addBindValue(snippet.id);
    if (!store::execOrWarn(query, "saving a snippet"))
        return 0;
    if (snippet.id != 0 && query.numRowsAffected() == 0)
        return 0; // removed meanwhile
    const qint64 id = snippet.id != 0 ? snippet.id : query.lastInsertId().toLongLong();
    Q_EMIT changed();
    return id;
}

bool SnippetRepository::remove(qint64 id)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("DELETE FROM snippets WHERE id = ?"));
    query.addBindValue(id);
    if (!store::execOrWarn(query, "removing a snippet"))
        return false;
    if (query.numRowsAffected() == 0)
        return false;
    Q_EMIT changed();
    return true;
}

} // namespace ld
