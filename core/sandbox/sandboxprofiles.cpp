// POST /v2/profiles: get, get_me, get_contact, visit, get_company, search_people,
// search_companies (contract §4). Only search_people is documented; the rest follows the
// integration-code parameter lists and V1's field names (inferred).
#include "sandboxhandlers.h"

namespace ld::sandbox {

namespace {

QJsonObject profileJson(const Person &p)
{
    return obj(
        { { "public_id", p.publicId }, { "profile_urn", p.urn() }, { "first_name", p.firstName },
            { "last_name", p.lastName }, { "headline", p.headline }, { "location", p.location },
            { "summary", QStringLiteral("%1 — working at %2.").arg(p.headline, p.company) },
            { "industry", p.industry }, { "profile_url", p.profileUrl() },
            { "profile_picture_url", p.pictureUrl() },
            { "experience",
                QJsonArray { obj({ { "title", p.headline.section(QStringLiteral(" at "), 0, 0) },
                    { "company", p.company },
                    { "date_range", QStringLiteral("1/2022 - Present") } }) } } });
}

// The person named by profile_url / identifier / profile_urn, or -1 with `error` set.
int findPerson(ActionContext &ctx, Reply *error)
{
    const QString target = ctx.params.anyString(
        { "profile_url", "linkedin_url", "identifier", "profile_urn" }, true);
    if (!ctx.params.ok()) {
        *error = ctx.paramsError();
        return -1;
    }
    int person = -1;
    if (target.startsWith(QLatin1String("urn:li:"))) {
        for (size_t i = 0; i < ctx.state.people.size(); ++i)
            if (ctx.state.people[i].urn() == target)
                person = int(i);
    } else {
        person = ctx.state.personBySlug(SandboxState::slugFromUrl(target), true);
    }
    if (person < 0 || !ctx.state.people[size_t(person)].exists) {
        *error = ctx.invalid(QStringLiteral("profile not found: %1").arg(target));
        return -1;
    }
    return person;
}

bool containsAny(const QString &haystack, const QStringList &needles)
{
    if (needles.isEmpty())
        return true;
    for (const QString &n : needles)
        if (haystack.contains(n, Qt::CaseInsensitive))
            return true;
    return false;
}

// Paging of the searches: count/offset (integration code) or total_results + start_page
// (the V2 page, 10 results per page).
QPair<qint64, qint64> searchWindow(Params &p)
{
    const qint64 totalResults = p.integer("total_results", 10, 1, 1000);
    const qint64 startPage = p.integer("start_page", 1, 1, 100);
    const qint64 endPage = p.integer("end_page", startPage, startPage, 100);
    qint64 count = qMin(totalResults, (endPage - startPage + 1) * 10);
    qint64 offset = (startPage - 1) * 10;
    if (p.has("count") || p.has("offset")) {
        count = p.integer("count", 10, 1, 1000);
        offset = p.integer("offset", 0, 0, 100000);
    }
    return { offset, count };
}

Reply searchPeople(ActionContext &ctx)
{
    Params &p = ctx.params;
    const QString keyword = p.string("keyword");
    const QString first = p.string("first_name"), last = p.string("last_name");
    const QString title = p.string("title"), companyName = p.string("company_name");
    const QStringList locations = p.stringList("location"), industries = p.stringList("industry");
    const QStringList companyUrls = p.stringList("company_url"), network = p.stringList("network");
    p.stringList("past_company"); // accepted; the sandbox keeps no work history to match
    p.stringList("school_url"); // accepted; no schools in the sandbox
    p.string("connection_of");
    p.string("follower_of");
    p.string("search_url");
    const bool withState = p.boolean("fetch_invitation_state", false);
    const auto [offset, count] = searchWindow(p);
    for (const QString &n : network)
        if (n != QLatin1String("F") && n != QLatin1String("S") && n != QLatin1String("O"))
            p.invalid(QStringLiteral("network values must be \"F\", \"S\" or \"O\""));
    if (!p.ok())
        return ctx.paramsError();

    std::vector<int> matches;
    for (int i = 0; i < 120; ++i) { // the seeded pool
        const Person &who = ctx.state.people[size_t(i)];
        const bool connected = ctx.account.connections.contains(i);
        const QString degree = connected ? QStringLiteral("F") : QStringLiteral("S");
        QStringList companySlugs;
        for (const Company &c : ctx.state.companies)
            if (c.name == who.company)
                companySlugs << c.slug;
        bool companyOk = companyUrls.isEmpty();
        for (const QString &url : companyUrls)
            companyOk
                = companyOk || (!companySlugs.isEmpty() && url.contains(companySlugs.first()));
        if ((keyword.isEmpty()
                || (who.fullName() + QLatin1Char(' ') + who.headline)
                       .contains(keyword, Qt::CaseInsensitive))
            && who.firstName.contains(first, Qt::CaseInsensitive)
            && who.lastName.contains(last, Qt::CaseInsensitive)
            && who.headline.contains(title, Qt::CaseInsensitive)
            && who.company.contains(companyName, Qt::CaseInsensitive)
            && containsAny(who.location, locations) && containsAny(who.industry, industries)
            && companyOk && (network.isEmpty() || network.contains(degree)))
            matches.push_back(i);
    }
    QJsonArray results;
    for (size_t i = size_t(offset); i < matches.size() && results.size() < count; ++i) {
        const int index = matches[i];
        const Person &who = ctx.state.people[size_t(index)];
        QJsonObject r = obj({ { "public_id", who.publicId }, { "first_name", who.firstName },
            { "last_name", who.lastName }, { "headline", who.headline },
            { "location", who.location }, { "profile_picture_url", who.pictureUrl() },
            { "linkedin_url", who.profileUrl() } });
        if (withState) {
            QString state = QStringLiteral("NO_INVITATION"); // decision: check_invitation's word
            if (ctx.account.connections.contains(index))
                state = QStringLiteral("CONNECTED");
            for (const Invitation &inv : std::as_const(ctx.account.sent))
                if (inv.person == index)
                    state = QStringLiteral("PENDING");
            r.insert(QStringLiteral("invitation_state"), state);
        }
        results.append(r);
    }
    // Decision: 1 credit per result, as the V2 example (2 credits for 2 results) shows.
    const int cost = int(results.size());
    if (!ctx.canAfford(cost))
        return ctx.noCredits(cost);
    return ctx.ok(obj({ { "results", results }, { "total_results", results.size() },
                      { "total_available_results", qint64(matches.size()) } }),
        cost);
}

QJsonObject companyJson(const Company &c)
{
    return obj({ { "name", c.name }, { "company_url", c.url() }, { "universal_name", c.slug },
        { "industry", c.sector }, { "company_size", c.size }, { "location", c.location },
        { "logo_url",
            QStringLiteral("https://media.licdn.com/dms/image/sandbox/%1-logo.png")
                .arg(c.slug) } });
}

Reply searchCompanies(ActionContext &ctx)
{
    Params &p = ctx.params;
    const QString keyword = p.string("keyword");
    const QStringList locations = p.stringList("location"), sectors = p.stringList("sector");
    const QStringList sizes = p.stringList("company_size");
    p.integer("results_per_page", 10, 1, 100);
    const auto [offset, count] = searchWindow(p);
    static const QStringList buckets = { QStringLiteral("1-10"), QStringLiteral("11-50"),
        QStringLiteral("51-200"), QStringLiteral("201-500"), QStringLiteral("501-1000"),
        QStringLiteral("1001-5000"), QStringLiteral("5001-10000"), QStringLiteral("10001+") };
    for (const QString &s : sizes)
        if (!buckets.contains(s))
            p.invalid(QStringLiteral("company_size values must be one of %1")
                          .arg(buckets.join(QStringLiteral(", "))));
    if (!p.ok())
        return ctx.paramsError();
    QJsonArray all;
    for (const Company &c : ctx.state.companies)
        if ((keyword.isEmpty()
                || (c.name + QLatin1Char(' ') + c.sector).contains(keyword, Qt::CaseInsensitive))
            && containsAny(c.location, locations) && containsAny(c.sector, sectors)
            && (sizes.isEmpty() || sizes.contains(c.size)))
            all.append(companyJson(c));
    QJsonArray results;
    for (qsizetype i = offset; i < all.size() && results.size() < count; ++i)
        results.append(all[i]);
    const int cost = perResults(results.size(), 10); // decision: V1's 1 per 10 results
    if (!ctx.canAfford(cost))
        return ctx.noCredits(cost);
    return ctx.ok(obj({ { "results", results }, { "total_results", results.size() },
                      { "total_available_results", all.size() } }),
        cost);
}

} // namespace

namespace handlers {

QStringList profileActions()
{
    return { QStringLiteral("get"), QStringLiteral("get_me"), QStringLiteral("get_contact"),
        QStringLiteral("visit"), QStringLiteral("get_company"), QStringLiteral("search_people"),
        QStringLiteral("search_companies") };
}

Reply profiles(ActionContext &ctx)
{
    const QString &a = ctx.action;
    if (a == QLatin1String("search_people"))
        return searchPeople(ctx);
    if (a == QLatin1String("search_companies"))
        return searchCompanies(ctx);
    if (!ctx.canAfford(1)) // every other profile action costs 1 (V1)
        return ctx.noCredits(1);
    if (a == QLatin1String("get_me"))
        return ctx.ok(profileJson(ctx.state.people[size_t(ctx.account.me)]), 1);
    if (a == QLatin1String("get_company")) {
        const QString url = ctx.params.string("company_url", true);
        if (!ctx.params.ok())
            return ctx.paramsError();
        for (const Company &c : ctx.state.companies)
            if (url.contains(QStringLiteral("/company/") + c.slug) || url == c.slug)
                return ctx.ok(companyJson(c), 1);
        return ctx.invalid(QStringLiteral("company not found: %1").arg(url));
    }
    Reply error;
    const int person = findPerson(ctx, &error);
    if (person < 0)
        return error;
    const Person &who = ctx.state.people[size_t(person)];
    if (a == QLatin1String("visit"))
        return ctx.ok(obj({ { "visited", true }, { "profile_url", who.profileUrl() } }), 1);
    if (a == QLatin1String("get_contact")) {
        // Inferred shape. LinkedIn shows contact details to 1st-degree connections only.
        const bool connected = ctx.account.connections.contains(person);
        return ctx.ok(
            obj({ { "profile_url", who.profileUrl() },
                { "email",
                    connected ? QJsonValue(who.publicId + QStringLiteral("@example.com"))
                              : QJsonValue(QJsonValue::Null) },
                { "phone_numbers", QJsonArray() },
                { "websites",
                    connected ? QJsonArray { QStringLiteral("https://example.com/") + who.publicId }
                              : QJsonArray() },
                { "twitter", QJsonArray() } }),
            1);
    }
    return ctx.ok(profileJson(who), 1);
}

} // namespace handlers
} // namespace ld::sandbox
