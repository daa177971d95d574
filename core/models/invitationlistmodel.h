#pragma once
// The pending invitations of one direction (received or sent) as a table for the Invitations
// page: name, headline, account, age and note. Reads NetworkRepository::invitations() for the
// accounts of its filter; on invitationsChanged it re-reads and applies a diff by key (removes,
// moves, inserts, dataChanged), so the selection and scroll position survive a refresh and the
// rows a bulk run answers simply disappear. Only a new account filter resets the model.
#include "store/networkrepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <functional>

namespace ld {

class AccountRepository;

class InvitationListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using Direction = StoredInvitation::Direction;

    enum Column { NameColumn, HeadlineColumn, AccountColumn, AgeColumn, NoteColumn, ColumnCount };

    enum Roles {
        KeyRole = Qt::UserRole + 1, // qint64, NetworkRepository's stable key
        EntityUrnRole,
        ProfileUrlRole,
        AccountIdRole,
        AgeDaysRole, // int, whole days since it was sent
        SortRole, // what a sort proxy compares: the age in days for Age
    };

    // `accounts` (optional) names the accounts in the Account column.
    InvitationListModel(NetworkRepository *network, AccountRepository *accounts,
        Direction direction, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Direction direction() const { return m_direction; }
    QStringList accountFilter() const { return m_accountIds; }
    // Empty: every account. A different filter resets the model; the same one does nothing.
    void setAccountFilter(const QStringList &accountIds);

    // The clock ages are counted from (tests pin it); the current UTC time by default.
    void setClock(std::function<QDateTime()> now);
    QDateTime now() const;

    StoredInvitation invitationAt(int row) const; // a default one when out of range
    QList<StoredInvitation> invitations() const { return m_rows; }
    qint64 keyAt(int row) const; // 0 when out of range
    int rowOfKey(qint64 key) const; // -1 when absent
    QString accountName(const QString &accountId) const; // the id when the account is unknown

    // "today", "1 d", "12 d": the Age column's text for `days`.
    static QString ageText(int days);

private:
    void reload();
    void applyDiff(const QList<StoredInvitation> &target);
    void onInvitationsChanged(const QString &accountId, ld::StoredInvitation::Direction direction);
    void refreshAccountNames();
    void emitRowChanged(int row);
    static bool same(const StoredInvitation &a, const StoredInvitation &b);

    NetworkRepository *m_network;
    AccountRepository *m_accounts;
    Direction m_direction;
    QStringList m_accountIds;
    QList<StoredInvitation> m_rows; // NetworkRepository's order: newest first
    QHash<QString, QString> m_accountNames;
    std::function<QDateTime()> m_now;
};

} // namespace ld
