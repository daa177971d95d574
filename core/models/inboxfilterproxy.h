#pragma once
// The inbox's filters as a proxy: account, unread, done / not done and the search box.
// Decision: these do not hide rows like a QSortFilterProxyModel. The InboxModel below holds
// only the pages fetched so far, so hiding rows would filter a sample of the inbox; each setter
// instead pushes its condition down into the InboxModel's store query (SQLite, FTS5 for the
// search), and this proxy passes the result through unchanged. It can sit on another proxy;
// it finds the InboxModel at the bottom of the chain.
#include "store/conversationrepository.h"

#include <QIdentityProxyModel>

namespace ld {

class InboxModel;

class InboxFilterProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit InboxFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    InboxModel *inboxModel() const { return m_inbox; }

    InboxFilter filter() const;
    void setAccountIds(const QStringList &accountIds); // empty: every account
    void setUnreadOnly(bool unreadOnly);
    void setDone(InboxFilter::DoneState done);
    void setSearch(const QString &text);

private:
    template <typename Change>
    void change(Change &&apply);

    InboxModel *m_inbox = nullptr;
};

} // namespace ld
