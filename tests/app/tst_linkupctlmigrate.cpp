// linkupctl migrate end to end (issue 6 §2–§5, §7): the real executable against a SandboxServer
// in this process, so the test can count the logins, see when they arrived and hold one
// answer. Good, expired, checkpoint, duplicate and bad rows; the results file row by row; the
// pacing; refused options; SIGINT/SIGTERM pausing and SIGKILL, each followed by a rerun that
// resumes with one outcome per row; and no token text anywhere in the profile afterwards.
#include "migration/migrationcsv.h"
#include "sandbox/sandboxserver.h"

#include "linkupctlprocess.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ld;
using ld::sandbox::SandboxServer;
using ld::sandbox::Seeds;
using Fault = SandboxServer::Fault;

namespace {

constexpr int kWait = 60000;
const QString kLogin = QStringLiteral("/v2/login");

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LINKUP_API_KEY"), Seeds::apiKey());
    // The key comes from the environment: the keychain is never needed.
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("unix:path=/nonexistent/linkupctl-test-bus"));
    return env;
}

// The results file: RFC 4180, CRLF; a small reader so the test does not trust the writer.
QList<QStringList> readResults(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    const auto next = [&](qsizetype i) { return i + 1 < text.size() ? text.at(i + 1) : QChar(); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && next(i) == QLatin1Char('"'))
                field += text.at(++i);
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && next(i) == QLatin1Char('\n')) {
            record << field;
            records << record;
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

enum Column { Label, Country, Fingerprint, AccountId, Status, ErrorCode, ErrorMessage, MigratedAt };

QString fingerprintOf(const QString &token)
{
    return tokenFingerprint(tokenHash(token));
}

// "login_token,country,label" and one row per token, each with its label.
QByteArray csvOf(const QStringList &tokens, const QString &country = QStringLiteral("FR"))
{
    QByteArray csv = "login_token,country,label\n";
    for (int i = 0; i < tokens.size(); ++i)
        csv += QStringLiteral("%1,%2,Row %3\n").arg(tokens.at(i), country).arg(i + 1).toUtf8();
    return csv;
}

QStringList tokens(const char *prefix, int count)
{
    QStringList list;
    for (int i = 1; i <= count; ++i)
        list << QStringLiteral("AQEDAR-%1-%2-secret")
                    .arg(QLatin1String(prefix))
                    .arg(i, 4, 10, QLatin1Char('0'));
    return list;
}

} // namespace

class TstLinkupCtlMigrate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void help();
    void mixedCsv();
    void refused_data();
    void refused();
    void refusedKeyPausesTheRun();
    void sigintWaitsForTheAnswerOnItsWay();
    void sigtermBetweenCalls();
    void killedRunResumes();

private:
    QString write(const QString &name, const QByteArray &bytes) const;
    QStringList migrateArgs(const QString &csv, const QStringList &extra) const;
    LinkupctlResult migrate(const QString &csv, const QStringList &extra) const
    {
        return runLinkupctl(migrateArgs(csv, extra), environment(), {}, kWait);
    }
    // Starts a migrate in the background and waits for `rows` of its progress lines (and no
    // more: the test acts between two rows).
    void startAndWait(QProcess *child, const QString &csv, const QStringList &extra, int rows,
        QByteArray *err) const;
    QList<QDateTime> loginTimes() const;
    void verifyNoTokenText(const QStringList &tokens) const;

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<QTemporaryDir> m_scratch;
    QString m_out;
};

void TstLinkupCtlMigrate::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_profile = std::make_unique<QTemporaryDir>();
    m_scratch = std::make_unique<QTemporaryDir>();
    QVERIFY(m_profile->isValid() && m_scratch->isValid());
    m_out = m_scratch->filePath(QStringLiteral("results.csv"));
}

void TstLinkupCtlMigrate::cleanup()
{
    m_server.reset();
    m_profile.reset();
    m_scratch.reset();
}

QString TstLinkupCtlMigrate::write(const QString &name, const QByteArray &bytes) const
{
    const QString path = m_scratch->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

QStringList TstLinkupCtlMigrate::migrateArgs(const QString &csv, const QStringList &extra) const
{
    return QStringList { QStringLiteral("--base-url"), m_server->baseUrl().toString(),
        QStringLiteral("--profile"), m_profile->path(), QStringLiteral("migrate"), csv,
        QStringLiteral("--out"), m_out }
    + extra;
}

void TstLinkupCtlMigrate::startAndWait(
    QProcess *child, const QString &csv, const QStringList &extra, int rows, QByteArray *err) const
{
    startLinkupctl(child, migrateArgs(csv, extra), environment());
    QVERIFY(child->waitForStarted(kWait));
    const auto progressLines = [&] {
        *err += child->readAllStandardError();
        return int(err->count("\n["));
    };
    err->prepend('\n'); // so the first progress line counts too
    QTRY_VERIFY_WITH_TIMEOUT(progressLines() >= rows, kWait);
    QCOMPARE(progressLines(), rows);
}

QList<QDateTime> TstLinkupCtlMigrate::loginTimes() const
{
    QList<QDateTime> times;
    for (const ld::sandbox::RecordedRequest &r : m_server->requests()) {
        if (r.path == kLogin)
            times << r.receivedAt;
    }
    return times;
}

// Every file under the profile, database, journal and logs included, read as bytes.
void TstLinkupCtlMigrate::verifyNoTokenText(const QStringList &tokens) const
{
    QDirIterator it(
        m_profile->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray bytes = file.readAll();
        ++files;
        for (const QString &token : tokens) {
            const QByteArray utf16(reinterpret_cast<const char *>(token.utf16()), token.size() * 2);
            QVERIFY2(!bytes.contains(token.toUtf8()) && !bytes.contains(utf16),
                qPrintable(QStringLiteral("%1 holds a token").arg(file.fileName())));
        }
    }
    QVERIFY(files > 0); // the database at least: the search looked somewhere
}

void TstLinkupCtlMigrate::help()
{
    const LinkupctlResult r = runLinkupctl({ QStringLiteral("--help") }, environment(), {}, kWait);
    QCOMPARE(r.exitCode, 0);
    for (const char *text : { "migrate CSV --out RESULTS.csv [--min-delay S] [--max-delay S]",
             "convert-v1 [FILE] [--json] [--list]" })
        QVERIFY2(r.out.contains(QLatin1String(text)), text);
}

void TstLinkupCtlMigrate::mixedCsv()
{
    const QString good1 = QStringLiteral("AQEDAR-good-0001-secret");
    const QString good2 = QStringLiteral("AQEDAR-good-0002-secret");
    const QString good3 = QStringLiteral("AQEDAR-good-0003-secret");
    const QString csv = write(QStringLiteral("mixed.csv"),
        QStringLiteral("login_token,country,label\n" // line 1
                       "%1,FR,Alpha\n" // 2
                       "%4,us,Expired\n" // 3
                       "%1,FR,Alpha again\n" // 4: duplicate of 2
                       ",FR,No token\n" // 5
                       "%2,FRA,Bad country\n" // 6
                       "%5,DE,\"Needs approval, in the app\"\n" // 7
                       "%3,IT,=Three\n") // 8
            .arg(good1, good2, good3, Seeds::expiredToken(), Seeds::checkpointToken())
            .toUtf8());
    const LinkupctlResult r = migrate(csv,
        { QStringLiteral("--min-delay"), QStringLiteral("1.25"), QStringLiteral("--max-delay"),
            QStringLiteral("1.5") });
    QCOMPARE(r.exitCode, 1); // some rows failed
    QVERIFY(r.out.isEmpty()); // the results are in --out; stdout stays clean

    // Bad lines first, each with its number and reason.
    QVERIFY2(r.err.contains(QLatin1String("line 4: same token as line 2")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("line 5: login_token is empty")));
    QVERIFY(r.err.contains(QLatin1String("line 6: country \"FRA\" is not a two-letter code")));
    // One progress line per row, the fingerprint instead of the token.
    for (int line : { 2, 3, 4, 7, 8 })
        QVERIFY2(
            r.err.contains(QRegularExpression(QStringLiteral("\\[ *\\d+/7\\] line %1 ").arg(line))),
            qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("line 2 %1 connected").arg(fingerprintOf(good1))));
    QVERIFY(r.err.contains(QRegularExpression(QStringLiteral(
        "\n3 connected \u00b7 1 checkpoint \u00b7 3 failed \u00b7 \\d+ credits\n"))));

    const QList<QStringList> rows = readResults(m_out);
    QCOMPARE(rows.size(), 1 + 7);
    QCOMPARE(rows.at(0).join(QLatin1Char(',')),
        QStringLiteral("label,country,token_fingerprint,account_id,status,error_code,"
                       "error_message,migrated_at"));
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), 8);
    const QStringList alpha = rows.at(1);
    QCOMPARE(alpha.at(Label), QStringLiteral("Alpha"));
    QCOMPARE(alpha.at(Fingerprint), fingerprintOf(good1));
    QCOMPARE(alpha.at(Status), QStringLiteral("connected"));
    QVERIFY(!alpha.at(AccountId).isEmpty());
    QVERIFY(alpha.at(MigratedAt).endsWith(QLatin1Char('Z')));
    QCOMPARE(rows.at(2).at(Status), QStringLiteral("failed"));
    QCOMPARE(rows.at(2).at(Country), QStringLiteral("US"));
    QCOMPARE(rows.at(2).at(ErrorCode), QStringLiteral("INVALID_PARAMS"));
    QVERIFY(rows.at(2).at(ErrorMessage).contains(QLatin1String("re-authenticate")));
    QCOMPARE(rows.at(3).at(Status), QStringLiteral("connected")); // the duplicate, migrated once
    QCOMPARE(rows.at(3).at(AccountId), alpha.at(AccountId));
    QCOMPARE(rows.at(4).at(ErrorCode), QStringLiteral("MISSING_TOKEN"));
    QCOMPARE(rows.at(4).at(Status), QStringLiteral("failed"));
    QCOMPARE(rows.at(5).at(ErrorCode), QStringLiteral("BAD_COUNTRY"));
    QCOMPARE(rows.at(6).at(Label), QStringLiteral("Needs approval, in the app"));
    QCOMPARE(rows.at(6).at(Status), QStringLiteral("checkpoint_required"));
    QVERIFY(!rows.at(6).at(AccountId).isEmpty());
    QCOMPARE(rows.at(7).at(Label), QStringLiteral("'=Three")); // never a spreadsheet formula
    QCOMPARE(rows.at(7).at(Status), QStringLiteral("connected"));
    QVERIFY(rows.at(7).at(AccountId) != alpha.at(AccountId));

    // Four logins (duplicates and bad rows are not called), with the pacing of the command
    // line: above the default 0.5 s, within 1.25–1.5 s plus the call. The runner's own test
    // holds the exact bounds; here QTimer's coarse default may fire up to 5 % early.
    const QList<QDateTime> times = loginTimes();
    QCOMPARE(times.size(), 4);
    for (int i = 1; i < times.size(); ++i) {
        const qint64 gap = times.at(i - 1).msecsTo(times.at(i));
        QVERIFY2(gap >= 1250 * 95 / 100 && gap <= 1500 + 1500, qPrintable(QString::number(gap)));
    }

    // The same command again: the finished run is found, nothing is called.
    const LinkupctlResult again = migrate(csv, {});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QLatin1String("7 of 7 rows done")), qPrintable(again.err));
    QCOMPARE(loginTimes().size(), 4);
    QCOMPARE(readResults(m_out), rows);

    // convert-v1 in the same profile knows what the tokens became.
    const LinkupctlResult converted
        = runLinkupctl({ QStringLiteral("--profile"), m_profile->path(), QStringLiteral("--json"),
                           QStringLiteral("convert-v1") },
            environment(),
            QStringLiteral("POST /v1/profile/me\n{\"login_token\": \"%1\", \"country\": \"IT\"}")
                .arg(good3)
                .toUtf8());
    QCOMPARE(converted.exitCode, 0);
    QCOMPARE(converted.json()
                 .value(QLatin1String("body"))
                 .toObject()
                 .value(QLatin1String("account_id"))
                 .toString(),
        rows.at(7).at(AccountId));

    verifyNoTokenText({ good1, good2, good3, Seeds::expiredToken(), Seeds::checkpointToken() });
    QFile results(m_out);
    QVERIFY(results.open(QIODevice::ReadOnly));
    QVERIFY(!results.readAll().contains(good1.toUtf8()));
}

void TstLinkupCtlMigrate::refused_data()
{
    QTest::addColumn<QStringList>("args"); // "CSV" and "OUT" stand for the files
    QTest::addColumn<QString>("message");

    const auto args = [](const char *line) { return words(line); };
    QTest::newRow("min below 0.5") << args("CSV --out OUT --min-delay 0.4")
                                   << QStringLiteral("--min-delay 0.4: give seconds from 0.5 to 2");
    QTest::newRow("max above 2") << args("CSV --out OUT --max-delay 2.5")
                                 << QStringLiteral("--max-delay 2.5: give seconds from 0.5 to 2");
    QTest::newRow("min above max") << args("CSV --out OUT --min-delay 1.5 --max-delay 1")
                                   << QStringLiteral("--min-delay 1.5 is above --max-delay 1");
    QTest::newRow("min above the default max")
        << args("CSV --out OUT --min-delay 3") << QStringLiteral("give seconds from 0.5 to 2");
    QTest::newRow("not a number") << args("CSV --out OUT --min-delay soon")
                                  << QStringLiteral("--min-delay soon");
    QTest::newRow("no --out") << args("CSV") << QStringLiteral("migrate needs --out RESULTS.csv");
    QTest::newRow("--out is the CSV")
        << args("CSV --out CSV") << QStringLiteral("--out must not be the CSV it reads");
    QTest::newRow("no CSV") << args("--out OUT") << QStringLiteral("migrate needs one CSV file");
    QTest::newRow("missing CSV") << args("/nonexistent/tokens.csv --out OUT")
                                 << QStringLiteral("/nonexistent/tokens.csv");
    QTest::newRow("CSV without the columns")
        << args("HEADERLESS --out OUT") << QStringLiteral("login_token");
    QTest::newRow("unknown option")
        << args("CSV --out OUT --delay 1-2") << QStringLiteral("unknown option --delay");
}

void TstLinkupCtlMigrate::refused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString csv = write(QStringLiteral("tokens.csv"), csvOf(tokens("refused", 2)));
    const QString headerless = write(QStringLiteral("headerless.csv"), "a,b\nc,d\n");
    args.replaceInStrings(QRegularExpression(QStringLiteral("^CSV$")), csv);
    args.replaceInStrings(QRegularExpression(QStringLiteral("^OUT$")), m_out);
    args.replaceInStrings(QRegularExpression(QStringLiteral("^HEADERLESS$")), headerless);
    const LinkupctlResult r = runLinkupctl(
        QStringList { QStringLiteral("--base-url"), m_server->baseUrl().toString(),
            QStringLiteral("--profile"), m_profile->path(), QStringLiteral("migrate") }
            + args,
        environment(), {}, kWait);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(m_server->requestCount(kLogin), 0);
    QVERIFY(!QFile::exists(m_out));
}

void TstLinkupCtlMigrate::refusedKeyPausesTheRun()
{
    const QStringList list = tokens("key", 3);
    const QString csv = write(QStringLiteral("key.csv"), csvOf(list));
    QProcessEnvironment wrongKey = environment();
    wrongKey.insert(QStringLiteral("LINKUP_API_KEY"), QStringLiteral("not-the-sandbox-key"));
    // The key is not the rows' fault: no row fails, the run stops at the first one.
    const LinkupctlResult r = runLinkupctl(migrateArgs(csv, {}), wrongKey, {}, kWait);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("API key")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("run the same command again")));
    QVERIFY(r.err.contains(
        QStringLiteral("0 connected \u00b7 0 checkpoint \u00b7 0 failed \u00b7 3 pending")));
    QCOMPARE(m_server->requestCount(kLogin), 1);
    QList<QStringList> rows = readResults(m_out);
    QCOMPARE(rows.size(), 1 + 3);
    for (const QStringList &row : rows.mid(1))
        QCOMPARE(row.at(Status), QStringLiteral("pending"));

    const LinkupctlResult fixed = migrate(csv, { QStringLiteral("--json") });
    QCOMPARE(fixed.exitCode, 0);
    QVERIFY(fixed.err.contains(QLatin1String(": 0 of 3 rows done")));
    const QJsonObject summary = fixed.json();
    QCOMPARE(summary.value(QLatin1String("state")).toString(), QStringLiteral("finished"));
    QCOMPARE(summary.value(QLatin1String("connected")).toInt(), 3);
    QCOMPARE(summary.value(QLatin1String("pending")).toInt(), 0);
    QCOMPARE(summary.value(QLatin1String("total")).toInt(), 3);
    rows = readResults(m_out);
    for (const QStringList &row : rows.mid(1))
        QCOMPARE(row.at(Status), QStringLiteral("connected"));
}

void TstLinkupCtlMigrate::sigintWaitsForTheAnswerOnItsWay()
{
    const QStringList list = tokens("sigint", 6);
    const QString csv = write(QStringLiteral("sigint.csv"), csvOf(list));
    QProcess child;
    QSignalSpy finished(&child, &QProcess::finished);
    QByteArray err;
    // 2 s pauses leave the time to hold the third login's answer before it leaves.
    startAndWait(&child, csv,
        { QStringLiteral("--min-delay"), QStringLiteral("2"), QStringLiteral("--max-delay"),
            QStringLiteral("2") },
        2, &err);
    if (QTest::currentTestFailed())
        return;
    m_server->injectFault(Fault::Slow, 1, kLogin, {}, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(kLogin), 3, kWait);
    ::kill(pid_t(child.processId()), SIGINT);
    QVERIFY(finished.wait(kWait));
    err += child.readAllStandardError();
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 130);
    // The answer on its way was waited for and kept; nothing else left.
    QVERIFY2(err.contains("line 4 " + fingerprintOf(list.at(2)).toUtf8() + " connected"),
        err.constData());
    QVERIFY(err.contains("Paused: 3 of 6 rows done; run the same command again"));
    QCOMPARE(m_server->requestCount(kLogin), 3);
    QList<QStringList> rows = readResults(m_out);
    QCOMPARE(rows.size(), 1 + 6);
    QStringList statuses;
    for (const QStringList &row : rows.mid(1))
        statuses << row.at(Status);
    QCOMPARE(statuses, words("connected connected connected pending pending pending"));

    const LinkupctlResult rerun = migrate(csv, {});
    QCOMPARE(rerun.exitCode, 0);
    QVERIFY2(rerun.err.contains(QLatin1String("Resuming the run of ")), qPrintable(rerun.err));
    QVERIFY(rerun.err.contains(QLatin1String(": 3 of 6 rows done")));
    QCOMPARE(m_server->requestCount(kLogin), 6); // each row called once
    rows = readResults(m_out);
    QCOMPARE(rows.size(), 1 + 6);
    for (const QStringList &row : rows.mid(1))
        QCOMPARE(row.at(Status), QStringLiteral("connected"));
    verifyNoTokenText(list);
}

void TstLinkupCtlMigrate::sigtermBetweenCalls()
{
    const QStringList list = tokens("sigterm", 4);
    const QString csv = write(QStringLiteral("sigterm.csv"), csvOf(list));
    QProcess child;
    QSignalSpy finished(&child, &QProcess::finished);
    QByteArray err;
    startAndWait(&child, csv,
        { QStringLiteral("--min-delay"), QStringLiteral("2"), QStringLiteral("--max-delay"),
            QStringLiteral("2") },
        1, &err);
    if (QTest::currentTestFailed())
        return;
    child.terminate(); // SIGTERM, during the pause after the first answer
    QVERIFY(finished.wait(kWait));
    QCOMPARE(child.exitCode(), 130);
    QCOMPARE(m_server->requestCount(kLogin), 1);
    const QList<QStringList> rows = readResults(m_out);
    QCOMPARE(rows.size(), 1 + 4);
    QCOMPARE(rows.at(1).at(Status), QStringLiteral("connected"));
    QCOMPARE(rows.at(4).at(Status), QStringLiteral("pending"));
}

void TstLinkupCtlMigrate::killedRunResumes()
{
    // 10 tokens, a duplicate and a bad row: 12 input rows, 10 logins to make.
    QStringList list = tokens("kill", 10);
    QByteArray bytes = csvOf(list);
    bytes += list.at(1).toUtf8() + ",FR,Row 2 again\n";
    bytes += "AQEDAR-kill-bad-country-secret,F,Bad\n";
    const QString csv = write(QStringLiteral("kill.csv"), bytes);
    QProcess child;
    QByteArray err;
    startAndWait(&child, csv,
        { QStringLiteral("--min-delay"), QStringLiteral("2"), QStringLiteral("--max-delay"),
            QStringLiteral("2") },
        4, &err); // rows 1-3, and row 2's duplicate
    if (QTest::currentTestFailed())
        return;
    // The fourth login arrives and its answer is held: the kill lands while it is in flight.
    m_server->injectFault(Fault::Slow, 1, kLogin, {}, 600000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(kLogin), 4, kWait);
    child.kill();
    QVERIFY(child.waitForFinished(kWait));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    // What the killed run left: a whole file, one row per input row.
    QList<QStringList> rows = readResults(m_out);
    QCOMPARE(rows.size(), 1 + 12);
    QCOMPARE(rows.at(4).at(Status), QStringLiteral("pending")); // in flight when killed

    m_server->clearFaults();
    const LinkupctlResult rerun = migrate(csv, {});
    QCOMPARE(rerun.exitCode, 1); // the bad row failed
    QVERIFY2(rerun.err.contains(QLatin1String("Resuming the run of ")), qPrintable(rerun.err));
    QVERIFY(
        rerun.err.contains(QLatin1String(": 5 of 12 rows done"))); // 3, a duplicate, the bad row
    // Only the row in flight is called a second time.
    QCOMPARE(m_server->requestCount(kLogin), 10 + 1);
    rows = readResults(m_out);
    QCOMPARE(rows.size(), 1 + 12);
    QSet<QString> accounts;
    for (int i = 1; i <= 10; ++i) {
        QCOMPARE(rows.at(i).at(Label), QStringLiteral("Row %1").arg(i));
        QCOMPARE(rows.at(i).at(Fingerprint), fingerprintOf(list.at(i - 1)));
        QCOMPARE(rows.at(i).at(Status), QStringLiteral("connected"));
        accounts.insert(rows.at(i).at(AccountId));
    }
    QCOMPARE(accounts.size(), 10);
    QCOMPARE(rows.at(11).at(AccountId), rows.at(2).at(AccountId));
    QCOMPARE(rows.at(12).at(ErrorCode), QStringLiteral("BAD_COUNTRY"));
    verifyNoTokenText(list << QStringLiteral("AQEDAR-kill-bad-country-secret"));
}

QTEST_GUILESS_MAIN(TstLinkupCtlMigrate)
#include "tst_linkupctlmigrate.moc"
