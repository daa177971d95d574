// linkupctl convert-v1 end to end (issue 6 §6, §7): the real executable reads a V1 request from
// a file or stdin with no API key and no prompt, and takes an imported token's account_id from
// the profile's migration journal. The batch migration is tst_linkupctlmigrate's.
#include "migration/migrationcsv.h"
#include "migration/v1converter.h"
#include "store/migrationrepository.h"
#include "support/profile.h"
#include "sync/workspace.h"

#include "linkupctlprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ld;

namespace {

constexpr int kWait = 60000;
const QString kToken = QStringLiteral("AQEDAR-v1-token-0123456789abcdef");

// No API key and no keychain: convert-v1 needs neither, and must not try to reach them.
QProcessEnvironment offlineEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LINKUP_API_KEY"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=/nonexistent/linkupctl-test-bus"));
    return env;
}

QByteArray connectRequest(const QString &token)
{
    return QStringLiteral("POST https://api.linkupapi.com/v1/network/connect\n"
                          "Content-Type: application/json\n\n"
                          "{\"login_token\": \"%1\", \"country\": \"FR\",\n"
                          " \"linkedin_url\": \"https://www.linkedin.com/in/ada\"}\n")
        .arg(token)
        .toUtf8();
}

// A profile whose journal has `token` connected as `accountId`, as a finished batch leaves it.
bool journalConnected(const QString &dir, const QString &token, const QString &accountId)
{
    const Profile profile = Profile::open(dir);
    Workspace workspace(profile);
    if (!workspace.open())
        return false;
    const MigrationCsv csv
        = MigrationCsv::parse(QStringLiteral("login_token,country\n%1,FR\n").arg(token).toUtf8());
    if (!csv.ok)
        return false;
    MigrationRun run;
    run.contentHash = csv.contentHash;
    run.totalRows = int(csv.rows.size());
    const qint64 id = workspace.migrations()->createRun(run, csv.rows);
    MigrationJournalRow outcome;
    outcome.status = MigrationJournalRow::Status::Connected;
    outcome.accountId = accountId;
    return id > 0 && workspace.migrations()->markCalling(id, 0)
        && workspace.migrations()->finishRow(id, 0, outcome);
}

} // namespace

class TstLinkupCtlConvert : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void convertFromStdin();
    void convertFromFileAsJson();
    void convertList();
    void convertRefuses_data();
    void convertRefuses();
    void convertCreatesNoProfile();
    void convertFindsTheImportedAccount();

private:
    LinkupctlResult convert(const QStringList &args, const QByteArray &input = {}) const
    {
        return runLinkupctl(QStringList { QStringLiteral("--profile"), m_profile->path() }
                + QStringList { QStringLiteral("convert-v1") } + args,
            offlineEnvironment(), input, kWait);
    }

    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<QTemporaryDir> m_scratch;
};

void TstLinkupCtlConvert::init()
{
    m_profile = std::make_unique<QTemporaryDir>();
    m_scratch = std::make_unique<QTemporaryDir>();
    QVERIFY(m_profile->isValid() && m_scratch->isValid());
}

void TstLinkupCtlConvert::cleanup()
{
    m_profile.reset();
    m_scratch.reset();
}

void TstLinkupCtlConvert::convertFromStdin()
{
    const LinkupctlResult r = convert({}, connectRequest(kToken));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    // The request line, the indented JSON body, then one "# " line per note.
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("POST /v2/network"));
    QCOMPARE(lines.value(1), QStringLiteral("{"));
    const qsizetype firstNote = lines.indexOf(QRegularExpression(QStringLiteral("# .*")));
    QVERIFY(firstNote > 2);
    QCOMPARE(lines.value(firstNote - 1), QStringLiteral("}"));
    QCOMPARE(lines.constLast(), QString()); // ends with a line end
    for (qsizetype i = firstNote; i + 1 < lines.size(); ++i)
        QVERIFY2(lines.at(i).startsWith(QLatin1String("# ")), qPrintable(lines.at(i)));
    const QJsonObject body
        = QJsonDocument::fromJson(lines.mid(1, firstNote - 1).join(QLatin1Char('\n')).toUtf8())
              .object();
    QCOMPARE(
        body.value(QLatin1String("account_id")).toString(), QLatin1String(AccountIdPlaceholder));
    QCOMPARE(body.value(QLatin1String("action")).toString(), QStringLiteral("invite"));
    QCOMPARE(body.value(QLatin1String("params")).toObject(),
        (QJsonObject { { QStringLiteral("profile_url"),
            QStringLiteral("https://www.linkedin.com/in/ada") } }));
    QVERIFY(r.out.contains(QLatin1String("\n# Replace <ACCOUNT_ID>")));
    QVERIFY(r.out.contains(QLatin1String("\n# linkedin_url is now profile_url.")));
    QVERIFY(!r.out.contains(kToken));
}

void TstLinkupCtlConvert::convertFromFileAsJson()
{
    const QString file = m_scratch->filePath(QStringLiteral("request.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"method": "POST", "path": "/v1/messages/send-message",
               "body": {"login_token": "t", "country": "FR", "message": "Hello"}})");
    f.close();
    // --json after the command, and the global --json before it, give the same.
    const LinkupctlResult r = convert({ file, QStringLiteral("--json") });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = r.json();
    QCOMPARE(j.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(j.value(QLatin1String("path")).toString(), QStringLiteral("/v2/messages"));
    const QJsonObject params
        = j.value(QLatin1String("body")).toObject().value(QLatin1String("params")).toObject();
    QCOMPARE(params.value(QLatin1String("message_text")).toString(), QStringLiteral("Hello"));
    QVERIFY(!params.contains(QLatin1String("message")));
    QVERIFY(j.value(QLatin1String("notes")).toArray().size() >= 2);

    const LinkupctlResult global
        = runLinkupctl({ QStringLiteral("--json"), QStringLiteral("--profile"), m_profile->path(),
                           QStringLiteral("convert-v1"), file },
            offlineEnvironment(), {}, kWait);
    QCOMPARE(global.exitCode, 0);
    QCOMPARE(global.json(), j);
}

void TstLinkupCtlConvert::convertList()
{
    const LinkupctlResult r = convert({ QStringLiteral("--list") });
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines, knownV1Endpoints());
    QVERIFY(lines.contains(QStringLiteral("/v1/auth/verify")));
}

void TstLinkupCtlConvert::convertRefuses_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown endpoint")
        << QStringList() << QByteArray("POST /v1/tool/industries\n{}")
        << QStringLiteral("/v1/tool/industries is not in the migration guide's mapping");
    QTest::newRow("already V2") << QStringList() << QByteArray("POST /v2/network\n{}")
                                << QStringLiteral("already a V2 request");
    QTest::newRow("bad JSON") << QStringList()
                              << QByteArray("POST /v1/profile/me\n{\n \"a\": 1,\n}\n")
                              << QStringLiteral("line 4");
    QTest::newRow("empty input") << QStringList() << QByteArray()
                                 << QStringLiteral("nothing to convert");
    QTest::newRow("unreadable file")
        << QStringList { QStringLiteral("/nonexistent/request.txt") } << QByteArray()
        << QStringLiteral("cannot read /nonexistent/request.txt");
    QTest::newRow("two files") << QStringList { QStringLiteral("a"), QStringLiteral("b") }
                               << QByteArray() << QStringLiteral("one FILE");
}

void TstLinkupCtlConvert::convertRefuses()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const LinkupctlResult r = convert(args, input);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.startsWith(QLatin1String("linkupctl: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TstLinkupCtlConvert::convertCreatesNoProfile()
{
    const QString missing = m_scratch->filePath(QStringLiteral("no-profile-here"));
    const LinkupctlResult r
        = runLinkupctl({ QStringLiteral("--profile"), missing, QStringLiteral("convert-v1") },
            offlineEnvironment(), connectRequest(kToken), kWait);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String(AccountIdPlaceholder)));
    QVERIFY(!QFileInfo::exists(missing));
}

void TstLinkupCtlConvert::convertFindsTheImportedAccount()
{
    QVERIFY(journalConnected(m_profile->path(), kToken, QStringLiteral("acc_migrated_42")));

    const LinkupctlResult known = convert({ QStringLiteral("--json") }, connectRequest(kToken));
    QCOMPARE(known.exitCode, 0);
    QVERIFY2(known.err.isEmpty(), qPrintable(known.err));
    const QJsonObject body = known.json().value(QLatin1String("body")).toObject();
    QCOMPARE(body.value(QLatin1String("account_id")).toString(), QStringLiteral("acc_migrated_42"));
    QVERIFY(!known.out.contains(QLatin1String(AccountIdPlaceholder)));

    // Another token is not in the journal: the placeholder stays.
    const LinkupctlResult other
        = convert({ QStringLiteral("--json") }, connectRequest(QStringLiteral("another-token")));
    QCOMPARE(other.exitCode, 0);
    QCOMPARE(other.json()
                 .value(QLatin1String("body"))
                 .toObject()
                 .value(QLatin1String("account_id"))
                 .toString(),
        QLatin1String(AccountIdPlaceholder));
}

QTEST_GUILESS_MAIN(TstLinkupCtlConvert)
#include "tst_linkupctlconvert.moc"
