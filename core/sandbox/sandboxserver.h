#pragma once
// A faithful local LinkUp V2 server (ARCHITECTURE.md §3 "Sandbox") for the demo and the tests:
// QHttpServer on loopback, seeded deterministic data, credits charged as in contract §1.9,
// hosted webhooks with a real SSE stream, and fault injection switchable from tests.
// It writes its JSON by hand from the contract and shares no decoding code with the client.
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>

namespace ld::sandbox {

// What the seeded sandbox accepts, so tests and the demo's hints can name it.
struct Seeds
{
    static QString apiKey();              // default key, "sandbox-key-0001"
    static QString codeCheckpointEmail(); // fresh login that asks for a code: "code@example.com"
    static QString appCheckpointEmail();  // fresh login approved in the app: "app@example.com"
    static QString verificationCode();    // the code that passes: "123456"
    static QString expiredToken();        // a V1 login_token that is expired: "expired-v1-token"
    // Additive (issue 6): a V1 login_token whose import stops at an app checkpoint, every time
    // (same account_id, status checkpoint_required, challenge_type app_challenge), so a batch
    // migration has a checkpoint outcome to report: "checkpoint-v1-token".
    static QString checkpointToken();
    // Additive (issue 6): a realistic V1 export of `rows` data rows for the demo and the tests,
    // UTF-8 with LF line ends: header `login_token,country,label`, deterministic random-looking
    // tokens ("AQEDAR" + 40 base64url characters; any other token connects a new account),
    // countries from V1's list, labels like "Client 0042 — Acme sales" (some quoted, with a
    // comma). About 2 % of the rows have a problem: the expired token and the checkpoint token
    // once each, then rows with a duplicate token, the country "FRA" and an empty login_token
    // in turn; when rows < 20 one of each, as far as they fit (the first row is always good).
    static QByteArray sampleMigrationCsv(int rows);
    static QString wrongPassword();       // password that is refused: "wrong-password"
    // Seeded accounts (additive): three active ones and one whose session expired.
    static QString primaryAccountId();    // "69c127c37cae0494dd827286", Camille Laurent (FR)
    static QString inactiveAccountId();   // "69c127c37cae0494dd827289", Priya Nair (UK)
    static QStringList accountIds();      // all four, in /v2/accounts order
};

// How list_inbox and get_conversation mark the last page (§1.7 leaves it open: "absent/empty").
// Default keeps each action's own form: list_inbox omits next_cursor, get_conversation sends "".
enum class CursorEnd { Default, Missing, Empty, Null };

struct RecordedRequest
{
    QByteArray method;
    QString path;        // without query
    QString query;
    QByteArray body;
    QString action;      // body "action", when present
    int status = 0;      // what the sandbox answered
    QDateTime receivedAt; // UTC, ms: when the request arrived (pacing is measured on this side)
};

// Additive (issue 7): a post as the sandbox holds it, newest first; seeded ones have no media.
struct SandboxPost
{
    QString urn;        // "urn:li:activity:…"
    QString text;       // params.message as received
    QString companyUrl; // create_company's page; empty for a personal post
    QStringList filenames;
    QStringList altTexts;    // one per `files` entry ("" when absent); empty for `file`
    bool singleFile = false; // the media came as `file` (a video) rather than `files`
    QDateTime createdAt;     // UTC
};

class SandboxServer : public QObject
{
    Q_OBJECT
public:
    // RateLimited*, InternalError, HtmlBody and SuccessFalse answer instead of the server: no
    // effect, no credits. Slow, MalformedJson, EmptyBody, WrongType and DropAfterSend spoil
    // an answer the server did produce: its effects and credits stand. DropAfterSend writes
    // the status line and headers, then closes (QNetworkAccessManager 6.4 silently re-sends
    // a request, even a POST, whose connection closed before any response byte). Streams
    // only take DropStreams and the faults that answer instead of the server.
    enum class Fault {
        RateLimited,           // 429 RATE_LIMITED, no Retry-After
        RateLimitedRetryAfter, // 429 RATE_LIMITED with Retry-After: <param> seconds (default 1)
        InternalError,         // 500 INTERNAL_ERROR envelope
        Slow,                  // answer normally after <param> ms (default 3000)
        MalformedJson,         // 200 with a truncated JSON body
        HtmlBody,              // 502 with an HTML page, as a proxy would
        EmptyBody,             // 200 with an empty body
        WrongType,             // 200 envelope whose "data" is a string instead of an object
        SuccessFalse,          // 200 with success:false and error CHANNEL_ERROR
        DropAfterSend,         // handle the request (effects and credits happen), then close
                               // the connection without answering: an ambiguous write
        DropStreams,           // close every open SSE stream now and the next <count> ones
    };

    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on `address` (loopback by default); port 0 picks a free one.
    bool listen(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    quint16 port() const;
    QUrl baseUrl() const;          // "http://127.0.0.1:<port>"
    QString apiKey() const;
    void setApiKey(const QString &key);

    // The next `count` requests whose path starts with `pathPrefix` (empty: any) and, when
    // `action` is set, whose body action matches, get `fault`. `param` as documented above.
    void injectFault(Fault fault, int count = 1, const QString &pathPrefix = {},
                     const QString &action = {}, int param = 0);
    void clearFaults();

    QList<RecordedRequest> requests() const;
    int requestCount(const QString &pathPrefix = {}, const QString &action = {}) const;
    void clearRequests();

    qint64 creditsCharged() const;        // total since start
    qint64 creditBalance() const;         // what GET /v2/credits reports
    void setCreditBalance(qint64 credits);

    // Live events for the later issues: queue an event for an account's hosted webhooks
    // (delivered on open streams and kept 24 h for GET /v2/webhooks/{id}/events).
    void emitEvent(const QString &accountId, const QString &type, const QByteArray &innerJson);

    // Additive: the SSE keep-alive period (default 30 000 ms, as the contract says), so tests
    // can observe keep-alives quickly; and how many SSE streams are open right now.
    void setKeepAliveInterval(int msec);
    int openStreamCount() const;
    // Additive, for the client's watchdog tests: the open streams whose path starts with
    // `pathPrefix` (empty: all) stay connected but get nothing more, neither events nor
    // keep-alives, as a connection that a NAT box forgot. Their events are still stored for
    // polling; streams opened later are not affected. They still count as open.
    void stallStreams(const QString &pathPrefix = {});
    // Additive, for the demo: every `msec` emit a plausible live event (mostly a message from
    // a connection, every fourth tick an accepted invitation) on an active account, cycling
    // through them. 0 stops it. Off by default, so tests see only the events they emit.
    void setDemoActivity(int msec);
    // Additive, for scale tests and benchmarks: adds `count` more active accounts ("Agency
    // account 0001", ...) with deterministic ids and a small seeded inbox and network each.
    void addSeededAccounts(int count);

    // Additive, for the inbox tests: the form of the last page's next_cursor.
    void setCursorEndStyle(CursorEnd style);
    // Adds a conversation with a new contact named `participantName` (any text: emoji,
    // right-to-left) holding `messageCount` messages, alternately theirs and the account's,
    // one second apart and newer than every seeded one; each text is padded to `bodyBytes`
    // when that is larger. Returns its conversation_id as list_inbox shows it, or an empty
    // string for an unknown account.
    QString addConversation(const QString &accountId, const QString &participantName,
        int messageCount, int bodyBytes = 0);
    // Removes every conversation of the account: an empty inbox.
    void clearInbox(const QString &accountId);
    // Additive (issue 7): the account's posts, newest first (empty for an unknown account).
    QList<SandboxPost> posts(const QString &accountId) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ld::sandbox
