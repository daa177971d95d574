#pragma once
// Credits are money (ARCHITECTURE.md §2): every reply's metadata.credits_consumed is recorded
// with its account, action and time. Errors record 0.
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace ld {

class Database;

struct CreditCharge
{
    QString accountId; // empty for calls without an account (list_accounts, login, ...)
    QString action;
    int credits = 0;
    QDateTime at;      // UTC
};

struct CreditSummaryRow
{
    QString accountId;
    QString action;
    int calls = 0;
    qint64 credits = 0;
};

class CreditLedger : public QObject
{
    Q_OBJECT
public:
    explicit CreditLedger(Database *db, QObject *parent = nullptr);

    bool record(const CreditCharge &charge);
    qint64 total(const QString &accountId = {}, const QDateTime &since = {}) const; // empty id: all
    QList<CreditSummaryRow> summary(const QDateTime &since = {}) const; // by account, action
    QList<CreditCharge> recent(const QString &accountId, int limit) const;   // newest first

Q_SIGNALS:
    void recorded(const QString &accountId);

private:
    Database *m_db;
};

} // namespace ld
