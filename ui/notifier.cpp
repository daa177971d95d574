#include "notifier.h"

#include "models/liveeventmodel.h"
#include "store/accountrepository.h"
#include "store/liveeventrepository.h"
#include "support/appsettings.h"
#include "sync/liveevents.h"

#ifdef LD_HAVE_DBUS_NOTIFICATIONS
#include "dbusnotificationbackend.h"
#endif

#include <QLoggingCategory>
#include <QSystemTrayIcon>

Q_LOGGING_CATEGORY(lcNotify, "ld.notify")

namespace ld::ui {

namespace {

constexpr int BodyChars = 300; // a notification is a glimpse; the conversation has the rest

QString person(const LiveEventRow &event)
{
    if (!event.personName.isEmpty())
        return event.personName;
    return event.profileUrl.isEmpty() ? Notifier::tr("Someone") : event.profileUrl;
}

} // namespace

TrayNotificationBackend::TrayNotificationBackend(QSystemTrayIcon *tray, QObject *parent)
    : NotificationBackend(parent)
    , m_tray(tray)
{
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_last != 0)
            Q_EMIT activated(m_last);
    });
}

void TrayNotificationBackend::show(
    quint64 token, const QString &title, const QString &body, quint64 replaces)
{
    // One balloon at a time: a new one replaces the last, whatever `replaces` says.
    if (m_last != 0 && m_last != token)
        Q_EMIT closed(m_last);
    Q_UNUSED(replaces);
    m_last = token;
    m_tray->showMessage(title, body, QSystemTrayIcon::Information);
}

bool TrayNotificationBackend::isAvailable() const
{
    return m_tray->isVisible() && QSystemTrayIcon::supportsMessages();
}

Notifier::Notifier(
    AppSettings *settings, std::unique_ptr<NotificationBackend> backend, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    setBackend(std::move(backend));
}

void Notifier::setBackend(std::unique_ptr<NotificationBackend> backend)
{
    m_targets.clear();
    m_backend = std::move(backend);
    if (!m_backend) {
        qCDebug(lcNotify) << "no notification service here: live events are listed only";
        return;
    }
    connect(m_backend.get(), &NotificationBackend::activated, this, &Notifier::onActivated);
    connect(m_backend.get(), &NotificationBackend::closed, this,
        [this](quint64 token) { m_targets.remove(token); });
}

Notifier::~Notifier() = default;

std::unique_ptr<NotificationBackend> Notifier::platformBackend(QSystemTrayIcon *tray)
{
#ifdef LD_HAVE_DBUS_NOTIFICATIONS
    Q_UNUSED(tray);
    return std::make_unique<DBusNotificationBackend>();
#else
    if (tray && QSystemTrayIcon::isSystemTrayAvailable())
        return std::make_unique<TrayNotificationBackend>(tray);
    return nullptr;
#endif
}

void Notifier::watch(LiveEvents *live, LiveEventRepository *events, AccountRepository *accounts)
{
    connect(live, &LiveEvents::eventArrived, this, [this, events, accounts](qint64 id) {
        const std::optional<LiveEventRow> row = events->row(id);
        if (!row)
            return;
        const std::optional<Account> account = accounts->find(row->accountId);
        notify(*row, account && !account->name.isEmpty() ? account->name : row->accountId);
    });
}

bool Notifier::isHeldBack(const LiveEventRow &event) const
{
    if (!m_backend || !m_backend->isAvailable())
        return true;
    if (!m_settings->notificationsEnabled() || m_settings->doNotDisturb())
        return true;
    switch (event.type) {
    case LiveEvent::Type::Message:
    case LiveEvent::Type::AcceptedInvitation:
    case LiveEvent::Type::Disconnection:
        break;
    case LiveEvent::Type::Other:
        return true; // nothing a person could act on
    }
    const QDateTime at = event.emittedAt.isValid() ? event.emittedAt : event.receivedAt;
    return at.isValid() && at.secsTo(m_now()) > MaxAgeSeconds;
}

bool Notifier::notify(const LiveEventRow &event, const QString &accountName)
{
    if (isHeldBack(event))
        return false;
    const QDateTime now = m_now();
    if (!m_burstStart.isValid() || m_burstStart.secsTo(now) >= BurstWindowSeconds) {
        m_burstStart = now;
        m_burstCount = 0;
        m_summaryToken = 0;
        m_folded = 0;
    }
    const quint64 token = m_nextToken++;
    if (m_burstCount < BurstSize) {
        ++m_burstCount;
        m_targets.insert(token,
            Target {
                event.accountId, event.conversationId, event.profileUrl, int(event.type), false });
        m_backend->show(token, title(event, accountName), body(event, accountName));
    } else {
        // A burst (hundreds of accounts, or a reconnect's catch-up): one notification that
        // counts, updated in place, instead of a column of them.
        ++m_folded;
        const quint64 replaces = m_targets.contains(m_summaryToken) ? m_summaryToken : 0;
        m_targets.remove(m_summaryToken);
        m_summaryToken = token;
        m_targets.insert(token, Target { {}, {}, {}, 0, true });
        m_backend->show(token, tr("LinkUp Desk"),
            tr("%n more new event(s): open the Live page to see them.", nullptr, m_folded),
            replaces);
    }
    ++m_shown;
    return true;
}

void Notifier::onActivated(quint64 token)
{
    const auto it = m_targets.constFind(token);
    if (it == m_targets.cend())
        return;
    const Target t = *it;
    if (t.summary)
        Q_EMIT showLiveRequested();
    else if (LiveEvent::Type(t.type) == LiveEvent::Type::Disconnection)
        Q_EMIT reconnectRequested(t.accountId);
    else
        Q_EMIT openConversationRequested(t.accountId, t.conversationId, t.profileUrl);
}

QString Notifier::title(const LiveEventRow &event, const QString &accountName)
{
    switch (event.type) {
    case LiveEvent::Type::Message:
        return tr("%1 · %2").arg(person(event), accountName);
    case LiveEvent::Type::AcceptedInvitation:
        return tr("Invitation accepted · %1").arg(accountName);
    case LiveEvent::Type::Disconnection:
        return tr("%1 was signed out").arg(accountName);
    case LiveEvent::Type::Other:
        break;
    }
    return tr("LinkUp Desk");
}

QString Notifier::body(const LiveEventRow &event, const QString &accountName)
{
    switch (event.type) {
    case LiveEvent::Type::Message: {
        const QString text = event.text.trimmed();
        if (text.isEmpty())
            return tr("New message");
        return text.size() > BodyChars ? text.left(BodyChars - 1) + QChar(0x2026) : text;
    }
    case LiveEvent::Type::AcceptedInvitation:
        return tr("%1 accepted your invitation.").arg(person(event));
    case LiveEvent::Type::Disconnection:
        return tr("LinkedIn ended this account's session. Reconnect it to receive its messages "
                  "again.");
    case LiveEvent::Type::Other:
        break;
    }
    return LiveEventModel::summary(event, accountName);
}

} // namespace ld::ui
