// linkupctl end to end: every command runs as a separate process against `linkupctl sandbox`
// on loopback, with a throw-away profile and the key in LINKUP_API_KEY.
#include "secrets/apikeyvault.h"
#include "secrets/keychainsecretstore.h"
#include "store/activitylog.h"
#include "store/creditledger.h"
#include "store/database.h"
#include "support/profile.h"
#include "version.h"

#include "linkupctlprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TstLinkupCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void version();
    void help();
    void usageErrors_data();
    void usageErrors();
    void accountsList();
    void accountsListJson();
    void accountsShow();
    void tokenImport();
    void expiredToken();
    void emailLogin_data();
    void emailLogin();
    void checkpointLater();
    void credits();
    void wrongKey();
    void noKeyAnywhere();
    void keyFromTheKeychain();
    void plainHttpToARemoteHostIsRefused();
    void everyCallIsInTheProfile();
    void sandboxExitsCleanly_data();
    void sandboxExitsCleanly();

private:
    using Result = LinkupctlResult;
    Result run(const QStringList &args, const QByteArray &input = {},
        const QProcessEnvironment &env = {}) const;
    QProcessEnvironment environment() const;
    static bool startSandbox(QProcess *process, quint16 *port, QString *key);

    QProcess m_sandbox;
    quint16 m_port = 0;
    QString m_key;
    QTemporaryDir m_profile;
};

QProcessEnvironment TstLinkupCtl::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LINKUP_API_KEY"), m_key);
    return env;
}

bool TstLinkupCtl::startSandbox(QProcess *process, quint16 *port, QString *key)
{
    process->start(QStringLiteral(LINKUPCTL_PATH),
        { QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0") });
    if (!process->waitForStarted(30000))
        return false;
    QStringList lines;
    while (lines.size() < 2) {
        while (lines.size() < 2 && process->canReadLine())
            lines << QString::fromUtf8(process->readLine()).trimmed();
        if (lines.size() < 2 && !process->waitForReadyRead(30000))
            return false;
    }
    const QString listening = QStringLiteral("listening on ");
    const QString apiKey = QStringLiteral("api key: ");
    if (!lines.at(0).startsWith(listening) || !lines.at(1).startsWith(apiKey))
        return false;
    *port = quint16(lines.at(0).mid(listening.size()).toUInt());
    *key = lines.at(1).mid(apiKey.size());
    return *port != 0 && !key->isEmpty();
}

void TstLinkupCtl::initTestCase()
{
    QVERIFY(m_profile.isValid());
    QVERIFY(startSandbox(&m_sandbox, &m_port, &m_key));
    QCOMPARE(m_key, QStringLiteral("sandbox-key-0001"));
}

void TstLinkupCtl::cleanupTestCase()
{
    m_sandbox.terminate();
    QVERIFY(m_sandbox.waitForFinished(30000));
    QCOMPARE(m_sandbox.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_sandbox.exitCode(), 0);
}

TstLinkupCtl::Result TstLinkupCtl::run(
    const QStringList &args, const QByteArray &input, const QProcessEnvironment &env) const
{
    const QStringList arguments = QStringList { QStringLiteral("--base-url"),
        QStringLiteral("http://127.0.0.1:%1").arg(m_port), QStringLiteral("--profile"),
        m_profile.path() }
        + args;
    return runLinkupctl(arguments, env.isEmpty() ? environment() : env, input);
}

void TstLinkupCtl::version()
{
    const Result r = run({ QStringLiteral("--version") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("linkupctl %1").arg(QStringLiteral(LD_VERSION)));
    QVERIFY(r.err.isEmpty());
}

void TstLinkupCtl::help()
{
    const Result r = run({ QStringLiteral("--help") });
    QCOMPARE(r.exitCode, 0);
    const char *const mentioned[] = { "accounts list", "accounts show ID",
        "login --token-stdin --country CC", "login --email E", "checkpoint --account ID", "credits",
        "sandbox --port N", "--base-url", "--profile", "--json", "--version", "LINKUP_API_KEY",
        "inbox list --account ID", "conversation show CONVERSATION_ID", "send --account ID",
        "outbox list", "outbox verify ID", "outbox send-again ID", "profiles search --account ID" };
    for (const char *text : mentioned)
        QVERIFY2(r.out.contains(QLatin1String(text)), text);
}

void TstLinkupCtl::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList();
    QTest::newRow("unknown command") << words("frobnicate");
    QTest::newRow("unknown global option") << words("--frob accounts list");
    QTest::newRow("accounts without list or show") << words("accounts");
    QTest::newRow("global option after the command") << words("accounts list --json");
    QTest::newRow("accounts show without id") << words("accounts show");
    QTest::newRow("login without a way") << words("login");
    QTest::newRow("token import without country") << words("login --token-stdin");
    QTest::newRow("token on the command line") << words("login --country FR AQEDAR-token");
    QTest::newRow("bad country") << words("login --token-stdin --country France");
    QTest::newRow("checkpoint without account") << words("checkpoint --code 1");
    QTest::newRow("sandbox with a bad port") << words("sandbox --port 99999");
}

void TstLinkupCtl::usageErrors()
{
    QFETCH(QStringList, args);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY(r.err.startsWith(QStringLiteral("linkupctl: ")));
    QVERIFY(r.out.isEmpty());
}

void TstLinkupCtl::accountsList()
{
    const Result r = run({ QStringLiteral("accounts"), QStringLiteral("list") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY(r.out.startsWith(QStringLiteral("ID")));
    QVERIFY(r.out.contains(QStringLiteral("Camille Laurent")));
    QVERIFY(r.out.contains(QStringLiteral("69c127c37cae0494dd827286")));
}

void TstLinkupCtl::accountsListJson()
{
    const Result r
        = run({ QStringLiteral("--json"), QStringLiteral("accounts"), QStringLiteral("list") });
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray items = doc.object().value(QStringLiteral("items")).toArray();
    QVERIFY(!items.isEmpty());
    QCOMPARE(doc.object().value(QStringLiteral("total")).toInt(), items.size());
    for (const QJsonValue &item : items)
        QVERIFY(!item.toObject().value(QStringLiteral("account_id")).toString().isEmpty());
}

void TstLinkupCtl::accountsShow()
{
    const QString id = QStringLiteral("69c127c37cae0494dd827286");
    const Result r = run({ QStringLiteral("accounts"), QStringLiteral("show"), id });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("account_id:")));
    QVERIFY(r.out.contains(id));
    QVERIFY(r.out.contains(QStringLiteral("Camille Laurent")));
    QVERIFY(r.out.contains(QStringLiteral("connection_health:"))); // an extra field, shown too

    const Result missing
        = run({ QStringLiteral("accounts"), QStringLiteral("show"), QStringLiteral("acc_nope") });
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.errLines().size(), 1);
}

void TstLinkupCtl::tokenImport()
{
    const QByteArray token = "AQEDAR-ctl-token-import";
    const QStringList args = { QStringLiteral("login"), QStringLiteral("--token-stdin"),
        QStringLiteral("--country"), QStringLiteral("FR") };
    const Result r = run(args, token + '\n');
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("connected: ")), qPrintable(r.out + r.err));
    for (const QString &arg : r.arguments)
        QVERIFY(!arg.contains(QString::fromLatin1(token)));
    QVERIFY(!r.out.contains(QString::fromLatin1(token)));

    const Result again = run(QStringList { QStringLiteral("--json") } + args, token);
    QCOMPARE(again.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(again.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    QVERIFY(r.out.contains(o.value(QStringLiteral("account_id")).toString())); // same account
}

void TstLinkupCtl::expiredToken()
{
    const Result r = run({ QStringLiteral("login"), QStringLiteral("--token-stdin"),
                             QStringLiteral("--country"), QStringLiteral("FR") },
        "expired-v1-token\n");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY(r.err.startsWith(QStringLiteral("linkupctl: ")));
    QVERIFY2(r.err.contains(QStringLiteral("Sign in to LinkedIn again")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TstLinkupCtl::emailLogin_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // in stdout on success, in stderr otherwise
    QTest::newRow("code") << QStringLiteral("code@example.com") << QByteArray("pw-1\n123456\n") << 0
                          << QStringLiteral("connected: ");
    QTest::newRow("wrong code, then right")
        << QStringLiteral("code@example.com") << QByteArray("pw-1\n000000\n123456\n") << 0
        << QStringLiteral("connected: ");
    QTest::newRow("wrong code only")
        << QStringLiteral("code@example.com") << QByteArray("pw-1\n000000\n") << 1
        << QStringLiteral("verification code");
    QTest::newRow("app approval") << QStringLiteral("app@example.com") << QByteArray("pw-1\n\n")
                                  << 0 << QStringLiteral("connected: ");
    QTest::newRow("no account checkpoint")
        << QStringLiteral("plain@example.com") << QByteArray("pw-1\n") << 0
        << QStringLiteral("connected: ");
    QTest::newRow("wrong password")
        << QStringLiteral("plain@example.com") << QByteArray("wrong-password\n") << 1
        << QStringLiteral("invalid credentials");
    QTest::newRow("no password") << QStringLiteral("plain@example.com") << QByteArray() << 2
                                 << QStringLiteral("password");
}

void TstLinkupCtl::emailLogin()
{
    QFETCH(QString, email);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const Result r = run({ QStringLiteral("login"), QStringLiteral("--email"), email }, input);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode == 0) {
        QVERIFY2(r.out.contains(expected), qPrintable(r.out + r.err));
    } else {
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }
    QVERIFY(!r.out.contains(QStringLiteral("pw-1")));
    QVERIFY(!r.err.contains(QStringLiteral("pw-1")));
}

void TstLinkupCtl::checkpointLater()
{
    // The code is not at hand: login stops at the checkpoint and says how to finish it.
    const Result pending = run({ QStringLiteral("--json"), QStringLiteral("login"),
                                   QStringLiteral("--email"), QStringLiteral("code@example.com") },
        "pw-1\n");
    QCOMPARE(pending.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(pending.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("checkpoint_required"));
    const QString id = o.value(QStringLiteral("account_id")).toString();
    QVERIFY(!id.isEmpty());

    const Result wrong = run({ QStringLiteral("checkpoint"), QStringLiteral("--account"), id,
        QStringLiteral("--code"), QStringLiteral("000000") });
    QCOMPARE(wrong.exitCode, 1);
    QCOMPARE(wrong.errLines().size(), 1);

    const Result done = run({ QStringLiteral("checkpoint"), QStringLiteral("--account"), id,
        QStringLiteral("--code"), QStringLiteral("123456") });
    QCOMPARE(done.exitCode, 0);
    QVERIFY2(done.out.startsWith(QStringLiteral("connected: %1").arg(id)),
        qPrintable(done.out + done.err));
}

void TstLinkupCtl::credits()
{
    // Something that costs a credit, so the ledger has a non-zero row.
    QCOMPARE(run({ QStringLiteral("login"), QStringLiteral("--token-stdin"),
                     QStringLiteral("--country"), QStringLiteral("US") },
                 "AQEDAR-ctl-credits\n")
                 .exitCode,
        0);

    const Result r = run({ QStringLiteral("credits") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("ACCOUNT")));
    QVERIFY(r.out.contains(QStringLiteral("total: ")));
    QVERIFY(r.out.contains(QStringLiteral("balance: ")));

    const Result json = run({ QStringLiteral("--json"), QStringLiteral("credits") });
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QVERIFY(!o.value(QStringLiteral("items")).toArray().isEmpty());
    QVERIFY(o.value(QStringLiteral("total")).toInteger() >= 1);
    QVERIFY(o.value(QStringLiteral("balance")).isDouble());
}

void TstLinkupCtl::wrongKey()
{
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("LINKUP_API_KEY"), QStringLiteral("not-the-key"));
    const Result r = run({ QStringLiteral("accounts"), QStringLiteral("list") }, {}, env);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QStringLiteral("API key was refused")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("LINKUP_API_KEY")));
    QVERIFY(r.err.contains(QStringLiteral("Settings")));
    QVERIFY(!r.err.contains(QStringLiteral("not-the-key")));
}

void TstLinkupCtl::noKeyAnywhere()
{
    // No key in the environment and no keychain to ask: a clear way out, quickly.
    QProcessEnvironment env = environment();
    env.remove(QStringLiteral("LINKUP_API_KEY"));
    env.remove(QStringLiteral("DISPLAY"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
    const Result r = run({ QStringLiteral("accounts"), QStringLiteral("list") }, {}, env);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(QStringLiteral("LINKUP_API_KEY")), qPrintable(r.err));
}

void TstLinkupCtl::keyFromTheKeychain()
{
    // ctest runs this test inside tests/tools/with-keyring.sh: a private, unlocked keyring.
    const ld::Profile profile = ld::Profile::open(m_profile.path());
    ld::KeychainSecretStore store(profile.keychainService());
    ld::ApiKeyVault vault(&store);
    QSignalSpy saved(&vault, &ld::ApiKeyVault::saved);
    vault.setKey(m_key);
    QVERIFY(saved.wait(15000));
    if (!saved.at(0).at(0).toBool())
        QSKIP("no usable keychain here (run through ctest, which provides one)");

    QProcessEnvironment env = environment();
    env.remove(QStringLiteral("LINKUP_API_KEY"));
    const Result r = run(words("accounts list"), {}, env);
    QSignalSpy removed(&vault, &ld::ApiKeyVault::removed);
    vault.removeKey();
    QVERIFY(removed.wait(15000));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("Camille Laurent")));

    const Result gone = run(words("accounts list"), {}, env);
    QCOMPARE(gone.exitCode, 1);
    QCOMPARE(gone.errLines().size(), 1);
    QVERIFY(gone.err.contains(QStringLiteral("LINKUP_API_KEY")));
}

void TstLinkupCtl::plainHttpToARemoteHostIsRefused()
{
    // The last --base-url wins; the client refuses to send the key in clear over a network.
    const Result r = run(words("--base-url http://api.example.com accounts list"));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("linkupctl: --base-url http://api.example.com")),
        qPrintable(r.err));
}

void TstLinkupCtl::everyCallIsInTheProfile()
{
    QVERIFY(run({ QStringLiteral("accounts"), QStringLiteral("list") }).exitCode == 0);
    ld::Database db;
    QVERIFY(db.open(ld::Profile::open(m_profile.path()).databasePath()));
    ld::ActivityLog activity(&db);
    ld::CreditLedger ledger(&db);
    QSet<QString> actions;
    for (const ld::ActivityEntry &e : activity.recent(1000))
        actions.insert(e.action);
    QVERIFY(actions.size() >= 3);
    QVERIFY(!ledger.summary().isEmpty());
}

void TstLinkupCtl::sandboxExitsCleanly_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TstLinkupCtl::sandboxExitsCleanly()
{
    QFETCH(int, signal);
    QProcess sandbox;
    quint16 port = 0;
    QString key;
    QVERIFY(startSandbox(&sandbox, &port, &key));
    QVERIFY(::kill(pid_t(sandbox.processId()), signal) == 0);
    QVERIFY(sandbox.waitForFinished(30000));
    QCOMPARE(sandbox.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sandbox.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TstLinkupCtl)
#include "tst_linkupctl.moc"
