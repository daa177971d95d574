#include "connectionstab.h"

#include "conversationlistdelegate.h"
#include "persondelegate.h"
#include "plaintext.h"

#include "api/apierror.h"
#include "models/connectionlistmodel.h"
#include "store/networkrepository.h"
#include "sync/networksync.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace ld::ui {

ConnectionsTab::ConnectionsTab(NetworkRepository *network, NetworkSync *sync, QWidget *parent)
    : QWidget(parent)
    , m_network(network)
    , m_sync(sync)
    , m_model(new ConnectionListModel(network, this))
    , m_filter(new QLineEdit(this))
    , m_refresh(new QPushButton(tr("Refre&sh (1 credit per 50)"), this))
    , m_list(new QListView(this))
    , m_empty(plainLabel({}, this))
    , m_status(plainLabel({}, this))
{
    setObjectName(QStringLiteral("connectionsTab"));
    m_filter->setObjectName(QStringLiteral("connectionsFilter"));
    m_filter->setPlaceholderText(tr("Filter by name or title (/)"));
    m_filter->setAccessibleName(tr("Filter connections"));
    m_filter->setClearButtonEnabled(true);
    m_refresh->setObjectName(QStringLiteral("connectionsRefresh"));
    m_refresh->setToolTip(tr("Reads every connection of this account again (Ctrl+R). LinkUp "
                             "charges 1 credit per 50 connections."));
    m_list->setObjectName(QStringLiteral("connectionsList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new PersonDelegate({ ConnectionListModel::JobTitleRole, -1, -1 }, m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setAccessibleName(tr("Connections"));
    m_empty->setObjectName(QStringLiteral("connectionsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_status->setObjectName(QStringLiteral("connectionsStatus"));
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(m_filter, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_status);

    connect(m_filter, &QLineEdit::textChanged, m_model, &ConnectionListModel::setFilter);
    connect(m_refresh, &QPushButton::clicked, this, &ConnectionsTab::refresh);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_model, signal, this, &ConnectionsTab::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConnectionsTab::updateState);
    connect(m_network, &NetworkRepository::connectionsChanged, this, &ConnectionsTab::updateState);
    connect(m_sync, &NetworkSync::busyChanged, this, &ConnectionsTab::updateState);
    connect(m_sync, &NetworkSync::refreshed, this,
            [this](const QString &accountId, NetworkSync::List list, int items, int pages,
                   int credits) {
                if (list == NetworkSync::List::Connections)
                    onRefreshed(accountId, items, pages, credits);
            });
    connect(m_sync, &NetworkSync::failed, this,
            [this](const QString &accountId, NetworkSync::List list, const ApiError &error,
                   int credits) {
                if (list == NetworkSync::List::Connections)
                    onFailed(accountId, error, credits);
            });
    updateState();
}

void ConnectionsTab::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    m_lastResult.clear();
    m_model->setAccountId(accountId);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    updateState();
}

bool ConnectionsTab::isRefreshing() const
{
    return !m_accountId.isEmpty()
        && m_sync->isRefreshing(m_accountId, NetworkSync::List::Connections);
}

void ConnectionsTab::refresh()
{
    if (m_accountId.isEmpty()) {
        m_lastResult = tr("Choose the account whose connections to read: connect one first if "
                          "the list is empty.");
        updateState();
        return;
    }
    if (isRefreshing())
        return;
    m_lastResult.clear();
    m_sync->refresh(m_accountId, NetworkSync::List::Connections);
    updateState();
}

void ConnectionsTab::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ConnectionsTab::onRefreshed(const QString &accountId, int items, int pages, int credits)
{
    if (accountId != m_accountId)
        return;
    Q_EMIT statusMessage(tr("Read %n connection(s)", nullptr, items) + QLatin1Char(' ')
                         + tr("over %n page(s)", nullptr, pages) + QStringLiteral(" — ")
                         + tr("%Ln credit(s).", nullptr, credits));
    // The count and the time are in the status already: what the refresh cost is new.
    m_lastResult = tr("last refresh: %1, %2")
                       .arg(tr("%n page(s)", nullptr, pages), tr("%Ln credit(s)", nullptr, credits));
    if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    updateState();
}

void ConnectionsTab::onFailed(const QString &accountId, const ApiError &error, int credits)
{
    if (accountId != m_accountId)
        return;
    m_lastResult = tr("The connections could not be read: %1 The stored list is unchanged.")
                       .arg(error.userMessage());
    if (credits > 0)
        m_lastResult += QLatin1Char(' ')
            + tr("%Ln credit(s) were spent on the pages read.", nullptr, credits);
    Q_EMIT statusMessage(m_lastResult);
    updateState();
}

void ConnectionsTab::updateState()
{
    const bool busy = isRefreshing();
    // A disabled button passes the focus down the chain, out of this tab: keep it here.
    if (busy && m_refresh->hasFocus())
        m_filter->setFocus(Qt::OtherFocusReason);
    m_refresh->setEnabled(!busy && !m_accountId.isEmpty());
    m_refresh->setText(busy ? tr("Reading connections…") : tr("Refre&sh (1 credit per 50)"));

    const int rows = m_model->rowCount();
    const int stored = m_model->storedCount();
    if (rows == 0) {
        if (m_accountId.isEmpty())
            m_empty->setText(tr("Connect a LinkedIn account to see its connections."));
        else if (busy)
            m_empty->setText(tr("Reading the connections…"));
        else if (stored > 0)
            m_empty->setText(tr("No connection matches “%1”.").arg(m_filter->text().trimmed()));
        else
            m_empty->setText(tr("No connections stored for this account yet. Press Refresh "
                                "(Ctrl+R) to read them: 1 credit per 50 connections."));
    }
    m_empty->setVisible(rows == 0);
    m_list->setVisible(rows > 0);

    QStringList parts;
    if (stored > 0) {
        parts << (rows == stored ? tr("%n connection(s)", nullptr, stored)
                                 : tr("%1 of %2 connections").arg(rows).arg(stored));
        const QDateTime at = m_network->connectionsFetchedAt(m_accountId);
        if (at.isValid())
            parts << tr("read %1").arg(ConversationListDelegate::relativeTime(at));
    }
    if (!m_lastResult.isEmpty())
        parts << m_lastResult;
    const QString status = parts.join(QStringLiteral(" · "));
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
}

} // namespace ld::ui
