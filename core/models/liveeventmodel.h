#pragma once
// The live events recorded from the hosted webhooks (LiveEventRepository), newest first, for the
// Live page: a new event is inserted at the top as it is recorded (no reset), older ones are
// read a page at a time when the view scrolls to them (canFetchMore/fetchMore). Optionally
// limited to some accounts; only a new filter resets the model.
#include "store/liveeventrepository.h"

#include <QAbstractListModel>
#include <QHash>

namespace ld {

class AccountRepository;

class LiveEventModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // qint64, the repository's row id
        TypeRole, // int, LiveEvent::Type
        TypeNameRole, // event.type as sent ("message", ...)
        PersonNameRole, // sender, or the person who accepted
        ProfileUrlRole,
        TextRole, // the message, folded into one line
        AccountIdRole,
        AccountNameRole, // the account's name, else its id
        ConversationIdRole, // empty when the event did not say
        TimeRole, // QDateTime UTC: when LinkUp emitted it, else when received
    };

    static constexpr int DefaultPageSize = 100;

    // `accounts` (optional) names the accounts for AccountNameRole and the sentences.
    explicit LiveEventModel(LiveEventRepository *events, AccountRepository *accounts = nullptr,
        QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    // Empty: every account. A different set resets the model and reads its first page.
    void setAccountIds(const QStringList &accountIds);
    QStringList accountIds() const { return m_accountIds; }
    // A different page size reads the first page again.
    void setPageSize(int rows);

    std::optional<LiveEventRow> rowAt(int row) const;
    int rowOfId(qint64 id) const; // -1 when not fetched (or filtered out)

    // What the list shows for an event, in one plain-text line: "Ada Lovelace: Hi!",
    // "Ada Lovelace accepted your invitation", "The LinkedIn session of … ended".
    static QString summary(const LiveEventRow &row, const QString &accountName);

private:
    void reload();
    void onRecorded(qint64 id);
    void refreshAccountNames();
    QString accountName(const QString &accountId) const;

    LiveEventRepository *m_events;
    AccountRepository *m_accounts;
    QStringList m_accountIds;
    int m_pageSize = DefaultPageSize;
    bool m_atEnd = false;
    QList<LiveEventRow> m_rows; // newest first: ids descending
    QHash<QString, QString> m_accountNames;
};

} // namespace ld
