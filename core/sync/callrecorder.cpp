#include "callrecorder.h"

#include "api/apiclient.h"
#include "store/activitylog.h"
#include "store/creditledger.h"
#include "support/logging.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace ld {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ld::CallRecorder", text);
}

// The account a call concerns: the one it was made for, else the one the server named
// (login and checkpoint only learn the account id from the reply).
QString accountOf(const ApiCall *call)
{
    if (!call->request().accountId.isEmpty())
        return call->request().accountId;
    const QString fromMeta = call->metadata().value(QStringLiteral("account_id")).toString();
    if (!fromMeta.isEmpty())
        return fromMeta;
    return call->data().toObject().value(QStringLiteral("account_id")).toString();
}

QString actionOf(const ApiCall *call)
{
    if (!call->request().action.isEmpty())
        return call->request().action;
    const QString fromMeta = call->metadata().value(QStringLiteral("action")).toString();
    if (!fromMeta.isEmpty())
        return fromMeta;
    return QString::fromLatin1(call->request().method) + QLatin1Char(' ') + call->request().path;
}

QString successSentence(const ApiCall *call, const QString &action)
{
    const QString status = call->data().toObject().value(QStringLiteral("status")).toString();
    if (status == QLatin1String("checkpoint_required"))
        return tr("LinkedIn asked for a verification step.");
    if (action == QLatin1String("login") || action == QLatin1String("import_token")
        || action == QLatin1String("checkpoint"))
        return tr("The account is connected.");
    if (action == QLatin1String("list_accounts"))
        return tr("The account list was read.");
    if (action == QLatin1String("get_account"))
        return tr("The account's details were read.");
    if (action == QLatin1String("credits") || action == QLatin1String("get_credits"))
        return tr("The credit balance was read.");
    return tr("Done.");
}

} // namespace

CallRecorder::CallRecorder(
    ApiClient *client, CreditLedger *ledger, ActivityLog *activity, QObject *parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_activity(activity)
{
    connect(client, &ApiClient::callDone, this, &CallRecorder::record);
}

ActivityEntry CallRecorder::activityFor(const ApiCall *call)
{
    const bool ok = call->state() == ApiCall::State::Succeeded;
    const ApiError error = call->error();
    ActivityEntry e;
    e.at = call->finishedAt().isValid() ? call->finishedAt().toUTC()
                                        : QDateTime::currentDateTimeUtc();
    e.accountId = accountOf(call);
    e.action = actionOf(call);
    e.ok = ok;
    e.httpStatus = call->httpStatus();
    if (!ok)
        e.errorCode = error.code.isEmpty() ? ApiError::kindName(error.kind) : error.code;
    e.message = ok ? successSentence(call, e.action) : error.userMessage();
    e.credits = ok ? call->creditsConsumed() : 0;
    if (call->startedAt().isValid() && call->finishedAt().isValid())
        e.durationMs = int(qMax<qint64>(0, call->startedAt().msecsTo(call->finishedAt())));
    e.attempts = qMax(1, call->attempts());
    return e;
}

CreditCharge CallRecorder::chargeFor(const ApiCall *call)
{
    CreditCharge c;
    c.accountId = accountOf(call);
    c.action = actionOf(call);
    // The contract says errors are free (§1.5); trust that over a stray metadata value.
    c.credits = call->state() == ApiCall::State::Succeeded ? call->creditsConsumed() : 0;
    c.at = call->finishedAt().isValid() ? call->finishedAt().toUTC()
                                        : QDateTime::currentDateTimeUtc();
    return c;
}

void CallRecorder::record(ApiCall *call)
{
    if (!m_ledger->record(chargeFor(call)))
        qCWarning(lcSync) << "could not record the credits of" << actionOf(call);
    if (m_activity->append(activityFor(call)) == 0)
        qCWarning(lcSync) << "could not append to the activity log:" << actionOf(call);
}

} // namespace ld
