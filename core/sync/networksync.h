#pragma once
// Fills the network cache (NetworkRepository) on demand, never on timers: each list costs
// credits (§1.9), so every refresh reports what it cost. A refresh reads every page (offset
// paging, §1.7: continue with offset = pagination.next_offset while pagination.has_more) and
// only then replaces the stored list, so a failure half-way leaves the previous list intact.
// An empty page ends the listing even when it says has_more, and so does a next_offset that does
// not move past the page's own offset (decodeReceivedInvitations & co. read it as the end): the
// server has nothing more to give. A server that ignores the offset asked for (a next_offset not
// beyond it), or a list still going on after MaxPages pages, fails the refresh instead: the pages
// read so far would be a wrong list, and replacing the stored one with it would drop rows the
// server never said were gone.
#include "api/apierror.h"
#include "store/networkrepository.h"

#include <QObject>
#include <QSet>
#include <memory>

namespace ld {

class ApiCall;
class NetworkService;

class NetworkSync : public QObject
{
    Q_OBJECT
public:
    enum class List { Received, Sent, Connections };
    Q_ENUM(List)

    static constexpr int InvitationPageSize = 100;
    static constexpr int ConnectionPageSize = 100; // 1 credit per 50 results: 2 per full page
    // 40,000 rows at the default page sizes: above LinkedIn's 30,000-connection ceiling, so only
    // a server that never ends its list reaches it.
    static constexpr int MaxPages = 400;

    NetworkSync(NetworkService *network, NetworkRepository *repository, QObject *parent = nullptr);

    // One listing at a time per (account, list): a second call while one runs does nothing.
    void refresh(const QString &accountId, List list);
    bool isBusy() const { return !m_busy.isEmpty(); }
    bool isRefreshing(const QString &accountId, List list) const;

    // Tests page through the sandbox's small lists with small pages and a low ceiling.
    void setPageSize(List list, int count);
    int pageSize(List list) const;
    void setMaxPages(int pages) { m_maxPages = qMax(1, pages); }

Q_SIGNALS:
    void busyChanged(bool busy);
    // Stored: `items` rows over `pages` pages, `credits` spent in total.
    void refreshed(
        const QString &accountId, ld::NetworkSync::List list, int items, int pages, int credits);
    // Nothing was replaced; credits already spent on earlier pages are reported.
    void failed(const QString &accountId, ld::NetworkSync::List list, const ld::ApiError &error,
        int credits);

private:
    struct Pending; // the listing under way: items gathered so far, pages, credits
    void fetchPage(const std::shared_ptr<Pending> &pending, int offset);
    void onPage(const std::shared_ptr<Pending> &pending, ApiCall *call, int offset);
    void finish(const std::shared_ptr<Pending> &pending);
    void fail(const std::shared_ptr<Pending> &pending, const ApiError &error);
    void end(const std::shared_ptr<Pending> &pending);
    static QString busyKey(const QString &accountId, List list);
    static QString notStored(List list); // the sentence for a listing the store refused

    NetworkService *m_network;
    NetworkRepository *m_repository;
    QSet<QString> m_busy; // busyKey()s of the listings under way
    int m_pageSizes[3] = { InvitationPageSize, InvitationPageSize, ConnectionPageSize };
    int m_maxPages = MaxPages;
};

} // namespace ld
