#include "networksync.h"

#include "api/apicall.h"
#include "domain/invitation.h"
#include "services/networkservice.h"
#include "support/logging.h"

#include <QDateTime>

namespace ld {

namespace {

QString actionOf(NetworkSync::List list)
{
    switch (list) {
    case NetworkSync::List::Received:
        return QStringLiteral("list_invitations");
    case NetworkSync::List::Sent:
        return QStringLiteral("list_sent");
    case NetworkSync::List::Connections:
        break;
    }
    return QStringLiteral("list_connections");
}

// What one page said about the paging, or the decoder's error.
struct PageInfo
{
    QString error;
    int items = 0; // on this page, before de-duplication
    bool hasMore = false;
    int nextOffset = 0;
};

// Appends the page's items to `all`, each key once: a list that changes while it is paged
// (an invitation answered meanwhile) shifts its rows, so one may show on two pages.
template <typename T, typename KeyOf>
PageInfo take(const Decoded<OffsetPage<T>> &page, QList<T> *all, QSet<QString> *seen, KeyOf keyOf)
{
    if (!page.ok())
        return { page.error };
    for (const T &item : page.value.items) {
        const QString key = keyOf(item);
        if (!key.isEmpty()) {
            if (seen->contains(key))
                continue;
            seen->insert(key);
        }
        all->append(item);
    }
    return { {}, int(page.value.items.size()), page.value.hasMore(),
        page.value.pagination.nextOffset };
}

} // namespace

struct NetworkSync::Pending
{
    QString accountId;
    List list = List::Received;
    int pages = 0;
    int credits = 0;
    // Stored as the rows' fetchedAt: a row the queue writes while the pages come in (an invite
    // that just succeeded) is newer, and the replace keeps it.
    QDateTime startedAt;
    QSet<QString> seen; // entity URNs or profile URLs gathered so far
    QList<ReceivedInvitation> received;
    QList<SentInvitation> sent;
    QList<Connection> connections;

    int size() const
    {
        switch (list) {
        case List::Received:
            return int(received.size());
        case List::Sent:
            return int(sent.size());
        case List::Connections:
            break;
        }
        return int(connections.size());
    }
};

NetworkSync::NetworkSync(NetworkService *network, NetworkRepository *repository, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_repository(repository)
{ }

QString NetworkSync::busyKey(const QString &accountId, List list)
{
    return actionOf(list) + QLatin1Char(':') + accountId;
}

bool NetworkSync::isRefreshing(const QString &accountId, List list) const
{
    return m_busy.contains(busyKey(accountId, list));
}

void NetworkSync::setPageSize(List list, int count)
{
    m_pageSizes[int(list)] = qMax(1, count);
}

int NetworkSync::pageSize(List list) const
{
    return m_pageSizes[int(list)];
}

void NetworkSync::refresh(const QString &accountId, List list)
{
    const QString key = busyKey(accountId, list);
    if (m_busy.contains(key))
        return;
    m_busy.insert(key);
    if (m_busy.size() == 1)
        Q_EMIT busyChanged(true);
    auto pending = std::make_shared<Pending>();
    pending->accountId = accountId;
    pending->list = list;
    pending->startedAt = QDateTime::currentDateTimeUtc();
    fetchPage(pending, 0);
}

void NetworkSync::fetchPage(const std::shared_ptr<Pending> &pending, int offset)
{
    OffsetQuery query;
    query.count = pageSize(pending->list);
    query.offset = offset;
    ApiCall *call = nullptr;
    switch (pending->list) {
    case List::Received:
        call = m_network->listInvitations(pending->accountId, query);
        break;
    case List::Sent:
        call = m_network->listSent(pending->accountId, query);
        break;
    case List::Connections:
        call = m_network->listConnections(pending->accountId, query);
        break;
    }
    connect(call, &ApiCall::done, this,
        [this, pending, call, offset] { onPage(pending, call, offset); });
}

void NetworkSync::onPage(const std::shared_ptr<Pending> &pending, ApiCall *call, int offset)
{
    // Credits count even when the page is then refused: the server charged for it.
    pending->credits += call->creditsConsumed();
    ++pending->pages;
    if (call->state() != ApiCall::State::Succeeded)
        return fail(pending, call->error());

    PageInfo page;
    switch (pending->list) {
    case List::Received:
        page = take(decodeReceivedInvitations(call->data()), &pending->received, &pending->seen,
            [](const ReceivedInvitation &i) { return i.entityUrn; });
        break;
    case List::Sent:
        page = take(decodeSentInvitations(call->data()), &pending->sent, &pending->seen,
            [](const SentInvitation &i) { return i.entityUrn; });
        break;
    case List::Connections:
        page = take(decodeConnections(call->data()), &pending->connections, &pending->seen,
            [](const Connection &c) { return c.profileUrl; });
        break;
    }
    const QString action = actionOf(pending->list);
    if (!page.error.isEmpty())
        return fail(pending, ApiError::badBody(action + QStringLiteral(": ") + page.error));

    // An empty page ends the list even if it says more follow: nothing was skipped, and a
    // server that keeps saying has_more on empty pages must not be followed for ever.
    if (!page.hasMore || page.items == 0)
        return finish(pending);
    // The decoder already ended a page whose next_offset does not pass its own offset; one that
    // does not pass the offset asked for means the server ignores it and would serve the same
    // rows again and again.
    if (page.nextOffset <= offset)
        return fail(pending,
            ApiError::badBody(QStringLiteral("%1: data.pagination.next_offset %2 does not "
                                             "move past offset %3")
                                  .arg(action)
                                  .arg(page.nextOffset)
                                  .arg(offset)));
    if (pending->pages >= m_maxPages)
        return fail(pending,
            ApiError::badBody(QStringLiteral("%1: data.pagination.has_more still true "
                                             "after %2 pages")
                                  .arg(action)
                                  .arg(pending->pages)));
    fetchPage(pending, page.nextOffset);
}

void NetworkSync::finish(const std::shared_ptr<Pending> &pending)
{
    const QDateTime &at = pending->startedAt;
    bool stored = false;
    switch (pending->list) {
    case List::Received:
        stored = m_repository->replaceReceived(pending->accountId, pending->received, at);
        break;
    case List::Sent:
        stored = m_repository->replaceSent(pending->accountId, pending->sent, at);
        break;
    case List::Connections:
        stored = m_repository->replaceConnections(pending->accountId, pending->connections, at);
        break;
    }
    if (!stored) {
        qCWarning(lcSync) << "could not store" << actionOf(pending->list) << "of"
                          << pending->accountId;
        return fail(pending, ApiError::config(notStored(pending->list)));
    }
    // Not busy any more before the signal, so a handler may start the next refresh.
    end(pending);
    Q_EMIT refreshed(
        pending->accountId, pending->list, pending->size(), pending->pages, pending->credits);
}

QString NetworkSync::notStored(List list)
{
    switch (list) {
    case List::Received:
        return tr("The received invitations were read but could not be saved in the local "
                  "database. Check the free disk space, then refresh again.");
    case List::Sent:
        return tr("The sent invitations were read but could not be saved in the local "
                  "database. Check the free disk space, then refresh again.");
    case List::Connections:
        break;
    }
    return tr("The connections were read but could not be saved in the local database. Check "
              "the free disk space, then refresh again.");
}

void NetworkSync::fail(const std::shared_ptr<Pending> &pending, const ApiError &error)
{
    qCInfo(lcSync) << actionOf(pending->list) << "of" << pending->accountId << "failed on page"
                   << pending->pages << ":" << error.technicalSummary();
    end(pending);
    Q_EMIT failed(pending->accountId, pending->list, error, pending->credits);
}

void NetworkSync::end(const std::shared_ptr<Pending> &pending)
{
    if (m_busy.remove(busyKey(pending->accountId, pending->list)) && m_busy.isEmpty())
        Q_EMIT busyChanged(false);
}

} // namespace ld
