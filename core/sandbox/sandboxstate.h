#pragma once
// The sandbox's world: a fixed pool of people and companies, the seeded accounts with their
// inboxes, networks and posts, hosted webhooks and their stored events, and the credit
// balance. Seeding uses fixed tables and arithmetic only, so every start yields the same
// ids, names and texts; times are offsets from the moment the server was created.
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace ld::sandbox {

enum class CursorEnd; // sandboxserver.h

struct Person
{
    QString publicId; // "amelie-dubois-1a2b"
    QString firstName;
    QString lastName;
    QString headline;
    QString location;
    QString company;
    QString industry;
    QString fsdId; // "ACoAA…"
    bool exists = true; // false: the target no longer exists on LinkedIn

    QString fullName() const { return firstName + QLatin1Char(' ') + lastName; }
    QString profileUrl() const;
    QString pictureUrl() const;
    QString urn() const { return QStringLiteral("urn:li:fsd_profile:") + fsdId; }
};

struct Company
{
    QString name;
    QString slug;
    QString sector;
    QString size; // V1 buckets: "11-50", "201-500", ...
    QString location;
    QString url() const { return QStringLiteral("https://www.linkedin.com/company/") + slug; }
};

struct Message
{
    QString urn;
    QString text;
    qint64 time = 0; // ms epoch
    bool fromMe = false;
    QString type = QStringLiteral("TEXT");
    // One attachment (send's media_file or media_link); listed by get_conversation.
    QString attachmentName;
    QString attachmentUrl;
    QString attachmentMime;
    qint64 attachmentSize = -1;
};

struct Conversation
{
    QString threadKey; // "2-…" — what `send` returns as conversation_id
    int person = -1; // index into people
    QList<Message> messages; // oldest first
    int unread = 0;
    QString urn(const QString &meFsd) const;
    qint64 lastTime() const { return messages.isEmpty() ? 0 : messages.last().time; }
};

struct Invitation
{
    QString id; // "7453486530700017665" (string: does not fit a double)
    int person = -1;
    int sentDays = 0;
    QString sharedSecret;
    QString note;
    QString urn() const { return QStringLiteral("urn:li:invitation:") + id; }
};

struct Post
{
    QString urn;
    QString text;
    QString companyUrl;
    qint64 time = 0;
    // What create sent with it (issue 7), so tests can check the media went through.
    QStringList filenames;
    QStringList altTexts; // one per `files` entry ("" when none); empty for `file`
    bool singleFile = false; // sent as `file` rather than `files`
};

struct LogEntry
{
    QDateTime at;
    QString level;
    QString message;
};

struct Account
{
    QString id;
    QString name;
    QString country;
    QString email; // fresh-login identity (may be empty)
    QString token; // imported V1 token (may be empty)
    bool active = true;
    QString challenge; // pending checkpoint: "code_challenge" / "app_challenge"
    QDateTime createdAt;
    QDateTime updatedAt;
    int me = -1; // index into people: the account's own profile
    std::vector<Conversation> conversations;
    QList<int> connections; // people indices, most recent first
    QList<Invitation> received;
    QList<Invitation> sent;
    QList<Post> posts;
    QList<LogEntry> logs;
};

struct Webhook
{
    QString id;
    QString accountId;
    QString url; // empty: hosted
    QStringList events; // filter: "all", "message_received", "accepted_invitation"
    bool isActive = true; // delivery on/off (PUT); does not stop monitoring
    bool monitoring = true; // /start, /stop
    bool retry = false;
    bool signatureEnabled = false;
    QString secret;
    QDateTime createdAt;
    QDateTime updatedAt;
    bool hosted() const { return url.isEmpty(); }
};

// One line of the request log behind GET /v2/logs.
struct ApiLogEntry
{
    QDateTime at;
    QString action;
    QString accountId;
    QString endpoint; // "POST /v2/messages"
    int httpStatus = 200;
    int credits = 0;
};

struct StoredEvent
{
    QString eventId;
    QJsonObject wrapper; // {account_id, account_name, event{…}, timestamp}
    QDateTime createdAt;
};

class SandboxState
{
public:
    SandboxState();

    QDateTime startedAt;
    qint64 nowMs() const;
    std::vector<Person> people;
    std::vector<Company> companies;
    std::vector<Account> accounts;
    std::vector<Webhook> webhooks;
    QHash<QString, QList<StoredEvent>> events; // by webhook id
    QList<ApiLogEntry> apiLog; // oldest first, the last 1000 requests
    qint64 balance = 5000;
    qint64 charged = 0;
    CursorEnd cursorEnd {}; // CursorEnd::Default

    Account *account(const QString &id);
    Webhook *webhook(const QString &id);
    int personBySlug(const QString &slug, bool create);
    // Accepts "https://www.linkedin.com/in/<slug>/", "linkedin.com/in/<slug>" or a bare slug.
    static QString slugFromUrl(const QString &profileUrl);
    QString nextId(const QString &prefix); // 24 hex characters, deterministic sequence
    QString nextInvitationId();
    Conversation *conversation(Account &a, const QString &idOrUrn);
    Conversation *conversationWith(Account &a, int person);
    Conversation &startConversation(Account &a, int person);
    QString messageUrn(const Account &a, const Conversation &c, int serial) const;
    // Now, or 1 ms after the conversation's newest message: get_conversation's cursor is a
    // time, so two messages of one thread never share one.
    qint64 nextMessageTime(const Conversation &c) const;
    void log(Account &a, const QString &level, const QString &message);
    // Adds an account with its own seeded inbox, network and posts (as a real LinkedIn
    // account that logs in already has them).
    Account &addAccount(const QString &id, const QString &name, const QString &country,
        const QString &email, bool active, bool light = false);
    // A conversation with a new contact; see SandboxServer::addConversation.
    Conversation &addLongConversation(
        Account &a, const QString &participantName, int messageCount, int bodyBytes);

private:
    void seedPeople();
    void seedCompanies();
    int m_sequence = 0;
    qint64 m_invitationSerial = 7453486530700017665LL;
};

} // namespace ld::sandbox
