#include "v1converter.h"

#include "v1converter_p.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace ld {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ld::V1Converter", text);
}

const QString Post = QStringLiteral("POST");

enum class Kind {
    Action,
    Enrich,
    Login,
    Checkpoint,
    WebhookCreate,
    WebhookList,
    WebhookUpdate,
    WebhookDelete,
    WebhookStart,
    WebhookStop,
    WebhookStatus,
};

struct Endpoint
{
    const char *method;
    const char *v1Path; // "{id}" stands for one path segment
    const char *v2Path;
    const char *action;
    Kind kind;
};

// Contract §10.1, row by row, in its order.
const Endpoint endpoints[] = {
    { "POST", "/v1/auth/login", "/v2/login", "", Kind::Login },
    { "POST", "/v1/auth/verify", "/v2/checkpoint", "", Kind::Checkpoint },
    { "POST", "/v1/profile/me", "/v2/profiles", "get_me", Kind::Action },
    { "POST", "/v1/profile/info", "/v2/profiles", "get", Kind::Action },
    { "POST", "/v1/profile/contact", "/v2/profiles", "get_contact", Kind::Action },
    { "POST", "/v1/profile/visit", "/v2/profiles", "visit", Kind::Action },
    { "POST", "/v1/profile/search", "/v2/profiles", "search_people", Kind::Action },
    { "POST", "/v1/companies/search", "/v2/profiles", "search_companies", Kind::Action },
    { "POST", "/v1/companies/info", "/v2/profiles", "get_company", Kind::Action },
    { "POST", "/v1/messages/send-message", "/v2/messages", "send", Kind::Action },
    { "POST", "/v1/messages/inbox", "/v2/messages", "list_inbox", Kind::Action },
    { "POST", "/v1/messages/conversation", "/v2/messages", "get_conversation", Kind::Action },
    { "POST", "/v1/network/connect", "/v2/network", "invite", Kind::Action },
    { "POST", "/v1/network/accept-invitation", "/v2/network", "accept", Kind::Action },
    { "POST", "/v1/network/connections", "/v2/network", "list_connections", Kind::Action },
    { "POST", "/v1/network/invitations", "/v2/network", "list_invitations", Kind::Action },
    { "POST", "/v1/network/sent-invitations", "/v2/network", "list_sent", Kind::Action },
    { "POST", "/v1/network/withdraw", "/v2/network", "withdraw", Kind::Action },
    { "POST", "/v1/network/invitation-status", "/v2/network", "check_invitation", Kind::Action },
    { "POST", "/v1/network/get-network-recommendations", "/v2/network", "recommendations",
        Kind::Action },
    { "POST", "/v1/posts/create", "/v2/content", "create", Kind::Action },
    { "POST", "/v1/posts/create-company", "/v2/content", "create_company", Kind::Action },
    { "POST", "/v1/posts/search", "/v2/content", "search", Kind::Action },
    { "POST", "/v1/posts/feed", "/v2/content", "get_feed", Kind::Action },
    { "POST", "/v1/posts/like", "/v2/content", "like", Kind::Action },
    { "POST", "/v1/posts/react", "/v2/content", "react", Kind::Action },
    { "POST", "/v1/posts/comment", "/v2/content", "comment", Kind::Action },
    { "POST", "/v1/posts/answer-comment", "/v2/content", "answer_comment", Kind::Action },
    { "POST", "/v1/posts/repost", "/v2/content", "repost", Kind::Action },
    { "POST", "/v1/posts/extract-comments", "/v2/content", "get_comments", Kind::Action },
    { "POST", "/v1/posts/reactions", "/v2/content", "get_reactions", Kind::Action },
    { "POST", "/v1/posts/time-spent", "/v2/content", "time_spent", Kind::Action },
    { "POST", "/v1/recruiter/posts", "/v2/recruiter", "get_posts", Kind::Action },
    { "POST", "/v1/recruiter/get-candidate", "/v2/recruiter", "get_candidates", Kind::Action },
    { "POST", "/v1/recruiter/cv", "/v2/recruiter", "get_cv", Kind::Action },
    { "POST", "/v1/recruiter/publish", "/v2/recruiter", "publish_job", Kind::Action },
    { "POST", "/v1/recruiter/close", "/v2/recruiter", "close_job", Kind::Action },
    { "POST", "/v1/data/mail/finder", "/v2/enrich", "find_email", Kind::Enrich },
    { "POST", "/v1/data/mail/reverse", "/v2/enrich", "reverse_email", Kind::Enrich },
    { "POST", "/v1/data/mail/validate", "/v2/enrich", "validate_email", Kind::Enrich },
    { "POST", "/v1/webhooks/accounts", "/v2/webhooks", "", Kind::WebhookCreate },
    { "GET", "/v1/webhooks/accounts", "/v2/webhooks", "", Kind::WebhookList },
    { "PUT", "/v1/webhooks/accounts/{id}", "/v2/webhooks/{id}", "", Kind::WebhookUpdate },
    { "DELETE", "/v1/webhooks/accounts/{id}", "/v2/webhooks/{id}", "", Kind::WebhookDelete },
    { "POST", "/v1/webhooks/accounts/{id}/start", "/v2/webhooks/{id}/start", "",
        Kind::WebhookStart },
    { "POST", "/v1/webhooks/accounts/{id}/stop", "/v2/webhooks/{id}/stop", "", Kind::WebhookStop },
    { "GET", "/v1/webhooks/accounts/{id}/status", "/v2/webhooks", "", Kind::WebhookStatus },
};

// Matches a normalised path against a table pattern; the "{id}" segment is copied to *id.
bool matches(const QString &path, const char *pattern, QString *id)
{
    const QStringList have = path.split(QLatin1Char('/'));
    const QStringList want = QString::fromLatin1(pattern).split(QLatin1Char('/'));
    if (have.size() != want.size())
        return false;
    for (int i = 0; i < want.size(); ++i) {
        if (want.at(i) == QLatin1String("{id}")) {
            if (have.at(i).isEmpty())
                return false;
            *id = have.at(i);
        } else if (have.at(i).compare(want.at(i), Qt::CaseInsensitive) != 0) {
            return false;
        }
    }
    return true;
}

// "a", "a and b", "a, b and c": the field names a note is about.
QString fieldList(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    return tr("%1 and %2")
        .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.constLast());
}

// Query values are text; the V1 docs used them for numbers and flags as well.
QJsonValue typedQueryValue(const QString &text)
{
    if (text == QLatin1String("true") || text == QLatin1String("false"))
        return text == QLatin1String("true");
    bool isNumber = false;
    const qint64 number = text.toLongLong(&isNumber);
    if (isNumber && QString::number(number) == text)
        return number;
    return text;
}

struct Converting
{
    V2Conversion out;
    QJsonObject body; // what is left of the V1 body
    QString loginToken; // taken out of the body; never copied anywhere else

    void note(const QString &text) { out.notes.append(text); }

    // Removes login_token and country (V2 identifies the account by account_id).
    bool takeAccountFields()
    {
        const bool had = body.contains(QLatin1String("login_token"))
            || body.contains(QLatin1String("country"));
        loginToken = body.take(QLatin1String("login_token")).toString().trimmed();
        body.remove(QLatin1String("country"));
        return had;
    }

    // The account_id for the token: the lookup's answer, else the placeholder and a note.
    QString accountId(const AccountIdLookup &lookup)
    {
        const QString found = lookup && !loginToken.isEmpty() ? lookup(loginToken) : QString();
        if (!found.isEmpty()) {
            note(tr("account_id %1 is the V2 account this login_token was imported as (from the "
                    "migration journal).")
                     .arg(found));
            return found;
        }
        out.hasPlaceholder = true;
        if (loginToken.isEmpty()) {
            note(tr("Replace %1 with the account_id of the LinkedIn account: the V1 request had "
                    "no login_token to look it up.")
                     .arg(QLatin1String(AccountIdPlaceholder)));
        } else {
            note(tr("Replace %1 with the account_id that POST /v2/login returns for this "
                    "login_token: import the token first (Migration page, or linkupctl login "
                    "--token-stdin).")
                     .arg(QLatin1String(AccountIdPlaceholder)));
        }
        return QLatin1String(AccountIdPlaceholder);
    }

    // Drops every field not in `keep` and says which were dropped and why.
    void dropAllBut(const QStringList &keep, const QString &why)
    {
        QStringList dropped;
        for (const QString &key : body.keys()) {
            if (!keep.contains(key)) {
                dropped.append(key);
                body.remove(key);
            }
        }
        if (!dropped.isEmpty())
            note(why.arg(fieldList(dropped)));
    }
};

void convertAction(const Endpoint &e, Converting &c, const AccountIdLookup &lookup)
{
    const bool enrich = e.kind == Kind::Enrich;
    if (c.takeAccountFields()) {
        c.note(enrich ? tr("login_token and country were removed: an enrich call is not made "
                           "on behalf of a LinkedIn account, so it has no account_id.")
                      : tr("login_token and country were removed: V2 knows the LinkedIn account "
                           "by its account_id."));
    }
    QJsonObject body;
    if (!enrich)
        body.insert(QStringLiteral("account_id"), c.accountId(lookup));
    body.insert(QStringLiteral("action"), c.out.action);
    body.insert(QStringLiteral("params"), v1::convertParams(c.out.action, c.body, &c.out.notes));
    c.out.body = body;
}

void convertLogin(Converting &c)
{
    const QJsonValue platform = c.body.take(QLatin1String("platform"));
    const bool hadPlateforme = c.body.contains(QLatin1String("plateforme"));
    c.body.remove(QLatin1String("plateforme"));
    if (hadPlateforme
        || (!platform.isUndefined() && platform.toString() != QLatin1String("linkedin")))
        c.note(tr("platform is always \"linkedin\" in V2."));
    c.body.insert(QStringLiteral("platform"), QStringLiteral("linkedin"));
    if (c.body.contains(QLatin1String("login_token"))) {
        c.note(tr("POST /v2/login imports the V1 login_token; its answer holds the account_id "
                  "to use from now on (a token imported before gets the same account_id, free of "
                  "charge)."));
        if (!c.body.contains(QLatin1String("country")))
            c.note(tr("Add country: V1 used FR when it was missing; V2 needs it with a "
                      "login_token."));
    } else {
        c.note(tr("POST /v2/login answers with the account_id to use from now on; when it says "
                  "checkpoint_required, send the code with POST /v2/checkpoint and that "
                  "account_id."));
    }
    c.out.body = c.body;
}

void convertCheckpoint(Converting &c)
{
    const QJsonValue code = c.body.take(QLatin1String("code"));
    c.dropAllBut({},
        tr("%1 dropped: POST /v2/checkpoint identifies the login by the account_id that the "
           "POST /v2/login answer gave."));
    c.out.hasPlaceholder = true;
    c.note(tr("Replace %1 with the account_id of the POST /v2/login answer that said "
              "checkpoint_required.")
               .arg(QLatin1String(AccountIdPlaceholder)));
    QJsonObject body { { QStringLiteral("account_id"), QLatin1String(AccountIdPlaceholder) } };
    if (code.isUndefined() || code.isNull())
        c.note(tr("code is missing: give it for a code challenge; leave it out when the login "
                  "waits for approval in the LinkedIn app."));
    else
        body.insert(QStringLiteral("code"), code);
    c.out.body = body;
}

// events: V2 wants an array; a V1-style "a;b" or "a,b" string becomes one.
void keepEvents(Converting &c, QJsonObject *body)
{
    const QJsonValue events = c.body.take(QLatin1String("events"));
    if (events.isString()) {
        const QJsonArray list
            = v1::splitList(events.toString(), QRegularExpression(QStringLiteral("[;,]")));
        body->insert(QStringLiteral("events"), list);
    } else if (!events.isUndefined() && !events.isNull()) {
        body->insert(QStringLiteral("events"), events);
    }
}

void dropPlatformAndName(Converting &c)
{
    QStringList dropped;
    for (const char *name : { "plateforme", "platform", "account_name" }) {
        if (c.body.contains(QLatin1String(name))) {
            dropped.append(QLatin1String(name));
            c.body.remove(QLatin1String(name));
        }
    }
    if (!dropped.isEmpty())
        c.note(tr("%1 dropped: a V2 webhook belongs to an account_id and has no platform or "
                  "name.")
                   .arg(fieldList(dropped)));
}

// webhook_url → url, and the V2 webhook fields that a V1 body may already use.
QJsonObject webhookFields(Converting &c, const QStringList &v2Fields)
{
    QJsonObject body;
    const QJsonValue webhookUrl = c.body.take(QLatin1String("webhook_url"));
    const QJsonValue url = c.body.take(QLatin1String("url"));
    if (!webhookUrl.isUndefined()) {
        body.insert(QStringLiteral("url"), webhookUrl);
        c.note(tr("webhook_url is now url."));
        if (!url.isUndefined() && url != webhookUrl)
            c.note(tr("url dropped: webhook_url gave the URL."));
    } else if (!url.isUndefined()) {
        body.insert(QStringLiteral("url"), url);
    }
    keepEvents(c, &body);
    for (const QString &name : v2Fields) {
        if (c.body.contains(name))
            body.insert(name, c.body.take(name));
    }
    return body;
}

void convertWebhook(
    const Endpoint &e, Converting &c, const AccountIdLookup &lookup, const QString &id)
{
    const bool hadAccountFields = c.takeAccountFields();
    const QString unknownWhy = tr("%1 dropped: not a field of the V2 webhooks API.");
    switch (e.kind) {
    case Kind::WebhookCreate: {
        if (hadAccountFields)
            c.note(tr("login_token and country were removed: a V2 webhook is created for an "
                      "account_id."));
        dropPlatformAndName(c);
        QJsonObject body { { QStringLiteral("account_id"), c.accountId(lookup) } };
        const QJsonObject fields
            = webhookFields(c, { QStringLiteral("enable_signature"), QStringLiteral("retry") });
        for (auto it = fields.begin(); it != fields.end(); ++it)
            body.insert(it.key(), it.value());
        if (!body.contains(QLatin1String("url")))
            c.note(tr("Without a url the V2 webhook is hosted: read its events from its stream "
                      "or events endpoint."));
        c.dropAllBut({}, unknownWhy);
        c.out.body = body;
        break;
    }
    case Kind::WebhookUpdate: {
        if (hadAccountFields)
            c.note(tr("login_token and country were removed: the webhook id in the path is "
                      "enough."));
        dropPlatformAndName(c);
        c.out.body = webhookFields(c, { QStringLiteral("is_active"), QStringLiteral("retry") });
        c.dropAllBut({}, unknownWhy);
        if (c.out.body.isEmpty())
            c.note(tr("The body is empty: PUT /v2/webhooks/{id} changes url, events or "
                      "is_active; give the ones to change."));
        break;
    }
    case Kind::WebhookList:
    case Kind::WebhookStatus: {
        const QString accountId
            = lookup && !c.loginToken.isEmpty() ? lookup(c.loginToken) : QString();
        c.dropAllBut({}, tr("%1 dropped: GET /v2/webhooks takes no body."));
        if (hadAccountFields)
            c.note(tr("login_token and country were removed: GET /v2/webhooks lists the webhooks "
                      "of every account of the API key, each with its account_id."));
        if (!accountId.isEmpty())
            c.note(tr("This login_token was imported as account_id %1: its webhooks are the ones "
                      "with that account_id.")
                       .arg(accountId));
        if (e.kind == Kind::WebhookStatus)
            c.note(tr("V2 has no status endpoint: in the list, read is_active (delivery) and "
                      "monitoring of the webhook whose webhook_id is %1.")
                       .arg(id));
        break;
    }
    default: // delete, start, stop: the id is all they need
        if (hadAccountFields)
            c.note(tr("login_token and country were removed: the webhook id in the path is "
                      "enough."));
        c.dropAllBut({}, tr("%1 dropped: this V2 call takes no body."));
        break;
    }
}

} // namespace

QString v1::normalisedPath(const QString &raw, QUrlQuery *query)
{
    QString path = raw.trimmed();
    if (path.contains(QLatin1String("://"))) {
        const QUrl url(path);
        if (query)
            *query = QUrlQuery(url);
        path = url.path();
    } else {
        const qsizetype mark = path.indexOf(QLatin1Char('?'));
        if (mark >= 0) {
            if (query)
                *query = QUrlQuery(path.mid(mark + 1));
            path.truncate(mark);
        }
        // "api.linkupapi.com/v1/..." pasted without its scheme
        if (!path.startsWith(QLatin1Char('/'))) {
            const QRegularExpression version(
                QStringLiteral("(^|/)(v[0-9]+/)"), QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch m = version.match(path);
            path = m.hasMatch() ? QLatin1Char('/') + path.mid(m.capturedStart(2)) : path;
        }
    }
    const qsizetype hash = path.indexOf(QLatin1Char('#'));
    if (hash >= 0)
        path.truncate(hash);
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

QString v1::pathProblem(const QString &path)
{
    if (path.startsWith(QLatin1String("/v2/"), Qt::CaseInsensitive)
        || path.compare(QLatin1String("/v2"), Qt::CaseInsensitive) == 0)
        return tr("%1 is already a V2 request: there is nothing to convert.").arg(path);
    if (!path.startsWith(QLatin1String("/v1/"), Qt::CaseInsensitive))
        return tr("%1 is not a V1 path: V1 paths start with /v1/, as in /v1/profile/me.")
            .arg(path.isEmpty() ? tr("The path") : path);
    return {};
}

V2Conversion convertV1Request(const V1Request &request, const AccountIdLookup &lookup)
{
    Converting c;
    QUrlQuery query;
    const QString path = v1::normalisedPath(request.path, &query);
    QString method = QString::fromLatin1(request.method).trimmed().toUpper();
    if (method.isEmpty())
        method = Post;
    const QString problem = v1::pathProblem(path);
    if (!problem.isEmpty()) {
        c.out.error = problem;
        return c.out;
    }

    QList<const Endpoint *> found;
    QString id;
    for (const Endpoint &e : endpoints) {
        if (matches(path, e.v1Path, &id))
            found.append(&e);
    }
    if (found.isEmpty()) {
        c.out.error = tr("%1 is not in the migration guide's mapping of V1 endpoints, so it was "
                         "not converted (nothing is guessed): check the path against the known "
                         "V1 endpoints.")
                          .arg(path);
        return c.out;
    }
    const Endpoint *endpoint = nullptr;
    QStringList methods;
    for (const Endpoint *e : found) {
        methods.append(QLatin1String(e->method));
        if (method == QLatin1String(e->method))
            endpoint = e;
    }
    if (!endpoint && found.size() > 1) {
        c.out.error = tr("%1 %2 is not in the migration guide's mapping: %2 takes %3.")
                          .arg(method, path, methods.join(tr(" or ")));
        return c.out;
    }
    if (!endpoint) {
        endpoint = found.constFirst();
        c.note(tr("V1 %1 was a %2 request, not %3; the V2 request is a %4.")
                   .arg(path, QLatin1String(endpoint->method), method,
                       endpoint->kind == Kind::WebhookStatus ? QStringLiteral("GET") : Post));
    }

    c.body = request.body;
    QStringList fromQuery;
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (!c.body.contains(item.first)) {
            c.body.insert(item.first, typedQueryValue(item.second));
            fromQuery.append(item.first);
        }
    }
    if (!fromQuery.isEmpty())
        c.note(tr("%1 came from the query string and were read as body fields.")
                   .arg(fieldList(fromQuery)));

    c.out.action = QString::fromLatin1(endpoint->action);
    c.out.path = QString::fromLatin1(endpoint->v2Path).replace(QLatin1String("{id}"), id);
    switch (endpoint->kind) {
    case Kind::Action:
    case Kind::Enrich:
        convertAction(*endpoint, c, lookup);
        break;
    case Kind::Login:
        convertLogin(c);
        break;
    case Kind::Checkpoint:
        convertCheckpoint(c);
        break;
    default:
        convertWebhook(*endpoint, c, lookup, id);
        break;
    }
    switch (endpoint->kind) {
    case Kind::WebhookList:
    case Kind::WebhookStatus:
        c.out.method = "GET";
        break;
    case Kind::WebhookUpdate:
        c.out.method = "PUT";
        break;
    case Kind::WebhookDelete:
        c.out.method = "DELETE";
        break;
    default:
        c.out.method = "POST";
        break;
    }
    c.out.ok = true;
    return c.out;
}

QStringList knownV1Endpoints()
{
    QStringList paths;
    for (const Endpoint &e : endpoints) {
        const QString path = QString::fromLatin1(e.v1Path);
        if (!paths.contains(path))
            paths.append(path);
    }
    return paths;
}

} // namespace ld
