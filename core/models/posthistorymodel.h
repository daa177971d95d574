#pragma once
// The published posts (issue 7 §5), newest first, for the Posts page's history: when (local
// time), the account or page, the start of the text, the post URL and the credits spent.
// Optionally one account's only. A newly published post is inserted at the top (no reset).
#include "store/draftrepository.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ld {

class AccountRepository;

class PostHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, AccountColumn, TextColumn, UrlColumn, CreditsColumn, ColumnCount };
    enum Roles {
        IdRole = Qt::UserRole + 1, // qint64, the history record
        DraftIdRole, // qint64
        PostUrlRole, // QString; empty when confirmed by hand
        PublishedAtRole, // QDateTime UTC
        AccountIdRole,
    };

    static constexpr int DefaultLimit = 500;

    explicit PostHistoryModel(
        DraftRepository *drafts, AccountRepository *accounts = nullptr, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Empty: every account. A different account reads the history again (a reset).
    void setAccountId(const QString &accountId);
    QString accountId() const { return m_accountId; }

    std::optional<PublishedPostRecord> recordAt(int row) const;
    int rowOfDraft(qint64 draftId) const; // -1 when not listed

    // "Tue 12 Mar 14:05"-like: the date and minutes in the local time zone.
    static QString localTime(const QDateTime &utc);

private:
    void reload();
    void onHistoryChanged();
    void refreshAccountNames();
    QString accountName(const PublishedPostRecord &record) const;

    DraftRepository *m_drafts;
    AccountRepository *m_accounts;
    QString m_accountId;
    QList<PublishedPostRecord> m_rows;
    QHash<QString, QString> m_accountNames;
};

} // namespace ld
