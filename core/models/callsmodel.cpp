#include "callsmodel.h"

#include "api/apiclient.h"

#include <QLocale>

namespace ld {

CallsModel::CallsModel(ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    connect(m_client, &ApiClient::callStarted, this, &CallsModel::onStarted);
    const QList<ApiCall *> active = m_client->activeCalls();
    for (ApiCall *call : active)
        onStarted(call);
}

void CallsModel::setMaxFinished(int n)
{
    m_maxFinished = qMax(0, n);
    trimFinished();
}

void CallsModel::snapshot(Row &row, const ApiCall *call)
{
    row.id = call->id();
    row.startedAt = call->startedAt().isValid() ? call->startedAt() : row.startedAt;
    row.action = call->request().action.isEmpty() ? call->request().path : call->request().action;
    row.accountId = call->request().accountId;
    row.state = int(call->state());
    row.attempts = call->attempts();
    row.credits = call->state() == ApiCall::State::Succeeded ? call->creditsConsumed() : 0;
    row.running = !call->isDone();
    row.error = call->error().isError() ? call->error().userMessage() : QString();
}

void CallsModel::onStarted(ApiCall *call)
{
    if (rowOfCall(call->id()) >= 0)
        return;
    Row row;
    row.call = call;
    row.startedAt = QDateTime::currentDateTimeUtc();
    snapshot(row, call);
    beginInsertRows({}, 0, 0);
    m_rows.prepend(row);
    endInsertRows();
    connect(call, &ApiCall::stateChanged, this, [this, call] { onChanged(call); });
    connect(call, &ApiCall::retrying, this, [this, call] { onChanged(call); });
    connect(call, &ApiCall::done, this, [this, call] {
        onChanged(call);
        trimFinished();
    });
    updateRunningCount();
}

void CallsModel::onChanged(ApiCall *call)
{
    const int row = rowOfCall(call->id());
    if (row < 0)
        return;
    snapshot(m_rows[row], call);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    updateRunningCount();
}

int CallsModel::rowOfCall(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

// Keeps the newest m_maxFinished finished rows; running rows always stay.
void CallsModel::trimFinished()
{
    int finished = 0;
    for (const Row &r : std::as_const(m_rows))
        finished += r.running ? 0 : 1;
    for (int i = int(m_rows.size()) - 1; i >= 0 && finished > m_maxFinished; --i) {
        if (m_rows.at(i).running)
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
        --finished;
    }
}

void CallsModel::updateRunningCount()
{
    const int running = runningCount();
    if (running == m_running)
        return;
    m_running = running;
    Q_EMIT runningCountChanged(running);
}

int CallsModel::runningCount() const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.running ? 1 : 0;
    return n;
}

bool CallsModel::abortAt(int row)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const QPointer<ApiCall> call = m_rows.at(row).call;
    if (!call || call->isDone())
        return false;
    call->abort();
    return true;
}

int CallsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString stateText(ApiCall::State s)
{
    switch (s) {
    case ApiCall::State::Queued:
        return CallsModel::tr("Queued");
    case ApiCall::State::Running:
        return CallsModel::tr("Running");
    case ApiCall::State::Waiting:
        return CallsModel::tr("Waiting to retry");
    case ApiCall::State::Succeeded:
        return CallsModel::tr("Done");
    case ApiCall::State::Failed:
        return CallsModel::tr("Failed");
    case ApiCall::State::Aborted:
        return CallsModel::tr("Cancelled");
    }
    return {};
}

QVariant CallsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case CallIdRole:
        return r.id;
    case IsRunningRole:
        return r.running;
    case Qt::ToolTipRole:
        return r.error.isEmpty() ? QVariant() : QVariant(r.error);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case StartedColumn:
        return QLocale().toString(r.startedAt.toLocalTime().time(), QLocale::ShortFormat);
    case ActionColumn:
        return r.action;
    case AccountColumn:
        return r.accountId;
    case StateColumn:
        return stateText(ApiCall::State(r.state));
    case AttemptsColumn:
        return r.attempts;
    case CreditsColumn:
        return r.credits;
    default:
        return {};
    }
}

QVariant CallsModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case ActionColumn:
        return tr("Action");
    case AccountColumn:
        return tr("Account");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case CreditsColumn:
        return tr("Credits");
    default:
        return {};
    }
}

} // namespace ld
