#pragma once
// Desktop notifications on Linux: the org.freedesktop.Notifications service over the session
// bus (the Desktop Notifications Specification 1.2), with a "default" action so that a click
// comes back as ActionInvoked. Every call is asynchronous, so a missing or stuck service never
// blocks the window; with no session bus, or once the service is known to be absent, show()
// does nothing (logged once, at debug level).
// The body is plain text: when the server renders markup ("body-markup" capability), the text
// is escaped first, so a stranger's "<b>" is shown as typed.
#include "notifier.h"

#include <QDBusConnection>
#include <QHash>
#include <QList>

class QDBusPendingCallWatcher;

namespace ld::ui {

class DBusNotificationBackend : public NotificationBackend
{
    Q_OBJECT
public:
    static const QString Service; // org.freedesktop.Notifications
    static const QString Path; // /org/freedesktop/Notifications
    static const QString Interface; // org.freedesktop.Notifications

    // The session bus (joined at the first notification), or the given connection (tests: a
    // private bus, or one that is not connected).
    explicit DBusNotificationBackend(QObject *parent = nullptr);
    explicit DBusNotificationBackend(const QDBusConnection &bus, QObject *parent = nullptr);

    void show(
        quint64 token, const QString &title, const QString &body, quint64 replaces = 0) override;
    bool isAvailable() const override { return m_available; }
    int openCount() const { return int(m_tokens.size()); } // shown and not closed yet

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &actionKey);
    void onClosed(uint id, uint reason);

private:
    struct Pending
    {
        quint64 token;
        QString title;
        QString body;
        quint64 replaces;
    };
    void askCapabilities();
    void send(const Pending &p);
    void giveUp(const QString &why);
    bool join(); // connects to the bus and its signals once; false without a bus

    QDBusConnection m_bus;
    bool m_sessionBus = false; // m_bus is the session bus, joined by join()
    bool m_joined = false;
    bool m_available = true;
    bool m_capabilitiesKnown = false;
    bool m_markup = false;
    QList<Pending> m_waiting; // shown once the capabilities are known
    QHash<uint, quint64> m_tokens; // server id → token
};

} // namespace ld::ui
