#include "dbusnotificationbackend.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QVariantMap>

Q_DECLARE_LOGGING_CATEGORY(lcNotify)

namespace ld::ui {

const QString DBusNotificationBackend::Service = QStringLiteral("org.freedesktop.Notifications");
const QString DBusNotificationBackend::Path = QStringLiteral("/org/freedesktop/Notifications");
const QString DBusNotificationBackend::Interface = QStringLiteral("org.freedesktop.Notifications");

namespace {

constexpr int CallTimeoutMs = 5000; // a notification later than this is no use anyway
const QString DefaultAction = QStringLiteral("default");

} // namespace

// The session bus is joined at the first notification, not at start-up: connecting is a
// blocking handshake, and with DISPLAY set but no bus, libdbus would autolaunch a daemon that
// outlives the app (TOOLCHAIN.md §6) for a session that may never notify.
DBusNotificationBackend::DBusNotificationBackend(QObject *parent)
    : NotificationBackend(parent)
    , m_bus(QStringLiteral("not-joined-yet"))
    , m_sessionBus(true)
{ }

DBusNotificationBackend::DBusNotificationBackend(const QDBusConnection &bus, QObject *parent)
    : NotificationBackend(parent)
    , m_bus(bus)
{
    join();
}

bool DBusNotificationBackend::join()
{
    if (m_joined)
        return m_available;
    m_joined = true;
    if (m_sessionBus)
        m_bus = QDBusConnection::sessionBus();
    if (!m_bus.isConnected()) {
        giveUp(QStringLiteral("no session bus"));
        return false;
    }
    m_bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
        SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this,
        SLOT(onClosed(uint, uint)));
    return true;
}

void DBusNotificationBackend::giveUp(const QString &why)
{
    if (!m_available)
        return;
    m_available = false;
    m_waiting.clear();
    qCDebug(lcNotify).noquote() << "desktop notifications unavailable:" << why;
}

void DBusNotificationBackend::show(
    quint64 token, const QString &title, const QString &body, quint64 replaces)
{
    if (!m_available || !join())
        return;
    const Pending p { token, title, body, replaces };
    if (m_capabilitiesKnown) {
        send(p);
        return;
    }
    // The first notification asks the server whether it renders markup; it (and any that
    // follow meanwhile) goes out with the answer.
    const bool asking = !m_waiting.isEmpty();
    m_waiting.append(p);
    if (!asking)
        askCapabilities();
}

void DBusNotificationBackend::askCapabilities()
{
    const QDBusMessage call = QDBusMessage::createMethodCall(
        Service, Path, Interface, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, CallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QStringList> reply = *w;
        if (reply.isError()) {
            giveUp(reply.error().name() + QStringLiteral(": ") + reply.error().message());
            return;
        }
        m_capabilitiesKnown = true;
        m_markup = reply.value().contains(QStringLiteral("body-markup"));
        const QList<Pending> waiting = std::exchange(m_waiting, {});
        for (const Pending &p : waiting)
            send(p);
    });
}

void DBusNotificationBackend::send(const Pending &p)
{
    const uint replacesId = p.replaces != 0 ? m_tokens.key(p.replaces, 0) : 0;
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("linkup-desk"));
    QDBusMessage call
        = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    // The summary is never markup (spec 1.2); the body may be, and strangers write it.
    call << QStringLiteral("LinkUp Desk") << replacesId << QStringLiteral("linkup-desk") << p.title
         << (m_markup ? p.body.toHtmlEscaped() : p.body)
         << QStringList { DefaultAction, tr("Open") } << hints << -1;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, CallTimeoutMs), this);
    const quint64 token = p.token;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, token, replacesId](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            const QDBusPendingReply<uint> reply = *w;
            if (reply.isError()) {
                const QDBusError::ErrorType type = reply.error().type();
                if (type == QDBusError::ServiceUnknown || type == QDBusError::NoReply
                    || type == QDBusError::Disconnected || type == QDBusError::UnknownObject)
                    giveUp(reply.error().message());
                else
                    qCDebug(lcNotify).noquote()
                        << "a notification was refused:" << reply.error().message();
                return;
            }
            const uint id = reply.value();
            // A replaced notification keeps its id: the token it stood for is gone.
            if (const quint64 old = m_tokens.value(id, 0); old != 0 && old != token)
                Q_EMIT closed(old);
            if (replacesId != 0 && replacesId != id)
                m_tokens.remove(replacesId);
            m_tokens.insert(id, token);
        });
}

void DBusNotificationBackend::onActionInvoked(uint id, const QString &actionKey)
{
    const quint64 token = m_tokens.value(id, 0);
    if (token == 0)
        return; // another application's notification
    if (actionKey == DefaultAction)
        Q_EMIT activated(token);
}

void DBusNotificationBackend::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason);
    const quint64 token = m_tokens.take(id);
    if (token != 0)
        Q_EMIT closed(token);
}

} // namespace ld::ui
