// A normal (not demo) start of linkup-desk on an existing profile: the API key comes from the
// real keychain, and the outbox picks up what an earlier run left behind — a message still in
// its undo window when the app went away is sent on the next start, exactly once.
#include "desktopsession.h"
#include "mainwindow.h"

#include "sandbox/sandboxserver.h"
#include "secrets/apikeyvault.h"
#include "secrets/keychainsecretstore.h"
#include "store/outboxrepository.h"
#include "support/appsettings.h"
#include "sync/outbox.h"
#include "sync/workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ld;
using ld::sandbox::SandboxServer;
using ld::sandbox::Seeds;

class TstDesktopSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resumesTheOutboxOnStart()
    {
        SandboxServer server;
        QVERIFY(server.listen(0));
        QTemporaryDir dir;
        const Profile profile = Profile::open(dir.path());
        QVERIFY2(profile.isValid(), qPrintable(profile.error()));

        // The key, where the app looks for it: the profile's keychain entry.
        KeychainSecretStore keychain(profile.keychainService());
        bool written = false;
        keychain.write(ApiKeyVault::entryName(), server.apiKey(),
                       [&](const SecretResult &r) { written = r.ok(); });
        QTRY_VERIFY(written);

        // An earlier run queued a message and went away inside its undo window.
        qint64 id = 0;
        {
            Workspace earlier(profile);
            QVERIFY2(earlier.open(), qPrintable(earlier.errorString()));
            earlier.settings()->setBaseUrl(server.baseUrl());
            earlier.settings()->setFirstRunDone(true);
            earlier.settings()->setUndoSendSeconds(1);
            earlier.settings()->sync();
            OutgoingMessage message;
            message.accountId = Seeds::primaryAccountId();
            message.profileUrl = QStringLiteral("https://www.linkedin.com/in/ada-lovelace");
            message.text = QStringLiteral("Left in the undo window");
            QString refusal;
            id = earlier.outbox()->enqueue(message, &refusal);
            QVERIFY2(id > 0, qPrintable(refusal));
        }
        QCOMPARE(server.requestCount(QStringLiteral("/v2/messages"), QStringLiteral("send")), 0);

        ui::StartOptions options;
        options.profileDir = dir.path();
        ui::DesktopSession session(options, [] { return ui::DemoServer {}; });
        QSignalSpy shown(&session, &ui::DesktopSession::mainWindowShown);
        session.start();
        QTRY_COMPARE(shown.count(), 1);
        QVERIFY(!session.isDemo());

        OutboxRepository *items = session.workspace()->outboxItems();
        QTRY_COMPARE_WITH_TIMEOUT(items->find(id)->state, OutboxItem::State::Sent, 15000);
        QCOMPARE(server.requestCount(QStringLiteral("/v2/messages"), QStringLiteral("send")), 1);
    }
};

QTEST_MAIN(TstDesktopSession)
#include "tst_desktopsession.moc"
