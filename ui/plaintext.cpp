#include "plaintext.h"

#include <QColor>
#include <QLabel>

namespace ld::ui {

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setText(text);
    return label;
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped());
}

QLabel *wrappedLabel(const QString &objectName, QWidget *parent)
{
    QLabel *label = plainLabel({}, parent);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

void setTextColor(QWidget *widget, const QColor &color)
{
    QPalette pal = widget->palette();
    pal.setColor(QPalette::WindowText, color);
    widget->setPalette(pal);
}

void mute(QWidget *widget)
{
    setTextColor(widget, widget->palette().color(QPalette::PlaceholderText));
}

QColor problemColor()
{
    return QColor(0xc0, 0x30, 0x30);
}

} // namespace ld::ui
