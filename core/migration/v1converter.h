#pragma once
// The V1 → V2 request converter (issue 6 §6; contract §10 and §10.1). Pure: no network, no
// store. Takes one V1 request — method, path and JSON body — and writes the V2 request:
//  - action endpoints: POST <category path> with {"account_id", "action", "params"}; the V1
//    body's login_token and country are removed and every other field moves into params,
//    with the renames of §10.1 (linkedin_url → profile_url; on send, message → message_text;
//    the listed search filters from ';'-separated strings — network ','-separated — to
//    arrays; total_results → count and next_cursor → cursor);
//  - /v1/auth/login → /v2/login keeps login_token/country (or email/password) and adds
//    "platform": "linkedin";
//  - /v1/auth/verify → /v2/checkpoint needs the account_id that /v2/login returned, which the
//    V1 body does not hold: a marked placeholder and a note say so;
//  - webhooks become REST calls on /v2/webhooks (webhook_url → url, no action);
//  - enrich (/v1/data/mail/...) has no account_id (§8).
// Unknown V1 endpoints are reported, never guessed.
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>

namespace ld {

struct V1Request
{
    QByteArray method = "POST";
    QString path;      // "/v1/network/connect"; a full URL, a query or a trailing '/' is accepted
    QJsonObject body;  // may be empty (GET, DELETE)

    // Reads what a person pastes. Accepted forms:
    //  1. a JSON object {"method": "POST", "path": "/v1/...", "body": {...}} ("url" is
    //     accepted for "path"; "method" defaults to POST);
    //  2. a request line "POST /v1/..." (or a full URL) followed by the JSON body on the next
    //     lines, as in an HTTP dump or API documentation; headers between them are skipped.
    // false with *error (a translated sentence saying what is wrong and where) otherwise.
    static bool parse(const QString &text, V1Request *out, QString *error);
};

struct V2Conversion
{
    bool ok = false;
    QString error;       // !ok: e.g. "/v1/foo/bar is not a V1 endpoint of the migration guide"
    QByteArray method;   // "POST", "GET", "PUT", "DELETE"
    QString path;        // "/v2/network", "/v2/webhooks/{id}/start" with the id filled in
    QJsonObject body;    // empty for GET and DELETE
    QString action;      // the V2 action, empty for login, checkpoint, webhooks
    // What the person should know, one translated sentence each: a placeholder to fill, a
    // field that was removed or renamed, a V1 field with no V2 equivalent that was dropped.
    QStringList notes;
    bool hasPlaceholder = false; // the body holds AccountIdPlaceholder

    // "POST /v2/network\n{ ...indented JSON... }\n" (plus "# note" lines when any): what the
    // Migration page shows and linkupctl convert-v1 prints by default.
    QString toText() const;
    // {"method", "path", "body", "notes": [...]} for linkupctl convert-v1 --json.
    QJsonObject toJson() const;
};

// What stands for the account_id when the converter cannot know it.
inline constexpr char AccountIdPlaceholder[] = "<ACCOUNT_ID>";

// Finds the V2 account_id of a V1 login_token (the Migration page and linkupctl look the
// token's hash up in the migration journal); returns an empty string when unknown.
using AccountIdLookup = std::function<QString(const QString &loginToken)>;

V2Conversion convertV1Request(const V1Request &request, const AccountIdLookup &lookup = {});

// Every V1 path of the mapping table (contract §10.1), for tests and the page's help text:
// "/v1/profile/me", ..., "/v1/webhooks/accounts/{id}/start", ...
QStringList knownV1Endpoints();

} // namespace ld
