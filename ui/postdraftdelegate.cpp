#include "postdraftdelegate.h"

#include "plaintext.h"
#include "poststatepanel.h"

#include "models/postdraftmodel.h"
#include "sync/postpublisher.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace ld::ui {

namespace {

constexpr int Padding = 6;

// When a draft was last edited, as short as it can be said: "14:02" today, else the day.
QString shortTime(const QDateTime &utc)
{
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QStringLiteral("HH:mm"));
    return locale.toString(local.date(),
        local.date().year() == QDate::currentDate().year() ? QStringLiteral("d MMM")
                                                           : QStringLiteral("d MMM yyyy"));
}

} // namespace

QString PostDraftDelegate::detail(const QModelIndex &index, bool *problem)
{
    if (problem)
        *problem = false;
    const auto state = Draft::State(index.data(PostDraftModel::StateRole).toInt());
    const QString company = index.data(PostDraftModel::CompanyUrlRole).toString();
    const QString who = company.isEmpty()
        ? index.data(PostDraftModel::AccountNameRole).toString()
        : company.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    QStringList parts;
    if (!who.isEmpty())
        parts << who;
    const int media = index.data(PostDraftModel::MediaCountRole).toInt();
    if (index.data(PostDraftModel::HasVideoRole).toBool())
        parts << PostDraftDelegate::tr("video");
    else if (media > 0)
        parts << PostDraftDelegate::tr("%n image(s)", nullptr, media);
    const QDateTime scheduled = index.data(PostDraftModel::ScheduledAtRole).toDateTime();
    switch (state) {
    case Draft::State::Draft:
        parts << PostDraftDelegate::tr("edited %1")
                     .arg(shortTime(index.data(PostDraftModel::UpdatedAtRole).toDateTime()));
        break;
    case Draft::State::Scheduled:
        if (scheduled.msecsTo(QDateTime::currentDateTimeUtc()) > PostPublisher::LateGraceMs) {
            if (problem)
                *problem = true;
            parts.prepend(
                PostDraftDelegate::tr("Missed: due %1").arg(PostStatePanel::localTime(scheduled)));
        } else {
            parts.prepend(PostStatePanel::localTime(scheduled));
        }
        break;
    case Draft::State::Publishing:
        parts.prepend(PostDraftDelegate::tr("Publishing…"));
        break;
    case Draft::State::Published:
        parts.prepend(PostDraftDelegate::tr("Published"));
        break;
    case Draft::State::Failed:
        if (problem)
            *problem = true;
        parts = { PostDraftDelegate::tr("Not published: %1")
                      .arg(index.data(PostDraftModel::ErrorRole).toString()) };
        break;
    case Draft::State::Unknown:
        if (problem)
            *problem = true;
        parts = { PostDraftDelegate::tr("Maybe published — check on LinkedIn") };
        break;
    }
    return parts.join(QStringLiteral(" · "));
}

void PostDraftDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text
        = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    bool problem = false;
    const QString second = detail(index, &problem);
    QColor muted = selected ? text : opt.palette.color(group, QPalette::PlaceholderText);
    if (problem && !selected)
        muted = problemColor();

    const QRect area = opt.rect.adjusted(Padding + 2, Padding, -Padding, -Padding);
    const QFontMetrics fm(opt.font);
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics smallFm(small);
    painter->save();
    painter->setPen(text);
    painter->setFont(opt.font);
    painter->drawText(QRect(area.left(), area.top(), area.width(), fm.height()),
        Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        fm.elidedText(title, Qt::ElideRight, area.width()));
    painter->setPen(muted);
    painter->setFont(small);
    painter->drawText(
        QRect(area.left(), area.top() + fm.height() + 2, area.width(), smallFm.height()),
        Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        smallFm.elidedText(second, Qt::ElideRight, area.width()));
    painter->restore();
}

QSize PostDraftDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(200, fm.height() * 2 + 2 + Padding * 2);
}

} // namespace ld::ui
