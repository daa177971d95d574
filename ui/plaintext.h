#pragma once
// Remote text (account names, server messages, extra fields) is written by strangers, so it is
// always shown as plain text: Qt must never guess rich text from it (ARCHITECTURE.md §3 UI).
#include <QString>

class QLabel;
class QWidget;

namespace ld::ui {

// A QLabel with Qt::PlainText, so "<b>x</b>" shows its tags.
QLabel *plainLabel(const QString &text = {}, QWidget *parent = nullptr);
// Tooltips have no text-format switch: escape the text and wrap it so Qt renders it verbatim.
QString plainToolTip(const QString &text);

} // namespace ld::ui
