#include "accountdelegate.h"

#include "accountstatus.h"
#include "models/accountlistmodel.h"
#include "plaintext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace ld::ui {

namespace {
constexpr int Margin = 8;
constexpr int Dot = 10;

Account::Status statusOf(const QModelIndex &index)
{
    return static_cast<Account::Status>(index.data(AccountListModel::StatusRole).toInt());
}
} // namespace

QSize AccountDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return { 200, 2 * fm.height() + 3 * Margin / 2 + 2 };
}

void AccountDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // we draw the text ourselves, always as plain text
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(Margin + 2, Margin / 2, -Margin, -Margin / 2);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = (option.state & QStyle::State_Active) ? QPalette::Active
                                                                              : QPalette::Inactive;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText
                                                             : QPalette::Text);
    QColor secondary = text;
    secondary.setAlphaF(0.65f);

    const QFontMetrics fm(option.font);
    const int line1 = r.top() + (r.height() - 2 * fm.height()) / 2;

    // Status dot, centred on the first line, with a thin ring so it shows on any background.
    const QColor dot = AccountStatusText::color(statusOf(index));
    const QRectF dotRect(r.left(), line1 + (fm.height() - Dot) / 2.0, Dot, Dot);
    painter->setPen(QPen(selected ? text : dot.darker(120), 1));
    painter->setBrush(dot);
    painter->drawEllipse(dotRect);

    int right = r.right();
    const int unread = index.data(AccountListModel::UnreadCountRole).toInt();
    if (unread > 0) {
        QFont badgeFont = option.font;
        badgeFont.setBold(true);
        badgeFont.setPointSizeF(badgeFont.pointSizeF() * 0.85);
        const QFontMetrics bfm(badgeFont);
        const QString label = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const int w = qMax(bfm.height() + 2, bfm.horizontalAdvance(label) + 10);
        const QRect badge(right - w + 1, line1 + (fm.height() - bfm.height()) / 2, w, bfm.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(QPalette::Highlight));
        if (selected)
            painter->setBrush(option.palette.color(group, QPalette::HighlightedText));
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(option.palette.color(selected ? QPalette::Highlight
                                                      : QPalette::HighlightedText));
        painter->drawText(badge, Qt::AlignCenter, label);
        right = badge.left() - Margin;
    }

    const int textLeft = r.left() + Dot + Margin;
    QFont nameFont = option.font;
    nameFont.setWeight(QFont::DemiBold);
    painter->setFont(nameFont);
    painter->setPen(text);
    const QString name = index.data(AccountListModel::NameRole).toString();
    const QRect nameRect(textLeft, line1, right - textLeft, fm.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, nameRect.width()));

    QStringList details;
    const QString country = index.data(AccountListModel::CountryRole).toString();
    if (!country.isEmpty())
        details << country;
    details << index.data(AccountListModel::StatusTextRole).toString();
    painter->setFont(option.font);
    painter->setPen(secondary);
    const QRect detailRect(textLeft, line1 + fm.height(), r.right() - textLeft, fm.height());
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(details.join(QStringLiteral(" · ")), Qt::ElideRight,
                                    detailRect.width()));
    painter->restore();
}

QString AccountDelegate::toolTipFor(const QModelIndex &index)
{
    const QString name = index.data(AccountListModel::NameRole).toString();
    const auto status = statusOf(index);
    return tr("%1 — %2\n%3")
        .arg(name, index.data(AccountListModel::StatusTextRole).toString(),
             AccountStatusText::sentence(status));
}

bool AccountDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        QToolTip::showText(event->globalPos(), plainToolTip(toolTipFor(index)), view,
                           option.rect);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace ld::ui
