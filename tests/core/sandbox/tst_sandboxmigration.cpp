// What the sandbox offers the V1 → V2 migration: request arrival times for pacing checks, the
// token that stops at a checkpoint (every time), the other token imports unchanged, and the
// sample V1 export's shape.
#include "tst_sandboxhelpers.h"

#include "migration/migrationcsv.h"

#include <QSet>

using ld::sandbox::Seeds;

class TstSandboxMigration : public SandboxTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startServer(); }
    void cleanup() { stopServer(); }
    void requestsRecordWhenTheyArrived();
    void checkpointTokenStopsEveryTime();
    void otherTokensImportAsBefore();
    void sampleCsvShape_data();
    void sampleCsvShape();
    void sampleCsvIsDeterministic();
    void sampleCsvReadsAsAV1Export();
    void sampleCsvGoodTokensConnect();

private:
    Response importToken(const QString &token, const QString &country = QStringLiteral("FR"))
    {
        return callJson("POST", QStringLiteral("/v2/login"),
            { { QStringLiteral("platform"), QStringLiteral("linkedin") },
                { QStringLiteral("login_token"), token }, { QStringLiteral("country"), country } });
    }
};

namespace {

struct CsvRow
{
    QString token;
    QString country;
    QString label;
};

// A small RFC 4180 reader for what sampleMigrationCsv writes (quoted fields without line
// breaks), so this test does not depend on the client's reader.
QList<CsvRow> readSample(const QByteArray &csv, QString *header)
{
    QList<CsvRow> rows;
    const QList<QByteArray> lines = csv.split('\n');
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = QString::fromUtf8(lines.at(n));
        if (line.isEmpty())
            continue;
        QStringList fields { QString() };
        bool quoted = false;
        for (int i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (quoted && c == QLatin1Char('"') && i + 1 < line.size()
                && line.at(i + 1) == QLatin1Char('"')) {
                fields.last() += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = !quoted;
            } else if (c == QLatin1Char(',') && !quoted) {
                fields << QString();
            } else {
                fields.last() += c;
            }
        }
        if (n == 0) {
            *header = fields.join(QLatin1Char(','));
            continue;
        }
        if (fields.size() != 3)
            return {};
        rows << CsvRow { fields.at(0), fields.at(1), fields.at(2) };
    }
    return rows;
}

} // namespace

void TstSandboxMigration::requestsRecordWhenTheyArrived()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QCOMPARE(call("GET", QStringLiteral("/v2/credits")).status, 200);
    QTest::qWait(30);
    QCOMPARE(importToken(QStringLiteral("AQEDAR-arrival-1")).status, 200);
    QCOMPARE(call("GET", QStringLiteral("/v2/accounts")).status, 200);
    const QDateTime after = QDateTime::currentDateTimeUtc();

    const QList<ld::sandbox::RecordedRequest> requests = server->requests();
    QCOMPARE(requests.size(), 3);
    for (const auto &r : requests) {
        QVERIFY(r.receivedAt.isValid());
        QCOMPARE(r.receivedAt.timeSpec(), Qt::UTC);
        QVERIFY(r.receivedAt >= before);
        QVERIFY(r.receivedAt <= after);
    }
    QCOMPARE(requests.at(1).path, QStringLiteral("/v2/login"));
    // The second request left 30 ms after the first one was answered: the server saw the gap,
    // to the millisecond.
    QVERIFY(requests.at(0).receivedAt.msecsTo(requests.at(1).receivedAt) >= 30);
    QVERIFY(requests.at(1).receivedAt <= requests.at(2).receivedAt);
}

void TstSandboxMigration::checkpointTokenStopsEveryTime()
{
    QCOMPARE(Seeds::checkpointToken(), QStringLiteral("checkpoint-v1-token"));
    const qint64 charged = server->creditsCharged();
    const Response first = importToken(Seeds::checkpointToken());
    QCOMPARE(first.status, 200);
    QCOMPARE(first.data().value(QStringLiteral("status")).toString(),
        QStringLiteral("checkpoint_required"));
    QCOMPARE(first.data().value(QStringLiteral("challenge_type")).toString(),
        QStringLiteral("app_challenge"));
    const QString accountId = first.data().value(QStringLiteral("account_id")).toString();
    QVERIFY(!accountId.isEmpty());
    QVERIFY(!Seeds::accountIds().contains(accountId));
    QCOMPARE(first.credits(), 0);

    const Response second = importToken(Seeds::checkpointToken(), QStringLiteral("de"));
    QCOMPARE(second.status, 200);
    QCOMPARE(second.data().value(QStringLiteral("account_id")).toString(), accountId);
    QCOMPARE(second.data().value(QStringLiteral("status")).toString(),
        QStringLiteral("checkpoint_required"));
    QCOMPARE(second.data().value(QStringLiteral("challenge_type")).toString(),
        QStringLiteral("app_challenge"));
    QCOMPARE(second.credits(), 0);
    QCOMPARE(server->creditsCharged(), charged);

    // The account exists, inactive until the checkpoint is passed.
    const Response account = call("GET", QStringLiteral("/v2/accounts/") + accountId);
    QCOMPARE(account.status, 200);
    QCOMPARE(account.data().value(QStringLiteral("is_active")).toBool(true), false);
}

void TstSandboxMigration::otherTokensImportAsBefore()
{
    const qint64 charged = server->creditsCharged();
    const Response fresh
        = importToken(QStringLiteral("AQEDAR-some-new-token"), QStringLiteral("fr"));
    QCOMPARE(fresh.status, 200);
    QCOMPARE(fresh.data().value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    const QString accountId = fresh.data().value(QStringLiteral("account_id")).toString();
    QVERIFY(!accountId.isEmpty());
    QCOMPARE(fresh.credits(), 1);

    const Response again = importToken(QStringLiteral("AQEDAR-some-new-token"));
    QCOMPARE(again.data().value(QStringLiteral("account_id")).toString(), accountId);
    QCOMPARE(again.data().value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    QCOMPARE(again.credits(), 0);
    QCOMPARE(server->creditsCharged(), charged + 1);

    const Response expired = importToken(Seeds::expiredToken());
    QCOMPARE(expired.status, 400);
    verifyError(expired, "INVALID_PARAMS");
    QVERIFY(errorMessage(expired).contains(QStringLiteral("re-authenticate")));
}

void TstSandboxMigration::sampleCsvShape_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("problems"); // expected rows with a problem
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("one") << 1 << 0;
    QTest::newRow("three") << 3 << 2;
    QTest::newRow("six") << 6 << 5;
    QTest::newRow("ten") << 10 << 5;
    QTest::newRow("hundred") << 100 << 5;
    QTest::newRow("five hundred") << 500 << 10;
    QTest::newRow("two thousand") << 2000 << 40;
}

void TstSandboxMigration::sampleCsvShape()
{
    QFETCH(int, rows);
    QFETCH(int, problems);
    const QByteArray csv = Seeds::sampleMigrationCsv(rows);
    QVERIFY(!csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY(!csv.contains('\r'));
    QString header;
    const QList<CsvRow> parsed = readSample(csv, &header);
    QCOMPARE(header, QStringLiteral("login_token,country,label"));
    QCOMPARE(parsed.size(), rows);

    static const QSet<QString> countries { QStringLiteral("US"), QStringLiteral("UK"),
        QStringLiteral("FR"), QStringLiteral("DE"), QStringLiteral("NL"), QStringLiteral("IT"),
        QStringLiteral("IL"), QStringLiteral("CA"), QStringLiteral("BR"), QStringLiteral("ES"),
        QStringLiteral("IN") };
    static const QRegularExpression tokenShape(QStringLiteral("^AQEDAR[A-Za-z0-9_-]{40}$"));
    static const QRegularExpression labelShape(QStringLiteral("^Client (\\d{4}) — \\S.* \\S+$"));

    int expired = 0, checkpoint = 0, duplicates = 0, badCountry = 0, emptyToken = 0;
    QSet<QString> seen;
    for (int i = 0; i < parsed.size(); ++i) {
        const CsvRow &row = parsed.at(i);
        const auto label = labelShape.match(row.label);
        QVERIFY2(label.hasMatch(), qPrintable(row.label));
        QCOMPARE(label.captured(1).toInt(), i + 1);
        if (row.country == QLatin1String("FRA"))
            ++badCountry;
        else
            QVERIFY2(countries.contains(row.country), qPrintable(row.country));
        if (row.token.isEmpty()) {
            ++emptyToken;
        } else if (row.token == Seeds::expiredToken()) {
            ++expired;
        } else if (row.token == Seeds::checkpointToken()) {
            ++checkpoint;
        } else {
            QVERIFY2(tokenShape.match(row.token).hasMatch(), qPrintable(row.token));
            if (seen.contains(row.token))
                ++duplicates;
        }
        seen << row.token;
    }
    QCOMPARE(expired + checkpoint + duplicates + badCountry + emptyToken, problems);
    if (rows >= 6) { // one of each fits
        QCOMPARE(expired, 1);
        QCOMPARE(checkpoint, 1);
        QVERIFY(duplicates >= 1);
        QVERIFY(badCountry >= 1);
        QVERIFY(emptyToken >= 1);
        // The rest are spread over the three kinds that scale.
        QVERIFY(qAbs(duplicates - badCountry) <= 1);
        QVERIFY(qAbs(badCountry - emptyToken) <= 1);
    }
    if (rows > 0) {
        QVERIFY(!parsed.first().token.isEmpty()); // the first row is a good one
        QVERIFY(tokenShape.match(parsed.first().token).hasMatch());
    }
    if (rows >= 100)
        QVERIFY(csv.contains(",\"Client ")); // a label with a comma is quoted
}

void TstSandboxMigration::sampleCsvIsDeterministic()
{
    QCOMPARE(Seeds::sampleMigrationCsv(500), Seeds::sampleMigrationCsv(500));
    // The first good row is the same account in every sample size.
    QString header;
    const QList<CsvRow> small = readSample(Seeds::sampleMigrationCsv(10), &header);
    const QList<CsvRow> large = readSample(Seeds::sampleMigrationCsv(500), &header);
    QCOMPARE(small.first().token, large.first().token);
    QCOMPARE(small.first().label, large.first().label);
    QVERIFY(Seeds::sampleMigrationCsv(-3) == QByteArray("login_token,country,label\n"));
}

// The client's reader sees what the sample promises: every row, and the three row problems it
// can tell (the expired and the checkpoint token are only known to the server).
void TstSandboxMigration::sampleCsvReadsAsAV1Export()
{
    const ld::MigrationCsv csv = ld::MigrationCsv::parse(Seeds::sampleMigrationCsv(500));
    QVERIFY2(csv.ok, qPrintable(csv.error));
    QCOMPARE(csv.rows.size(), 500);
    int duplicates = 0, badCountry = 0, missing = 0;
    for (const ld::MigrationInputRow &row : csv.rows) {
        QCOMPARE(row.lineNumber, row.index + 2);
        switch (row.problem) {
        case ld::MigrationInputRow::Problem::None:
            break;
        case ld::MigrationInputRow::Problem::DuplicateToken:
            ++duplicates;
            break;
        case ld::MigrationInputRow::Problem::BadCountry:
            ++badCountry;
            break;
        case ld::MigrationInputRow::Problem::MissingToken:
            ++missing;
            break;
        }
    }
    QCOMPARE(duplicates, 3);
    QCOMPARE(badCountry, 3);
    QCOMPARE(missing, 2);
    QCOMPARE(csv.problemCount(), 8);
    QCOMPARE(csv.validCount(), 492);
    QVERIFY(csv.rows.at(1).label.contains(QStringLiteral(", "))); // the quoted label, whole
}

// The sample's good tokens are imports the sandbox accepts: each connects its own account.
void TstSandboxMigration::sampleCsvGoodTokensConnect()
{
    QString header;
    const QList<CsvRow> rows = readSample(Seeds::sampleMigrationCsv(12), &header);
    QSet<QString> tokens, accounts;
    for (const CsvRow &row : rows) {
        if (row.country.size() != 2 || row.token.isEmpty() || tokens.contains(row.token))
            continue;
        tokens << row.token;
        const Response r = importToken(row.token, row.country);
        if (row.token == Seeds::expiredToken()) {
            QCOMPARE(r.status, 400);
            continue;
        }
        QCOMPARE(r.status, 200);
        accounts << r.data().value(QStringLiteral("account_id")).toString();
    }
    QVERIFY(tokens.size() >= 6);
    QCOMPARE(accounts.size(), tokens.size() - 1); // all but the expired one
}

QTEST_GUILESS_MAIN(TstSandboxMigration)
#include "tst_sandboxmigration.moc"
