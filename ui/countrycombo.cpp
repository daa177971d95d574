#include "countrycombo.h"

#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace ld::ui {

CountryCombo::CountryCombo(bool optional, QWidget *parent)
    : QComboBox(parent)
    , m_optional(optional)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    const QStringList known = { QStringLiteral("FR"), QStringLiteral("US"), QStringLiteral("UK"),
                                QStringLiteral("DE"), QStringLiteral("NL"), QStringLiteral("IT"),
                                QStringLiteral("ES"), QStringLiteral("IL"), QStringLiteral("CA"),
                                QStringLiteral("BR"), QStringLiteral("IN") };
    if (optional)
        addItem(QString());
    addItems(known);
    lineEdit()->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z]{0,2}")), this));
    lineEdit()->setPlaceholderText(optional ? tr("Automatic") : tr("Two letters, e.g. FR"));
    lineEdit()->setMaxLength(2);
    connect(lineEdit(), &QLineEdit::textEdited, this, [this](const QString &text) {
        if (text != text.toUpper()) {
            const int pos = lineEdit()->cursorPosition();
            lineEdit()->setText(text.toUpper());
            lineEdit()->setCursorPosition(pos);
        }
    });
    setCurrentIndex(0);
    setMinimumContentsLength(6);
}

QString CountryCombo::country() const
{
    return currentText().trimmed().toUpper();
}

void CountryCombo::setCountry(const QString &code)
{
    setEditText(code.toUpper());
}

bool CountryCombo::isValid() const
{
    const QString c = country();
    if (c.isEmpty())
        return m_optional;
    static const QRegularExpression twoLetters(QStringLiteral("^[A-Z]{2}$"));
    return twoLetters.match(c).hasMatch();
}

} // namespace ld::ui
