#pragma once
// The main-thread side of live events (issue 5 item 5; ARCHITECTURE §3 "Live"):
//  - which accounts are monitored: the person's choice per account, kept in the settings,
//    because monitoring costs about 10 credits a day per account (contract §1.9) — turning it on
//    makes sure the account has a hosted webhook that is monitoring (WebhookEnsurer); turning it
//    off stops that webhook (POST /stop), which stops the billing;
//  - the EventStream worker in its own QThread, fed the monitored accounts (most recently active
//    first) with each webhook's cursor from the store, which it keeps current;
//  - each event recorded once (LiveEventRepository), then applied to the caches on this thread:
//    a message updates its conversation row and unread count in place (or, for a conversation
//    not cached yet, refreshes the account's newest conversations: 1 credit), an accepted
//    invitation moves the person from the sent invitations to the connections, a disconnection
//    marks the account for re-authentication;
//  - an outage longer than the server keeps events (24 h): retentionExceeded, then a full
//    refresh of the account's inbox and invitations.
// Nothing is sent and nothing is billed until start() is called with the API key.
#include "api/apierror.h"
#include "live/livetypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>

class QThread;

namespace ld {

class Workspace;
class EventStream;
class WebhookEnsurer;
class WebhooksService;
struct LiveEvent;
struct Webhook;

class LiveEvents : public QObject
{
    Q_OBJECT
public:
    static constexpr int CreditsPerAccountPerDay = 10; // monitoring (contract §1.9), approximate

    explicit LiveEvents(Workspace *workspace, QObject *parent = nullptr);
    ~LiveEvents() override; // stops the worker and waits for its thread

    // Tests shorten the worker's timings; a running worker starts over with them.
    void setStreamSettings(const EventStreamSettings &settings);

    bool isMonitored(const QString &accountId) const;
    QStringList monitoredAccounts() const; // in the order the worker gets them
    // On: remembered at once, the webhook made sure of while running (sends requests). Off:
    // remembered at once, the account's stream closed, its webhook stopped while running.
    void setMonitored(const QString &accountId, bool on);

    // Starts the worker thread on the workspace client's base URL with the monitored accounts,
    // once their webhooks are made sure of (one listing for all, WebhookEnsurer for those to
    // create or start; an account turned off while stopped has its webhook stopped now). A
    // no-op when already running with that key; an empty key leaves it stopped.
    void start(const QString &apiKey);
    void stop(); // closes every stream; the choices stay
    bool isRunning() const;

    LiveStatus status(const QString &accountId) const; // Stopped when not monitored

Q_SIGNALS:
    void monitoringChanged(const QString &accountId, bool on);
    void statusChanged(const QString &accountId, const ld::LiveStatus &status);
    // A new event was recorded and applied (duplicates never get here): notifications and the
    // Live page. `liveEventId` is the LiveEventRepository row.
    void eventArrived(qint64 liveEventId);
    void retentionExceeded(const QString &accountId);
    // A gap fill or poll of the account ended: every event the server held then has been
    // recorded and applied (a message for a conversation not cached may still be refreshing).
    void caughtUp(const QString &accountId);
    // Making sure of a webhook, or stopping one, failed: `error` says why (e.g. no credits).
    void failed(const QString &accountId, const ld::ApiError &error);

private:
    void onEvent(const LiveEvent &event, const QString &eventId, const QByteArray &contentKey,
        const QString &webhookId);
    void applyMessage(const LiveEvent &event);
    void applyAcceptedInvitation(const LiveEvent &event);
    void applyDisconnection(const LiveEvent &event);
    void onRetentionExceeded(const QString &accountId);
    void onListed(quint64 run, const QList<Webhook> &webhooks);
    void onWebhookReady(const QString &accountId, const Webhook &webhook);
    void onEnsureFailed(const QString &accountId, const ApiError &error);
    void setStatus(const QString &accountId, const LiveStatus &status);
    void schedulePush(); // pushAccounts() once the current burst of changes is over
    void pushAccounts(); // the watched set to the worker
    // Stops the account's hosted webhook: the one known, else the one WebhookEnsurer would
    // choose (listed first); later, from start(), when not running.
    void stopWebhook(const QString &accountId);
    void sendStop(const QString &accountId, const QString &webhookId);

    Workspace *m_ws;
    EventStreamSettings m_settings;
    QString m_apiKey;
    std::unique_ptr<QThread> m_thread;
    QPointer<EventStream> m_stream;
    WebhooksService *m_service = nullptr; // on the workspace's client (main thread)
    WebhookEnsurer *m_ensurer = nullptr;
    QHash<QString, QString> m_webhooks; // account → its monitoring hosted webhook
    QHash<QString, LiveStatus> m_status;
    QSet<QString> m_toStop; // turned off while the webhook to stop was not known yet
    quint64 m_run = 0; // each start() and stop(): answers for an earlier run are dropped
    bool m_pushQueued = false;
};

} // namespace ld
