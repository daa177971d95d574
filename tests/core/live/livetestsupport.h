#pragma once
// Shared by the EventStream tests: a sandbox with hosted webhooks, the worker in a real QThread
// driven only by queued calls, and a main-thread collector of what it reports (queued signals,
// as the app receives them). Waits are on conditions (QTRY_*), never fixed sleeps.
#include "api/apiclient.h"
#include "domain/webhook.h"
#include "live/eventstream.h"
#include "sandbox/sandboxserver.h"
#include "services/webhooksservice.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

struct Received
{
    ld::LiveEvent event;
    QString eventId;
    QByteArray contentKey;
    QString webhookId;
};

// Lives on the test's thread: the worker's signals reach it queued.
class Collector : public QObject
{
    Q_OBJECT
public:
    QList<Received> events;
    QHash<QString, QList<ld::LiveStatus>> statuses;
    QHash<QString, QDateTime> cursors;
    QStringList retentionExceeded;
    QHash<QString, int> caughtUp;

    ld::LiveStatus last(const QString &accountId) const
    {
        const QList<ld::LiveStatus> list = statuses.value(accountId);
        return list.isEmpty() ? ld::LiveStatus() : list.constLast();
    }
    bool isState(const QString &accountId, ld::LiveStatus::State state) const
    {
        return last(accountId).state == state;
    }
    // The first status of `state` at or after index `from`, or -1.
    int find(const QString &accountId, ld::LiveStatus::State state, int from = 0) const
    {
        const QList<ld::LiveStatus> list = statuses.value(accountId);
        for (int i = qMax(0, from); i < list.size(); ++i)
            if (list.at(i).state == state)
                return i;
        return -1;
    }
    int countText(const QString &text) const
    {
        int n = 0;
        for (const Received &r : events)
            n += r.event.text == text ? 1 : 0;
        return n;
    }

public Q_SLOTS:
    void onEvent(const ld::LiveEvent &event, const QString &eventId, const QByteArray &key,
        const QString &webhookId)
    {
        events.append({ event, eventId, key, webhookId });
    }
    void onStatus(const QString &accountId, const ld::LiveStatus &status)
    {
        statuses[accountId].append(status);
    }
    void onCursor(const QString &accountId, const QString &, const QDateTime &cursor)
    {
        cursors.insert(accountId, cursor);
    }
    void onRetention(const QString &accountId) { retentionExceeded.append(accountId); }
    void onCaughtUp(const QString &accountId) { ++caughtUp[accountId]; }
};

// The sandbox, a main-thread client to set webhooks up, and one worker at a time.
class LiveFixture
{
public:
    std::unique_ptr<ld::sandbox::SandboxServer> sandbox;
    std::unique_ptr<ld::ApiClient> client;
    std::unique_ptr<ld::WebhooksService> service;
    std::unique_ptr<Collector> collector;
    QThread *thread = nullptr;
    QPointer<ld::EventStream> stream;

    bool setUp()
    {
        sandbox = std::make_unique<ld::sandbox::SandboxServer>();
        if (!sandbox->listen())
            return false;
        client = std::make_unique<ld::ApiClient>();
        client->setBaseUrl(sandbox->baseUrl());
        client->setApiKey(sandbox->apiKey());
        service = std::make_unique<ld::WebhooksService>(client.get());
        collector = std::make_unique<Collector>();
        return true;
    }
    void tearDown()
    {
        stopWorker();
        collector.reset();
        service.reset();
        client.reset();
        sandbox.reset();
    }

    // Test timings: quick back-off, polls far away unless a test wants them.
    static ld::EventStreamSettings fastSettings()
    {
        ld::EventStreamSettings s;
        s.backoffBaseMs = 20;
        s.backoffCapMs = 200;
        s.pollMinMs = 60000;
        s.pollMaxMs = 60000;
        s.apiRetry.baseMs = 20;
        s.apiRetry.capMs = 100;
        return s;
    }

    ld::ApiCall *wait(ld::ApiCall *call) const
    {
        QEventLoop loop;
        QObject::connect(call, &ld::ApiCall::done, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit); // safety net only
        loop.exec();
        return call;
    }

    // A new hosted webhook of the account; empty when the sandbox refused it.
    QString hostedWebhook(const QString &accountId)
    {
        QString id;
        ld::ApiCall *call = service->create(accountId, ld::WebhookSettings());
        QObject::connect(call, &ld::ApiCall::finished, call,
            [&id, call] { id = ld::Webhook::fromJson(call->data()).value.id; });
        wait(call);
        return id;
    }

    // Every active account of the sandbox with a new hosted webhook each: (account, webhook).
    QList<ld::WatchedAccount> watchEveryActiveAccount()
    {
        QStringList ids;
        ld::ApiCall *call = client->get(QStringLiteral("/v2/accounts"),
            QUrlQuery { { QStringLiteral("limit"), QStringLiteral("500") } });
        QObject::connect(call, &ld::ApiCall::finished, call, [&ids, call] {
            const QJsonArray items
                = call->data().toObject().value(QStringLiteral("items")).toArray();
            for (const QJsonValue &item : items)
                if (item.toObject().value(QStringLiteral("is_active")).toBool())
                    ids << item.toObject().value(QStringLiteral("account_id")).toString();
        });
        wait(call);
        QList<ld::WatchedAccount> watched;
        for (const QString &id : std::as_const(ids))
            watched.append({ id, hostedWebhook(id), {} });
        return watched;
    }

    // The stored events of a webhook after `since`, as the sandbox answers them.
    int storedCount(const QString &webhookId, const QDateTime &since)
    {
        int count = -1;
        ld::ApiCall *call = service->events(webhookId, since, ld::WebhooksService::MaxPollLimit);
        QObject::connect(call, &ld::ApiCall::finished, call,
            [&count, call] { count = ld::decodePolledEvents(call->data()).value.itemCount; });
        wait(call);
        return count;
    }

    void emitMessage(const QString &accountId, int n)
    {
        sandbox->emitEvent(accountId, QStringLiteral("message"),
            QJsonDocument(QJsonObject { { QStringLiteral("sender_name"), QStringLiteral("Tess") },
                              { QStringLiteral("message_text"), text(n) } })
                .toJson(QJsonDocument::Compact));
    }
    static QString text(int n) { return QStringLiteral("event #%1").arg(n); }

    // The sandbox's key and address unless given.
    void startWorker(const ld::EventStreamSettings &settings,
        const QList<ld::WatchedAccount> &accounts, const QString &apiKey = {},
        const QUrl &baseUrl = {})
    {
        stream = new ld::EventStream(baseUrl.isEmpty() ? sandbox->baseUrl() : baseUrl,
            apiKey.isEmpty() ? sandbox->apiKey() : apiKey, settings);
        thread = new QThread;
        stream->moveToThread(thread);
        QObject::connect(thread, &QThread::finished, stream, &QObject::deleteLater);
        Collector *c = collector.get();
        QObject::connect(stream, &ld::EventStream::eventReceived, c, &Collector::onEvent);
        QObject::connect(stream, &ld::EventStream::statusChanged, c, &Collector::onStatus);
        QObject::connect(stream, &ld::EventStream::cursorAdvanced, c, &Collector::onCursor);
        QObject::connect(stream, &ld::EventStream::retentionExceeded, c, &Collector::onRetention);
        QObject::connect(stream, &ld::EventStream::caughtUp, c, &Collector::onCaughtUp);
        thread->start();
        setAccounts(accounts);
    }
    // By name, as a queued call: proves that the argument type is registered.
    void setAccounts(const QList<ld::WatchedAccount> &accounts)
    {
        QMetaObject::invokeMethod(stream, "setAccounts", Qt::QueuedConnection,
            Q_ARG(QList<ld::WatchedAccount>, accounts));
    }
    void stopWorker()
    {
        if (!thread)
            return;
        if (stream)
            QMetaObject::invokeMethod(stream, "stop", Qt::BlockingQueuedConnection);
        thread->quit();
        thread->wait();
        delete thread;
        thread = nullptr;
        QCoreApplication::processEvents(); // the statuses stop() queued
    }
};
