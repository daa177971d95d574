// What the sandbox offers the V1 → V2 migration (issue 6): the token that stops at a
// checkpoint, and a sample V1 export for the demo and the tests.
#include "sandboxserver.h"

#include <QCryptographicHash>

#include <iterator>

namespace ld::sandbox {

namespace {

// V1's login countries (the proxy locations it offered).
const char *const kCountries[]
    = { "US", "UK", "FR", "DE", "NL", "IT", "IL", "CA", "BR", "ES", "IN" };
const char *const kCompanies[] = { "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay",
    "Wonka", "Cyberdyne", "Soylent", "Tyrell", "Dunder Mifflin, Scranton", "Stark, Paris" };
const char *const kTeams[]
    = { "sales", "recruiting", "marketing", "founders", "support", "partnerships" };

enum class Kind { Good, Expired, Checkpoint, Duplicate, BadCountry, EmptyToken };

// Everything about data row `index` comes from a hash of it: the same row is the same in a
// 10-row and a 500-row sample, and two samples never differ from one run to the next.
QByteArray digestOf(int index)
{
    return QCryptographicHash::hash(
        QByteArrayLiteral("linkup-sandbox-v1-row-") + QByteArray::number(index),
        QCryptographicHash::Sha256);
}

QByteArray tokenOf(int index)
{
    const QByteArray digest = digestOf(index);
    const QByteArray more = QCryptographicHash::hash(digest, QCryptographicHash::Sha256);
    return QByteArrayLiteral("AQEDAR")
        + (digest + more)
              .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
              .left(40);
}

QByteArray field(const QByteArray &text)
{
    if (!text.contains(',') && !text.contains('"'))
        return text;
    QByteArray quoted = text;
    quoted.replace('"', "\"\"");
    return '"' + quoted + '"';
}

// The problem of each row: `count` problems spread evenly over rows 1..rows-1, the first five
// one of each kind, the rest duplicates, bad countries and empty tokens in turn.
QList<Kind> kindsOf(int rows)
{
    QList<Kind> kinds(rows, Kind::Good);
    if (rows < 2)
        return kinds;
    const Kind firstFive[]
        = { Kind::Expired, Kind::Checkpoint, Kind::Duplicate, Kind::BadCountry, Kind::EmptyToken };
    const Kind repeated[] = { Kind::Duplicate, Kind::BadCountry, Kind::EmptyToken };
    const int count = qMin(qMax(5, (rows + 25) / 50), rows - 1);
    for (int i = 0; i < count; ++i)
        kinds[1 + i * (rows - 1) / count] = i < 5 ? firstFive[i] : repeated[(i - 5) % 3];
    return kinds;
}

} // namespace

QString Seeds::checkpointToken()
{
    return QStringLiteral("checkpoint-v1-token");
}

QByteArray Seeds::sampleMigrationCsv(int rows)
{
    QByteArray out = QByteArrayLiteral("login_token,country,label\n");
    const QList<Kind> kinds = kindsOf(qMax(0, rows));
    for (int i = 0; i < kinds.size(); ++i) {
        const QByteArray digest = digestOf(i);
        const auto pick
            = [&](int byte, int n) { return static_cast<unsigned char>(digest.at(byte)) % n; };
        QByteArray token = tokenOf(i);
        QByteArray country = kCountries[pick(0, std::size(kCountries))];
        const QByteArray label = QByteArrayLiteral("Client ")
            + QByteArray::number(i + 1).rightJustified(4, '0') + " \xE2\x80\x94 "
            + kCompanies[pick(1, std::size(kCompanies))] + ' ' + kTeams[pick(2, std::size(kTeams))];
        switch (kinds.at(i)) {
        case Kind::Good:
            break;
        case Kind::Expired:
            token = Seeds::expiredToken().toLatin1();
            break;
        case Kind::Checkpoint:
            token = Seeds::checkpointToken().toLatin1();
            break;
        case Kind::Duplicate: {
            // The same account exported twice: an earlier good row's token and country.
            int original = pick(3, i);
            while (kinds.at(original) != Kind::Good)
                --original; // row 0 is always good
            token = tokenOf(original);
            country = kCountries[static_cast<unsigned char>(digestOf(original).at(0))
                % std::size(kCountries)];
            break;
        }
        case Kind::BadCountry:
            country = QByteArrayLiteral("FRA");
            break;
        case Kind::EmptyToken:
            token.clear();
            break;
        }
        out += field(token) + ',' + country + ',' + field(label) + '\n';
    }
    return out;
}

} // namespace ld::sandbox
