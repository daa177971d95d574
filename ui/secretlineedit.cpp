#include "secretlineedit.h"

#include "icons.h"

#include <QAction>

namespace ld::ui {

SecretLineEdit::SecretLineEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_reveal(new QAction(icons::action(QStringLiteral("eye")), tr("Show"), this))
{
    setEchoMode(QLineEdit::Password);
    // No input method suggestions or predictive text for secrets.
    setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText
                        | Qt::ImhNoAutoUppercase);
    m_reveal->setCheckable(true);
    m_reveal->setObjectName(QStringLiteral("revealAction"));
    m_reveal->setToolTip(tr("Show the text"));
    addAction(m_reveal, QLineEdit::TrailingPosition);
    connect(m_reveal, &QAction::toggled, this, &SecretLineEdit::setRevealed);
}

void SecretLineEdit::setRevealed(bool revealed)
{
    setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setToolTip(revealed ? tr("Hide the text") : tr("Show the text"));
    if (m_reveal->isChecked() != revealed)
        m_reveal->setChecked(revealed);
}

} // namespace ld::ui
