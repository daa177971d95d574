#pragma once
// Desktop notifications for live events (issue 5 item 5): a new message, an accepted invitation
// or an account that LinkedIn signed out, each announced once, with a click that opens it.
// Qt 6.4 has no notification API, so a backend does the showing: org.freedesktop.Notifications
// over D-Bus on Linux (DBusNotificationBackend), QSystemTrayIcon::showMessage elsewhere. Where
// neither works (no session bus, no notification service, no tray) nothing is shown and
// nothing complains: the Live page still lists every event.
// Held back: while "do not disturb" is on or notifications are turned off in the settings, for
// events older than a few minutes (a gap fill's backlog after a night offline is not news),
// and in a burst, beyond a few at once, which fold into one "N more" notification.
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <functional>
#include <memory>

class QSystemTrayIcon;

namespace ld {
class AccountRepository;
class AppSettings;
class LiveEventRepository;
class LiveEvents;
struct LiveEventRow;
} // namespace ld

namespace ld::ui {

// Shows notifications and reports clicks. `token` is the caller's name for a notification; a
// backend maps it to its own ids.
class NotificationBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // Shows one; with `replaces` (a token shown before and not yet closed) it updates that one
    // in place where the platform can, else shows a new one.
    virtual void show(
        quint64 token, const QString &title, const QString &body, quint64 replaces = 0)
        = 0;
    // False once the backend knows nothing can be shown (no service, no tray).
    virtual bool isAvailable() const = 0;

Q_SIGNALS:
    void activated(quint64 token); // the person clicked it
    void closed(quint64 token); // gone: expired, dismissed or replaced
};

// Where the platform has no notification service of its own: the tray icon's balloon. Only the
// latest message can be clicked (QSystemTrayIcon::messageClicked says no more).
class TrayNotificationBackend : public NotificationBackend
{
    Q_OBJECT
public:
    explicit TrayNotificationBackend(QSystemTrayIcon *tray, QObject *parent = nullptr);
    void show(
        quint64 token, const QString &title, const QString &body, quint64 replaces = 0) override;
    bool isAvailable() const override;

private:
    QSystemTrayIcon *m_tray;
    quint64 m_last = 0;
};

class Notifier : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxAgeSeconds = 300; // older events are backlog, not news
    static constexpr int BurstWindowSeconds = 10;
    static constexpr int BurstSize = 3; // shown one by one within a window; then folded

    // `backend` may be null: nothing can be shown here.
    Notifier(AppSettings *settings, std::unique_ptr<NotificationBackend> backend,
        QObject *parent = nullptr);
    ~Notifier() override;

    // The platform's backend: D-Bus on Linux, the tray's balloon elsewhere (when `tray` is
    // given and the desktop has a tray), else null.
    static std::unique_ptr<NotificationBackend> platformBackend(QSystemTrayIcon *tray);

    // Announces each event `live` records and applies (LiveEvents::eventArrived), read from
    // `events`, with the account's name from `accounts`.
    void watch(LiveEvents *live, LiveEventRepository *events, AccountRepository *accounts);
    // Announces a recorded event unless it is held back (see above). True when handed to the
    // backend (whose first attempt may still find no service).
    bool notify(const LiveEventRow &event, const QString &accountName);
    NotificationBackend *backend() const { return m_backend.get(); }
    void setBackend(std::unique_ptr<NotificationBackend> backend); // tests: a recording one
    int shownCount() const { return m_shown; }
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); } // tests

    // What a notification says, for the person and the tests.
    static QString title(const LiveEventRow &event, const QString &accountName);
    static QString body(const LiveEventRow &event, const QString &accountName);

Q_SIGNALS:
    // A click on a message's notification (or an accepted invitation's: the person's thread).
    void openConversationRequested(
        const QString &accountId, const QString &conversationId, const QString &profileUrl);
    void reconnectRequested(const QString &accountId); // a signed-out account's notification
    void showLiveRequested(); // the "N more" notification

private:
    struct Target
    {
        QString accountId;
        QString conversationId;
        QString profileUrl;
        int type = 0; // LiveEvent::Type
        bool summary = false;
    };
    bool isHeldBack(const LiveEventRow &event) const;
    void onActivated(quint64 token);

    AppSettings *m_settings;
    std::unique_ptr<NotificationBackend> m_backend;
    std::function<QDateTime()> m_now;
    QHash<quint64, Target> m_targets; // open notifications, by token
    quint64 m_nextToken = 1;
    int m_shown = 0;
    QDateTime m_burstStart;
    int m_burstCount = 0;
    quint64 m_summaryToken = 0; // this burst's "N more" notification
    int m_folded = 0;
};

} // namespace ld::ui
