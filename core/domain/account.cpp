#include "account.h"

#include "jsonreader.h"
#include "timestamps.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ld {

Account::Status Account::statusFromString(const QString &word)
{
    const QString w = word.trimmed().toLower();
    // login/checkpoint say "connected", the accounts endpoints "active"/"inactive" (§2.4).
    if (w == QLatin1String("active") || w == QLatin1String("connected"))
        return Status::Active;
    if (w == QLatin1String("inactive"))
        return Status::Inactive;
    if (w == QLatin1String("checkpoint_required"))
        return Status::CheckpointRequired;
    if (w == QLatin1String("disconnected") || w == QLatin1String("expired"))
        return Status::Disconnected;
    return Status::Unknown;
}

QString Account::statusText(Status s)
{
    switch (s) {
    case Status::Active:
        return QCoreApplication::translate("ld::Account", "Connected");
    case Status::Inactive:
        return QCoreApplication::translate("ld::Account", "Inactive — reconnect it");
    case Status::CheckpointRequired:
        return QCoreApplication::translate("ld::Account", "Verification needed");
    case Status::Disconnected:
        return QCoreApplication::translate("ld::Account", "Disconnected — log in again");
    case Status::Unknown:
        break;
    }
    return QCoreApplication::translate("ld::Account", "Unknown status");
}

Decoded<Account> Account::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    if (!r.ok())
        return Decoded<Account>::failure(r.error());

    Account a;
    a.id = r.id(QStringLiteral("account_id"), /*required=*/true);
    a.name = r.string(QStringLiteral("account_name"));
    a.platform = r.string(QStringLiteral("platform"));
    a.country = r.string(QStringLiteral("country"));
    a.rawStatus = r.string(QStringLiteral("status"));
    a.status = statusFromString(a.rawStatus);
    // is_active is documented on the accounts endpoints; login/checkpoint replies only have
    // a status word, so derive it from that when absent.
    a.isActive = r.has(QStringLiteral("is_active")) ? r.boolean(QStringLiteral("is_active"))
                                                    : a.status == Status::Active;
    a.createdAt = r.timestamp(QStringLiteral("created_at"));
    a.updatedAt = r.timestamp(QStringLiteral("updated_at"));
    a.extra = r.unreadMembers();

    if (!r.ok())
        return Decoded<Account>::failure(r.error());
    return Decoded<Account>::success(std::move(a));
}

QJsonObject Account::toJson() const
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("account_id"), id);
    o.insert(QStringLiteral("account_name"), name);
    o.insert(QStringLiteral("platform"), platform);
    o.insert(QStringLiteral("country"), country);
    o.insert(QStringLiteral("status"), rawStatus);
    o.insert(QStringLiteral("is_active"), isActive);
    if (createdAt.isValid())
        o.insert(QStringLiteral("created_at"), timestamps::toIsoUtc(createdAt));
    if (updatedAt.isValid())
        o.insert(QStringLiteral("updated_at"), timestamps::toIsoUtc(updatedAt));
    return o;
}

Decoded<AccountPage> AccountPage::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    if (!r.ok())
        return Decoded<AccountPage>::failure(r.error());

    AccountPage page;
    const QJsonArray items = r.array(QStringLiteral("items"));
    page.total = int(r.int64(QStringLiteral("total"), items.size()));
    page.limit = int(r.int64(QStringLiteral("limit"), items.size()));
    page.offset = int(r.int64(QStringLiteral("offset"), 0));
    if (!r.ok())
        return Decoded<AccountPage>::failure(r.error());

    const QString itemsPath = json::childPath(path, QStringLiteral("items"));
    page.items.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        Decoded<Account> a = Account::fromJson(items.at(i), json::indexPath(itemsPath, i));
        if (!a.ok())
            return Decoded<AccountPage>::failure(a.error);
        page.items.append(std::move(a.value));
    }
    return Decoded<AccountPage>::success(std::move(page));
}

} // namespace ld
