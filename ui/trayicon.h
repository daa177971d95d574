#pragma once
// The tray icon, where the desktop has a tray (QSystemTrayIcon::isSystemTrayAvailable(); GNOME
// without an extension has none, and then nothing is created): the number of unread
// conversations in its tooltip and as a small badge on the icon, a click that shows the window,
// and a menu with Show, Do not disturb and Quit. It also carries the desktop notifications
// where the platform has no service of its own (TrayNotificationBackend).
#include <QIcon>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace ld {
class ConversationRepository;
}

namespace ld::ui {

class TrayIcon : public QObject
{
    Q_OBJECT
public:
    // The actions belong to the window (they carry its shortcuts); the menu only lists them.
    TrayIcon(ConversationRepository *conversations, QAction *show, QAction *doNotDisturb,
        QAction *quit, QObject *parent = nullptr);
    ~TrayIcon() override;

    QSystemTrayIcon *icon() const { return m_tray; }
    QMenu *menu() const { return m_menu.get(); }
    int unread() const { return m_unread; }
    QString toolTip() const;

    // The app icon with `count` in a badge (none at 0; "99+" beyond).
    static QIcon badged(const QIcon &base, int count);

Q_SIGNALS:
    void activated(); // clicked: show the window

private:
    void recount();

    ConversationRepository *m_conversations;
    QSystemTrayIcon *m_tray;
    std::unique_ptr<QMenu> m_menu; // a QMenu has no QObject parent here: the tray is no widget
    QTimer *m_recount;
    QAction *m_doNotDisturb;
    int m_unread = -1;
};

} // namespace ld::ui
