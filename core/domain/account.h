#pragma once
// A connected LinkedIn account as the V2 API reports it (contract §2.3, §2.4), decoded leniently.
#include "decoded.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ld {

struct Account
{
    // login/checkpoint say "connected"/"checkpoint_required"; /v2/accounts says "active"/"inactive".
    enum class Status { Unknown, Active, Inactive, CheckpointRequired, Disconnected };

    QString id;
    QString name;
    QString platform;
    QString country;
    Status status = Status::Unknown;
    QString rawStatus;   // the word the server used, shown when Status is Unknown
    bool isActive = false;
    QDateTime createdAt; // UTC, invalid when absent
    QDateTime updatedAt;
    // Every field the server sent beyond the documented ones (logs, connection health, ...),
    // kept verbatim so the Accounts page can show them without knowing their names.
    QJsonObject extra;

    static Decoded<Account> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
    static Status statusFromString(const QString &word);
    static QString statusText(Status s); // translated, for people
    QJsonObject toJson() const;          // for linkupctl --json and the store
};

struct AccountPage
{
    QList<Account> items;
    int total = 0;
    int limit = 0;
    int offset = 0;

    static Decoded<AccountPage> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

} // namespace ld
