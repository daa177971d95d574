#include "gapfill.h"

#include "domain/timestamps.h"
#include "livetypes.h"

namespace ld {

GapFill::GapFill(WebhooksService *service, const QString &accountId, const QString &webhookId,
    const QDateTime &since, int limit, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_accountId(accountId)
    , m_webhookId(webhookId)
    , m_firstSince(since)
    , m_since(since)
    , m_limit(qBound(1, limit, WebhooksService::MaxPollLimit))
{ }

GapFill::~GapFill()
{
    abort();
}

void GapFill::abort()
{
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call = nullptr;
    call->disconnect(this);
    call->abort();
}

void GapFill::start()
{
    requestPage();
}

void GapFill::requestPage()
{
    ApiCall *call = m_service->events(m_webhookId, m_since, m_limit, m_accountId);
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call] { onPage(call); });
    connect(call, &ApiCall::failed, this, [this](const ApiError &error) {
        m_call = nullptr;
        qCInfo(lcLive).noquote() << "events of" << m_webhookId
                                 << "failed:" << error.technicalSummary();
        Q_EMIT failed(error);
    });
}

void GapFill::onPage(ApiCall *call)
{
    m_call = nullptr;
    ++m_pages;
    const QDateTime serverNow
        = timestamps::fromJson(call->metadata().value(QStringLiteral("timestamp")));
    Decoded<PolledPage> page = decodePolledEvents(call->data());
    if (!page.ok()) {
        qCWarning(lcLive).noquote() << "events of" << m_webhookId << "unreadable:" << page.error;
        Q_EMIT failed(ApiError::badBody(page.error));
        return;
    }
    for (const QString &problem : std::as_const(page.value.problems))
        qCWarning(lcLive).noquote() << "events of" << m_webhookId << "skipped an item:" << problem;

    const QDateTime pageNewest = page.value.newestCreatedAt;
    const bool progressed = pageNewest.isValid() && (!m_newest.isValid() || pageNewest > m_newest);
    if (progressed)
        m_newest = pageNewest;

    const QPointer<GapFill> alive(this);
    Q_EMIT pageReceived(page.value.events, serverNow);
    if (!alive)
        return;

    if (page.value.itemCount < m_limit) {
        Q_EMIT finished(m_newest, serverNow);
        return;
    }
    if (!progressed || m_pages >= MaxPages) {
        qCWarning(lcLive).noquote()
            << "events of" << m_webhookId << "stopped after" << m_pages
            << (progressed ? "pages (the cap)" : "pages: a full page brought nothing newer");
        // Not caught up: the cursor may only move to what was actually seen.
        Q_EMIT finished(m_newest, QDateTime());
        return;
    }
    m_since = m_newest.addMSecs(-1);
    requestPage();
}

} // namespace ld
