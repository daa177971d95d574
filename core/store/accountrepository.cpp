#include "accountrepository.h"

#include "database.h"
#include "storeutil_p.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

namespace ld {

namespace {

const QString kColumns = QStringLiteral(
    "id, name, platform, country, status, raw_status, is_active, created_at, updated_at, extra_json");

// The stored form of an account, in kColumns order; comparing two of these tells whether
// a write would change anything.
QVariantList toRow(const Account &a)
{
    return {a.id,
            store::orEmpty(a.name),
            store::orEmpty(a.platform),
            store::orEmpty(a.country),
            static_cast<int>(a.status),
            store::orEmpty(a.rawStatus),
            a.isActive ? 1 : 0,
            store::timeToSql(a.createdAt),
            store::timeToSql(a.updatedAt),
            QString::fromUtf8(QJsonDocument(a.extra).toJson(QJsonDocument::Compact))};
}

QVariantList readRow(const QSqlQuery &query)
{
    QVariantList row;
    for (int i = 0; i < 10; ++i) {
        const QVariant v = query.value(i);
        if (v.isNull())
            row << QVariant(QMetaType::fromType<QString>());
        else if (i == 4 || i == 6)
            row << v.toInt();
        else
            row << v.toString();
    }
    return row;
}

Account fromRow(const QSqlQuery &query)
{
    Account a;
    a.id = query.value(0).toString();
    a.name = query.value(1).toString();
    a.platform = query.value(2).toString();
    a.country = query.value(3).toString();
    const int status = query.value(4).toInt();
    a.status = status >= 0 && status <= static_cast<int>(Account::Status::Disconnected)
                   ? static_cast<Account::Status>(status)
                   : Account::Status::Unknown;
    a.rawStatus = query.value(5).toString();
    a.isActive = query.value(6).toInt() != 0;
    a.createdAt = store::timeFromSql(query.value(7));
    a.updatedAt = store::timeFromSql(query.value(8));
    a.extra = QJsonDocument::fromJson(query.value(9).toString().toUtf8()).object();
    return a;
}

bool sameRow(const QVariantList &a, const QVariantList &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a.at(i).isNull() != b.at(i).isNull() || a.at(i).toString() != b.at(i).toString())
            return false;
    }
    return true;
}

std::optional<QVariantList> storedRow(const QSqlDatabase &db, const QString &accountId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT %1 FROM accounts WHERE id = ?").arg(kColumns));
    query.addBindValue(accountId);
    if (!store::execOrWarn(query, "reading an account") || !query.next())
        return std::nullopt;
    return readRow(query);
}

bool write(const QSqlDatabase &db, const Account &account)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO accounts (%1, seen_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                                 "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                                 "platform = excluded.platform, country = excluded.country, "
                                 "status = excluded.status, raw_status = excluded.raw_status, "
                                 "is_active = excluded.is_active, created_at = excluded.created_at, "
                                 "updated_at = excluded.updated_at, extra_json = excluded.extra_json, "
                                 "seen_at = excluded.seen_at")
                      .arg(kColumns));
    for (const QVariant &v : toRow(account))
        query.addBindValue(v);
    query.addBindValue(store::timeToSql(QDateTime::currentDateTimeUtc()));
    return store::execOrWarn(query, "saving an account");
}

} // namespace

AccountRepository::AccountRepository(Database *db, QObject *parent) : QObject(parent), m_db(db) { }

bool AccountRepository::upsert(const Account &account)
{
    if (account.id.isEmpty())
        return false;
    const QSqlDatabase db = m_db->connection();
    const auto before = storedRow(db, account.id);
    if (!write(db, account))
        return false;
    if (!before || !sameRow(*before, toRow(account)))
        Q_EMIT accountsChanged({account.id});
    return true;
}

bool AccountRepository::replaceAll(const QList<Account> &accounts)
{
    QSqlDatabase db = m_db->connection();
    QHash<QString, QVariantList> before;
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT %1 FROM accounts").arg(kColumns));
        if (!store::execOrWarn(query, "reading accounts"))
            return false;
        while (query.next())
            before.insert(query.value(0).toString(), readRow(query));
    }

    QStringList changed;
    QSet<QString> kept;
    if (!db.transaction()) {
        qCWarning(lcStore) << "cannot start a transaction:" << db.lastError().text();
        return false;
    }
    for (const Account &account : accounts) {
        if (account.id.isEmpty() || kept.contains(account.id))
            continue;
        kept.insert(account.id);
        if (!write(db, account)) {
            db.rollback();
            return false;
        }
        const auto it = before.constFind(account.id);
        if (it == before.constEnd() || !sameRow(*it, toRow(account)))
            changed << account.id;
    }
    QStringList removed;
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (!kept.contains(it.key()))
            removed << it.key();
    }
    for (const QString &id : std::as_const(removed)) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("DELETE FROM accounts WHERE id = ?"));
        query.addBindValue(id);
        if (!store::execOrWarn(query, "removing an account")) {
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        qCWarning(lcStore) << "cannot commit the account list:" << db.lastError().text();
        db.rollback();
        return false;
    }
    removed.sort();
    if (!removed.isEmpty())
        Q_EMIT accountsRemoved(removed);
    if (!changed.isEmpty())
        Q_EMIT accountsChanged(changed);
    return true;
}

bool AccountRepository::remove(const QString &accountId)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("DELETE FROM accounts WHERE id = ?"));
    query.addBindValue(accountId);
    if (!store::execOrWarn(query, "removing an account"))
        return false;
    if (query.numRowsAffected() > 0)
        Q_EMIT accountsRemoved({accountId});
    return true;
}

QList<Account> AccountRepository::all() const
{
    QList<Account> result;
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM accounts ORDER BY name COLLATE NOCASE, name, id")
                      .arg(kColumns));
    if (!store::execOrWarn(query, "listing accounts"))
        return result;
    while (query.next())
        result << fromRow(query);
    return result;
}

std::optional<Account> AccountRepository::find(const QString &accountId) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM accounts WHERE id = ?").arg(kColumns));
    query.addBindValue(accountId);
    if (!store::execOrWarn(query, "reading an account") || !query.next())
        return std::nullopt;
    return fromRow(query);
}

int AccountRepository::count() const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM accounts"));
    if (!store::execOrWarn(query, "counting accounts") || !query.next())
        return 0;
    return query.value(0).toInt();
}

} // namespace ld
