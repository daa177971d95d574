#include "inboxfilterproxy.h"

#include "inboxmodel.h"

namespace ld {

InboxFilterProxy::InboxFilterProxy(QObject *parent)
    : QIdentityProxyModel(parent)
{
}

void InboxFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    QIdentityProxyModel::setSourceModel(model);
    m_inbox = nullptr;
    for (QAbstractItemModel *m = model; m && !m_inbox;) {
        m_inbox = qobject_cast<InboxModel *>(m);
        auto *proxy = qobject_cast<QAbstractProxyModel *>(m);
        m = proxy ? proxy->sourceModel() : nullptr;
    }
}

InboxFilter InboxFilterProxy::filter() const
{
    return m_inbox ? m_inbox->filter() : InboxFilter();
}

template <typename Change>
void InboxFilterProxy::change(Change &&apply)
{
    if (!m_inbox)
        return;
    InboxFilter f = m_inbox->filter();
    apply(f);
    m_inbox->setFilter(f); // resets only when the filter really changed
}

void InboxFilterProxy::setAccountIds(const QStringList &accountIds)
{
    change([&](InboxFilter &f) { f.accountIds = accountIds; });
}

void InboxFilterProxy::setUnreadOnly(bool unreadOnly)
{
    change([&](InboxFilter &f) { f.unreadOnly = unreadOnly; });
}

void InboxFilterProxy::setDone(InboxFilter::DoneState done)
{
    change([&](InboxFilter &f) { f.done = done; });
}

void InboxFilterProxy::setSearch(const QString &text)
{
    change([&](InboxFilter &f) { f.search = text.trimmed(); });
}

} // namespace ld
