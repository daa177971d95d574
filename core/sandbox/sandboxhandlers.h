#pragma once
// The sandbox's request handlers, one file per API category. They are plain functions from
// (state, request) to a Reply; the server does routing, authentication, faults and writing.
#include "sandboxreply.h"
#include "sandboxstate.h"

#include <QUrlQuery>

namespace ld::sandbox {

struct Request
{
    QByteArray method; // "GET", "POST", ...
    QString path; // "/v2/accounts/abc"
    QStringList segments; // path parts after "/v2": {"accounts", "abc"}
    QUrlQuery query;
    QByteArray body;
    QJsonObject json; // the body when it is a JSON object
    bool jsonObject = false;
    QString baseUrl; // "http://127.0.0.1:<port>", for absolute URLs in answers
};

// One call of an action endpoint (contract §1.3 A) on a known, active account.
struct ActionContext
{
    SandboxState &state;
    Account &account;
    QString action;
    Params params;

    bool canAfford(qint64 credits) const { return state.balance >= credits; }
    Reply ok(const QJsonValue &data, int credits) const
    {
        return okReply(action, data, credits, account.id);
    }
    Reply invalid(const QString &message) const { return err::invalidParams(action, message); }
    Reply paramsError() const { return err::invalidParams(action, params.message()); }
    Reply noCredits(qint64 needed) const
    {
        return err::insufficientCredits(action, needed, state.balance);
    }
};

// Credits "1 per N results, rounded up" (§1.9).
inline int perResults(qint64 results, int unit)
{
    return int((results + unit - 1) / unit);
}

// The offset-paging block of §1.7.
QJsonObject pagination(qint64 offset, qint64 returned, qint64 total, int perPage);

namespace handlers {

QStringList messageActions();
Reply messages(ActionContext &ctx);
QStringList networkActions();
Reply network(ActionContext &ctx);
QStringList profileActions();
Reply profiles(ActionContext &ctx);
QStringList contentActions();
Reply content(ActionContext &ctx);

Reply login(SandboxState &state, const Request &req);
Reply checkpoint(SandboxState &state, const Request &req);
Reply accounts(SandboxState &state, const Request &req);
Reply credits(SandboxState &state, const Request &req);
Reply logs(SandboxState &state, const Request &req);
Reply webhooks(SandboxState &state, const Request &req);

// Side effects of a live event on the seeded world (a message lands in the inbox, an
// accepted invitation becomes a connection, a disconnection deactivates the account).
void applyEvent(
    SandboxState &state, Account &account, const QString &type, const QJsonObject &inner);
// Stores the event for every matching hosted webhook of the account; returns, per webhook
// id, the wrapper JSON that open streams of that webhook must send.
QList<QPair<QString, QJsonObject>> queueEvent(
    SandboxState &state, const QString &accountId, const QString &type, const QJsonObject &inner);

// The demo's next live event (a message, now and then an accepted invitation) for an
// active account; sets *accountId empty when there is nothing to send.
QJsonObject demoEvent(SandboxState &state, int tick, QString *accountId, QString *type);

} // namespace handlers
} // namespace ld::sandbox
