#pragma once
// One inbox row, drawn (never parsed as rich text, so a name like "<b>x" shows as typed):
// avatar initials, name, account badge, relative time, one line of the last message, an unread
// dot, and muted colours for a conversation marked done.
#include <QDateTime>
#include <QLocale>
#include <QStyledItemDelegate>

namespace ld::ui {

class ConversationListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "now", "5 min", "14:05" (today), "Yesterday", "Mon" (this week), "12 Mar", "12 Mar 2024".
    static QString relativeTime(const QDateTime &at, const QDateTime &now = QDateTime::currentDateTime());
    static QString shortTimeFormat(const QLocale &locale); // hours and minutes
    static QString initials(const QString &name);     // "Ada Lovelace" -> "AL"
    static QColor avatarColor(const QString &name);   // stable per name
};

} // namespace ld::ui
