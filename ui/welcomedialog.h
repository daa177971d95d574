#pragma once
// First run without an API key: enter the key (masked, with a show toggle; it goes to the
// keychain), or try the demo on the built-in sandbox, or quit.
#include <QDialog>

class QLabel;
class QPushButton;

namespace ld::ui {

class SecretLineEdit;

class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { Quit, UseKey, TryDemo };

    // keychainProblem: ApiKeyVault::lastProblem(), a sentence when the keychain cannot be used
    // (the key is then kept for this session only); empty when it works.
    WelcomeDialog(const QString &keychainBackend, const QString &keychainProblem,
                  QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    QString key() const;

    SecretLineEdit *keyEdit() const { return m_key; }
    QPushButton *continueButton() const { return m_continue; }
    QPushButton *demoButton() const { return m_demo; }

private:
    SecretLineEdit *m_key;
    QPushButton *m_continue;
    QPushButton *m_demo;
    Choice m_choice = Choice::Quit;
};

} // namespace ld::ui
