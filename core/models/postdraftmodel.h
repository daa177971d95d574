#pragma once
// One section of the Posts page's list (issue 7 §3, §4): the drafts of DraftRepository in some
// states — Drafts, Scheduled (soonest first), or those that need the person (Failed, Unknown).
// A draft saved, moved to another state, deleted or restored updates, moves, removes or inserts
// its row (no reset), so the view keeps its selection while the person types.
#include "store/draftrepository.h"

#include <QAbstractListModel>
#include <QHash>

namespace ld {

class AccountRepository;

class PostDraftModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // qint64
        StateRole, // int, Draft::State
        TextRole, // the first line of the text, folded (plain text)
        AccountIdRole,
        AccountNameRole, // the account's name, else its id
        CompanyUrlRole, // empty for a personal post
        MediaCountRole, // int
        HasVideoRole, // bool
        ScheduledAtRole, // QDateTime UTC (invalid unless scheduled)
        UpdatedAtRole, // QDateTime UTC
        ErrorRole, // Failed, Unknown: the sentence
    };

    // `accounts` (optional) names the accounts for AccountNameRole.
    explicit PostDraftModel(DraftRepository *drafts, AccountRepository *accounts = nullptr,
        const QList<Draft::State> &states = {}, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A different set of states reads the list again (a reset).
    void setStates(const QList<Draft::State> &states);
    QList<Draft::State> states() const { return m_states; }

    std::optional<Draft> draftAt(int row) const;
    int rowOfId(qint64 id) const; // -1 when not listed

    // What the list shows for a draft: its first line, or what it holds when it has no text.
    static QString title(const Draft &draft);

private:
    void reload();
    void onDraftChanged(qint64 id);
    bool wants(const Draft &draft) const;
    bool before(const Draft &a, const Draft &b) const; // the list's order
    int insertPosition(const Draft &draft) const; // among m_rows
    void refreshAccountNames();
    QString accountName(const QString &accountId) const;

    DraftRepository *m_drafts;
    AccountRepository *m_accounts;
    QList<Draft::State> m_states;
    QList<Draft> m_rows;
    QHash<QString, QString> m_accountNames;
};

} // namespace ld
