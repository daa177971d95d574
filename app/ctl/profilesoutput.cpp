#include "profilesoutput.h"

#include "domain/profile.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ld::ctl {

int printPeopleSearch(const GlobalOptions &options, const QJsonValue &data, int credits)
{
    const Decoded<SearchPage<PersonResult>> page = decodePeopleSearch(data);
    if (!page.ok())
        return fail(QStringLiteral("the search results could not be read: %1").arg(page.error));

    const QList<PersonResult> &results = page.value.results;
    if (options.json) {
        QJsonArray items;
        for (const PersonResult &p : results)
            items.append(QJsonObject { { QStringLiteral("public_id"), p.publicId },
                { QStringLiteral("first_name"), p.firstName },
                { QStringLiteral("last_name"), p.lastName },
                { QStringLiteral("headline"), p.headline },
                { QStringLiteral("location"), p.location },
                { QStringLiteral("profile_url"), p.profileUrl },
                { QStringLiteral("picture_url"), p.pictureUrl },
                { QStringLiteral("invitation_state"), p.invitationState } });
        printJson(
            { { QStringLiteral("items"), items }, { QStringLiteral("total"), int(results.size()) },
                { QStringLiteral("total_available"), page.value.totalAvailable },
                { QStringLiteral("credits_consumed"), credits } });
        return ExitOk;
    }
    printInfo(QStringLiteral("%1 of %2 result(s); the search cost %3 credit(s)")
                  .arg(results.size())
                  .arg(page.value.totalAvailable)
                  .arg(credits));
    QList<QStringList> rows { { QStringLiteral("NAME"), QStringLiteral("HEADLINE"),
        QStringLiteral("LOCATION"), QStringLiteral("PROFILE") } };
    for (const PersonResult &p : results)
        rows.append({ oneLine(p.firstName + QLatin1Char(' ') + p.lastName), oneLine(p.headline),
            oneLine(p.location), p.profileUrl });
    printTable(rows);
    return ExitOk;
}

} // namespace ld::ctl
