#pragma once
// Profiles (contract §4): POST /v2/profiles with get, get_me, get_contact, search_people,
// search_companies. The V2 filters are arrays (contract §10).
#include "api/apiclient.h"

#include <QStringList>

namespace ld {

struct PeopleQuery
{
    QString keyword;
    QString firstName, lastName, title, companyName;
    QStringList companyUrl, pastCompany, location, schoolUrl, industry, network; // arrays
    bool fetchInvitationState = false;
    int count = 10;
    int offset = 0;
};

struct CompanyQuery
{
    QString keyword;
    QStringList location, sector, companySize; // arrays
    int count = 10;
    int offset = 0;
};

class ProfilesService : public QObject
{
    Q_OBJECT
public:
    explicit ProfilesService(ApiClient *client, QObject *parent = nullptr);

    ApiCall *get(const QString &accountId, const QString &profileUrlOrIdentifier);
    ApiCall *getMe(const QString &accountId);
    ApiCall *getContact(const QString &accountId, const QString &profileUrl); // costs a credit
    ApiCall *searchPeople(const QString &accountId, const PeopleQuery &query);
    ApiCall *searchCompanies(const QString &accountId, const CompanyQuery &query);

private:
    ApiClient *m_client;
};

} // namespace ld
