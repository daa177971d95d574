#include "secrets/apikeyvault.h"
#include "support/logging.h"

#include <QSignalSpy>
#include <QTest>

using namespace ld;
using Status = SecretResult::Status;

namespace {

// A keychain that always fails the same way, answering later like the real one.
class FailingSecretStore : public SecretStore
{
public:
    FailingSecretStore(Status status, const QString &message) : m_status(status), m_message(message) { }
    void read(const QString &, Callback done) override { answer(std::move(done)); }
    void write(const QString &, const QString &, Callback done) override { answer(std::move(done)); }
    void remove(const QString &, Callback done) override { answer(std::move(done)); }
    QString backendName() const override { return QStringLiteral("failing"); }

private:
    void answer(Callback done)
    {
        SecretResult r{m_status, {}, m_message};
        QMetaObject::invokeMethod(this, [done, r] { done(r); }, Qt::QueuedConnection);
    }
    Status m_status;
    QString m_message;
};

const QString kKey = QStringLiteral("lk_live_0123456789abcdef");

} // namespace

class TstApiKeyVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsNothingFromAnEmptyStore();
    void savesLoadsAndRemoves();
    void keyIsRedactedFromLogsOnceKnown();
    void keepsTheKeyForTheSessionWhenTheStoreFails_data();
    void keepsTheKeyForTheSessionWhenTheStoreFails();
    void loadTellsWhenTheKeychainIsMissing();
    void survivesDeletionWithACallPending();
};

void TstApiKeyVault::loadsNothingFromAnEmptyStore()
{
    MemorySecretStore store;
    ApiKeyVault vault(&store);
    QCOMPARE(ApiKeyVault::entryName(), QStringLiteral("api-key"));
    QSignalSpy loaded(&vault, &ApiKeyVault::loaded);
    vault.load();
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toBool(), false);
    QVERIFY(!vault.hasKey());
    QVERIFY(!vault.sessionOnly());
    QVERIFY(vault.lastProblem().isEmpty());
}

void TstApiKeyVault::savesLoadsAndRemoves()
{
    MemorySecretStore store;
    {
        ApiKeyVault vault(&store);
        QSignalSpy saved(&vault, &ApiKeyVault::saved);
        QSignalSpy changed(&vault, &ApiKeyVault::keyChanged);
        vault.setKey(kKey);
        QCOMPARE(vault.key(), kKey); // usable at once, before the keychain answers
        QCOMPARE(changed.count(), 1);
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(0).toBool(), true);
        QVERIFY(!vault.sessionOnly());
    }
    ApiKeyVault next(&store); // the next session finds it
    QSignalSpy loaded(&next, &ApiKeyVault::loaded);
    QSignalSpy changed(&next, &ApiKeyVault::keyChanged);
    next.load();
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toBool(), true);
    QCOMPARE(next.key(), kKey);
    QCOMPARE(changed.count(), 1);

    QSignalSpy removed(&next, &ApiKeyVault::removed);
    next.removeKey();
    QVERIFY(!next.hasKey());
    QCOMPARE(changed.count(), 2);
    QTRY_COMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toBool(), true);

    ApiKeyVault after(&store);
    QSignalSpy loadedAfter(&after, &ApiKeyVault::loaded);
    after.load();
    QTRY_COMPARE(loadedAfter.count(), 1);
    QCOMPARE(loadedAfter.at(0).at(0).toBool(), false);
}

void TstApiKeyVault::keyIsRedactedFromLogsOnceKnown()
{
    MemorySecretStore store;
    ApiKeyVault vault(&store);
    const QString key = QStringLiteral("lk_live_only_in_this_test");
    const QString line = QStringLiteral("sending with key ") + key;
    vault.setKey(key);
    QVERIFY(!logging::redact(line).contains(key));
    vault.removeKey();
    QCOMPARE(logging::redact(line), line);
}

void TstApiKeyVault::keepsTheKeyForTheSessionWhenTheStoreFails_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no Secret Service") << int(Status::Unavailable)
        << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
        << QStringLiteral("Your system keychain is not available (Cannot autolaunch D-Bus without X11 $DISPLAY). "
                          "The API key is kept for this session only; you will be asked again next time.");
    QTest::newRow("timeout") << int(Status::Timeout) << QStringLiteral("The keychain did not answer within 10 s")
        << QStringLiteral("Your system keychain is not available (The keychain did not answer within 10 s). "
                          "The API key is kept for this session only; you will be asked again next time.");
    QTest::newRow("other error") << int(Status::Error) << QStringLiteral("Not implemented")
        << QStringLiteral("The API key could not be saved in your system keychain (Not implemented). "
                          "It is kept for this session only; you will be asked again next time.");
}

void TstApiKeyVault::keepsTheKeyForTheSessionWhenTheStoreFails()
{
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(QString, expected);
    FailingSecretStore store(Status(status), message);
    ApiKeyVault vault(&store);
    QSignalSpy saved(&vault, &ApiKeyVault::saved);
    vault.setKey(kKey);
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(0).toBool(), false);
    QCOMPARE(vault.key(), kKey);
    QVERIFY(vault.sessionOnly());
    QCOMPARE(vault.lastProblem(), expected);
    QVERIFY(!vault.lastProblem().contains(kKey));
}

void TstApiKeyVault::loadTellsWhenTheKeychainIsMissing()
{
    FailingSecretStore store(Status::Unavailable, QStringLiteral("No keychain service available"));
    ApiKeyVault vault(&store);
    QSignalSpy loaded(&vault, &ApiKeyVault::loaded);
    vault.load();
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toBool(), false);
    QVERIFY(vault.sessionOnly());
    QVERIFY2(vault.lastProblem().startsWith(QStringLiteral("Your system keychain is not available (No keychain service available)")),
             qPrintable(vault.lastProblem()));

    QSignalSpy removed(&vault, &ApiKeyVault::removed);
    vault.removeKey();
    QTRY_COMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toBool(), false);
    QVERIFY(!vault.lastProblem().isEmpty());
}

void TstApiKeyVault::survivesDeletionWithACallPending()
{
    MemorySecretStore store;
    auto vault = std::make_unique<ApiKeyVault>(&store);
    vault->setKey(kKey);
    vault->load();
    vault.reset();
    QCoreApplication::processEvents(); // the answers arrive for a vault that is gone
    QVERIFY(true);
}

QTEST_GUILESS_MAIN(TstApiKeyVault)
#include "tst_apikeyvault.moc"
