#pragma once
// Profiles (contract §4): a full profile, contact details, and search results. The URL and
// picture keys vary by endpoint (profile_url / linkedin_url / public_id, profile_picture /
// profile_picture_url): every variant is read.
#include "decoded.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ld {

struct MemberProfile
{
    QString publicId;
    QString firstName;
    QString lastName;
    QString headline;
    QString location;
    QString summary;
    QString industry;
    QString company;     // current company, from the first experience when not given
    QString profileUrl;
    QString pictureUrl;
    QJsonObject extra;   // everything else, verbatim

    QString fullName() const;
    static Decoded<MemberProfile> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

struct ContactInfo
{
    QStringList emails;
    QStringList phones;
    QStringList websites;
    QJsonObject raw;

    static Decoded<ContactInfo> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

struct PersonResult
{
    QString publicId;
    QString firstName;
    QString lastName;
    QString headline;
    QString location;
    QString pictureUrl;
    QString profileUrl;
    QString invitationState; // "CONNECTED", "PENDING", ... when asked for

    static Decoded<PersonResult> fromJson(const QJsonValue &json, const QString &path);
};

struct CompanyResult
{
    QString name;
    QString url;
    QString industry;
    QString size;
    QString location;
    QJsonObject extra;

    static Decoded<CompanyResult> fromJson(const QJsonValue &json, const QString &path);
};

template <typename T>
struct SearchPage
{
    QList<T> results;
    int totalResults = 0;
    int totalAvailable = 0;
};

Decoded<SearchPage<PersonResult>> decodePeopleSearch(const QJsonValue &json, const QString &path = QStringLiteral("data"));
Decoded<SearchPage<CompanyResult>> decodeCompanySearch(const QJsonValue &json, const QString &path = QStringLiteral("data"));

} // namespace ld
