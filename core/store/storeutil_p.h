#pragma once
// Helpers shared by the repositories of core/store. Not part of the library's interface.
#include "support/logging.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace ld::store {

// QtSql binds a null QString as SQL NULL; the text columns are NOT NULL and a field the server
// omitted decodes as a null string, so every text value goes through this.
inline QString orEmpty(const QString &s)
{
    return s.isNull() ? QString(QLatin1String("")) : s;
}

// Fixed-width ISO 8601 UTC with milliseconds, so text order is time order.
inline QVariant timeToSql(const QDateTime &t)
{
    if (!t.isValid())
        return QVariant(QMetaType::fromType<QString>()); // NULL
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

inline QDateTime timeFromSql(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

// Milliseconds since the epoch for the columns the inbox sorts on; 0 stands for "unknown".
inline qint64 msToSql(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

inline QDateTime msFromSql(const QVariant &v)
{
    const qint64 ms = v.toLongLong();
    return ms == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// Binds `values` to the query's placeholders in order.
inline void bindAll(QSqlQuery &query, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
}

inline bool execOrWarn(QSqlQuery &query, const char *what)
{
    if (query.exec())
        return true;
    qCWarning(lcStore) << what << "failed:" << query.lastError().text();
    return false;
}

// Runs `query` and maps each row with `fromRow` (a function of const QSqlQuery &); an empty list
// (and a warning naming `what`) when it fails.
template <typename FromRow> auto readAll(QSqlQuery &query, const char *what, FromRow fromRow)
{
    QList<decltype(fromRow(query))> out;
    if (!execOrWarn(query, what))
        return out;
    while (query.next())
        out << fromRow(query);
    return out;
}

// One transaction around a repository write, unless the caller already holds one (a batch):
// then the write simply joins it and the caller commits.
class Transaction
{
public:
    Transaction(QSqlDatabase db, bool joinOuter)
        : m_db(std::move(db))
        , m_own(!joinOuter)
    {
        if (m_own && !m_db.transaction()) {
            qCWarning(lcStore) << "cannot start a transaction:" << m_db.lastError().text();
            m_failed = true;
        }
    }
    ~Transaction()
    {
        if (m_own && !m_failed && !m_done)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool ok() const { return !m_failed; }
    bool commit()
    {
        if (m_failed)
            return false;
        m_done = true;
        if (!m_own || m_db.commit())
            return true;
        qCWarning(lcStore) << "cannot commit:" << m_db.lastError().text();
        m_db.rollback();
        return false;
    }

private:
    QSqlDatabase m_db;
    bool m_own;
    bool m_failed = false;
    bool m_done = false;
};

} // namespace ld::store
