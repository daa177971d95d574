#pragma once
// One queue of the Invitations page: the received or sent invitations as a sortable,
// multi-selection table (newest first), or, when there are none, a sentence that says what
// to do about it (connect an account, press F5, choose All accounts).
#include "store/networkrepository.h"

#include <QStackedWidget>

class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace ld {
class AccountRepository;
class InvitationListModel;
} // namespace ld

namespace ld::ui {

class InvitationsTab : public QStackedWidget
{
    Q_OBJECT
public:
    using Direction = StoredInvitation::Direction;

    InvitationsTab(NetworkRepository *network, AccountRepository *accounts, Direction direction,
        QWidget *parent = nullptr);

    Direction direction() const { return m_direction; }
    InvitationListModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    QLabel *emptyLabel() const { return m_empty; }

    // The selected invitations in the view's order; `ages` (optional) gets their ages in days.
    QList<StoredInvitation> selectedInvitations(QList<int> *ages = nullptr) const;
    // The accounts the caps line is about: those of the selection, else those with rows.
    QStringList accountsInFocus() const;
    // The current row's person, full headline and note, for the line under the table.
    QString currentDetail() const;
    // The current row's LinkedIn profile as a canonical URL; empty when it has none.
    QString currentProfileUrl() const;
    // The table, or the empty state for the accounts a refresh would read.
    void updateEmptyState(const QStringList &accountsInView);

private:
    NetworkRepository *m_network;
    Direction m_direction;
    InvitationListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QLabel *m_empty;
};

} // namespace ld::ui
