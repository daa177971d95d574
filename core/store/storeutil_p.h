#pragma once
// Helpers shared by the repositories of core/store. Not part of the library's interface.
#include "support/logging.h"

#include <QDateTime>
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

inline bool execOrWarn(QSqlQuery &query, const char *what)
{
    if (query.exec())
        return true;
    qCWarning(lcStore) << what << "failed:" << query.lastError().text();
    return false;
}

} // namespace ld::store
