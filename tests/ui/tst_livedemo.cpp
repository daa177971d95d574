// Live events in the demo, end to end (issue 5, "Done when"): the demo watches its active
// accounts and turns the sandbox's activity on; a message the sandbox emits reaches the inbox
// row, the Live page and one desktop notification, whose click opens the conversation; a
// dropped stream loses nothing and repeats nothing. And the window's live commands: Ctrl+6
// (Live), Ctrl+7 (Webhooks), Ctrl+Shift+D (do not disturb, kept in the settings), all in the
// command palette's list.
#include "desktopsession.h"
#include "inboxpage.h"
#include "livepage.h"
#include "mainwindow.h"
#include "notifier.h"
#include "screenshots.h"
#include "translations.h"
#include "webhookspage.h"

#include "models/inboxmodel.h"
#include "models/liveeventmodel.h"
#include "sandbox/sandboxserver.h"
#include "store/conversationrepository.h"
#include "store/liveeventrepository.h"
#include "support/appsettings.h"
#include "sync/liveevents.h"
#include "sync/workspace.h"

#include <QAction>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

using namespace ld;
using namespace ld::ui;

namespace {

int g_demoActivityMs = -1;

DemoServer startSandbox()
{
    DemoServer demo;
    auto server = std::make_unique<sandbox::SandboxServer>();
    if (!server->listen(0))
        return demo;
    demo.baseUrl = server->baseUrl();
    demo.apiKey = server->apiKey();
    // Recorded, not started: the test emits its own events, at its own pace.
    demo.setActivity = [](int msec) { g_demoActivityMs = msec; };
    demo.server = std::move(server);
    return demo;
}

class RecordingBackend : public NotificationBackend
{
public:
    void show(quint64 token, const QString &title, const QString &, quint64) override
    {
        tokens << token;
        titles << title;
    }
    bool isAvailable() const override { return true; }
    void click(quint64 token) { Q_EMIT activated(token); }
    QList<quint64> tokens;
    QStringList titles;
};

} // namespace

class TstLiveDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void shortcutsTriggerTheirActions();
    void demoWatchesItsAccounts();
    void messageReachesInboxLivePageAndNotification();
    void droppedStreamLosesAndRepeatsNothing();

private:
    sandbox::SandboxServer *server() const
    {
        return qobject_cast<sandbox::SandboxServer *>(m_session->demoServer());
    }
    Workspace *ws() const { return m_session->workspace(); }
    void emitMessage(const ConversationRow &to, const QString &text);

    std::unique_ptr<DesktopSession> m_session;
    MainWindow *m_window = nullptr;
    RecordingBackend *m_notifications = nullptr;
    QString m_account;
};

void TstLiveDemo::initTestCase()
{
    qRegisterMetaType<MainWindow *>();
    installTranslations(QCoreApplication::instance());
    StartOptions options;
    options.demo = true;
    m_session = std::make_unique<DesktopSession>(options, &startSandbox);
    m_session->start();
    m_window = m_session->mainWindow();
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QApplication::setActiveWindow(m_window);
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTRY_VERIFY_WITH_TIMEOUT(server() != nullptr, 10000);
    QVERIFY(m_session->notifier());
    auto backend = std::make_unique<RecordingBackend>();
    m_notifications = backend.get();
    m_session->notifier()->setBackend(std::move(backend));
    m_account = sandbox::Seeds::primaryAccountId();
}

void TstLiveDemo::cleanupTestCase()
{
    m_session.reset();
}

void TstLiveDemo::emitMessage(const ConversationRow &to, const QString &text)
{
    const QJsonObject inner { { QStringLiteral("sender_name"), to.conversation.participant.name },
        { QStringLiteral("sender_profile"), to.conversation.participant.profileUrl },
        { QStringLiteral("message_text"), text } };
    server()->emitEvent(
        m_account, QStringLiteral("message"), QJsonDocument(inner).toJson(QJsonDocument::Compact));
}

void TstLiveDemo::shortcutsTriggerTheirActions()
{
    QApplication::setActiveWindow(m_window);
    QTest::keyClick(m_window, Qt::Key_6, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), m_window->livePage());
    QTest::keyClick(m_window, Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), m_window->webhooksPage());

    AppSettings *settings = ws()->settings();
    QVERIFY(!settings->doNotDisturb());
    auto *indicator = m_window->findChild<QLabel *>(QStringLiteral("dndIndicator"));
    QVERIFY(indicator && !indicator->isVisible());
    QTest::keyClick(m_window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(settings->doNotDisturb());
    QVERIFY(m_window->doNotDisturbAction()->isChecked());
    QVERIFY(indicator->isVisible());
    settings->setDoNotDisturb(false); // elsewhere (the tray menu): the action follows
    QVERIFY(!m_window->doNotDisturbAction()->isChecked());
    QVERIFY(!indicator->isVisible());

    const QList<QAction *> commands = m_window->commands();
    for (const char *name : { "showLive", "showWebhooks", "doNotDisturb" }) {
        QAction *a = m_window->findChild<QAction *>(QLatin1String(name));
        QVERIFY2(a && commands.contains(a), name);
        QVERIFY(!a->shortcut().isEmpty());
    }
    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), m_window->inboxPage());
}

void TstLiveDemo::demoWatchesItsAccounts()
{
    LiveEvents *live = ws()->live();
    QTRY_VERIFY_WITH_TIMEOUT(live->isMonitored(m_account), 10000);
    QVERIFY(!live->isMonitored(sandbox::Seeds::inactiveAccountId()));
    QCOMPARE(g_demoActivityMs, DesktopSession::DemoActivityMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        int(live->status(m_account).state), int(LiveStatus::State::Live), 10000);
}

void TstLiveDemo::messageReachesInboxLivePageAndNotification()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isSettled(), 10000); // the demo's first inbox read
    InboxFilter filter;
    filter.accountIds = { m_account };
    const QList<ConversationRow> rows = ws()->conversations()->page(filter, 3);
    QVERIFY(rows.size() >= 3);
    const ConversationRow target = rows.at(2);
    const int shownBefore = int(m_notifications->tokens.size());
    m_window->showLivePage();
    QElapsedTimer sinceEmit;
    sinceEmit.start();
    emitMessage(target, QStringLiteral("Can we move our call to Friday?"));

    // The inbox row (its last message), the Live page and one notification.
    QTRY_COMPARE(ws()->conversations()->row(target.key)->conversation.lastText,
        QStringLiteral("Can we move our call to Friday?"));
    const qint64 toInbox = sinceEmit.elapsed();
    QTRY_COMPARE(m_notifications->tokens.size(), shownBefore + 1);
    const qint64 toNotification = sinceEmit.elapsed();
    qInfo("sandbox emit → inbox row %lld ms, → notification %lld ms", toInbox, toNotification);
    InboxModel *inbox = m_window->inboxPage()->model();
    QCOMPARE(inbox->index(0).data(InboxModel::KeyRole).toLongLong(), target.key); // moved up
    QVERIFY(inbox->index(0).data(InboxModel::UnreadRole).toBool());
    QCOMPARE(m_window->livePage()->model()->index(0).data(LiveEventModel::TextRole).toString(),
        QStringLiteral("Can we move our call to Friday?"));
    QCOMPARE(m_notifications->titles.last(),
        target.conversation.participant.name + QStringLiteral(" · Camille Laurent"));
    saveScreenshot(m_window, QStringLiteral("mainwindow-live"));

    // The click opens the conversation in the Inbox.
    m_notifications->click(m_notifications->tokens.last());
    QCOMPARE(m_window->currentPage(), m_window->inboxPage());
    QCOMPARE(m_window->inboxPage()->currentKey(), target.key);
}

void TstLiveDemo::droppedStreamLosesAndRepeatsNothing()
{
    LiveEvents *live = ws()->live();
    QTRY_COMPARE_WITH_TIMEOUT(
        int(live->status(m_account).state), int(LiveStatus::State::Live), 10000);
    InboxFilter filter;
    filter.accountIds = { m_account };
    const ConversationRow target = ws()->conversations()->page(filter, 2).at(1);
    const int events = ws()->liveEvents()->count();
    const int shown = int(m_notifications->tokens.size());
    QSignalSpy caughtUp(live, &LiveEvents::caughtUp);

    // Every stream drops; the message emitted meanwhile is kept for polling and comes back
    // with the gap fill after the reconnect, once.
    server()->injectFault(sandbox::SandboxServer::Fault::DropStreams, 1);
    emitMessage(target, QStringLiteral("Sent while you were reconnecting"));
    QTRY_COMPARE_WITH_TIMEOUT(ws()->liveEvents()->count(), events + 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(
        int(live->status(m_account).state), int(LiveStatus::State::Live), 15000);
    const auto caughtUpHere = [&caughtUp, this] {
        for (const QList<QVariant> &args : std::as_const(caughtUp)) {
            if (args.value(0).toString() == m_account)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(caughtUpHere(), 15000);
    QCOMPARE(ws()->liveEvents()->count(), events + 1); // the gap fill repeated nothing
    emitMessage(target, QStringLiteral("And one more, live"));
    QTRY_COMPARE(ws()->liveEvents()->count(), events + 2);
    QTRY_COMPARE(m_notifications->tokens.size(), shown + 2);
    QCOMPARE(m_window->livePage()->model()->rowCount(), ws()->liveEvents()->count());
}

QTEST_MAIN(TstLiveDemo)
#include "tst_livedemo.moc"
