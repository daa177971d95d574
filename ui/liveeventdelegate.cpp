#include "liveeventdelegate.h"

#include "conversationlistdelegate.h"

#include "models/liveeventmodel.h"

#include <QApplication>
#include <QPainter>

namespace ld::ui {

namespace {

constexpr int Pad = 8;
constexpr int Avatar = 32;

LiveEvent::Type typeOf(const QModelIndex &index)
{
    return LiveEvent::Type(index.data(LiveEventModel::TypeRole).toInt());
}

QString personOf(const QModelIndex &index)
{
    const QString name = index.data(LiveEventModel::PersonNameRole).toString();
    if (!name.isEmpty())
        return name;
    const QString url = index.data(LiveEventModel::ProfileUrlRole).toString();
    return url.isEmpty() ? LiveEventDelegate::tr("Someone") : url;
}

} // namespace

QString LiveEventDelegate::headline(const QModelIndex &index)
{
    switch (typeOf(index)) {
    case LiveEvent::Type::Message:
    case LiveEvent::Type::AcceptedInvitation:
        return personOf(index);
    case LiveEvent::Type::Disconnection:
        return tr("Signed out by LinkedIn");
    case LiveEvent::Type::Other:
        break;
    }
    return tr("Event “%1”").arg(index.data(LiveEventModel::TypeNameRole).toString());
}

QString LiveEventDelegate::detail(const QModelIndex &index)
{
    switch (typeOf(index)) {
    case LiveEvent::Type::Message: {
        const QString text = index.data(LiveEventModel::TextRole).toString();
        return text.isEmpty() ? tr("Sent a message") : text;
    }
    case LiveEvent::Type::AcceptedInvitation:
        return tr("Accepted your invitation");
    case LiveEvent::Type::Disconnection:
        return tr("Reconnect the account (Enter) to receive its messages again.");
    case LiveEvent::Type::Other:
        break;
    }
    return tr("This version of LinkUp Desk does not know this kind of event.");
}

QSize LiveEventDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return { 200, qMax(Avatar, fm.height() * 2 + 4) + 2 * Pad };
}

void LiveEventDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = selected ? text : pal.color(QPalette::PlaceholderText);
    const LiveEvent::Type type = typeOf(index);
    const QString title = headline(index);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(Pad + 4, Pad, -Pad, -Pad);

    const QRect avatarRect(r.left(), r.top() + (r.height() - Avatar) / 2, Avatar, Avatar);
    const bool warning = type == LiveEvent::Type::Disconnection;
    painter->setPen(Qt::NoPen);
    painter->setBrush(warning ? QColor(0xc2, 0x6a, 0x00)
                              : ConversationListDelegate::avatarColor(personOf(index)));
    painter->drawEllipse(avatarRect);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    small.setWeight(QFont::DemiBold);
    painter->setFont(small);
    painter->setPen(Qt::white);
    painter->drawText(avatarRect, Qt::AlignCenter,
        warning ? QStringLiteral("!") : ConversationListDelegate::initials(personOf(index)));

    const QFontMetrics fm(option.font);
    const int x = avatarRect.right() + Pad + 2;
    const QRect line1(
        x, r.top() + (r.height() - 2 * fm.height() - 4) / 2, r.right() - x, fm.height());
    const QRect line2 = line1.translated(0, fm.height() + 4);

    const QString when
        = ConversationListDelegate::relativeTime(index.data(LiveEventModel::TimeRole).toDateTime());
    QFont timeFont = option.font;
    timeFont.setPointSizeF(option.font.pointSizeF() * 0.9);
    const QFontMetrics tfm(timeFont);
    const int timeW = tfm.horizontalAdvance(when);
    painter->setFont(timeFont);
    painter->setPen(muted);
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, when);

    // The account it happened on: a small badge after the name, elided before the name is.
    const QString account = index.data(LiveEventModel::AccountNameRole).toString();
    const int badgeMax = qMin(180, line1.width() / 3);
    const QString badgeText = tfm.elidedText(account, Qt::ElideRight, badgeMax - 10);
    const int badgeW = badgeText.isEmpty() ? 0 : tfm.horizontalAdvance(badgeText) + 10;

    QFont nameFont = option.font;
    nameFont.setWeight(QFont::DemiBold);
    const QFontMetrics nfm(nameFont);
    const int nameMax = qMax(0, line1.width() - timeW - badgeW - 16);
    const QString shownName = nfm.elidedText(title, Qt::ElideRight, nameMax);
    painter->setFont(nameFont);
    painter->setPen(text);
    painter->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shownName);

    if (badgeW > 0) {
        const QRect badge(line1.left() + nfm.horizontalAdvance(shownName) + 8,
            line1.top() + (line1.height() - tfm.height() - 2) / 2, badgeW, tfm.height() + 2);
        QColor fill = muted;
        fill.setAlphaF(selected ? 0.25 : 0.15);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(badge, 4, 4);
        painter->setFont(timeFont);
        painter->setPen(muted);
        painter->drawText(badge, Qt::AlignCenter | Qt::TextSingleLine, badgeText);
    }

    painter->setFont(option.font);
    painter->setPen(type == LiveEvent::Type::Message ? text : muted);
    painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        fm.elidedText(detail(index), Qt::ElideRight, line2.width()));
    painter->restore();
}

} // namespace ld::ui
