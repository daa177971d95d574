#pragma once
// One row of the account sidebar: a status dot (with the status word in the tooltip, not colour
// alone), the name, the country and status underneath, and an unread badge hidden at 0.
#include <QStyledItemDelegate>

namespace ld::ui {

class AccountDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    static QString toolTipFor(const QModelIndex &index);
};

} // namespace ld::ui
