// Runs inside tests/tools/with-keyring.sh (a private D-Bus session with an unlocked
// gnome-keyring). The failure paths run in child processes of this binary, because libdbus and
// GDBus keep the first session bus they reach for the life of the process.
#include "secrets/keychainsecretstore.h"

#include <QCoreApplication>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using ld::KeychainSecretStore;
using ld::SecretResult;
using Status = SecretResult::Status;

namespace {

const char *const kChildMode = "LD_KEYCHAIN_TEST_CHILD";
const QString kTimedOutMarker = QStringLiteral("LD-CHILD: timed out");

// Collects every callback, so a test can see that there was exactly one.
struct Calls
{
    QList<SecretResult> results;
    KeychainSecretStore::Callback callback()
    {
        return [this](const SecretResult &r) { results << r; };
    }
};

QString uniqueService()
{
    return QStringLiteral("LinkUp Desk test %1").arg(QCoreApplication::applicationPid());
}

} // namespace

class TstKeychainSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripInTheRealSecretService();
    void unavailableWithoutSessionBus();
    void hangingKeychainTimesOutOnce();
    // Entry points of the child processes; skipped when run normally.
    void childUnavailable();
    void childHang();

private:
    static bool isChild(const char *mode) { return qgetenv(kChildMode) == mode; }
    QProcess *startChild(const QString &function, const char *mode, const QString &busAddress);
};

void TstKeychainSecretStore::roundTripInTheRealSecretService()
{
    if (qEnvironmentVariableIsSet(kChildMode))
        QSKIP("child process");
    if (!qEnvironmentVariableIsSet("LD_PRIVATE_KEYRING"))
        QSKIP("needs tests/tools/with-keyring.sh (private D-Bus session with gnome-keyring)");

    KeychainSecretStore store(uniqueService());
    QCOMPARE(store.backendName(), QStringLiteral("Secret Service"));
    const QString key = QStringLiteral("api-key");
    SecretResult r;

    // Each call answers asynchronously (never inside the call) and exactly once.
#define RUN(call)                                                                              \
    do {                                                                                       \
        Calls calls;                                                                           \
        call;                                                                                  \
        QVERIFY(calls.results.isEmpty());                                                      \
        QTRY_COMPARE_WITH_TIMEOUT(calls.results.size(), 1, 30000);                             \
        r = calls.results.first();                                                             \
    } while (false)

    RUN(store.write(key, QStringLiteral("first-secret-value"), calls.callback()));
    QVERIFY2(r.ok(), qPrintable(r.message));
    RUN(store.read(key, calls.callback()));
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.value, QStringLiteral("first-secret-value"));

    RUN(store.write(key, QStringLiteral("second-secret-välue"), calls.callback()));
    QVERIFY2(r.ok(), qPrintable(r.message));
    RUN(store.read(key, calls.callback()));
    QCOMPARE(r.value, QStringLiteral("second-secret-välue"));

    RUN(store.remove(key, calls.callback()));
    QVERIFY2(r.ok(), qPrintable(r.message));
    RUN(store.read(key, calls.callback()));
    QCOMPARE(r.status, Status::NotFound);
    QVERIFY(r.value.isEmpty());

    // Another service name is another set of entries (one per profile).
    KeychainSecretStore other(uniqueService() + QStringLiteral(" other"));
    RUN(store.write(key, QStringLiteral("mine"), calls.callback()));
    QVERIFY(r.ok());
    RUN(other.read(key, calls.callback()));
    QCOMPARE(r.status, Status::NotFound);
    RUN(store.remove(key, calls.callback()));
    QVERIFY(r.ok());
#undef RUN
}

QProcess *TstKeychainSecretStore::startChild(const QString &function, const char *mode,
                                             const QString &busAddress)
{
    auto *child = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildMode), QString::fromLatin1(mode));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
    env.remove(QStringLiteral("DISPLAY")); // with a display, libdbus could autolaunch a bus
    child->setProcessEnvironment(env);
    child->setProcessChannelMode(QProcess::MergedChannels);
    child->start(QCoreApplication::applicationFilePath(), {function});
    return child;
}

void TstKeychainSecretStore::unavailableWithoutSessionBus()
{
    if (qEnvironmentVariableIsSet(kChildMode))
        QSKIP("child process");
    QProcess *child = startChild(QStringLiteral("childUnavailable"), "unavailable",
                                 QStringLiteral("disabled:"));
    QVERIFY(child->waitForFinished(60000));
    const QString output = QString::fromUtf8(child->readAll());
    QVERIFY2(child->exitStatus() == QProcess::NormalExit && child->exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("PASS   : TstKeychainSecretStore::childUnavailable()")),
             qPrintable(output));
}

void TstKeychainSecretStore::childUnavailable()
{
    if (!isChild("unavailable"))
        QSKIP("runs only as a child of unavailableWithoutSessionBus()");
    KeychainSecretStore store(uniqueService());
    store.setTimeoutMs(20000);
    for (int op = 0; op < 3; ++op) {
        Calls calls;
        if (op == 0)
            store.write(QStringLiteral("api-key"), QStringLiteral("s3cr3t-value"), calls.callback());
        else if (op == 1)
            store.read(QStringLiteral("api-key"), calls.callback());
        else
            store.remove(QStringLiteral("api-key"), calls.callback());
        QTRY_COMPARE_WITH_TIMEOUT(calls.results.size(), 1, 30000);
        const SecretResult r = calls.results.first();
        QVERIFY2(r.status == Status::Unavailable, qPrintable(r.message));
        QVERIFY(!r.message.isEmpty());
        QVERIFY(!r.message.contains(QStringLiteral("s3cr3t-value")));
    }
}

void TstKeychainSecretStore::hangingKeychainTimesOutOnce()
{
    if (qEnvironmentVariableIsSet(kChildMode))
        QSKIP("child process");
    // A "session bus" that accepts connections and never answers, like a keychain waiting
    // on an unlock prompt nobody sees.
    QTemporaryDir dir;
    QLocalServer bus;
    QVERIFY(bus.listen(dir.filePath(QStringLiteral("bus"))));
    QList<QLocalSocket *> clients;
    connect(&bus, &QLocalServer::newConnection, this, [&] {
        while (QLocalSocket *s = bus.nextPendingConnection())
            clients << s;
    });

    QProcess *child = startChild(QStringLiteral("childHang"), "hang",
                                 QStringLiteral("unix:path=") + bus.fullServerName());
    QString output;
    connect(child, &QProcess::readyRead, this, [&] { output += QString::fromUtf8(child->readAll()); });
    QTRY_VERIFY2_WITH_TIMEOUT(output.contains(kTimedOutMarker) || child->state() == QProcess::NotRunning,
                              qPrintable(output), 60000);
    QVERIFY2(output.contains(kTimedOutMarker), qPrintable(output));
    // Now let the hung job fail late: the child checks it does not call back a second time.
    for (QLocalSocket *s : std::as_const(clients))
        s->abort();
    bus.close();
    QTRY_VERIFY_WITH_TIMEOUT(child->state() == QProcess::NotRunning, 60000);
    output += QString::fromUtf8(child->readAll());
    QVERIFY2(child->exitStatus() == QProcess::NormalExit && child->exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("PASS   : TstKeychainSecretStore::childHang()")),
             qPrintable(output));
}

void TstKeychainSecretStore::childHang()
{
    if (!isChild("hang"))
        QSKIP("runs only as a child of hangingKeychainTimesOutOnce()");
    KeychainSecretStore store(uniqueService());
    store.setTimeoutMs(500);
    Calls first;
    store.read(QStringLiteral("api-key"), first.callback());
    QTRY_COMPARE_WITH_TIMEOUT(first.results.size(), 1, 30000);
    QCOMPARE(first.results.first().status, Status::Timeout);
    std::printf("%s\n", qPrintable(kTimedOutMarker));
    std::fflush(stdout);

    // QtKeychain runs one job at a time, so when this second job answers the first one has
    // finished too: its late result must have been dropped.
    store.setTimeoutMs(30000);
    Calls second;
    store.read(QStringLiteral("api-key"), second.callback());
    QTRY_COMPARE_WITH_TIMEOUT(second.results.size(), 1, 40000);
    QCOMPARE(first.results.size(), 1);
}

QTEST_GUILESS_MAIN(TstKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
