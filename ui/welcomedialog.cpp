#include "welcomedialog.h"

#include "icons.h"
#include "plaintext.h"
#include "secretlineedit.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ld::ui {

WelcomeDialog::WelcomeDialog(const QString &keychainBackend, const QString &keychainProblem,
                             QWidget *parent)
    : QDialog(parent)
    , m_key(new SecretLineEdit(this))
    , m_continue(new QPushButton(tr("&Continue"), this))
    , m_demo(new QPushButton(tr("Try the &demo"), this))
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to LinkUp Desk"));
    setWindowIcon(icons::app());
    setMinimumWidth(500);

    auto *logo = new QLabel(this);
    logo->setPixmap(icons::app().pixmap(56, 56));
    QLabel *title = plainLabel(tr("Welcome to LinkUp Desk"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setWeight(QFont::DemiBold);
    title->setFont(big);
    QLabel *intro = plainLabel(tr("Enter your LinkUp API key to connect and work your LinkedIn "
                                  "accounts. You find it in your LinkUp dashboard."), this);
    intro->setWordWrap(true);
    auto *head = new QHBoxLayout;
    head->setSpacing(14);
    head->addWidget(logo, 0, Qt::AlignTop);
    auto *headText = new QVBoxLayout;
    headText->addWidget(title);
    headText->addWidget(intro);
    head->addLayout(headText, 1);

    m_key->setObjectName(QStringLiteral("welcomeApiKey"));
    m_key->setPlaceholderText(tr("API key"));
    m_key->setAccessibleName(tr("API key"));

    QLabel *where = plainLabel(
        keychainProblem.isEmpty()
            ? tr("The key is stored in %1, never in a file or a log.").arg(keychainBackend)
            : keychainProblem, // the vault's sentence: what failed, and that the key is session-only
        this);
    where->setObjectName(QStringLiteral("keychainNote"));
    where->setWordWrap(true);
    if (keychainProblem.isEmpty()) {
        where->setForegroundRole(QPalette::PlaceholderText);
    } else {
        QPalette pal = where->palette();
        pal.setColor(QPalette::WindowText, QColor(0xb0, 0x6a, 0x00));
        where->setPalette(pal);
    }

    QLabel *demoNote = plainLabel(tr("No key yet? The demo opens a workspace with sample accounts "
                                     "from a built-in sandbox; nothing reaches LinkedIn."), this);
    demoNote->setWordWrap(true);
    demoNote->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_continue, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_demo, QDialogButtonBox::ActionRole);
    QPushButton *quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    m_continue->setDefault(true);
    m_demo->setAutoDefault(false);
    quit->setAutoDefault(false);
    m_continue->setEnabled(false);
    connect(m_key, &QLineEdit::textChanged, this,
            [this] { m_continue->setEnabled(!key().isEmpty()); });
    connect(m_continue, &QPushButton::clicked, this, [this] {
        if (key().isEmpty())
            return;
        m_choice = Choice::UseKey;
        accept();
    });
    connect(m_demo, &QPushButton::clicked, this, [this] {
        m_choice = Choice::TryDemo;
        accept();
    });
    connect(quit, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addLayout(head);
    layout->addSpacing(6);
    layout->addWidget(m_key);
    layout->addWidget(where);
    layout->addSpacing(6);
    layout->addWidget(demoNote);
    layout->addStretch(1);
    layout->addWidget(buttons);
    m_key->setFocus();
}

QString WelcomeDialog::key() const
{
    return m_key->text().trimmed();
}

} // namespace ld::ui
