#pragma once
// One catch-up of a hosted webhook's stored events (contract §9.9): GET /events?since=…, paged
// while a page is full, each page oldest first. EventStream runs one after every stream
// (re)connect and one per tick for polled accounts. The next page starts a millisecond before
// the newest created_at seen, so that events sharing that millisecond across a page boundary
// are not skipped (de-duplication drops the repeat). A full page that brings nothing newer ends
// it, so a server that ignores `since` cannot keep us paging for ever.
#include "domain/webhook.h"
#include "services/webhooksservice.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace ld {

class GapFill : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxPages = 1000; // 200,000 events: far more than a day of one account

    // `since` invalid: everything the server holds (24 h).
    GapFill(WebhooksService *service, const QString &accountId, const QString &webhookId,
        const QDateTime &since, int limit, QObject *parent = nullptr);
    ~GapFill() override; // a call in flight is aborted quietly

    void start();
    // Stops paging: no signal follows (the call in flight, if any, is aborted).
    void abort();
    QDateTime since() const { return m_firstSince; }

Q_SIGNALS:
    // One page, oldest first. `serverNow` is the server's time of the answer (the envelope's
    // metadata.timestamp), invalid when it gave none.
    void pageReceived(const QList<ld::PolledEvent> &events, const QDateTime &serverNow);
    // Every page read: `newestCreatedAt` over all pages (invalid when none had an item) and the
    // server time of the last answer (invalid when paging stopped short of the end).
    void finished(const QDateTime &newestCreatedAt, const QDateTime &serverNow);
    void failed(const ld::ApiError &error);

private:
    void requestPage();
    void onPage(ApiCall *call);

    WebhooksService *m_service;
    QString m_accountId;
    QString m_webhookId;
    QDateTime m_firstSince;
    QDateTime m_since;
    int m_limit;
    int m_pages = 0;
    QDateTime m_newest;
    QPointer<ApiCall> m_call;
};

} // namespace ld
