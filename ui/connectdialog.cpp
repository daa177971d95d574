#include "connectdialog.h"

#include "countrycombo.h"
#include "icons.h"
#include "plaintext.h"
#include "secretlineedit.h"

#include "store/accountrepository.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ld::ui {

namespace {
enum Page { CredentialsPage, CodePage, ApprovalPage, DonePage };
enum Tab { SignInTab, TokenTab };

QLabel *explanation(const QString &text, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    label->setWordWrap(true);
    return label;
}
} // namespace

ConnectDialog::ConnectDialog(AccountsService *service, AccountRepository *accounts, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_accounts(accounts)
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect a LinkedIn account"));
    setMinimumWidth(460);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildCredentials());
    m_pages->addWidget(buildCode());
    m_pages->addWidget(buildApproval());
    m_pages->addWidget(buildDone());

    m_status = plainLabel({}, this);
    m_status->setObjectName(QStringLiteral("flowStatus"));
    m_status->setWordWrap(true);

    m_errorRow = new QWidget(this);
    m_errorIcon = new QLabel(m_errorRow);
    m_errorIcon->setPixmap(icons::action(QStringLiteral("warning")).pixmap(16, 16));
    m_error = plainLabel({}, m_errorRow);
    m_error->setObjectName(QStringLiteral("flowError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *errorLayout = new QHBoxLayout(m_errorRow);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->addWidget(m_errorIcon, 0, Qt::AlignTop);
    errorLayout->addWidget(m_error, 1);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x30, 0x30));
    m_error->setPalette(errorPalette);
    m_errorRow->hide();

    m_busyRow = new QWidget(this);
    m_progress = new QProgressBar(m_busyRow);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Waiting for LinkedIn"));
    m_cancelWait = new QPushButton(icons::action(QStringLiteral("cancel")), tr("Cancel"), m_busyRow);
    m_cancelWait->setObjectName(QStringLiteral("cancelWait"));
    m_cancelWait->setAutoDefault(false);
    m_cancelWait->setToolTip(tr("Stop waiting (Esc)"));
    connect(m_cancelWait, &QPushButton::clicked, this, [this] {
        if (m_flow)
            m_flow->cancel();
    });
    auto *busyLayout = new QHBoxLayout(m_busyRow);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(m_progress, 1);
    busyLayout->addWidget(m_cancelWait);
    m_busyRow->hide();

    m_buttons = new QDialogButtonBox(this);
    m_primary = m_buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    m_primary->setObjectName(QStringLiteral("primaryButton"));
    m_primary->setDefault(true);
    m_close = m_buttons->addButton(QDialogButtonBox::Close);
    m_close->setAutoDefault(false);
    connect(m_primary, &QPushButton::clicked, this, &ConnectDialog::submit);
    connect(m_close, &QPushButton::clicked, this, &ConnectDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(m_status); // above the page: "enter it below" points at the code field
    layout->addWidget(m_pages);
    layout->addWidget(m_errorRow);
    layout->addWidget(m_busyRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    m_status->setText(tr("Sign in with the account's LinkedIn e-mail and password, or import a "
                         "token from LinkUp V1."));
    m_email->setFocus();
}

ConnectDialog::~ConnectDialog()
{
    if (m_flow && isWaiting())
        m_flow->cancel();
}

QWidget *ConnectDialog::buildCredentials()
{
    auto *page = new QWidget(this);
    m_hint = explanation({}, page);
    m_hint->hide();
    m_tabs = new QTabWidget(page);
    m_tabs->setDocumentMode(true);

    // Wrapped explanations sit below each form: QFormLayout underestimates their height.
    auto *signIn = new QWidget(m_tabs);
    auto *signInLayout = new QVBoxLayout(signIn);
    auto *signInForm = new QFormLayout;
    signInLayout->addLayout(signInForm);
    m_email = new QLineEdit(signIn);
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setPlaceholderText(tr("name@company.com"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_password = new SecretLineEdit(signIn);
    m_password->setObjectName(QStringLiteral("password"));
    m_loginCountry = new CountryCombo(true, signIn);
    m_loginCountry->setObjectName(QStringLiteral("loginCountry"));
    signInForm->addRow(tr("&E-mail"), m_email);
    signInForm->addRow(tr("&Password"), m_password);
    signInForm->addRow(tr("Proxy c&ountry"), m_loginCountry);
    signInLayout->addWidget(explanation(tr("LinkedIn may ask for a verification code or an "
                                           "approval in its app; this dialog walks you through it."),
                                        signIn));

    auto *token = new QWidget(m_tabs);
    auto *tokenLayout = new QVBoxLayout(token);
    auto *tokenForm = new QFormLayout;
    tokenLayout->addLayout(tokenForm);
    m_token = new SecretLineEdit(token);
    m_token->setObjectName(QStringLiteral("loginToken"));
    m_token->setPlaceholderText(tr("V1 login_token"));
    m_tokenCountry = new CountryCombo(false, token);
    m_tokenCountry->setObjectName(QStringLiteral("tokenCountry"));
    m_tokenCountry->setCountry(QStringLiteral("FR")); // the V1 default
    tokenForm->addRow(tr("&Login token"), m_token);
    tokenForm->addRow(tr("Proxy c&ountry"), m_tokenCountry);
    tokenLayout->addWidget(explanation(tr("Moves an account from LinkUp V1 without signing in "
                                          "again. Importing the same token twice is safe and free."),
                                       token));

    m_tabs->addTab(signIn, tr("Sign in"));
    m_tabs->addTab(token, tr("Import V1 token"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        m_errorRow->hide();
        (tab == SignInTab ? static_cast<QWidget *>(m_email) : m_token)->setFocus();
    });

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hint);
    layout->addWidget(m_tabs);
    return page;
}

QWidget *ConnectDialog::buildCode()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0); // the flow's status sentence says where the code went
    m_code = new QLineEdit(page);
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setPlaceholderText(tr("Verification code"));
    m_code->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhNoPredictiveText);
    m_code->setMaxLength(32);
    QFont f = m_code->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setLetterSpacing(QFont::PercentageSpacing, 115);
    m_code->setFont(f);
    form->addRow(tr("&Code"), m_code);
    return page;
}

QWidget *ConnectDialog::buildApproval()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(explanation(tr("Open the LinkedIn app on your phone and approve the "
                                     "sign-in. Then choose “I approved it in the app”."), page));
    return page;
}

QWidget *ConnectDialog::buildDone()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_connectedName = plainLabel({}, page);
    m_connectedName->setObjectName(QStringLiteral("connectedName"));
    QFont f = m_connectedName->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setWeight(QFont::DemiBold);
    m_connectedName->setFont(f);
    layout->addWidget(m_connectedName);
    return page;
}

void ConnectDialog::setReconnectHint(const QString &accountName)
{
    m_hint->setText(tr("“%1” needs to be connected again: sign in once more, or import its V1 "
                       "token.").arg(accountName));
    m_hint->show();
    m_tabs->setCurrentIndex(SignInTab);
}

QLineEdit *ConnectDialog::emailEdit() const
{
    return m_email;
}

bool ConnectDialog::isWaiting() const
{
    if (!m_flow)
        return false;
    const auto s = m_flow->state();
    return s == ConnectFlow::State::LoggingIn || s == ConnectFlow::State::Verifying
        || s == ConnectFlow::State::Fetching;
}

void ConnectDialog::showError(const QString &sentence)
{
    m_error->setText(sentence);
    m_errorRow->setVisible(!sentence.isEmpty());
}

void ConnectDialog::submit()
{
    if (isWaiting())
        return;
    switch (m_pages->currentIndex()) {
    case CredentialsPage:
        startFlow();
        break;
    case CodePage: {
        const QString code = m_code->text().trimmed();
        if (code.isEmpty()) {
            showError(tr("Enter the verification code LinkedIn sent you."));
            m_code->setFocus();
            return;
        }
        showError({});
        m_flow->submitCode(code);
        break;
    }
    case ApprovalPage:
        showError({});
        m_flow->confirmApproval();
        break;
    case DonePage:
        accept();
        break;
    }
}

void ConnectDialog::startFlow()
{
    QString problem;
    QWidget *fix = nullptr;
    if (m_tabs->currentIndex() == SignInTab) {
        const QString email = m_email->text().trimmed();
        if (!email.contains(QLatin1Char('@')) || email.startsWith(QLatin1Char('@'))
            || email.endsWith(QLatin1Char('@'))) {
            problem = tr("Enter the e-mail address of the LinkedIn account.");
            fix = m_email;
        } else if (m_password->text().isEmpty()) {
            problem = tr("Enter the LinkedIn password.");
            fix = m_password;
        } else if (!m_loginCountry->isValid()) {
            problem = tr("The proxy country is two letters, like FR or US — or leave it empty.");
            fix = m_loginCountry;
        }
    } else {
        if (m_token->text().trimmed().isEmpty()) {
            problem = tr("Paste the account's V1 login_token.");
            fix = m_token;
        } else if (!m_tokenCountry->isValid()) {
            problem = tr("The proxy country is two letters, like FR or US.");
            fix = m_tokenCountry;
        }
    }
    if (fix) {
        showError(problem);
        fix->setFocus();
        return;
    }
    showError({});

    m_flow = std::make_unique<ConnectFlow>(m_service, m_accounts);
    connect(m_flow.get(), &ConnectFlow::stateChanged, this, &ConnectDialog::onStateChanged);
    if (m_tabs->currentIndex() == SignInTab)
        m_flow->startLogin(m_email->text().trimmed(), m_password->text(), m_loginCountry->country());
    else
        m_flow->startTokenImport(m_token->text().trimmed(), m_tokenCountry->country());
    onStateChanged(m_flow->state());
}

void ConnectDialog::onStateChanged(ConnectFlow::State state)
{
    using State = ConnectFlow::State;
    const bool waiting = isWaiting();
    // In Failed the flow's status is its error: say it once, in the error row.
    m_status->setText(state == ConnectFlow::State::Failed ? QString() : m_flow->statusText());
    m_status->setVisible(!m_status->text().isEmpty());
    m_busyRow->setVisible(waiting);
    m_pages->setEnabled(!waiting);
    m_primary->setEnabled(!waiting);

    switch (state) {
    case State::Idle:
    case State::LoggingIn:
    case State::Verifying:
    case State::Fetching:
        if (waiting)
            m_cancelWait->setFocus();
        break;
    case State::NeedsCode:
        m_pages->setCurrentIndex(CodePage);
        m_primary->setText(tr("&Verify"));
        // A wrong code comes back here with the error; the code stays, selected, to retype.
        showError(m_flow->errorText());
        m_code->setFocus();
        m_code->selectAll();
        break;
    case State::NeedsApproval:
        m_pages->setCurrentIndex(ApprovalPage);
        m_primary->setText(tr("I &approved it in the app"));
        showError(m_flow->errorText());
        m_primary->setFocus();
        break;
    case State::Connected: {
        m_connectedId = m_flow->accountId();
        const std::optional<Account> account = m_accounts->find(m_connectedId);
        const QString name = account && !account->name.isEmpty() ? account->name : m_connectedId;
        m_connectedName->setText(tr("Connected: %1").arg(name));
        m_pages->setCurrentIndex(DonePage);
        m_primary->setText(tr("&Done"));
        m_close->hide();
        showError({});
        m_password->clear();
        m_token->clear();
        m_primary->setFocus();
        Q_EMIT accountConnected(m_connectedId);
        break;
    }
    case State::Failed:
    case State::Cancelled:
        // Back to where the person can try again, with what they typed still there.
        m_pages->setCurrentIndex(CredentialsPage);
        m_primary->setText(tr("&Connect"));
        showError(m_flow->errorText());
        (m_tabs->currentIndex() == SignInTab ? static_cast<QWidget *>(m_email) : m_token)->setFocus();
        break;
    }
}

void ConnectDialog::reject()
{
    if (isWaiting()) {
        m_flow->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace ld::ui
