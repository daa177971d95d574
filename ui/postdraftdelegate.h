#pragma once
// A draft in the Posts page's lists, in two lines: the start of its text, then who posts and
// what matters for its section — when it was edited, when it is due (a missed time in the
// problem colour), why it failed, or that it needs checking on LinkedIn. Plain text only.
#include <QStyledItemDelegate>

namespace ld::ui {

class PostDraftDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The second line, and whether it says something is wrong.
    static QString detail(const QModelIndex &index, bool *problem = nullptr);
};

} // namespace ld::ui
