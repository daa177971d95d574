#include "workspace.h"

#include "accountssync.h"
#include "api/apiclient.h"
#include "callrecorder.h"
#include "inboxsync.h"
#include "invitationqueue.h"
#include "liveevents.h"
#include "migration/migrationrunner.h"
#include "networksync.h"
#include "outbox.h"
#include "postpublisher.h"
#include "services/accountsservice.h"
#include "services/contentservice.h"
#include "services/messagesservice.h"
#include "services/networkservice.h"
#include "services/profilesservice.h"
#include "store/accountrepository.h"
#include "store/activitylog.h"
#include "store/conversationrepository.h"
#include "store/creditledger.h"
#include "store/database.h"
#include "store/draftrepository.h"
#include "store/liveeventrepository.h"
#include "store/migrationrepository.h"
#include "store/networkrepository.h"
#include "store/outboxrepository.h"
#include "store/runrepository.h"
#include "store/snippetrepository.h"
#include "support/appsettings.h"
#include "support/logging.h"

namespace ld {

// Declared in the order of construction: members are destroyed in reverse, so the database
// outlives every part that uses it and the client outlives its service and recorder.
struct Workspace::Parts
{
    std::unique_ptr<Database> database;
    std::unique_ptr<AccountRepository> accounts;
    std::unique_ptr<CreditLedger> ledger;
    std::unique_ptr<ActivityLog> activity;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<ApiClient> client;
    std::unique_ptr<AccountsService> accountsService;
    std::unique_ptr<AccountsSync> accountsSync;
    std::unique_ptr<CallRecorder> recorder;
    std::unique_ptr<ConversationRepository> conversations;
    std::unique_ptr<OutboxRepository> outboxItems;
    std::unique_ptr<SnippetRepository> snippets;
    std::unique_ptr<NetworkRepository> network;
    std::unique_ptr<RunRepository> runs;
    std::unique_ptr<MessagesService> messagesService;
    std::unique_ptr<ProfilesService> profilesService;
    std::unique_ptr<NetworkService> networkService;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<InboxSync> inboxSync;
    std::unique_ptr<NetworkSync> networkSync;
    std::unique_ptr<InvitationQueue> invitationQueue;
    std::unique_ptr<LiveEventRepository> liveEvents;
    std::unique_ptr<MigrationRepository> migrations;
    std::unique_ptr<MigrationRunner> migrationRunner;
    std::unique_ptr<DraftRepository> drafts;
    std::unique_ptr<ContentService> contentService;
    std::unique_ptr<PostPublisher> postPublisher;
    std::unique_ptr<LiveEvents> live; // first to go: its worker thread stops before the rest
};

Workspace::Workspace(const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , d(std::make_unique<Parts>())
{ }

Workspace::~Workspace()
{
    // Calls still running would report to a recorder whose store is going away.
    if (d->client)
        d->client->abortAll();
}

bool Workspace::open()
{
    if (d->database)
        return true;
    if (!m_profile.isValid()) {
        m_error = m_profile.error().isEmpty() ? tr("No profile directory was given.")
                                              : m_profile.error();
        return false;
    }
    auto database = std::make_unique<Database>();
    if (!database->open(m_profile.databasePath())) {
        m_error = database->errorString();
        return false;
    }
    d->database = std::move(database);
    d->accounts = std::make_unique<AccountRepository>(d->database.get());
    d->ledger = std::make_unique<CreditLedger>(d->database.get());
    d->activity = std::make_unique<ActivityLog>(d->database.get());
    d->settings = std::make_unique<AppSettings>(m_profile.settingsPath());
    d->client = std::make_unique<ApiClient>();
    d->accountsService = std::make_unique<AccountsService>(d->client.get());
    d->accountsSync = std::make_unique<AccountsSync>(d->accountsService.get(), d->accounts.get());
    d->recorder
        = std::make_unique<CallRecorder>(d->client.get(), d->ledger.get(), d->activity.get());
    d->conversations = std::make_unique<ConversationRepository>(d->database.get());
    d->outboxItems = std::make_unique<OutboxRepository>(d->database.get());
    d->snippets = std::make_unique<SnippetRepository>(d->database.get());
    d->network = std::make_unique<NetworkRepository>(d->database.get());
    d->runs = std::make_unique<RunRepository>(d->database.get());
    d->messagesService = std::make_unique<MessagesService>(d->client.get());
    d->profilesService = std::make_unique<ProfilesService>(d->client.get());
    d->networkService = std::make_unique<NetworkService>(d->client.get());
    d->outbox = std::make_unique<Outbox>(d->messagesService.get(), d->outboxItems.get(),
                                         d->conversations.get(), d->settings.get());
    d->inboxSync = std::make_unique<InboxSync>(d->messagesService.get(), d->conversations.get());
    d->networkSync = std::make_unique<NetworkSync>(d->networkService.get(), d->network.get());
    d->invitationQueue = std::make_unique<InvitationQueue>(d->networkService.get(),
        d->network.get(), d->outboxItems.get(), d->runs.get(), d->settings.get());
    d->liveEvents = std::make_unique<LiveEventRepository>(d->database.get());
    d->migrations = std::make_unique<MigrationRepository>(d->database.get());
    d->migrationRunner = std::make_unique<MigrationRunner>(
        d->accountsService.get(), d->migrations.get(), d->accounts.get());
    d->drafts = std::make_unique<DraftRepository>(d->database.get());
    d->contentService = std::make_unique<ContentService>(d->client.get());
    d->postPublisher = std::make_unique<PostPublisher>(
        d->contentService.get(), d->drafts.get(), d->outboxItems.get(), d->settings.get());
    d->live = std::make_unique<LiveEvents>(this);
    applySettings();
    connect(d->settings.get(), &AppSettings::changed, this, &Workspace::applySettings);
    m_error.clear();
    return true;
}

void Workspace::applySettings()
{
    d->outbox->setUndoDelayMs(d->settings->undoSendSeconds() * 1000);
    const QUrl url = d->settings->baseUrl();
    if (url.isEmpty() || url == d->client->baseUrl())
        return;
    const ApiError refused = d->client->setBaseUrl(url);
    if (refused.isError())
        qCWarning(lcSync) << "base URL from the settings refused:" << refused.technicalSummary();
}

Database *Workspace::database() const
{
    return d->database.get();
}
AccountRepository *Workspace::accounts() const
{
    return d->accounts.get();
}
CreditLedger *Workspace::ledger() const
{
    return d->ledger.get();
}
ActivityLog *Workspace::activity() const
{
    return d->activity.get();
}
ApiClient *Workspace::client() const
{
    return d->client.get();
}
AccountsService *Workspace::accountsService() const
{
    return d->accountsService.get();
}
AccountsSync *Workspace::accountsSync() const
{
    return d->accountsSync.get();
}
AppSettings *Workspace::settings() const
{
    return d->settings.get();
}
CallRecorder *Workspace::recorder() const
{
    return d->recorder.get();
}
MessagesService *Workspace::messagesService() const
{
    return d->messagesService.get();
}
ProfilesService *Workspace::profilesService() const
{
    return d->profilesService.get();
}
ConversationRepository *Workspace::conversations() const
{
    return d->conversations.get();
}
OutboxRepository *Workspace::outboxItems() const
{
    return d->outboxItems.get();
}
SnippetRepository *Workspace::snippets() const
{
    return d->snippets.get();
}
Outbox *Workspace::outbox() const
{
    return d->outbox.get();
}
InboxSync *Workspace::inboxSync() const
{
    return d->inboxSync.get();
}
NetworkService *Workspace::networkService() const
{
    return d->networkService.get();
}
NetworkRepository *Workspace::network() const
{
    return d->network.get();
}
RunRepository *Workspace::runs() const
{
    return d->runs.get();
}
NetworkSync *Workspace::networkSync() const
{
    return d->networkSync.get();
}
InvitationQueue *Workspace::invitationQueue() const
{
    return d->invitationQueue.get();
}
LiveEventRepository *Workspace::liveEvents() const
{
    return d->liveEvents.get();
}
LiveEvents *Workspace::live() const
{
    return d->live.get();
}
MigrationRepository *Workspace::migrations() const
{
    return d->migrations.get();
}
MigrationRunner *Workspace::migrationRunner() const
{
    return d->migrationRunner.get();
}
ContentService *Workspace::contentService() const
{
    return d->contentService.get();
}
DraftRepository *Workspace::drafts() const
{
    return d->drafts.get();
}
PostPublisher *Workspace::postPublisher() const
{
    return d->postPublisher.get();
}

} // namespace ld
