#include "trayicon.h"

#include "icons.h"

#include "store/conversationrepository.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QTimer>

namespace ld::ui {

TrayIcon::TrayIcon(ConversationRepository *conversations, QAction *show, QAction *doNotDisturb,
    QAction *quit, QObject *parent)
    : QObject(parent)
    , m_conversations(conversations)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(std::make_unique<QMenu>())
    , m_recount(new QTimer(this))
    , m_doNotDisturb(doNotDisturb)
{
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_menu->addAction(show);
    m_menu->addAction(doNotDisturb);
    m_menu->addSeparator();
    m_menu->addAction(quit);
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });

    // A refresh writes hundreds of rows in a burst: count once it is over.
    m_recount->setSingleShot(true);
    m_recount->setInterval(250);
    connect(m_recount, &QTimer::timeout, this, &TrayIcon::recount);
    const auto later = [this] { m_recount->start(); };
    connect(m_conversations, &ConversationRepository::conversationsInserted, this, later);
    connect(m_conversations, &ConversationRepository::conversationsChanged, this, later);
    connect(m_doNotDisturb, &QAction::toggled, this, [this] { m_tray->setToolTip(toolTip()); });
    recount();
    m_tray->show();
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::recount()
{
    InboxFilter unread; // what the inbox shows: open conversations
    unread.unreadOnly = true;
    const int count = m_conversations->count(unread);
    if (count == m_unread)
        return;
    m_unread = count;
    m_tray->setIcon(badged(icons::app(), count));
    m_tray->setToolTip(toolTip());
}

QString TrayIcon::toolTip() const
{
    QString text = m_unread > 0 ? tr("LinkUp Desk — %n unread conversation(s)", nullptr, m_unread)
                                : tr("LinkUp Desk — no unread conversation");
    if (m_doNotDisturb->isChecked())
        text += QLatin1Char('\n') + tr("Do not disturb: notifications are off");
    return text;
}

QIcon TrayIcon::badged(const QIcon &base, int count)
{
    if (count <= 0)
        return base;
    QIcon out;
    for (const int size : { 16, 22, 24, 32, 48, 64 }) {
        QPixmap pm = base.pixmap(size, size);
        if (pm.isNull())
            continue;
        // A raster icon smaller than `size` comes back at its own size: the badge needs the room.
        if (pm.size() != QSize(size, size))
            pm = pm.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        pm.setDevicePixelRatio(1.0);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(qMax(7, size * 9 / 20));
        p.setFont(font);
        const int h = qMax(9, size * 11 / 20);
        const int w = qMax(h, p.fontMetrics().horizontalAdvance(text) + h / 3);
        const QRectF badge(size - w, 0, w, h);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xd9, 0x30, 0x25));
        p.drawRoundedRect(badge, h / 2.0, h / 2.0);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, text);
        p.end();
        out.addPixmap(pm);
    }
    return out;
}

} // namespace ld::ui
