#pragma once
// One live event in the Live page's list, drawn (never parsed as rich text, so a stranger's
// "<b>" shows as typed): the person's initials (a warning sign for a signed-out account), who
// and which account, when, and below what happened — the message, "Accepted your invitation",
// or what to do about a signed-out account.
#include <QStyledItemDelegate>

namespace ld::ui {

class LiveEventDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The two lines of a row, for the accessible text and the tests.
    static QString headline(const QModelIndex &index);
    static QString detail(const QModelIndex &index);
};

} // namespace ld::ui
