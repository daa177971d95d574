// The renames inside params (contract §10 and §10.1): what changed between a V1 body and the
// params of the V2 action, each change said in one note.
#include "v1converter_p.h"

#include <QCoreApplication>

namespace ld::v1 {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ld::V1Converter", text);
}

struct Renames
{
    int renamed = 0;
    int dropped = 0; // linkedin_url next to a profile_url: the latter wins
};

// linkedin_url → profile_url in an object and every object nested in it.
QJsonValue renameProfileUrl(const QJsonValue &value, Renames *r)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = renameProfileUrl(array.at(i), r);
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    if (object.contains(QLatin1String("linkedin_url"))) {
        const QJsonValue url = object.take(QLatin1String("linkedin_url"));
        if (object.contains(QLatin1String("profile_url"))) {
            ++r->dropped;
        } else {
            object.insert(QStringLiteral("profile_url"), url);
            ++r->renamed;
        }
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = renameProfileUrl(it.value(), r);
    return object;
}

// One V1 name that V2 spells differently; the V2 name wins when both are given.
void renameField(QJsonObject *params, const QString &from, const QString &to, QStringList *notes)
{
    if (!params->contains(from))
        return;
    const QJsonValue value = params->take(from);
    if (params->contains(to)) {
        notes->append(tr("%1 dropped: %2 is given too, and is the V2 name.").arg(from, to));
        return;
    }
    params->insert(to, value);
    notes->append(tr("%1 is now %2.").arg(from, to));
}

struct Filter
{
    const char *name;
    char separator;
};

const Filter peopleFilters[] = { { "location", ';' }, { "company_url", ';' }, { "school_url", ';' },
    { "industry", ';' }, { "past_company", ';' }, { "network", ',' } };
const Filter companyFilters[] = { { "location", ';' }, { "sector", ';' }, { "company_size", ';' } };

template <size_t N>
void convertFilters(const Filter (&filters)[N], QJsonObject *params, QStringList *notes)
{
    QStringList semicolons;
    QStringList commas;
    QStringList empty;
    for (const Filter &f : filters) {
        const QString name = QLatin1String(f.name);
        const QJsonValue value = params->value(name);
        if (!value.isString())
            continue; // an array is already in the V2 form; other types are left to the API
        const QJsonArray list = splitList(value.toString(),
            QRegularExpression(QRegularExpression::escape(QChar::fromLatin1(f.separator))));
        if (list.isEmpty()) {
            params->remove(name);
            empty.append(name);
            continue;
        }
        params->insert(name, list);
        (f.separator == ',' ? commas : semicolons).append(name);
    }
    if (!semicolons.isEmpty())
        notes->append(tr("%1: the ';'-separated text of V1 is a JSON array in V2.")
                          .arg(semicolons.join(QStringLiteral(", "))));
    if (!commas.isEmpty())
        notes->append(tr("%1: the ','-separated text of V1 is a JSON array in V2.")
                          .arg(commas.join(QStringLiteral(", "))));
    if (!empty.isEmpty())
        notes->append(tr("%1 left out: empty.").arg(empty.join(QStringLiteral(", "))));
}

} // namespace

QJsonArray splitList(const QString &text, const QRegularExpression &separator)
{
    QJsonArray list;
    const QStringList parts = text.split(separator);
    for (const QString &part : parts) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            list.append(item);
    }
    return list;
}

QJsonObject convertParams(const QString &action, QJsonObject params, QStringList *notes)
{
    Renames r;
    params = renameProfileUrl(params, &r).toObject();
    if (r.renamed > 0)
        notes->append(tr("linkedin_url is now profile_url."));
    if (r.dropped > 0)
        notes->append(tr("linkedin_url dropped: profile_url is given too, and is the V2 name."));

    // V1 send-message took message_text already; some clients sent "message", which V2 reads
    // as an invitation note on invite but not as the text of a message.
    if (action == QLatin1String("send"))
        renameField(&params, QStringLiteral("message"), QStringLiteral("message_text"), notes);

    if (action == QLatin1String("search_people"))
        convertFilters(peopleFilters, &params, notes);
    else if (action == QLatin1String("search_companies"))
        convertFilters(companyFilters, &params, notes);

    renameField(&params, QStringLiteral("total_results"), QStringLiteral("count"), notes);
    renameField(&params, QStringLiteral("next_cursor"), QStringLiteral("cursor"), notes);

    QStringList pages;
    for (const char *name : { "start_page", "end_page" }) {
        if (params.contains(QLatin1String(name))) {
            params.remove(QLatin1String(name));
            pages.append(QLatin1String(name));
        }
    }
    if (!pages.isEmpty())
        notes->append(tr("%1 dropped: V2 has no page range; ask for count results from offset "
                         "instead.")
                          .arg(pages.join(tr(" and "))));
    return params;
}

} // namespace ld::v1
