#pragma once
// Shared by the inbox tests of core/sync: the sandbox in this process, a profile database on
// disk (so a second process can share it), and the real client, services, stores and outbox.
#include "api/apiclient.h"
#include "sandbox/sandboxserver.h"
#include "services/messagesservice.h"
#include "store/conversationrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "support/appsettings.h"
#include "sync/inboxsync.h"
#include "sync/outbox.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

class InboxFixture
{
public:
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<ld::sandbox::SandboxServer> server;
    std::unique_ptr<ld::Database> db;
    std::unique_ptr<ld::OutboxRepository> items;
    std::unique_ptr<ld::ConversationRepository> conversations;
    std::unique_ptr<ld::AppSettings> settings;
    std::unique_ptr<ld::ApiClient> client;
    std::unique_ptr<ld::MessagesService> messages;
    std::unique_ptr<ld::Outbox> outbox;
    std::unique_ptr<ld::InboxSync> sync;

    QString account() const { return ld::sandbox::Seeds::primaryAccountId(); }
    QString databasePath() const { return dir->filePath(QStringLiteral("profile.sqlite")); }
    int sendRequests() const
    {
        return server->requestCount(QStringLiteral("/v2/messages"), QStringLiteral("send"));
    }

    // Returns false (after a failed QVERIFY) when something could not be set up.
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
        conversations = std::make_unique<ld::ConversationRepository>(db.get());
        settings = std::make_unique<ld::AppSettings>(dir->filePath(QStringLiteral("settings.ini")));
        client = std::make_unique<ld::ApiClient>();
        if (client->setBaseUrl(server->baseUrl()).isError())
            return false;
        client->setApiKey(ld::sandbox::Seeds::apiKey());
        client->setRetryTiming(ld::RetryTiming { 1, 5, 5, 3 }); // retries stay, waits shrink
        messages = std::make_unique<ld::MessagesService>(client.get());
        outbox = std::make_unique<ld::Outbox>(
            messages.get(), items.get(), conversations.get(), settings.get());
        outbox->setUndoDelayMs(0);
        sync = std::make_unique<ld::InboxSync>(messages.get(), conversations.get());
        return true;
    }

    void tearDown()
    {
        sync.reset();
        outbox.reset();
        messages.reset();
        client.reset();
        settings.reset();
        conversations.reset();
        items.reset();
        db.reset();
        server.reset();
        dir.reset();
    }

    // The newest conversation of the primary account, read through InboxSync.
    std::optional<ld::ConversationRow> firstConversation()
    {
        QSignalSpy refreshed(sync.get(), &ld::InboxSync::inboxRefreshed);
        sync->refreshInbox(account(), 5);
        if (!refreshed.wait(20000))
            return std::nullopt;
        ld::InboxFilter all;
        all.done = ld::InboxFilter::DoneState::Any;
        all.accountIds = { account() };
        const QList<ld::ConversationRow> rows = conversations->page(all, 1);
        return rows.isEmpty() ? std::nullopt : std::optional<ld::ConversationRow>(rows.first());
    }

    ld::OutboxItem::State state(qint64 id) const
    {
        const std::optional<ld::OutboxItem> item = items->find(id);
        return item ? item->state : ld::OutboxItem::State::Cancelled;
    }
};

Q_DECLARE_METATYPE(ld::OutboxItem::State)
