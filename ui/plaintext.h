#pragma once
// Remote text (account names, server messages, extra fields) is written by strangers, so it is
// always shown as plain text: Qt must never guess rich text from it (ARCHITECTURE.md §3 UI).
#include <QString>

class QColor;
class QLabel;
class QWidget;

namespace ld::ui {

// A QLabel with Qt::PlainText, so "<b>x</b>" shows its tags.
QLabel *plainLabel(const QString &text = {}, QWidget *parent = nullptr);
// Tooltips have no text-format switch: escape the text and wrap it so Qt renders it verbatim.
QString plainToolTip(const QString &text);

// A plain label that wraps its sentences (hints, reasons, outcomes).
QLabel *wrappedLabel(const QString &objectName = {}, QWidget *parent = nullptr);
// The text colour of a label: problemColor() for what stops an action, mute() for hints.
void setTextColor(QWidget *widget, const QColor &color);
void mute(QWidget *widget);
QColor problemColor();

} // namespace ld::ui
