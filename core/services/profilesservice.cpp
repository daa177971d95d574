#include "profilesservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ld {

namespace {

const QString kCategory = QStringLiteral("profiles");

// Empty filters are left out (§1.3), so the server never reads them as "match nothing".
void putText(QJsonObject &params, const char *key, const QString &value)
{
    if (!value.trimmed().isEmpty())
        params.insert(QLatin1String(key), value.trimmed());
}

// V2 filters are arrays even for one value (§4.1, §10); V1's "a;b" strings are refused.
void putList(QJsonObject &params, const char *key, const QStringList &values)
{
    QJsonArray array;
    for (const QString &v : values)
        if (!v.trimmed().isEmpty())
            array.append(v.trimmed());
    if (!array.isEmpty())
        params.insert(QLatin1String(key), array);
}

void putPage(QJsonObject &params, int count, int offset)
{
    params.insert(QStringLiteral("count"), qMax(1, count));
    params.insert(QStringLiteral("offset"), qMax(0, offset));
}

bool isUrl(const QString &s)
{
    return s.contains(QLatin1String("://")) || s.contains(QLatin1String("linkedin.com/"));
}

} // namespace

ProfilesService::ProfilesService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ApiCall *ProfilesService::get(const QString &accountId, const QString &profileUrlOrIdentifier)
{
    const QString target = profileUrlOrIdentifier.trimmed();
    QJsonObject params;
    if (isUrl(target))
        params.insert(QStringLiteral("profile_url"), target);
    else if (target.startsWith(QLatin1String("urn:li:")))
        params.insert(QStringLiteral("profile_urn"), target);
    else
        params.insert(QStringLiteral("identifier"), target);
    return m_client->action(kCategory, accountId, QStringLiteral("get"), params, CallKind::Read);
}

ApiCall *ProfilesService::getMe(const QString &accountId)
{
    return m_client->action(kCategory, accountId, QStringLiteral("get_me"), {}, CallKind::Read);
}

ApiCall *ProfilesService::getContact(const QString &accountId, const QString &profileUrl)
{
    const QJsonObject params { { QStringLiteral("profile_url"), profileUrl.trimmed() } };
    return m_client->action(
        kCategory, accountId, QStringLiteral("get_contact"), params, CallKind::Read);
}

ApiCall *ProfilesService::searchPeople(const QString &accountId, const PeopleQuery &query)
{
    QJsonObject params;
    putText(params, "keyword", query.keyword);
    putText(params, "first_name", query.firstName);
    putText(params, "last_name", query.lastName);
    putText(params, "title", query.title);
    putText(params, "company_name", query.companyName);
    putList(params, "company_url", query.companyUrl);
    putList(params, "past_company", query.pastCompany);
    putList(params, "location", query.location);
    putList(params, "school_url", query.schoolUrl);
    putList(params, "industry", query.industry);
    putList(params, "network", query.network);
    if (query.fetchInvitationState)
        params.insert(QStringLiteral("fetch_invitation_state"), true);
    // count/offset as integration code sends them (§4.1); the page-range style is not used.
    putPage(params, query.count, query.offset);
    return m_client->action(
        kCategory, accountId, QStringLiteral("search_people"), params, CallKind::Read);
}

ApiCall *ProfilesService::searchCompanies(const QString &accountId, const CompanyQuery &query)
{
    QJsonObject params;
    putText(params, "keyword", query.keyword);
    putList(params, "location", query.location);
    putList(params, "sector", query.sector);
    putList(params, "company_size", query.companySize);
    putPage(params, query.count, query.offset);
    return m_client->action(
        kCategory, accountId, QStringLiteral("search_companies"), params, CallKind::Read);
}

} // namespace ld
