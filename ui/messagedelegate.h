#pragma once
// One message of a conversation, drawn as plain text (a stranger's "<img src=…>" is shown as
// those characters and loads nothing): sender and local time, the text wrapped, attachments by
// name, and for an outbox item its state. Messages from the account are tinted.
#include <QStyledItemDelegate>

namespace ld::ui {

class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What is drawn, line by line, for tests and accessibility: the header, the text, then one
    // line per attachment and the outbox state when there is one.
    static QString headerText(const QModelIndex &index);
    static QString bodyText(const QModelIndex &index);
    static QStringList footerLines(const QModelIndex &index);

private:
    int textWidth(const QStyleOptionViewItem &option) const;
};

} // namespace ld::ui
