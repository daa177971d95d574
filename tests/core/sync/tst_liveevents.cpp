// LiveEvents against the sandbox over loopback, on a real profile (database and settings in a
// temporary directory): the monitoring choice creates, reuses and stops a hosted webhook; events
// from the stream update the inbox row, the invitations and the account, each exactly once (also
// when the gap fill after a dropped stream or a restart brings them again); a message for a
// conversation not cached refreshes the inbox once; the API key stays out of the logs.
#include "api/apiclient.h"
#include "domain/webhook.h"
#include "live/webhookensurer.h"
#include "models/inboxmodel.h"
#include "sandbox/sandboxserver.h"
#include "services/webhooksservice.h"
#include "store/accountrepository.h"
#include "store/conversationrepository.h"
#include "store/liveeventrepository.h"
#include "store/networkrepository.h"
#include "support/appsettings.h"
#include "sync/accountssync.h"
#include "sync/inboxsync.h"
#include "sync/liveevents.h"
#include "sync/networksync.h"
#include "sync/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ld;
using sandbox::SandboxServer;
using sandbox::Seeds;
using State = LiveStatus::State;

namespace {

QMutex logMutex;
QStringList logLines;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker locker(&logMutex);
    logLines << QString::fromLatin1(context.category ? context.category : "") + QStringLiteral(": ")
            + message;
}

QLoggingCategory::CategoryFilter previousFilter = nullptr;

// Every ld.* line on, debug included, whatever QT_LOGGING_RULES says.
void enableLdDebug(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (qstrncmp(category->categoryName(), "ld.", 3) == 0) {
        category->setEnabled(QtDebugMsg, true);
        category->setEnabled(QtInfoMsg, true);
    }
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TstLiveEvents : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Workspace> m_ws;

    static QString primary() { return Seeds::primaryAccountId(); }
    LiveEvents *live() const { return m_ws->live(); }

    // POSTs to /v2/webhooks itself: webhooks created.
    int created() const
    {
        int n = 0;
        for (const sandbox::RecordedRequest &r : m_server->requests())
            n += r.method == "POST" && r.path == QLatin1String("/v2/webhooks") ? 1 : 0;
        return n;
    }
    int webhookRequests() const { return m_server->requestCount(QStringLiteral("/v2/webhooks")); }
    int listInboxCalls() const
    {
        return m_server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("list_inbox"));
    }
    // The account's hosted webhook as the sandbox lists it.
    Webhook webhookOf(const QString &accountId) const
    {
        WebhooksService service(m_ws->client());
        ApiCall *call = service.list(accountId);
        QSignalSpy done(call, &ApiCall::done);
        if (!done.wait(10000))
            return {};
        const QList<Webhook> list = decodeWebhookList(call->data()).value;
        const Webhook *w = WebhookEnsurer::choose(list, accountId);
        return w ? *w : Webhook();
    }
    int stopsOf(const QString &webhookId) const
    {
        return m_server->requestCount(
            QStringLiteral("/v2/webhooks/") + webhookId + QStringLiteral("/stop"));
    }

    void startLive(const QString &accountId)
    {
        live()->setMonitored(accountId, true);
        live()->start(m_server->apiKey());
        QTRY_COMPARE_WITH_TIMEOUT(live()->status(accountId).state, State::Live, 10000);
    }
    // The first gap fill after `count` caught-ups of the account so far.
    static void waitCaughtUp(QSignalSpy &spy, int count)
    {
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= count, 10000);
    }
    void refreshInbox(const QString &accountId, int count = 25)
    {
        QSignalSpy refreshed(m_ws->inboxSync(), &InboxSync::inboxRefreshed);
        m_ws->inboxSync()->refreshInbox(accountId, count);
        QVERIFY(refreshed.wait(10000));
    }
    void message(const QString &accountId, const QString &name, const QString &profileUrl,
        const QString &text)
    {
        m_server->emitEvent(accountId, QStringLiteral("message"),
            json({ { QStringLiteral("sender_name"), name },
                { QStringLiteral("sender_profile"), profileUrl },
                { QStringLiteral("message_text"), text } }));
    }

private Q_SLOTS:
    void init();
    void cleanup();

    void monitoringOnMakesOneWebhookAndStreams();
    void mostRecentlyActiveAccountsAreStreamed();
    void messageUpdatesTheRowOnce();
    void messageForAnUncachedConversationRefreshesOnce();
    void acceptedInvitationMovesThePerson();
    void disconnectionAsksForSigningIn();
    void monitoringOffStopsTheWebhookAndTheStream();
    void monitoringOffWhileStoppedStopsAtTheNextStart();
    void retentionExceededRefreshesTheAccount();
    void apiKeyNeverLogged();
};

void TstLiveEvents::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_ws = std::make_unique<Workspace>(Profile::open(m_dir->path()));
    QVERIFY2(m_ws->open(), qPrintable(m_ws->errorString()));
    m_ws->settings()->setBaseUrl(m_server->baseUrl());
    QCOMPARE(m_ws->client()->baseUrl(), m_server->baseUrl());
    m_ws->client()->setApiKey(m_server->apiKey());
    m_ws->client()->setRetryTiming(RetryTiming { 1, 5, 5, 3 });
    EventStreamSettings fast;
    fast.backoffBaseMs = 20;
    fast.backoffCapMs = 200;
    fast.pollMinMs = 60000; // no polls unless a stream is down
    fast.pollMaxMs = 60000;
    fast.apiRetry.baseMs = 20;
    fast.apiRetry.capMs = 100;
    // A gap fill reads a minute before the cursor, so that a slow run still reads again the
    // events that the de-duplication tests need repeated.
    fast.overlapMs = 60000;
    live()->setStreamSettings(fast);
}

void TstLiveEvents::cleanup()
{
    m_ws.reset(); // stops the worker before the server goes
    m_server.reset();
    m_dir.reset();
}

void TstLiveEvents::monitoringOnMakesOneWebhookAndStreams()
{
    QSignalSpy monitoring(live(), &LiveEvents::monitoringChanged);
    live()->setMonitored(primary(), true);
    live()->setMonitored(primary(), true); // already on
    QCOMPARE(monitoring.count(), 1);
    QVERIFY(live()->isMonitored(primary()));
    QVERIFY(m_ws->settings()->liveMonitoring(primary()));
    QCOMPARE(live()->monitoredAccounts(), QStringList { primary() });
    QCOMPARE(live()->status(primary()).state, State::Stopped);
    QCOMPARE(webhookRequests(), 0); // nothing is sent (or billed) before start()
    QVERIFY(!live()->isRunning());

    live()->start(m_server->apiKey());
    QVERIFY(live()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(live()->status(primary()).state, State::Live, 10000);
    QCOMPARE(created(), 1);
    QCOMPARE(m_server->openStreamCount(), 1);
    const Webhook hook = webhookOf(primary());
    QVERIFY(hook.isHosted() && hook.monitoring);

    // Started again with the same key: nothing happens. After a stop, the webhook is reused.
    live()->start(m_server->apiKey());
    QCOMPARE(m_server->openStreamCount(), 1);
    live()->stop();
    QVERIFY(!live()->isRunning());
    QTRY_COMPARE(m_server->openStreamCount(), 0);
    QCOMPARE(live()->status(primary()).state, State::Stopped);
    QVERIFY(live()->isMonitored(primary())); // the choice stays
    live()->start(m_server->apiKey());
    QTRY_COMPARE_WITH_TIMEOUT(live()->status(primary()).state, State::Live, 10000);
    QCOMPARE(created(), 1);
    QCOMPARE(webhookOf(primary()).id, hook.id);

    // The choice outlives the workspace: a new one reads it from the profile's settings.
    m_ws.reset();
    m_ws = std::make_unique<Workspace>(Profile::open(m_dir->path()));
    QVERIFY(m_ws->open());
    QCOMPARE(live()->monitoredAccounts(), QStringList { primary() });
}

void TstLiveEvents::mostRecentlyActiveAccountsAreStreamed()
{
    const QString second = Seeds::accountIds().at(1);
    EventStreamSettings one;
    one.maxStreamedAccounts = 1;
    one.pollMinMs = 60000;
    one.pollMaxMs = 60000;
    live()->setStreamSettings(one);
    live()->setMonitored(primary(), true);
    live()->setMonitored(second, true);
    // Only the second account has conversations cached: it is the one active most recently.
    refreshInbox(second, 5);
    QCOMPARE(live()->monitoredAccounts(), (QStringList { second, primary() }));

    live()->start(m_server->apiKey());
    QTRY_COMPARE_WITH_TIMEOUT(live()->status(second).state, State::Live, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(live()->status(primary()).state, State::Polling, 10000);
    QCOMPARE(m_server->openStreamCount(), 1);
    QCOMPARE(created(), 2);
}

void TstLiveEvents::messageUpdatesTheRowOnce()
{
    refreshInbox(primary(), 5);
    InboxModel model(m_ws->conversations());
    QVERIFY(model.rowCount() >= 2);
    // The oldest conversation shown, so that the message has to move it to the top.
    const int last = model.rowCount() - 1;
    const qint64 key = model.keyAt(last);
    const ConversationRow before = *m_ws->conversations()->row(key);
    const int messagesBefore = m_ws->conversations()->messageCount(key);
    QVERIFY(!before.conversation.participant.profileUrl.isEmpty());

    QSignalSpy caughtUp(live(), &LiveEvents::caughtUp);
    QSignalSpy arrived(live(), &LiveEvents::eventArrived);
    startLive(primary());
    waitCaughtUp(caughtUp, 1);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    const QString text = QStringLiteral("Live: are you free at 3?");
    message(primary(), before.conversation.participant.name,
        before.conversation.participant.profileUrl, text);

    QTRY_COMPARE_WITH_TIMEOUT(model.keyAt(0), key, 5000);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(model.data(model.index(0), InboxModel::LastTextRole).toString(), text);
    QCOMPARE(model.data(model.index(0), InboxModel::UnreadCountRole).toInt(),
        before.conversation.unread + 1);
    QVERIFY(model.data(model.index(0), InboxModel::UnreadRole).toBool());
    QCOMPARE(m_ws->conversations()->messageCount(key), messagesBefore + 1);
    QCOMPARE(arrived.count(), 1);
    QCOMPARE(m_ws->liveEvents()->count(), 1);
    const qint64 eventRow = arrived.at(0).at(0).toLongLong();
    QCOMPARE(m_ws->liveEvents()->row(eventRow)->text, text);
    QVERIFY(m_ws->liveEvents()->row(eventRow)->eventId.isEmpty()); // from the stream: no id

    // The stream drops; the gap fill after the reconnect reads the event again.
    const int fills = int(caughtUp.count());
    m_server->injectFault(SandboxServer::Fault::DropStreams, 0);
    waitCaughtUp(caughtUp, fills + 1);
    QTRY_COMPARE_WITH_TIMEOUT(live()->status(primary()).state, State::Live, 10000);
    // A restart forgets what the worker remembered: the store alone refuses the repeat, and
    // takes the event id the poll brought.
    live()->stop();
    caughtUp.clear();
    live()->start(m_server->apiKey());
    waitCaughtUp(caughtUp, 1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_ws->liveEvents()->row(eventRow)->eventId.isEmpty(), 5000);

    QCOMPARE(arrived.count(), 1);
    QCOMPARE(m_ws->liveEvents()->count(), 1);
    QCOMPARE(m_ws->conversations()->row(key)->conversation.unread, before.conversation.unread + 1);
    QCOMPARE(m_ws->conversations()->messageCount(key), messagesBefore + 1);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(model.keyAt(0), key);

    // Opening the conversation reads the message again, with its id: still one message.
    QSignalSpy loaded(m_ws->inboxSync(), &InboxSync::conversationLoaded);
    m_ws->inboxSync()->loadConversation(key, 50);
    QVERIFY(loaded.wait(10000));
    const int read = loaded.at(0).at(1).toInt();
    QVERIFY(read > 1 && read < 50);
    QCOMPARE(m_ws->conversations()->messageCount(key), read);
    QCOMPARE(m_ws->conversations()->messages(key, 1).value(0).text, text);
    QVERIFY(!m_ws->conversations()->messages(key, 1).value(0).id.isEmpty());
}

void TstLiveEvents::messageForAnUncachedConversationRefreshesOnce()
{
    refreshInbox(primary(), 5);
    startLive(primary());
    const int calls = listInboxCalls();
    QSignalSpy refreshed(m_ws->inboxSync(), &InboxSync::inboxRefreshed);
    const QString url = QStringLiteral("https://www.linkedin.com/in/nova-live");
    message(primary(), QStringLiteral("Nova Live"), url, QStringLiteral("We have not met yet"));

    QVERIFY(refreshed.wait(10000));
    QCOMPARE(listInboxCalls(), calls + 1);
    QCOMPARE(refreshed.at(0).at(0).toString(), primary());
    const QList<ConversationRow> top = m_ws->conversations()->page(InboxFilter(), 1);
    QCOMPARE(top.size(), 1);
    QCOMPARE(top.first().conversation.lastText, QStringLiteral("We have not met yet"));
    QCOMPARE(top.first().conversation.participant.name, QStringLiteral("Nova Live"));

    // Cached now: the next message from the same person updates the row without a request.
    QSignalSpy arrived(live(), &LiveEvents::eventArrived);
    message(primary(), QStringLiteral("Nova Live"), url, QStringLiteral("Hello again"));
    QVERIFY(arrived.wait(10000));
    QCOMPARE(m_ws->conversations()->row(top.first().key)->conversation.lastText,
        QStringLiteral("Hello again"));
    QCOMPARE(listInboxCalls(), calls + 1);
    QCOMPARE(refreshed.count(), 1);
}

void TstLiveEvents::acceptedInvitationMovesThePerson()
{
    NetworkRepository *network = m_ws->network();
    QSignalSpy listed(m_ws->networkSync(), &NetworkSync::refreshed);
    m_ws->networkSync()->refresh(primary(), NetworkSync::List::Sent);
    QVERIFY(listed.wait(10000));
    const QList<StoredInvitation> sent
        = network->invitations(StoredInvitation::Direction::Sent, { primary() });
    QVERIFY(!sent.isEmpty());
    const StoredInvitation invitation = sent.first();
    const QString url = invitation.person.profileUrl;
    QVERIFY(!network->isConnected(primary(), url));

    startLive(primary());
    QSignalSpy arrived(live(), &LiveEvents::eventArrived);
    // The nested form of an integration's sample (§9.10), in another spelling of the URL.
    m_server->emitEvent(primary(), QStringLiteral("accepted_invitation"),
        json({ { QStringLiteral("data"),
            QJsonObject { { QStringLiteral("profile_url"), url + QStringLiteral("?trk=x") },
                { QStringLiteral("first_name"), invitation.person.firstName },
                { QStringLiteral("last_name"), invitation.person.lastName } } } }));
    QVERIFY(arrived.wait(10000));

    QVERIFY(!network->findByPerson(primary(), StoredInvitation::Direction::Sent, url));
    QCOMPARE(
        network->invitationCount(StoredInvitation::Direction::Sent, primary()), sent.size() - 1);
    QVERIFY(network->isConnected(primary(), url));
    const QList<StoredConnection> connections = network->connections(primary());
    QCOMPARE(connections.size(), 1);
    QCOMPARE(connections.first().connection.name, invitation.person.fullName());
    QCOMPARE(connections.first().connection.jobTitle, invitation.person.headline);
}

void TstLiveEvents::disconnectionAsksForSigningIn()
{
    QSignalSpy refreshed(m_ws->accountsSync(), &AccountsSync::refreshed);
    m_ws->accountsSync()->refreshAll();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(m_ws->accounts()->find(primary())->status, Account::Status::Active);
    startLive(primary());
    QSignalSpy changed(m_ws->accounts(), &AccountRepository::accountsChanged);
    m_server->emitEvent(primary(), QStringLiteral("disconnection"), "{}");
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.at(0).at(0).toStringList(), QStringList { primary() });
    const Account account = *m_ws->accounts()->find(primary());
    QCOMPARE(account.status, Account::Status::Disconnected);
    QVERIFY(!account.isActive);
    // The server says the same when asked (free: GET /v2/accounts/{id}).
    QSignalSpy reread(m_ws->accountsSync(), &AccountsSync::accountRefreshed);
    m_ws->accountsSync()->refreshAccount(primary());
    QVERIFY(reread.wait(10000));
    QVERIFY(!m_ws->accounts()->find(primary())->isActive);
}

void TstLiveEvents::monitoringOffStopsTheWebhookAndTheStream()
{
    startLive(primary());
    const Webhook hook = webhookOf(primary());
    QVERIFY(hook.monitoring);
    QSignalSpy statuses(live(), &LiveEvents::statusChanged);

    live()->setMonitored(primary(), false);
    QVERIFY(!m_ws->settings()->liveMonitoring(primary()));
    QCOMPARE(live()->status(primary()).state, State::Stopped);
    QCOMPARE(statuses.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(stopsOf(hook.id), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openStreamCount(), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!webhookOf(primary()).monitoring, 10000); // billing stopped
    QVERIFY(live()->isRunning()); // the other accounts (none here) would go on

    // The worker's own Stopped, reported before its stream closed, says nothing new.
    QCOMPARE(statuses.count(), 1);

    // On again: the same webhook, started again.
    live()->setMonitored(primary(), true);
    QTRY_COMPARE_WITH_TIMEOUT(live()->status(primary()).state, State::Live, 10000);
    QCOMPARE(created(), 1);
    QVERIFY(webhookOf(primary()).monitoring);
}

void TstLiveEvents::monitoringOffWhileStoppedStopsAtTheNextStart()
{
    startLive(primary());
    const QString hook = webhookOf(primary()).id;
    live()->stop();
    const int requests = webhookRequests();
    live()->setMonitored(primary(), false);
    QCOMPARE(webhookRequests(), requests); // nothing is sent while stopped
    QCOMPARE(stopsOf(hook), 0);

    live()->start(m_server->apiKey());
    QTRY_COMPARE_WITH_TIMEOUT(stopsOf(hook), 1, 10000);
    QVERIFY(!webhookOf(primary()).monitoring);
    QCOMPARE(m_server->openStreamCount(), 0);
}

void TstLiveEvents::retentionExceededRefreshesTheAccount()
{
    // A webhook whose kept cursor is older than the server keeps events (24 h).
    WebhooksService service(m_ws->client());
    ApiCall *create = service.create(primary(), WebhookSettings());
    QSignalSpy createdSpy(create, &ApiCall::done);
    QVERIFY(createdSpy.wait(10000));
    const QString hook = Webhook::fromJson(create->data()).value.id;
    QVERIFY(!hook.isEmpty());
    QVERIFY(m_ws->liveEvents()->advanceCursor(
        hook, primary(), QDateTime::currentDateTimeUtc().addSecs(-25 * 3600)));

    QSignalSpy exceeded(live(), &LiveEvents::retentionExceeded);
    QSignalSpy refreshed(m_ws->inboxSync(), &InboxSync::inboxRefreshed);
    QSignalSpy listed(m_ws->networkSync(), &NetworkSync::refreshed);
    startLive(primary());
    QVERIFY(exceeded.count() == 1 || exceeded.wait(10000));
    QCOMPARE(exceeded.at(0).at(0).toString(), primary());
    QCOMPARE(created(), 1); // the webhook that was there
    QVERIFY(refreshed.count() == 1 || refreshed.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 2, 10000);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/network"), QStringLiteral("list_sent")), 1);
    QCOMPARE(
        m_server->requestCount(QStringLiteral("/v2/network"), QStringLiteral("list_invitations")),
        1);
}

void TstLiveEvents::apiKeyNeverLogged()
{
    const QString secret = QStringLiteral("sk-live-4b1d9e07c3a2f568-SECRET");
    m_server->setApiKey(secret);
    m_ws->client()->setApiKey(secret);
    {
        QMutexLocker locker(&logMutex);
        logLines.clear();
    }
    previousFilter = QLoggingCategory::installFilter(enableLdDebug);
    const QtMessageHandler previousHandler = qInstallMessageHandler(captureMessage);
    auto restore = qScopeGuard([&] {
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::installFilter(previousFilter);
        previousFilter = nullptr;
    });

    // Created, streamed, an event, a drop and a reconnect, stopped by turning it off.
    QSignalSpy arrived(live(), &LiveEvents::eventArrived);
    startLive(primary());
    message(primary(), QStringLiteral("Tess"), {}, QStringLiteral("Secret-free"));
    QVERIFY(arrived.wait(10000));
    m_server->injectFault(SandboxServer::Fault::DropStreams, 0);
    QTRY_COMPARE_WITH_TIMEOUT(live()->status(primary()).state, State::Live, 10000);
    const QString hook = webhookOf(primary()).id;
    live()->setMonitored(primary(), false);
    QTRY_COMPARE_WITH_TIMEOUT(stopsOf(hook), 1, 10000);
    live()->stop();
    restore.dismiss();
    qInstallMessageHandler(previousHandler);
    QLoggingCategory::installFilter(previousFilter);
    previousFilter = nullptr;

    QMutexLocker locker(&logMutex);
    bool stopLogged = false;
    for (const QString &line : std::as_const(logLines)) {
        QVERIFY2(
            !line.contains(secret) && !line.contains(QLatin1String("api_key=")), qPrintable(line));
        stopLogged = stopLogged || line.contains(QLatin1String("stopping webhook"));
    }
    QVERIFY2(stopLogged, "the capture saw the lines of LiveEvents");
}

QTEST_GUILESS_MAIN(TstLiveEvents)
#include "tst_liveevents.moc"
