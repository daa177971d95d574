#pragma once
// Shared by the NetworkSync tests: the sandbox over loopback, a profile database, the network
// cache, and the real client, network service and sync; with helpers that read back what the
// sandbox was asked and what the cache holds.
#include "../services/servicecall.h"

#include "domain/invitation.h"
#include "sandbox/sandboxserver.h"
#include "services/networkservice.h"
#include "store/database.h"
#include "store/networkrepository.h"
#include "sync/networksync.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

class NetworkSyncFixture
{
public:
    using List = ld::NetworkSync::List;
    using Direction = ld::StoredInvitation::Direction;

    static constexpr int Wait = 20000;
    // The seeded network of each of the first three sandbox accounts.
    static constexpr int Received = 12;
    static constexpr int Sent = 25;
    static constexpr int Connections = 40;

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<ld::sandbox::SandboxServer> server;
    std::unique_ptr<ld::Database> db;
    std::unique_ptr<ld::NetworkRepository> repository;
    std::unique_ptr<QObject> clientOwner; // sandboxClient() gives the client a parent
    ld::ApiClient *client = nullptr;
    std::unique_ptr<ld::NetworkService> service;
    std::unique_ptr<ld::NetworkSync> sync;

    static QString account() { return ld::sandbox::Seeds::primaryAccountId(); }

    static QString actionOf(List list)
    {
        switch (list) {
        case List::Received:
            return QStringLiteral("list_invitations");
        case List::Sent:
            return QStringLiteral("list_sent");
        case List::Connections:
            break;
        }
        return QStringLiteral("list_connections");
    }

    // Returns false when something could not be set up.
    bool setUp()
    {
        dir = std::make_unique<QTemporaryDir>();
        server = std::make_unique<ld::sandbox::SandboxServer>();
        if (!dir->isValid() || !server->listen())
            return false;
        db = std::make_unique<ld::Database>();
        if (!db->open(dir->filePath(QStringLiteral("profile.sqlite"))))
            return false;
        repository = std::make_unique<ld::NetworkRepository>(db.get());
        clientOwner = std::make_unique<QObject>();
        client = sandboxClient(*server, clientOwner.get());
        if (client->baseUrl() != server->baseUrl())
            return false;
        service = std::make_unique<ld::NetworkService>(client);
        sync = std::make_unique<ld::NetworkSync>(service.get(), repository.get());
        return true;
    }

    void tearDown()
    {
        sync.reset();
        service.reset();
        client = nullptr;
        clientOwner.reset();
        repository.reset();
        db.reset();
        server.reset();
        dir.reset();
    }

    // Refreshes and waits for the end; the refreshed() arguments, or empty after a failure.
    QList<QVariant> refresh(const QString &accountId, List list)
    {
        QSignalSpy refreshed(sync.get(), &ld::NetworkSync::refreshed);
        QSignalSpy failed(sync.get(), &ld::NetworkSync::failed);
        sync->refresh(accountId, list);
        if (!QTest::qWaitFor([&] { return !refreshed.isEmpty() || !failed.isEmpty(); }, Wait))
            return {};
        return refreshed.isEmpty() ? QList<QVariant>() : refreshed.constFirst();
    }

    // The (offset, count) params of each recorded request of `action`, in order.
    QList<QPair<int, int>> pagesRequested(const QString &action) const
    {
        QList<QPair<int, int>> pages;
        const QList<ld::sandbox::RecordedRequest> all = server->requests();
        for (const ld::sandbox::RecordedRequest &r : all) {
            if (r.action != action)
                continue;
            const QJsonObject params = QJsonDocument::fromJson(r.body)
                                           .object()
                                           .value(QStringLiteral("params"))
                                           .toObject();
            pages.append({ params.value(QStringLiteral("offset")).toInt(),
                params.value(QStringLiteral("count")).toInt() });
        }
        return pages;
    }

    // What the cache holds for `list`: entity URNs, or connections' profile URLs.
    QSet<QString> storedKeys(List list, const QString &accountId) const
    {
        QSet<QString> keys;
        if (list == List::Connections) {
            const QList<ld::StoredConnection> all = repository->connections(accountId);
            for (const ld::StoredConnection &c : all)
                keys.insert(c.connection.profileUrl);
            return keys;
        }
        const QList<ld::StoredInvitation> all = repository->invitations(
            list == List::Received ? Direction::Received : Direction::Sent, { accountId });
        for (const ld::StoredInvitation &i : all)
            keys.insert(i.entityUrn);
        return keys;
    }

    // The same list as the sandbox has it now, read in one request (up to 100 per page).
    QSet<QString> serverKeys(List list, const QString &accountId)
    {
        QSet<QString> keys;
        const ld::OffsetQuery all { 100, 0, {} };
        if (list == List::Received) {
            const auto page = ld::decodeReceivedInvitations(
                run(service->listInvitations(accountId, all))->data);
            for (const ld::ReceivedInvitation &i : page.value.items)
                keys.insert(i.entityUrn);
        } else if (list == List::Sent) {
            const auto page
                = ld::decodeSentInvitations(run(service->listSent(accountId, all))->data);
            for (const ld::SentInvitation &i : page.value.items)
                keys.insert(i.entityUrn);
        } else {
            const auto page
                = ld::decodeConnections(run(service->listConnections(accountId, all))->data);
            for (const ld::Connection &c : page.value.items)
                keys.insert(c.profileUrl);
        }
        return keys;
    }
};
