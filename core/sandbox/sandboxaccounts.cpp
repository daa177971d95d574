// Accounts and authentication: POST /v2/login, POST /v2/checkpoint, GET /v2/accounts[/{id}],
// GET /v2/credits (contract §2).
#include "sandboxhandlers.h"
#include "sandboxserver.h"

#include <QRegularExpression>

namespace ld::sandbox::handlers {

namespace {

QJsonObject accountJson(const Account &a)
{
    return obj({
        { "account_id", a.id },
        { "platform", QStringLiteral("linkedin") },
        { "account_name", a.name },
        { "is_active", a.active },
        // The accounts endpoints say active/inactive where login says connected (§2.4).
        { "status", a.active ? QStringLiteral("active") : QStringLiteral("inactive") },
        { "country", a.country },
        { "created_at", formatTime(a.createdAt, TimeStyle::Zulu) },
        { "updated_at", formatTime(a.updatedAt, TimeStyle::Zulu) },
    });
}

// Inferred (§2.4: "account logs — status, activity and connection health" advertised, shape
// unknown): lenient extra fields a tolerant client may show.
void addHealthAndLogs(QJsonObject &o, const Account &a, const QDateTime &now)
{
    QString health = QStringLiteral("healthy");
    if (!a.challenge.isEmpty())
        health = QStringLiteral("checkpoint_required");
    else if (!a.active)
        health = QStringLiteral("disconnected");
    o.insert(QStringLiteral("connection_health"),
        obj({ { "status", health },
            { "last_check_at", formatTime(now.addSecs(-120), TimeStyle::Zulu) },
            { "proxy_country", a.country }, { "session_valid", a.active } }));
    QJsonArray logs;
    for (auto it = a.logs.crbegin(); it != a.logs.crend(); ++it) // newest first
        logs.append(obj({ { "at", formatTime(it->at, TimeStyle::Zulu) }, { "level", it->level },
            { "message", it->message } }));
    o.insert(QStringLiteral("logs"), logs);
}

QJsonObject loginData(const Account &a)
{
    QJsonObject data = obj({ { "account_id", a.id } });
    if (a.challenge.isEmpty()) {
        data.insert(QStringLiteral("status"), QStringLiteral("connected"));
    } else {
        data.insert(QStringLiteral("status"), QStringLiteral("checkpoint_required"));
        data.insert(QStringLiteral("challenge_type"), a.challenge);
    }
    return data;
}

Account *findBy(SandboxState &state, const QString &token, const QString &email)
{
    for (Account &a : state.accounts)
        if ((!token.isEmpty() && a.token == token)
            || (!email.isEmpty() && a.email.compare(email, Qt::CaseInsensitive) == 0))
            return &a;
    return nullptr;
}

} // namespace

Reply login(SandboxState &state, const Request &req)
{
    const QString action = QStringLiteral("login");
    if (!req.jsonObject)
        return err::invalidParams(action, QStringLiteral("request body must be a JSON object"));
    Params p(req.json);
    const QString platform = p.string("platform", true);
    const QString token = p.string("login_token");
    const QString email = p.string("email");
    const QString password = p.string("password");
    QString country = p.string("country").toUpper();
    const QString label = p.string("account_name");
    if (token.isEmpty() && email.isEmpty())
        p.invalid(QStringLiteral("missing required parameter(s): login_token (token import) or "
                                 "email and password (fresh login)"));
    else if (token.isEmpty() && password.isEmpty())
        p.invalid(QStringLiteral("missing required parameter(s): password"));
    else if (!token.isEmpty() && country.isEmpty())
        p.invalid(QStringLiteral("missing required parameter(s): country"));
    static const QRegularExpression twoLetters(QStringLiteral("^[A-Z]{2}$"));
    if (!country.isEmpty() && !twoLetters.match(country).hasMatch())
        p.invalid(QStringLiteral("country must be a two-letter country code such as \"FR\""));
    if (!platform.isEmpty() && platform != QLatin1String("linkedin"))
        p.invalid(QStringLiteral("platform must be \"linkedin\""));
    if (!p.ok())
        return err::invalidParams(action, p.message());

    if (token == Seeds::expiredToken())
        // Decision: an expired V1 token is an invalid parameter (400 INVALID_PARAMS), not
        // ACCOUNT_INACTIVE: no account exists for it yet, and the migration guide's recipe
        // only says "mark failed; the user must re-authenticate".
        return err::invalidParams(action,
            QStringLiteral("login_token is expired or revoked: the user "
                           "must re-authenticate on LinkedIn (fresh login "
                           "with email and password)"));
    if (token.isEmpty() && password == Seeds::wrongPassword())
        return err::invalidParams(action, QStringLiteral("invalid credentials"));

    QString challenge;
    if (email.compare(Seeds::codeCheckpointEmail(), Qt::CaseInsensitive) == 0)
        challenge = QStringLiteral("code_challenge");
    else if (email.compare(Seeds::appCheckpointEmail(), Qt::CaseInsensitive) == 0)
        challenge = QStringLiteral("app_challenge");
    else if (token == Seeds::checkpointToken())
        // Every import of it stops at the checkpoint, as a LinkedIn session that keeps asking
        // to be approved in the app: a migration rerun sees the same outcome.
        challenge = QStringLiteral("app_challenge");

    if (Account *existing = findBy(state, token, email)) {
        // Re-login or re-import: same account_id, free (§1.9). It revives an expired session.
        existing->challenge = challenge;
        existing->active = challenge.isEmpty();
        existing->updatedAt = QDateTime::currentDateTimeUtc();
        if (!country.isEmpty())
            existing->country = country;
        state.log(*existing, QStringLiteral("info"),
            challenge.isEmpty() ? QStringLiteral("Logged in again")
                                : QStringLiteral("Login requires a checkpoint"));
        return okReply(action, loginData(*existing), 0);
    }

    // Decision (§1.9 says "small/zero"): connecting a new account costs 1 credit; a login
    // that stops at a checkpoint costs nothing (the checkpoint call is billed instead).
    const int cost = challenge.isEmpty() ? 1 : 0;
    if (state.balance < cost)
        return err::insufficientCredits(action, cost, state.balance);
    QString name = label;
    if (name.isEmpty() && !email.isEmpty()) {
        QStringList words
            = email.section(QLatin1Char('@'), 0, 0)
                  .split(QRegularExpression(QStringLiteral("[._-]")), Qt::SkipEmptyParts);
        for (QString &w : words)
            w[0] = w[0].toUpper();
        name = words.join(QLatin1Char(' '));
    }
    if (name.isEmpty())
        name = QStringLiteral("LinkedIn account %1").arg(state.accounts.size() + 1);
    Account &a = state.addAccount(state.nextId(QStringLiteral("6a")), name,
        country.isEmpty() ? QStringLiteral("FR") : country, email, challenge.isEmpty());
    a.token = token;
    a.challenge = challenge;
    state.log(a, QStringLiteral("info"),
        challenge.isEmpty() ? QStringLiteral("Account connected")
                            : QStringLiteral("Login requires a checkpoint"));
    return okReply(action, loginData(a), cost);
}

Reply checkpoint(SandboxState &state, const Request &req)
{
    // The checkpoint page shows the microsecond, zone-less timestamp (§2.2); use it here.
    const QString action = QStringLiteral("checkpoint");
    const auto invalid = [&](const QString &message) {
        return errorReply(400, QStringLiteral("INVALID_PARAMS"), message, action, TimeStyle::Micro);
    };
    if (!req.jsonObject)
        return invalid(QStringLiteral("request body must be a JSON object"));
    Params p(req.json);
    const QString accountId = p.string("account_id", true);
    const QString code = p.string("code");
    if (!p.ok())
        return invalid(p.message());
    Account *a = state.account(accountId);
    if (!a)
        return errorReply(404, QStringLiteral("INVALID_ACCOUNT"),
            QStringLiteral("Account '%1' not found").arg(accountId), action, TimeStyle::Micro);
    if (a->challenge.isEmpty())
        return invalid(QStringLiteral("no checkpoint is pending for this account; if the "
                                      "session expired, call /v2/login again"));
    if (a->challenge == QLatin1String("code_challenge")) {
        if (code.isEmpty())
            return invalid(QStringLiteral("missing required parameter(s): code"));
        if (code.trimmed() != Seeds::verificationCode())
            return invalid(QStringLiteral("invalid verification code; check the code LinkedIn "
                                          "sent and try again"));
    }
    if (state.balance < 1)
        return errorReply(402, QStringLiteral("INSUFFICIENT_CREDITS"),
            QStringLiteral("Not enough credits: the checkpoint needs 1"), action, TimeStyle::Micro);
    a->challenge.clear();
    a->active = true;
    a->updatedAt = QDateTime::currentDateTimeUtc();
    state.log(*a, QStringLiteral("info"), QStringLiteral("Checkpoint passed; account connected"));
    return okReply(action,
        obj({ { "account_id", a->id }, { "status", QStringLiteral("connected") } }), 1, {},
        TimeStyle::Micro);
}

Reply accounts(SandboxState &state, const Request &req)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (req.segments.size() == 2) {
        const QString action = QStringLiteral("get_account");
        const Account *a = state.account(req.segments[1]);
        if (!a)
            return err::invalidAccount(action, req.segments[1]);
        QJsonObject data = accountJson(*a);
        addHealthAndLogs(data, *a, now);
        return okReply(action, data, 0, a->id);
    }
    const QString action = QStringLiteral("list_accounts");
    QStringList problems;
    const auto number = [&](const QString &key, int fallback, int min, int max) {
        if (!req.query.hasQueryItem(key))
            return fallback;
        bool ok = false;
        const int v = req.query.queryItemValue(key).toInt(&ok);
        if (!ok || v < min || v > max) {
            problems << QStringLiteral("%1 must be an integer between %2 and %3")
                            .arg(key)
                            .arg(min)
                            .arg(max);
            return fallback;
        }
        return v;
    };
    // `limit` is canonical; integration code sends `count` (§2.3), accepted as an alias.
    const QString limitKey = req.query.hasQueryItem(QStringLiteral("limit"))
            || !req.query.hasQueryItem(QStringLiteral("count"))
        ? QStringLiteral("limit")
        : QStringLiteral("count");
    const int limit = number(limitKey, 50, 1, 500);
    const int offset = number(QStringLiteral("offset"), 0, 0, 1000000000);
    if (!problems.isEmpty())
        return err::invalidParams(action, problems.join(QStringLiteral("; ")));
    QJsonArray items;
    for (qsizetype i = offset; i < qsizetype(state.accounts.size()) && items.size() < limit; ++i)
        items.append(accountJson(state.accounts[size_t(i)]));
    return okReply(action,
        obj({ { "items", items }, { "total", qint64(state.accounts.size()) }, { "limit", limit },
            { "offset", offset } }),
        0);
}

Reply credits(SandboxState &state, const Request &)
{
    // Inferred (§2.5: "shape unknown"): data {"credits": <balance>}.
    return okReply(QStringLiteral("get_credits"), obj({ { "credits", state.balance } }), 0);
}

Reply logs(SandboxState &state, const Request &req)
{
    // Inferred (§2.5: query limit, offset, action, account_id, status, date_from, date_to;
    // shape unknown): newest first, {items, total, limit, offset} like GET /v2/accounts.
    const QString action = QStringLiteral("list_logs");
    const QUrlQuery &q = req.query;
    bool limitOk = true, offsetOk = true;
    const int limit = q.hasQueryItem(QStringLiteral("limit"))
        ? q.queryItemValue(QStringLiteral("limit")).toInt(&limitOk)
        : 50;
    const int offset = q.hasQueryItem(QStringLiteral("offset"))
        ? q.queryItemValue(QStringLiteral("offset")).toInt(&offsetOk)
        : 0;
    const QString from = q.queryItemValue(QStringLiteral("date_from"), QUrl::FullyDecoded);
    const QString to = q.queryItemValue(QStringLiteral("date_to"), QUrl::FullyDecoded);
    const QDateTime fromTime = from.isEmpty() ? QDateTime() : parseTime(from);
    const QDateTime toTime = to.isEmpty() ? QDateTime() : parseTime(to);
    const QString status = q.queryItemValue(QStringLiteral("status"));
    if (!limitOk || !offsetOk || limit < 1 || limit > 500 || offset < 0)
        return err::invalidParams(action, QStringLiteral("limit must be 1-500 and offset >= 0"));
    if ((!from.isEmpty() && !fromTime.isValid()) || (!to.isEmpty() && !toTime.isValid()))
        return err::invalidParams(
            action, QStringLiteral("date_from/date_to must be ISO 8601 times"));
    if (!status.isEmpty() && status != QLatin1String("success") && status != QLatin1String("error"))
        return err::invalidParams(
            action, QStringLiteral("status must be \"success\" or \"error\""));
    const QString onlyAction = q.queryItemValue(QStringLiteral("action"));
    const QString onlyAccount = q.queryItemValue(QStringLiteral("account_id"));
    QJsonArray items;
    int total = 0;
    for (qsizetype i = state.apiLog.size() - 1; i >= 0; --i) {
        const ApiLogEntry &e = state.apiLog[i];
        const bool ok = e.httpStatus == 200;
        if ((!onlyAction.isEmpty() && e.action != onlyAction)
            || (!onlyAccount.isEmpty() && e.accountId != onlyAccount)
            || (status == QLatin1String("success") && !ok)
            || (status == QLatin1String("error") && ok) || (fromTime.isValid() && e.at < fromTime)
            || (toTime.isValid() && e.at > toTime))
            continue;
        if (total++ < offset || items.size() >= limit)
            continue;
        items.append(obj({ { "log_id", QStringLiteral("log_%1").arg(i + 1) },
            { "action", e.action },
            { "account_id",
                e.accountId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.accountId) },
            { "endpoint", e.endpoint },
            { "status", ok ? QStringLiteral("success") : QStringLiteral("error") },
            { "http_status", e.httpStatus }, { "credits_consumed", e.credits },
            { "created_at", formatTime(e.at, TimeStyle::Zulu) } }));
    }
    return okReply(action,
        obj({ { "items", items }, { "total", total }, { "limit", limit }, { "offset", offset } }),
        0);
}

} // namespace ld::sandbox::handlers
