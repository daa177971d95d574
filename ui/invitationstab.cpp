#include "invitationstab.h"

#include "plaintext.h"

#include "domain/profileurl.h"
#include "models/invitationlistmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <algorithm>

namespace ld::ui {

InvitationsTab::InvitationsTab(
    NetworkRepository *network, AccountRepository *accounts, Direction direction, QWidget *parent)
    : QStackedWidget(parent)
    , m_network(network)
    , m_direction(direction)
    , m_model(new InvitationListModel(network, accounts, direction, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTreeView(this))
    , m_empty(plainLabel({}, this))
{
    const bool received = direction == Direction::Received;
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(InvitationListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);

    m_view->setObjectName(received ? QStringLiteral("receivedList") : QStringLiteral("sentList"));
    m_view->setAccessibleName(received ? tr("Received invitations") : tr("Sent invitations"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(InvitationListModel::AgeColumn, Qt::AscendingOrder); // newest first
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionsMovable(false);
    m_view->setColumnWidth(InvitationListModel::NameColumn, 180);
    // A sent note is ours, and rare: there the headline gets the room.
    m_view->setColumnWidth(InvitationListModel::HeadlineColumn, received ? 280 : 340);
    m_view->setColumnWidth(InvitationListModel::AccountColumn, 140);
    m_view->setColumnWidth(InvitationListModel::AgeColumn, 64);

    m_empty->setObjectName(
        received ? QStringLiteral("receivedEmpty") : QStringLiteral("sentEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    mute(m_empty);
    addWidget(m_view);
    addWidget(m_empty);
    setFocusProxy(m_view);
}

QList<StoredInvitation> InvitationsTab::selectedInvitations(QList<int> *ages) const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<StoredInvitation> out;
    for (const QModelIndex &i : std::as_const(rows)) {
        const std::optional<StoredInvitation> inv
            = m_network->invitation(i.data(InvitationListModel::KeyRole).toLongLong());
        if (!inv)
            continue;
        out << *inv;
        if (ages)
            *ages << i.data(InvitationListModel::AgeDaysRole).toInt();
    }
    return out;
}

QStringList InvitationsTab::accountsInFocus() const
{
    QStringList ids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows()) {
        const QString id = i.data(InvitationListModel::AccountIdRole).toString();
        if (!ids.contains(id))
            ids << id;
    }
    if (!ids.isEmpty())
        return ids;
    for (const StoredInvitation &inv : m_model->invitations()) {
        if (!ids.contains(inv.accountId))
            ids << inv.accountId;
    }
    return ids;
}

QString InvitationsTab::currentDetail() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return {};
    const std::optional<StoredInvitation> inv
        = m_network->invitation(current.data(InvitationListModel::KeyRole).toLongLong());
    if (!inv)
        return {};
    QString text = inv->person.fullName().trimmed();
    if (!inv->person.headline.isEmpty())
        text = tr("%1 — %2").arg(text, inv->person.headline);
    if (!inv->note.isEmpty())
        text += QLatin1Char('\n')
            + (m_direction == Direction::Received ? tr("Their note: %1") : tr("Your note: %1"))
                  .arg(inv->note);
    return text;
}

QString InvitationsTab::currentProfileUrl() const
{
    // Only a LinkedIn member profile, rebuilt from its id: a link in remote data is never
    // opened as it came (another site, a javascript: or file: URL).
    return canonicalProfileUrl(
        m_view->currentIndex().data(InvitationListModel::ProfileUrlRole).toString());
}

void InvitationsTab::updateEmptyState(const QStringList &accountsInView)
{
    const bool empty = m_model->rowCount() == 0;
    setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : static_cast<QWidget *>(m_view));
    if (!empty)
        return;
    const bool received = m_direction == Direction::Received;
    const bool filtered = !m_model->accountFilter().isEmpty();
    bool everRead = false;
    for (const QString &id : accountsInView)
        everRead |= m_network->invitationsFetchedAt(id, m_direction).isValid();
    if (accountsInView.isEmpty())
        m_empty->setText(tr("No account yet. Connect a LinkedIn account (Ctrl+N), then press F5 "
                            "to read its invitations."));
    else if (!everRead)
        m_empty->setText(received ? tr("The received invitations have not been read yet. Press "
                                       "F5 to read them (about 1 credit per list of 100).")
                                  : tr("The sent invitations have not been read yet. Press F5 "
                                       "to read them (about 1 credit per list of 100)."));
    else if (filtered)
        m_empty->setText(received ? tr("No pending invitations for this account. Choose All "
                                       "accounts to see the others, or press F5.")
                                  : tr("No pending sent invitations for this account. Choose "
                                       "All accounts to see the others, or press F5."));
    else
        m_empty->setText(received ? tr("Nobody is waiting for an answer: no pending "
                                       "invitations. Press F5 to check again.")
                                  : tr("No sent invitation is pending. Invite people from the "
                                       "People page; press F5 to check again."));
}

} // namespace ld::ui
