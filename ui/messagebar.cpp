#include "messagebar.h"

#include "icons.h"
#include "plaintext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace ld::ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(plainLabel({}, this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setAutoDefault(false);
    m_close->setIcon(icons::action(QStringLiteral("cancel")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_action, &QPushButton::clicked, this, [this] {
        hide();
        if (m_callback)
            m_callback();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text, const QString &actionText,
                             std::function<void()> action)
{
    QColor tint;
    switch (kind) {
    case Kind::Info:
        tint = QColor(0x2f, 0x7d, 0xe1);
        break;
    case Kind::Warning:
        tint = QColor(0xd9, 0x8e, 0x04);
        break;
    case Kind::Error:
        tint = QColor(0xd0, 0x3a, 0x3a);
        break;
    }
    // A light wash of the tint over the window colour keeps the bar readable in dark mode too.
    QPalette pal = palette();
    const QColor base = pal.color(QPalette::Window);
    const qreal a = 0.16;
    pal.setColor(QPalette::Window,
                 QColor::fromRgbF(base.redF() * (1 - a) + tint.redF() * a,
                                  base.greenF() * (1 - a) + tint.greenF() * a,
                                  base.blueF() * (1 - a) + tint.blueF() * a));
    setPalette(pal);
    m_icon->setPixmap(icons::action(kind == Kind::Info ? QStringLiteral("activity")
                                                       : QStringLiteral("warning"))
                          .pixmap(16, 16));
    m_label->setText(text);
    m_callback = std::move(action);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    show();
}

QString MessageBar::text() const
{
    return m_label->text();
}

} // namespace ld::ui
