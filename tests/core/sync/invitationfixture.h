#pragma once
// Shared by the invitation queue tests: the sandbox in this process (so it outlives a killed
// child), a profile database on disk (so a second process can share it), the real client,
// network service, stores and queue, and the network cache filled from the sandbox's lists.
#include "api/apicall.h"
#include "api/apiclient.h"
#include "domain/invitation.h"
#include "sandbox/sandboxserver.h"
#include "services/networkservice.h"
#include "store/database.h"
#include "store/networkrepository.h"
#include "store/outboxrepository.h"
#include "store/runrepository.h"
#include "support/appsettings.h"
#include "sync/invitationqueue.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

class InvitationFixture
{
public:
    using Direction = ld::StoredInvitation::Direction;

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<ld::sandbox::SandboxServer> server;
    std::unique_ptr<ld::Database> db;
    std::unique_ptr<ld::OutboxRepository> items;
    std::unique_ptr<ld::NetworkRepository> cache;
    std::unique_ptr<ld::RunRepository> runs;
    std::unique_ptr<ld::AppSettings> settings;
    std::unique_ptr<ld::ApiClient> client;
    std::unique_ptr<ld::NetworkService> network;
    std::unique_ptr<ld::InvitationQueue> queue;

    static constexpr int Wait = 20000;

    QString account() const { return ld::sandbox::Seeds::primaryAccountId(); }
    QString databasePath() const { return dir->filePath(QStringLiteral("profile.sqlite")); }
    int requests(const char *action) const
    {
        return server->requestCount(QStringLiteral("/v2/network"), QLatin1String(action));
    }
    // How many `action` requests carried `value` as their `key` parameter.
    int requestsWith(const char *action, const char *key, const QString &value) const
    {
        int n = 0;
        const QList<ld::sandbox::RecordedRequest> all = server->requests();
        for (const ld::sandbox::RecordedRequest &r : all) {
            if (r.action != QLatin1String(action))
                continue;
            const QJsonObject params = QJsonDocument::fromJson(r.body)
                                           .object()
                                           .value(QStringLiteral("params"))
                                           .toObject();
            n += params.value(QLatin1String(key)).toString() == value ? 1 : 0;
        }
        return n;
    }

    // Returns false when something could not be set up.
    bool setUp()
    {
        dir = std::make_unique<QTemporaryDir>();
        server = std::make_unique<ld::sandbox::SandboxServer>();
        if (!dir->isValid() || !server->listen())
            return false;
        db = std::make_unique<ld::Database>();
        if (!db->open(databasePath()))
            return false;
        items = std::make_unique<ld::OutboxRepository>(db.get());
        cache = std::make_unique<ld::NetworkRepository>(db.get());
        runs = std::make_unique<ld::RunRepository>(db.get());
        settings = std::make_unique<ld::AppSettings>(dir->filePath(QStringLiteral("settings.ini")));
        client = std::make_unique<ld::ApiClient>();
        if (client->setBaseUrl(server->baseUrl()).isError())
            return false;
        client->setApiKey(ld::sandbox::Seeds::apiKey());
        client->setRetryTiming(ld::RetryTiming { 1, 5, 5, 3 }); // retries stay, waits shrink
        network = std::make_unique<ld::NetworkService>(client.get());
        queue = std::make_unique<ld::InvitationQueue>(
            network.get(), cache.get(), items.get(), runs.get(), settings.get());
        return true;
    }

    void tearDown()
    {
        queue.reset();
        network.reset();
        client.reset();
        settings.reset();
        runs.reset();
        cache.reset();
        items.reset();
        db.reset();
        server.reset();
        dir.reset();
    }

    // The data of one call, or an invalid value when it failed.
    QJsonValue call(ld::ApiCall *c)
    {
        QJsonValue data;
        bool ok = false;
        QSignalSpy done(c, &ld::ApiCall::done);
        QObject::connect(c, &ld::ApiCall::done, c, [c, &data, &ok] {
            ok = c->state() == ld::ApiCall::State::Succeeded;
            data = c->data();
        });
        if (!done.wait(Wait) || !ok)
            return {};
        return data;
    }

    // The account's lists as the sandbox has them now, into the cache (one page each: the
    // sandbox's lists are short). The listing requests are then forgotten, so that tests
    // count only what the queue sent.
    bool fillCache()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto received = ld::decodeReceivedInvitations(
            call(network->listInvitations(account(), { 100, 0, {} })));
        const auto sent
            = ld::decodeSentInvitations(call(network->listSent(account(), { 100, 0, {} })));
        const auto connections
            = ld::decodeConnections(call(network->listConnections(account(), { 100, 0, {} })));
        if (!received.ok() || !sent.ok() || !connections.ok() || received.value.hasMore()
            || sent.value.hasMore() || connections.value.hasMore())
            return false;
        const bool stored = cache->replaceReceived(account(), received.value.items, now)
            && cache->replaceSent(account(), sent.value.items, now)
            && cache->replaceConnections(account(), connections.value.items, now);
        server->clearRequests();
        return stored;
    }

    QList<ld::NetworkTask> tasksFor(ld::NetworkAction action, Direction direction) const
    {
        QList<ld::NetworkTask> tasks;
        const QList<ld::StoredInvitation> all = cache->invitations(direction, { account() });
        for (const ld::StoredInvitation &inv : all)
            tasks << ld::NetworkTask::forInvitation(action, inv);
        return tasks;
    }

    ld::RunProgress progress(qint64 runId) const { return queue->progress(runId); }
    bool isOver(qint64 runId) const
    {
        const ld::BulkRun::State s = progress(runId).state;
        return s == ld::BulkRun::State::Finished || s == ld::BulkRun::State::Cancelled;
    }
    ld::OutboxItem::State state(qint64 itemId) const { return items->find(itemId)->state; }
};
