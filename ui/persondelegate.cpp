#include "persondelegate.h"

#include "conversationlistdelegate.h"

#include <QApplication>
#include <QPainter>

namespace ld::ui {

namespace {

constexpr int Pad = 8;
constexpr int Avatar = 34;

} // namespace

PersonDelegate::PersonDelegate(Roles roles, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_roles(roles)
{
}

QString PersonDelegate::badgeText(const QString &invitationState)
{
    const QString s = invitationState.trimmed().toUpper();
    if (s == QLatin1String("CONNECTED") || s == QLatin1String("ACCEPTED"))
        return tr("Connected");
    if (s == QLatin1String("PENDING") || s == QLatin1String("INVITATION_SENT")
        || s == QLatin1String("SENT"))
        return tr("Invited");
    if (s == QLatin1String("RECEIVED") || s == QLatin1String("INVITATION_RECEIVED"))
        return tr("Invited you");
    return {};
}

QSize PersonDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return { 240, qMax(Avatar, fm.height() * 2 + 4) + 2 * Pad };
}

void PersonDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
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
    const QString name = index.data(Qt::DisplayRole).toString();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(Pad, Pad, -Pad, -Pad);
    const QRect avatarRect(r.left(), r.top() + (r.height() - Avatar) / 2, Avatar, Avatar);
    painter->setPen(Qt::NoPen);
    painter->setBrush(ConversationListDelegate::avatarColor(name));
    painter->drawEllipse(avatarRect);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    QFont initialsFont = small;
    initialsFont.setWeight(QFont::DemiBold);
    painter->setFont(initialsFont);
    painter->setPen(Qt::white);
    painter->drawText(avatarRect, Qt::AlignCenter, ConversationListDelegate::initials(name));

    const QFontMetrics fm(option.font);
    const QFontMetrics sfm(small);
    const int x = avatarRect.right() + Pad + 2;
    const QRect line1(x, r.top() + (r.height() - 2 * fm.height() - 4) / 2, r.right() - x,
                      fm.height());
    const QRect line2 = line1.translated(0, fm.height() + 4);

    // The location gives way first, then the badge, and the name keeps at least half the line.
    const QString aside = m_roles.aside >= 0 ? index.data(m_roles.aside).toString() : QString();
    const QString shownAside = sfm.elidedText(aside, Qt::ElideRight, line1.width() / 3);
    const int asideW = shownAside.isEmpty() ? 0 : sfm.horizontalAdvance(shownAside) + Pad;
    const QString badge
        = m_roles.state >= 0 ? badgeText(index.data(m_roles.state).toString()) : QString();
    const int badgeW = badge.isEmpty() ? 0 : sfm.horizontalAdvance(badge) + 10;

    QFont nameFont = option.font;
    nameFont.setWeight(QFont::DemiBold);
    const QFontMetrics nfm(nameFont);
    const int nameMax = qMax(line1.width() / 2, line1.width() - asideW - badgeW - 8);
    const QString shownName = nfm.elidedText(name, Qt::ElideRight, nameMax);
    painter->setFont(nameFont);
    painter->setPen(text);
    painter->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shownName);

    painter->setFont(small);
    if (badgeW > 0 && nfm.horizontalAdvance(shownName) + 8 + badgeW <= line1.width()) {
        const QRect badgeRect(line1.left() + nfm.horizontalAdvance(shownName) + 8,
                              line1.top() + (line1.height() - sfm.height() - 2) / 2, badgeW,
                              sfm.height() + 2);
        QColor fill = selected ? text : pal.color(QPalette::Highlight);
        fill.setAlphaF(selected ? 0.25 : 0.15);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(badgeRect, 4, 4);
        painter->setPen(selected ? text : pal.color(QPalette::Highlight));
        painter->drawText(badgeRect, Qt::AlignCenter | Qt::TextSingleLine, badge);
    }
    if (!shownAside.isEmpty()) {
        painter->setPen(muted);
        painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine,
                          shownAside);
    }

    const QString subtitle
        = m_roles.subtitle >= 0 ? index.data(m_roles.subtitle).toString() : QString();
    painter->setFont(option.font);
    painter->setPen(muted);
    painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      fm.elidedText(subtitle, Qt::ElideRight, line2.width()));
    painter->restore();
}

} // namespace ld::ui
