#pragma once
// The proxy country of a LinkedIn session: a two-letter code, editable, with the values the V1
// API knew offered first (contract §2.1). Lower case is raised as it is typed.
#include <QComboBox>

namespace ld::ui {

class CountryCombo : public QComboBox
{
    Q_OBJECT
public:
    // optional: an empty first entry ("Automatic") is offered and valid.
    explicit CountryCombo(bool optional, QWidget *parent = nullptr);

    QString country() const;         // "FR", or empty when optional and left empty
    void setCountry(const QString &code);
    bool isValid() const;            // two letters A-Z, or empty when optional

private:
    bool m_optional;
};

} // namespace ld::ui
