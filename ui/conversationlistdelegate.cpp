#include "conversationlistdelegate.h"

#include "models/inboxmodel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>

namespace ld::ui {

namespace {

constexpr int Pad = 8;
constexpr int Avatar = 36;
constexpr int DotSize = 8;

} // namespace

QString ConversationListDelegate::shortTimeFormat(const QLocale &locale)
{
    // Some locales' short format (C among them) still shows seconds: noise in a list.
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QRegularExpression(QStringLiteral("[:.]ss?")));
    return format;
}

QString ConversationListDelegate::relativeTime(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    const QDateTime localNow = now.toLocalTime();
    const qint64 secs = local.secsTo(localNow);
    if (secs >= 0 && secs < 60)
        return tr("now");
    if (secs >= 0 && secs < 3600)
        return tr("%n min", nullptr, int(secs / 60));
    const qint64 days = local.date().daysTo(localNow.date());
    const QLocale locale;
    if (days == 0)
        return locale.toString(local.time(), shortTimeFormat(locale));
    if (days == 1)
        return tr("Yesterday");
    if (days > 1 && days < 7)
        return locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
    if (local.date().year() == localNow.date().year())
        return locale.toString(local.date(), tr("d MMM", "date of a message this year"));
    return locale.toString(local.date(), tr("d MMM yyyy", "date of an older message"));
}

QString ConversationListDelegate::initials(const QString &name)
{
    QString out;
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        // A whole grapheme would be better; the first code point covers names and emoji alike.
        const QChar c = w.at(0);
        if (c.isHighSurrogate() && w.size() > 1)
            out += w.left(2);
        else if (c.isLetterOrNumber())
            out += c.toUpper();
        if (out.size() >= 2)
            break;
    }
    return out.isEmpty() ? QStringLiteral("?") : out;
}

QColor ConversationListDelegate::avatarColor(const QString &name)
{
    return QColor::fromHsl(int(qHash(name) % 360), 110, 120);
}

QSize ConversationListDelegate::sizeHint(const QStyleOptionViewItem &option,
                                         const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return { 200, qMax(Avatar, fm.height() * 2 + 4) + 2 * Pad };
}

void ConversationListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
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
    const bool unread = index.data(InboxModel::UnreadRole).toBool();
    const bool done = index.data(InboxModel::DoneRole).toBool();
    const QString name = index.data(Qt::DisplayRole).toString();
    const QPalette &pal = option.palette;
    QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = selected ? text : pal.color(QPalette::PlaceholderText);
    if (done && !selected) {
        text = muted;
        muted.setAlphaF(0.7);
    }

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect.adjusted(Pad + DotSize + 4, Pad, -Pad, -Pad);

    if (unread) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? text : pal.color(QPalette::Highlight));
        painter->drawEllipse(QRect(option.rect.left() + Pad - 2, r.center().y() - DotSize / 2,
                                   DotSize, DotSize));
    }

    const QRect avatarRect(r.left(), r.top() + (r.height() - Avatar) / 2, Avatar, Avatar);
    QColor avatar = avatarColor(name);
    if (done)
        avatar.setAlphaF(0.45);
    painter->setPen(Qt::NoPen);
    painter->setBrush(avatar);
    painter->drawEllipse(avatarRect);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    small.setWeight(QFont::DemiBold);
    painter->setFont(small);
    painter->setPen(Qt::white);
    painter->drawText(avatarRect, Qt::AlignCenter, initials(name));

    const QFontMetrics fm(option.font);
    const int x = avatarRect.right() + Pad + 2;
    const QRect line1(x, r.top() + (r.height() - 2 * fm.height() - 4) / 2, r.right() - x, fm.height());
    const QRect line2 = line1.translated(0, fm.height() + 4);

    const QString when = relativeTime(index.data(InboxModel::LastTimeRole).toDateTime());
    QFont timeFont = option.font;
    timeFont.setPointSizeF(option.font.pointSizeF() * 0.9);
    const QFontMetrics tfm(timeFont);
    const int timeW = tfm.horizontalAdvance(when);
    painter->setFont(timeFont);
    painter->setPen(unread && !selected ? pal.color(QPalette::Highlight) : muted);
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, when);

    // The account badge: small, after the name, elided before the name is.
    const QString account = index.data(InboxModel::AccountNameRole).toString();
    const int badgeMax = qMin(140, line1.width() / 3);
    const QString badgeText = tfm.elidedText(account, Qt::ElideRight, badgeMax - 10);
    const int badgeW = badgeText.isEmpty() ? 0 : tfm.horizontalAdvance(badgeText) + 10;

    QFont nameFont = option.font;
    if (unread)
        nameFont.setWeight(QFont::Bold);
    const QFontMetrics nfm(nameFont);
    const int nameMax = qMax(0, line1.width() - timeW - badgeW - 16);
    const QString shownName = nfm.elidedText(name, Qt::ElideRight, nameMax);
    painter->setFont(nameFont);
    painter->setPen(text);
    painter->drawText(line1, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shownName);

    if (badgeW > 0) {
        const QRect badge(line1.left() + nfm.horizontalAdvance(shownName) + 8,
                          line1.top() + (line1.height() - tfm.height() - 2) / 2, badgeW,
                          tfm.height() + 2);
        QColor fill = muted;
        fill.setAlphaF(selected ? 0.25 : 0.15);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(badge, 4, 4);
        painter->setFont(timeFont);
        painter->setPen(muted);
        painter->drawText(badge, Qt::AlignCenter | Qt::TextSingleLine, badgeText);
    }

    QString last = index.data(InboxModel::LastTextRole).toString();
    if (index.data(InboxModel::FromMeRole).toBool())
        last = tr("You: %1").arg(last);
    painter->setFont(option.font);
    painter->setPen(unread && !selected ? text : muted);
    painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      fm.elidedText(last, Qt::ElideRight, line2.width()));
    painter->restore();
}

} // namespace ld::ui
