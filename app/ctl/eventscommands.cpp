// events tail --account ID: makes sure the account has a hosted webhook that is monitoring, then
// follows its events (the SSE stream, with a gap fill after every connect) until SIGINT or
// SIGTERM. stdout carries one JSON line per event and nothing else; notices go to stderr.
//
// Each line is the event wrapper as LinkUp sends it (contract §9.10): {account_id,
// account_name, event{type,...}, timestamp}, plus event_id when the event first arrived through
// the polling endpoint (stream frames carry no id). Every event goes through the profile's
// LiveEventRepository first, which keys it by content and by event id: an event seen on the
// stream and again in a gap fill, or again by a later run, is printed once. The webhook's
// cursor is kept in the same store, so a run continues where the last one stopped.
//
// LINKUPCTL_TEST_FAST_LIVE=1 (for tests only) shortens the reconnect back-off and the REST
// retries to tens of milliseconds.
#include "commands.h"
#include "session.h"
#include "webhookoutput.h"

#include "api/apiclient.h"
#include "domain/webhook.h"
#include "live/eventstream.h"
#include "live/webhookensurer.h"
#include "services/webhooksservice.h"
#include "store/liveeventrepository.h"
#include "sync/liveevents.h"

#include <QThread>

namespace ld::ctl {

namespace {

EventStreamSettings streamSettings()
{
    EventStreamSettings settings;
    if (qEnvironmentVariableIntValue("LINKUPCTL_TEST_FAST_LIVE") > 0) {
        settings.backoffBaseMs = 20;
        settings.backoffCapMs = 200;
        settings.apiRetry.baseMs = 20;
        settings.apiRetry.capMs = 100;
    }
    return settings;
}

QJsonObject eventLine(const LiveEvent &event, const QString &eventId)
{
    QJsonObject line { { QStringLiteral("account_id"), event.accountId },
        { QStringLiteral("event"), event.inner } };
    if (!event.accountName.isEmpty())
        line.insert(QStringLiteral("account_name"), event.accountName);
    if (!event.emittedAtText.isEmpty())
        line.insert(QStringLiteral("timestamp"), event.emittedAtText);
    if (!eventId.isEmpty())
        line.insert(QStringLiteral("event_id"), eventId);
    return line;
}

// The account's hosted webhook, made sure of: ExitOk, or the exit code after the error line.
int ensureWebhook(const Session &session, const QString &accountId, Webhook *webhook)
{
    WebhooksService service(session.workspace()->client());
    WebhookEnsurer ensurer(&service);
    bool done = false;
    ApiError failure;
    QObject::connect(&ensurer, &WebhookEnsurer::ready, &ensurer,
        [&](const QString &, const Webhook &w, bool created, bool started) {
            *webhook = w;
            if (created)
                printInfo(QStringLiteral("created hosted webhook %1 for account %2")
                              .arg(w.id, accountId));
            else if (started)
                printInfo(QStringLiteral("started webhook %1").arg(w.id));
            done = true;
        });
    QObject::connect(
        &ensurer, &WebhookEnsurer::failed, &ensurer, [&](const QString &, const ApiError &error) {
            failure = error;
            done = true;
        });
    printInfo(QStringLiteral("making sure account %1 has a hosted webhook that is monitoring")
                  .arg(accountId));
    ensurer.ensure(accountId);
    if (!waitUntilAny(
            &ensurer, [&] { return done; }, &WebhookEnsurer::ready, &WebhookEnsurer::failed))
        return fail(QStringLiteral("interrupted"));
    if (failure.isError())
        return session.apiFailure(failure);
    return ExitOk;
}

} // namespace

int eventsTail(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, { QStringLiteral("--account") }, {}, &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()));
    const QString accountId = parsed.value(QStringLiteral("--account"));
    if (accountId.isEmpty())
        return usageError(QStringLiteral("events tail needs --account ID"));

    Session session(options);
    if (const int rc = session.open())
        return rc;
    Workspace *ws = session.workspace();
    Webhook webhook;
    if (const int rc = ensureWebhook(session, accountId, &webhook))
        return rc;
    printMonitoringCost(accountId, webhook.id);

    // The worker runs in its own thread with its own client (eventstream.h's contract); its
    // signals arrive here queued, in the order it emitted them, so a cursor is stored only
    // after the events it covers have been recorded and printed.
    LiveEventRepository *store = ws->liveEvents();
    QThread thread;
    thread.setObjectName(QStringLiteral("ld-live"));
    auto *stream = new EventStream(ws->client()->baseUrl(), session.apiKey(), streamSettings());
    stream->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, stream, &QObject::deleteLater);
    QObject receiver; // the connections end with this command
    QObject::connect(stream, &EventStream::eventReceived, &receiver,
        [store](const LiveEvent &event, const QString &eventId, const QByteArray &contentKey,
            const QString &webhookId) {
            if (store->record(event, eventId, contentKey, webhookId, !eventId.isEmpty()) == 0)
                return; // printed already, by this run or an earlier one
            printJson(eventLine(event, eventId));
        });
    QObject::connect(stream, &EventStream::cursorAdvanced, &receiver,
        [store](const QString &account, const QString &webhookId, const QDateTime &cursor) {
            store->advanceCursor(webhookId, account, cursor);
        });
    QObject::connect(stream, &EventStream::statusChanged, &receiver,
        [](const QString &account, const LiveStatus &status) {
            printInfo(QStringLiteral("account %1: %2").arg(account, status.text()));
        });
    QObject::connect(
        stream, &EventStream::retentionExceeded, &receiver, [](const QString &account) {
            printInfo(QStringLiteral("account %1: the last run ended longer ago than the server "
                                     "keeps events (24 h): events of that gap may be missing")
                          .arg(account));
        });
    thread.start();
    const WatchedAccount watched { accountId, webhook.id, store->cursor(webhook.id) };
    QMetaObject::invokeMethod(
        stream, [stream, watched] { stream->setAccounts({ watched }); }, Qt::QueuedConnection);

    if (!SignalWatcher::wasSignalled()) {
        QEventLoop loop;
        if (SignalWatcher *w = SignalWatcher::instance())
            QObject::connect(w, &SignalWatcher::signalled, &loop, &QEventLoop::quit);
        loop.exec();
    }

    QMetaObject::invokeMethod(stream, "stop", Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait(); // finished() has deleted the worker on its thread
    printInfo(QStringLiteral("stopped following account %1; its webhook still monitors it (about "
                             "%2 credits a day): linkupctl webhooks stop %3")
                  .arg(accountId)
                  .arg(LiveEvents::CreditsPerAccountPerDay)
                  .arg(webhook.id));
    return ExitOk;
}

} // namespace ld::ctl
