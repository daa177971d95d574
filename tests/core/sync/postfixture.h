#pragma once
// Shared by the post publishing tests of core/sync: the sandbox in this process, a profile
// database on disk (so a second publisher can share it, as a second process would), and the
// real client, content service, drafts, outbox items and publisher.
#include "api/apiclient.h"
#include "domain/post.h"
#include "sandbox/sandboxserver.h"
#include "services/contentservice.h"
#include "store/database.h"
#include "store/draftrepository.h"
#include "store/outboxrepository.h"
#include "support/appsettings.h"
#include "sync/postpublisher.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

class PostFixture
{
public:
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<ld::sandbox::SandboxServer> server;
    std::unique_ptr<ld::Database> db;
    std::unique_ptr<ld::OutboxRepository> items;
    std::unique_ptr<ld::DraftRepository> drafts;
    std::unique_ptr<ld::AppSettings> settings;
    std::unique_ptr<ld::ApiClient> client;
    std::unique_ptr<ld::ContentService> content;
    std::unique_ptr<ld::PostPublisher> publisher;

    QString account() const { return ld::sandbox::Seeds::primaryAccountId(); }
    QString databasePath() const { return dir->filePath(QStringLiteral("profile.sqlite")); }
    // Every create and create_company the sandbox received.
    int createRequests() const
    {
        return server->requestCount(QStringLiteral("/v2/content"), QStringLiteral("create"))
            + server->requestCount(QStringLiteral("/v2/content"), QStringLiteral("create_company"));
    }
    // The body of the last request to /v2/content.
    QJsonObject lastContentBody() const
    {
        const QList<ld::sandbox::RecordedRequest> all = server->requests();
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (it->path.startsWith(QLatin1String("/v2/content")))
                return QJsonDocument::fromJson(it->body).object();
        }
        return {};
    }
    QJsonObject lastParams() const
    {
        return lastContentBody().value(QStringLiteral("params")).toObject();
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
        drafts = std::make_unique<ld::DraftRepository>(db.get());
        settings = std::make_unique<ld::AppSettings>(dir->filePath(QStringLiteral("settings.ini")));
        client = std::make_unique<ld::ApiClient>();
        if (client->setBaseUrl(server->baseUrl()).isError())
            return false;
        client->setApiKey(ld::sandbox::Seeds::apiKey());
        client->setRetryTiming(ld::RetryTiming { 1, 5, 5, 3 }); // retries stay, waits shrink
        content = std::make_unique<ld::ContentService>(client.get());
        publisher = std::make_unique<ld::PostPublisher>(
            content.get(), drafts.get(), items.get(), settings.get());
        return true;
    }

    void tearDown()
    {
        publisher.reset();
        content.reset();
        client.reset();
        settings.reset();
        drafts.reset();
        items.reset();
        db.reset();
        server.reset();
        dir.reset();
    }

    qint64 newDraft(const QString &text, const QList<ld::PostMediaRef> &media = {},
        const QString &companyUrl = {}, const QString &accountId = {})
    {
        ld::Draft draft;
        draft.accountId = accountId.isEmpty() ? account() : accountId;
        draft.companyUrl = companyUrl;
        draft.text = text;
        draft.media = media;
        return drafts->create(draft);
    }

    ld::Draft::State state(qint64 draftId) const
    {
        const std::optional<ld::Draft> draft = drafts->find(draftId);
        return draft ? draft->state : ld::Draft::State::Draft;
    }
    ld::Draft draft(qint64 draftId) const { return drafts->find(draftId).value_or(ld::Draft()); }

    // A file whose first bytes make it a PNG (or JPEG) for PostMedia, whatever follows.
    QString writeImage(const QString &name, const QByteArray &body, bool jpeg = false)
    {
        const QString path = dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(jpeg ? QByteArray("\xFF\xD8\xFF\xE0", 4) : QByteArray("\x89PNG\r\n\x1A\n", 8));
        file.write(body);
        return path;
    }
    static QByteArray fileBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // What a process leaves behind when it dies after storing a post's item: the draft in
    // Publishing, its item Queued or (with `sendingPid`) Sending under that process.
    qint64 leaveInterrupted(qint64 draftId, bool sending, qint64 sendingPid = 0)
    {
        ld::OutboxItem item;
        item.kind = QStringLiteral("post");
        item.accountId = draft(draftId).accountId;
        item.payload = { { QStringLiteral("draft_id"), draftId } };
        const qint64 itemId = items->enqueue(item);
        if (itemId == 0)
            return 0;
        if (sending) {
            ld::OutboxItem next = *items->find(itemId);
            next.state = ld::OutboxItem::State::Sending;
            next.attempts = 1;
            next.sentAt = QDateTime::currentDateTimeUtc();
            next.payload.insert(QStringLiteral("sending_pid"), sendingPid);
            next.payload.insert(QStringLiteral("sending_host"), QSysInfo::machineHostName());
            if (!items->transition(itemId, ld::OutboxItem::State::Queued, next))
                return 0;
        }
        ld::Draft next = draft(draftId);
        next.state = ld::Draft::State::Publishing;
        next.outboxId = itemId;
        if (!drafts->transition(draftId, ld::Draft::State::Draft, next))
            return 0;
        return itemId;
    }

    // A Scheduled draft whose time is `at` (in the past too, which schedule() refuses).
    bool forceScheduled(qint64 draftId, const QDateTime &at)
    {
        ld::Draft next = draft(draftId);
        next.state = ld::Draft::State::Scheduled;
        next.scheduledAt = at;
        return drafts->transition(draftId, ld::Draft::State::Draft, next);
    }
};

Q_DECLARE_METATYPE(ld::Draft::State)
