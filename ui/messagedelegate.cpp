#include "messagedelegate.h"

#include "conversationlistdelegate.h"

#include "models/conversationmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace ld::ui {

namespace {

constexpr int Pad = 10;
constexpr int Gap = 4;
constexpr int Flags = Qt::TextWordWrap | Qt::TextWrapAnywhere | Qt::AlignLeft | Qt::AlignTop;

QColor stateColor(int state, const QPalette &pal)
{
    switch (OutboxItem::State(state)) {
    case OutboxItem::State::Failed:
    case OutboxItem::State::Refused:
        return QColor(0xc6, 0x28, 0x28);
    case OutboxItem::State::Unknown:
        return QColor(0xb2, 0x6a, 0x00);
    case OutboxItem::State::Sent:
        return QColor(0x2e, 0x7d, 0x32);
    default:
        return pal.color(QPalette::PlaceholderText);
    }
}

} // namespace

QString MessageDelegate::headerText(const QModelIndex &index)
{
    const QDateTime at = index.data(ConversationModel::TimeRole).toDateTime().toLocalTime();
    const QLocale locale;
    const QString when = at.isValid()
        ? tr("%1 %2", "date and time of a message")
              .arg(locale.toString(at.date(), QLocale::ShortFormat),
                   locale.toString(at.time(), ConversationListDelegate::shortTimeFormat(locale)))
        : QString();
    const QString sender = index.data(ConversationModel::SenderRole).toString();
    return when.isEmpty() ? sender : tr("%1 · %2").arg(sender, when);
}

QString MessageDelegate::bodyText(const QModelIndex &index)
{
    const QString text = index.data(ConversationModel::TextRole).toString();
    if (text.isEmpty() && index.data(ConversationModel::AttachmentsRole).toStringList().isEmpty())
        return tr("(no text)");
    return text;
}

QStringList MessageDelegate::footerLines(const QModelIndex &index)
{
    QStringList lines;
    for (const QString &name : index.data(ConversationModel::AttachmentsRole).toStringList())
        lines << tr("Attachment: %1").arg(name);
    if (index.data(ConversationModel::IsOutboxRole).toBool()) {
        QString state = index.data(ConversationModel::OutboxStateTextRole).toString();
        const QString error = index.data(ConversationModel::OutboxErrorRole).toString();
        if (!error.isEmpty())
            state = tr("%1 — %2").arg(state, error);
        lines << state;
    }
    return lines;
}

int MessageDelegate::textWidth(const QStyleOptionViewItem &option) const
{
    int width = option.rect.width();
    if (auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        width = view->viewport()->width();
    return qMax(120, width - 2 * Pad - 2 * Pad);
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int w = textWidth(option);
    QFont bold = option.font;
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics fm(option.font);
    int h = Pad + QFontMetrics(bold).height() + Gap;
    h += fm.boundingRect(QRect(0, 0, w, 1 << 24), Flags, bodyText(index)).height();
    for (const QString &line : footerLines(index))
        h += Gap + fm.boundingRect(QRect(0, 0, w, 1 << 20), Flags, line).height();
    return { w + 4 * Pad, h + Pad + 2 * Gap };
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool fromMe = index.data(ConversationModel::FromMeRole).toBool();
    const bool pending = index.data(ConversationModel::IsOutboxRole).toBool();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const QRect bubble = option.rect.adjusted(Pad, Gap, -Pad, -Gap);
    QColor fill = fromMe ? pal.color(QPalette::Highlight) : pal.color(QPalette::AlternateBase);
    fill.setAlphaF(fromMe ? (pending ? 0.06 : 0.12) : 1.0);
    painter->setPen(selected ? QPen(pal.color(QPalette::Highlight), 1.5) : QPen(Qt::NoPen));
    painter->setBrush(fill);
    painter->drawRoundedRect(bubble, 8, 8);

    const int w = textWidth(option);
    QRect r(bubble.left() + Pad, bubble.top() + Pad / 2, w, 0);
    QFont bold = option.font;
    bold.setWeight(QFont::DemiBold);
    const QFontMetrics bfm(bold);
    r.setHeight(bfm.height());
    painter->setFont(bold);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(r, Qt::AlignLeft | Qt::TextSingleLine,
                      bfm.elidedText(headerText(index), Qt::ElideRight, w));

    const QFontMetrics fm(option.font);
    painter->setFont(option.font);
    const QString body = bodyText(index);
    const QRect bodyRect = fm.boundingRect(QRect(r.left(), r.bottom() + Gap, w, 1 << 24), Flags, body);
    const bool placeholder = index.data(ConversationModel::TextRole).toString().isEmpty();
    painter->setPen(pal.color(placeholder ? QPalette::PlaceholderText : QPalette::Text));
    painter->drawText(bodyRect, Flags, body);

    int y = bodyRect.bottom() + Gap;
    const int state = index.data(ConversationModel::OutboxStateRole).toInt();
    const QStringList footer = footerLines(index);
    for (int i = 0; i < footer.size(); ++i) {
        const bool isState = pending && i == footer.size() - 1;
        const QRect lr = fm.boundingRect(QRect(r.left(), y, w, 1 << 20), Flags, footer.at(i));
        painter->setPen(isState ? stateColor(state, pal) : pal.color(QPalette::PlaceholderText));
        painter->drawText(lr, Flags, footer.at(i));
        y = lr.bottom() + Gap;
    }
    painter->restore();
}

} // namespace ld::ui
