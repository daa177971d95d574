#pragma once
// A masked field for a secret (API key, password, V1 token) with a show/hide toggle at its end.
// The text is never copied out of the field by the app except to hand it to the core.
#include <QLineEdit>

class QAction;

namespace ld::ui {

class SecretLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit SecretLineEdit(QWidget *parent = nullptr);

    QAction *revealAction() const { return m_reveal; }
    void setRevealed(bool revealed);
    bool isRevealed() const { return echoMode() == QLineEdit::Normal; }

private:
    QAction *m_reveal;
};

} // namespace ld::ui
