#include "secrets/secretstore.h"

#include <QTest>

using ld::MemorySecretStore;
using ld::SecretResult;
using Status = SecretResult::Status;

class TstMemorySecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersAsynchronouslyOnce();
    void writeReadOverwriteRemove();
    void survivesBeingDeletedWithAnswersPending();
};

namespace {

SecretResult await(QList<SecretResult> &results)
{
    if (!QTest::qWaitFor([&] { return !results.isEmpty(); }, 5000))
        return SecretResult{Status::Error, {}, QStringLiteral("no answer")};
    return results.value(0, SecretResult{Status::Error, {}, QStringLiteral("no answer")});
}

} // namespace

void TstMemorySecretStore::answersAsynchronouslyOnce()
{
    MemorySecretStore store;
    QCOMPARE(store.backendName(), QStringLiteral("memory"));
    QList<SecretResult> results;
    store.write(QStringLiteral("k"), QStringLiteral("v"), [&](const SecretResult &r) { results << r; });
    QVERIFY(results.isEmpty()); // like the keychain: never inside the call
    QTRY_COMPARE(results.size(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(results.size(), 1);
    QVERIFY(results.first().ok());
    store.read(QStringLiteral("k"), nullptr); // no callback is fine
    QCoreApplication::processEvents();
}

void TstMemorySecretStore::writeReadOverwriteRemove()
{
    MemorySecretStore store;
    QList<SecretResult> results;
    const auto cb = [&](const SecretResult &r) { results << r; };

    store.read(QStringLiteral("k"), cb);
    QCOMPARE(await(results).status, Status::NotFound);
    results.clear();
    store.write(QStringLiteral("k"), QStringLiteral("one"), cb);
    QVERIFY(await(results).ok());
    results.clear();
    store.write(QStringLiteral("k"), QStringLiteral("two"), cb);
    QVERIFY(await(results).ok());
    results.clear();
    store.read(QStringLiteral("k"), cb);
    QCOMPARE(await(results).value, QStringLiteral("two"));
    results.clear();
    store.remove(QStringLiteral("k"), cb);
    QVERIFY(await(results).ok());
    results.clear();
    store.remove(QStringLiteral("k"), cb);
    QCOMPARE(await(results).status, Status::NotFound);
    results.clear();
    store.read(QStringLiteral("k"), cb);
    const SecretResult last = await(results);
    QCOMPARE(last.status, Status::NotFound);
    QVERIFY(last.value.isEmpty());
}

void TstMemorySecretStore::survivesBeingDeletedWithAnswersPending()
{
    int calls = 0;
    {
        MemorySecretStore store;
        store.read(QStringLiteral("k"), [&](const SecretResult &) { ++calls; });
    }
    QCoreApplication::processEvents();
    QCOMPARE(calls, 0); // the answer died with its store
}

QTEST_GUILESS_MAIN(TstMemorySecretStore)
#include "tst_memorysecretstore.moc"
