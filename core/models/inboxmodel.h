#pragma once
// The unified inbox: conversations of every account, newest first, read from
// ConversationRepository in keyset pages (canFetchMore/fetchMore), so 100,000 cached
// conversations cost one page of memory. The filter (account, unread, done, search) runs in
// the store: a proxy that hid fetched rows would hide rows it never saw. Rows follow the
// store's change signals in place (dataChanged, or a move, insert or remove when a row's
// position or membership changes); only a new filter resets the model.
#include "store/conversationrepository.h"

#include <QAbstractListModel>
#include <QHash>

namespace ld {

class AccountRepository;

class InboxModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        KeyRole = Qt::UserRole + 1, // qint64, the store's stable key
        ConversationIdRole,
        AccountIdRole,
        AccountNameRole,
        ParticipantNameRole,
        HeadlineRole,
        ProfileUrlRole,
        LastTextRole,               // one line: newlines folded into spaces
        LastTimeRole,               // QDateTime, UTC
        UnreadRole,                 // bool: unread on the server or marked unread locally
        UnreadCountRole,            // int, the server's count
        DoneRole,
        FromMeRole,                 // the last message was sent by the account
    };

    static constexpr int DefaultPageSize = 200;

    // `accounts` (optional) names the accounts for AccountNameRole.
    explicit InboxModel(ConversationRepository *conversations, AccountRepository *accounts = nullptr,
                        QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    InboxFilter filter() const { return m_filter; }
    // A different filter resets the model and reads its first page; the same filter does nothing.
    void setFilter(const InboxFilter &filter);
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }

    ConversationRepository *repository() const { return m_repo; }
    std::optional<ConversationRow> rowAt(int row) const;
    qint64 keyAt(int row) const;   // 0 when out of range
    int rowOfKey(qint64 key) const; // -1 when not fetched (or not in the filter)

Q_SIGNALS:
    void filterChanged(const ld::InboxFilter &filter);

private:
    void applyKeys(const QList<qint64> &keys);
    static bool sortsBefore(const ConversationRow &a, const ConversationRow &b);
    void refreshAccountNames();
    QString accountName(const QString &accountId) const;

    ConversationRepository *m_repo;
    AccountRepository *m_accounts;
    InboxFilter m_filter;
    int m_pageSize = DefaultPageSize;
    bool m_atEnd = false;
    QList<ConversationRow> m_rows; // a prefix of the store's order for m_filter
    QHash<QString, QString> m_accountNames;
};

} // namespace ld
