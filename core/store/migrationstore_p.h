#pragma once
// Shared by the two halves of MigrationRepository (migrationrepository.cpp: runs,
// migrationrows.cpp: rows). Not part of the library's interface.
#include <QByteArray>
#include <QString>
#include <QVariant>

namespace ld::store {

// Hashes are hex text. QtSql binds a QByteArray as a BLOB, and SQLite never finds a BLOB equal
// to TEXT, so they are always bound as strings ('' for none: the columns are NOT NULL).
inline QVariant hashToSql(const QByteArray &hash)
{
    return hash.isEmpty() ? QString(QLatin1String("")) : QString::fromLatin1(hash);
}

} // namespace ld::store
