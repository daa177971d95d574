#pragma once
// The composition root of the core, shared by linkup-desk and linkupctl: one profile's
// database, repositories, API client, services and the recorder that writes every call into
// the credit ledger and the activity log. Owns everything it creates.
#include "support/profile.h"

#include <QObject>
#include <memory>

class QSettings;

namespace ld {

class Database;
class AccountRepository;
class CreditLedger;
class ActivityLog;
class ApiClient;
class AccountsService;
class AccountsSync;
class CallRecorder;
class AppSettings;
class MessagesService;
class ProfilesService;
class ConversationRepository;
class OutboxRepository;
class SnippetRepository;
class Outbox;
class InboxSync;
class NetworkService;
class NetworkRepository;
class RunRepository;
class NetworkSync;
class InvitationQueue;
class LiveEventRepository;
class LiveEvents;
class MigrationRepository;
class MigrationRunner;
class ContentService;
class DraftRepository;
class PostPublisher;

class Workspace : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(const Profile &profile, QObject *parent = nullptr);
    ~Workspace() override;

    // Opens (and migrates) the database. false with errorString() set: the caller shows it.
    // The parts below exist once open() has succeeded (nullptr before).
    bool open();
    QString errorString() const { return m_error; }

    const Profile &profile() const { return m_profile; }
    Database *database() const;
    AccountRepository *accounts() const;
    CreditLedger *ledger() const;
    ActivityLog *activity() const;
    ApiClient *client() const;
    AccountsService *accountsService() const;
    AccountsSync *accountsSync() const;
    AppSettings *settings() const;
    CallRecorder *recorder() const;
    // The unified inbox (issue 3). Nothing is sent until the owner calls outbox()->resume()
    // or queues a message: linkupctl and the GUI each decide when their outbox starts.
    MessagesService *messagesService() const;
    ProfilesService *profilesService() const;
    ConversationRepository *conversations() const;
    OutboxRepository *outboxItems() const;
    SnippetRepository *snippets() const;
    Outbox *outbox() const;
    InboxSync *inboxSync() const;
    // The invitation queues (issue 4). Like the outbox, the queue sends nothing until its
    // owner calls invitationQueue()->resume() or starts a run.
    NetworkService *networkService() const;
    NetworkRepository *network() const;
    RunRepository *runs() const;
    NetworkSync *networkSync() const;
    InvitationQueue *invitationQueue() const;
    // Live events (issue 5): the recorded events and the per-account monitoring choice. Like
    // the outbox, nothing is sent (and nothing billed) until the owner calls live()->start().
    LiveEventRepository *liveEvents() const;
    LiveEvents *live() const;
    // The V1 → V2 migration (issue 6): the journal of batch runs and the runner that calls
    // /v2/login row by row. Nothing is called until the owner starts a run.
    MigrationRepository *migrations() const;
    MigrationRunner *migrationRunner() const;
    // Posts (issue 7): drafts, scheduled posts and the history, and the publisher. Like the
    // outbox, nothing is published until the owner calls postPublisher()->resume() or publishes.
    ContentService *contentService() const;
    DraftRepository *drafts() const;
    PostPublisher *postPublisher() const;

private:
    void applySettings(); // base URL and undo-send delay, at open and on every change

    Profile m_profile;
    QString m_error;
    struct Parts;
    std::unique_ptr<Parts> d;
};

} // namespace ld
