#include "profile.h"

#include "jsonreader.h"
#include "keyaliases_p.h"

#include <QJsonArray>

#include <algorithm>
#include <climits>
#include <initializer_list>

namespace ld {

namespace {

// Every action but search_people is undocumented (§4.2): a place or a company may come as
// a plain string or as an object with a name, so both are read.
QString textOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const char *key : { "name", "default", "text", "title" })
            if (o.value(QLatin1String(key)).isString())
                return o.value(QLatin1String(key)).toString();
    }
    return {};
}

// A string or object field: read through the reader when it is a string (so a wrong type
// is reported with its path), taken by name when it is an object.
QString nameField(json::Reader &r, const QString &key)
{
    if (r.object().value(key).isObject())
        return textOf(r.subObject(key));
    return r.string(key);
}

QString urlFromPublicId(const QString &publicId)
{
    if (publicId.isEmpty() || publicId.startsWith(QLatin1String("urn:")))
        return {};
    return QStringLiteral("https://www.linkedin.com/in/%1/").arg(publicId);
}

// The current company when the profile does not name it: the first experience entry.
QString companyFromExperience(const QJsonObject &profile)
{
    for (const char *key : { "experience", "experiences" }) {
        const QJsonArray items = profile.value(QLatin1String(key)).toArray();
        if (items.isEmpty() || !items.first().isObject())
            continue;
        const QJsonObject first = items.first().toObject();
        for (const char *field : { "company", "company_name", "companyName" }) {
            const QString name = textOf(first.value(QLatin1String(field)));
            if (!name.isEmpty())
                return name;
        }
    }
    return {};
}

// Contact details have no documented shape (§4.2): a value may be a string, a list of strings
// or a list of objects ({email}, {number}, {url}, ...). Whatever holds text is collected.
void collect(const QJsonValue &v, QStringList *out)
{
    if (v.isString()) {
        const QString s = v.toString().trimmed();
        if (!s.isEmpty() && !out->contains(s))
            out->append(s);
    } else if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            collect(item, out);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const char *key : { "email", "address", "number", "phone", "url", "value" })
            if (o.value(QLatin1String(key)).isString()) {
                collect(o.value(QLatin1String(key)), out);
                break;
            }
    }
}

QStringList collectAll(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    QStringList out;
    for (const char *key : keys)
        collect(o.value(QLatin1String(key)), &out);
    return out;
}

template <typename T>
Decoded<SearchPage<T>> decodeSearch(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    SearchPage<T> page;
    const QJsonArray items = r.array(QStringLiteral("results"));
    const qint64 total = r.int64(QStringLiteral("total_results"), items.size());
    page.totalResults = int(std::clamp<qint64>(total, 0, INT_MAX));
    const qint64 available = r.int64(QStringLiteral("total_available_results"), total);
    page.totalAvailable = int(std::clamp<qint64>(available, 0, INT_MAX));
    if (!r.ok())
        return Decoded<SearchPage<T>>::failure(r.error());
    const QString itemsPath = json::childPath(path, QStringLiteral("results"));
    page.results.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        Decoded<T> item = T::fromJson(items.at(i), json::indexPath(itemsPath, i));
        if (!item.ok())
            return Decoded<SearchPage<T>>::failure(item.error);
        page.results.append(std::move(item.value));
    }
    return Decoded<SearchPage<T>>::success(std::move(page));
}

} // namespace

QString MemberProfile::fullName() const
{
    return (firstName + QLatin1Char(' ') + lastName).trimmed();
}

Decoded<MemberProfile> MemberProfile::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    if (!r.ok())
        return Decoded<MemberProfile>::failure(r.error());
    MemberProfile p;
    p.publicId = json::firstId(r, { "public_id", "public_identifier" });
    p.firstName = r.string(QStringLiteral("first_name"));
    p.lastName = r.string(QStringLiteral("last_name"));
    p.headline = r.string(QStringLiteral("headline"));
    p.location = nameField(r, QStringLiteral("location"));
    p.summary = r.string(QStringLiteral("summary"));
    p.industry = nameField(r, QStringLiteral("industry"));
    p.company = nameField(r, QStringLiteral("company"));
    if (p.company.isEmpty())
        p.company = companyFromExperience(r.object()); // experience stays in extra, verbatim
    p.profileUrl = json::firstString(r, { "profile_url", "linkedin_url" });
    if (p.profileUrl.isEmpty())
        p.profileUrl = urlFromPublicId(p.publicId);
    p.pictureUrl = json::firstString(r, { "profile_picture", "profile_picture_url" });
    p.extra = r.unreadMembers();
    if (!r.ok())
        return Decoded<MemberProfile>::failure(r.error());
    return Decoded<MemberProfile>::success(std::move(p));
}

Decoded<ContactInfo> ContactInfo::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    if (!r.ok())
        return Decoded<ContactInfo>::failure(r.error());
    ContactInfo c;
    c.raw = r.object();
    c.emails = collectAll(c.raw, { "emails", "email", "email_address", "email_addresses" });
    c.phones = collectAll(c.raw, { "phones", "phone_numbers", "phone", "phone_number" });
    c.websites = collectAll(c.raw, { "websites", "website" });
    return Decoded<ContactInfo>::success(std::move(c));
}

Decoded<PersonResult> PersonResult::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    PersonResult p;
    p.publicId = json::firstId(r, { "public_id", "public_identifier" });
    p.firstName = r.string(QStringLiteral("first_name"));
    p.lastName = r.string(QStringLiteral("last_name"));
    p.headline = r.string(QStringLiteral("headline"));
    p.location = nameField(r, QStringLiteral("location"));
    p.pictureUrl = json::firstString(r, { "profile_picture_url", "profile_picture" });
    p.profileUrl = json::firstString(r, { "linkedin_url", "profile_url" });
    if (p.profileUrl.isEmpty())
        p.profileUrl = urlFromPublicId(p.publicId);
    p.invitationState = r.string(QStringLiteral("invitation_state"));
    if (!r.ok())
        return Decoded<PersonResult>::failure(r.error());
    return Decoded<PersonResult>::success(std::move(p));
}

Decoded<CompanyResult> CompanyResult::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    CompanyResult c;
    c.name = r.string(QStringLiteral("name"));
    c.url = json::firstString(r, { "company_url", "url", "linkedin_url" });
    c.industry = json::firstString(r, { "industry", "sector" });
    // A size is a V1 bucket ("201-500"); a head count as a number is kept as its digits.
    for (const char *key : { "company_size", "size", "staff_count" }) {
        const QString k = QLatin1String(key);
        if (c.size.isEmpty() && r.object().value(k).isDouble())
            c.size = QString::number(r.int64(k));
        else if (c.size.isEmpty())
            c.size = r.string(k);
        else
            r.markRead({ key });
    }
    c.location = nameField(r, QStringLiteral("location"));
    c.extra = r.unreadMembers();
    if (!r.ok())
        return Decoded<CompanyResult>::failure(r.error());
    return Decoded<CompanyResult>::success(std::move(c));
}

Decoded<SearchPage<PersonResult>> decodePeopleSearch(const QJsonValue &json, const QString &path)
{
    return decodeSearch<PersonResult>(json, path);
}

Decoded<SearchPage<CompanyResult>> decodeCompanySearch(const QJsonValue &json, const QString &path)
{
    return decodeSearch<CompanyResult>(json, path);
}

} // namespace ld
