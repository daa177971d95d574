#include "connectflow.h"

#include "services/accountsservice.h"
#include "store/accountrepository.h"
#include "support/logging.h"

namespace ld {

namespace {

// Errors after which waiting for another code or approval cannot help.
bool endsTheFlow(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Config || error.kind == ApiError::Kind::Tls)
        return true;
    static const QStringList fatal = {
        QStringLiteral("INVALID_API_KEY"),
        QStringLiteral("INSUFFICIENT_CREDITS"),
        QStringLiteral("INVALID_ACCOUNT"),
        QStringLiteral("ACCOUNT_INACTIVE"),
    };
    return fatal.contains(error.code);
}

// A secret is masked in every log line while its call is in flight, and forgotten with it.
void maskWhileInFlight(ApiCall *call, const QString &secret)
{
    if (secret.isEmpty())
        return;
    logging::registerSecret(secret);
    QObject::connect(call, &ApiCall::done, call, [secret] { logging::forgetSecret(secret); });
}

} // namespace

ConnectFlow::ConnectFlow(AccountsService *service, AccountRepository *accounts, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_accounts(accounts)
{ }

bool ConnectFlow::isBusy() const
{
    return m_call && !m_call->isDone();
}

bool ConnectFlow::isFinished() const
{
    return m_state == State::Connected || m_state == State::Failed || m_state == State::Cancelled;
}

void ConnectFlow::begin(Mode mode)
{
    if (isBusy()) {
        disconnect(m_call, nullptr, this, nullptr);
        m_call->abort();
    }
    m_mode = mode;
    m_accountId.clear();
    m_error = {};
    m_challenge = LoginResult::Challenge::None;
}

void ConnectFlow::watch(ApiCall *call, void (ConnectFlow::*handler)(ApiCall *))
{
    m_call = call;
    connect(call, &ApiCall::done, this, [this, call, handler] {
        if (m_call == call)
            m_call = nullptr;
        (this->*handler)(call);
    });
}

void ConnectFlow::startLogin(const QString &email, const QString &password, const QString &country)
{
    begin(Mode::Login);
    ApiCall *call = m_service->login(email, password, country);
    maskWhileInFlight(call, password);
    watch(call, &ConnectFlow::onLoginDone);
    setState(State::LoggingIn);
}

void ConnectFlow::startTokenImport(const QString &loginToken, const QString &country)
{
    begin(Mode::TokenImport);
    ApiCall *call = m_service->importToken(loginToken, country);
    maskWhileInFlight(call, loginToken);
    watch(call, &ConnectFlow::onLoginDone);
    setState(State::LoggingIn);
}

void ConnectFlow::resumeCheckpoint(const QString &accountId, const QString &code)
{
    begin(Mode::Checkpoint);
    m_accountId = accountId;
    m_challenge = code.isEmpty() ? LoginResult::Challenge::App : LoginResult::Challenge::Code;
    sendCheckpoint(code);
}

void ConnectFlow::submitCode(const QString &code)
{
    if (m_state != State::NeedsCode || code.trimmed().isEmpty())
        return;
    sendCheckpoint(code.trimmed());
}

void ConnectFlow::confirmApproval()
{
    if (m_state != State::NeedsApproval)
        return;
    sendCheckpoint({});
}

void ConnectFlow::sendCheckpoint(const QString &code)
{
    watch(m_service->checkpoint(m_accountId, code), &ConnectFlow::onCheckpointDone);
    setState(State::Verifying);
}

void ConnectFlow::cancel()
{
    if (isFinished() || m_state == State::Idle)
        return;
    if (isBusy()) {
        // Disconnect first: the abort reports failed()/done() synchronously, and this flow
        // already knows why the call ended.
        disconnect(m_call, nullptr, this, nullptr);
        m_call->abort();
    }
    m_call = nullptr;
    setState(State::Cancelled);
}

void ConnectFlow::onLoginDone(ApiCall *call)
{
    // Aborted from elsewhere (the activity view): the same as the user's Cancel.
    if (call->state() == ApiCall::State::Aborted)
        return setState(State::Cancelled);
    if (call->state() != ApiCall::State::Succeeded)
        return fail(call->error());
    const Decoded<LoginResult> result = LoginResult::fromJson(call->data());
    if (!result.ok())
        return fail(ApiError::badBody(result.error));
    m_accountId = result.value.accountId;
    m_challenge = result.value.challenge;
    if (result.value.status == LoginResult::Status::Connected)
        return fetchAccount();
    // An unknown challenge word: a code is what LinkedIn asks for most often, and the user
    // can still cancel.
    setState(m_challenge == LoginResult::Challenge::App ? State::NeedsApproval : State::NeedsCode);
}

void ConnectFlow::onCheckpointDone(ApiCall *call)
{
    const State waiting
        = m_challenge == LoginResult::Challenge::App ? State::NeedsApproval : State::NeedsCode;
    if (call->state() == ApiCall::State::Aborted)
        return setState(State::Cancelled);
    if (call->state() != ApiCall::State::Succeeded) {
        const ApiError error = call->error();
        if (endsTheFlow(error) || m_mode == Mode::Checkpoint)
            return fail(error);
        // A wrong code, or an approval LinkedIn has not seen yet: ask again, with the reason.
        m_error = error;
        setState(waiting);
        return;
    }
    const Decoded<LoginResult> result = LoginResult::fromJson(call->data());
    if (result.ok() && result.value.status == LoginResult::Status::CheckpointRequired) {
        if (result.value.challenge != LoginResult::Challenge::None)
            m_challenge = result.value.challenge;
        m_error = {};
        setState(
            m_challenge == LoginResult::Challenge::App ? State::NeedsApproval : State::NeedsCode);
        return;
    }
    if (result.ok() && !result.value.accountId.isEmpty())
        m_accountId = result.value.accountId;
    fetchAccount();
}

void ConnectFlow::fetchAccount()
{
    m_error = {};
    watch(m_service->getAccount(m_accountId), &ConnectFlow::onAccountDone);
    setState(State::Fetching);
}

void ConnectFlow::onAccountDone(ApiCall *call)
{
    Account account;
    const Decoded<Account> decoded = call->state() == ApiCall::State::Succeeded
        ? Account::fromJson(call->data())
        : Decoded<Account>::failure(call->error().technicalSummary());
    if (decoded.ok() && !decoded.value.id.isEmpty()) {
        account = decoded.value;
    } else {
        // The login itself succeeded, so the account is connected; its details arrive with the
        // next refresh. Keep what the store may already know rather than blanking it.
        qCInfo(lcSync) << "connected, but the account's details could not be read:"
                       << decoded.error;
        if (const std::optional<Account> known = m_accounts->find(m_accountId))
            account = *known;
        account.id = m_accountId;
        account.status = Account::Status::Active;
        account.rawStatus = QStringLiteral("connected");
        account.isActive = true;
        if (account.platform.isEmpty())
            account.platform = QStringLiteral("linkedin");
    }
    if (!m_accounts->upsert(account))
        qCWarning(lcSync) << "could not store the connected account" << m_accountId;
    setState(State::Connected);
    Q_EMIT connected(m_accountId);
}

void ConnectFlow::fail(const ApiError &error)
{
    m_error = error;
    setState(State::Failed);
    Q_EMIT failed(error);
}

void ConnectFlow::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

// The sandbox and the live API refuse an expired V1 token with an API error about the token
// itself; anything about the key, credits or the server is reported as such instead.
bool ConnectFlow::tokenWasRefused() const
{
    if (m_mode != Mode::TokenImport || m_error.kind != ApiError::Kind::Api)
        return false;
    static const QStringList notAboutTheToken = {
        QStringLiteral("INVALID_API_KEY"),
        QStringLiteral("INSUFFICIENT_CREDITS"),
        QStringLiteral("RATE_LIMITED"),
        QStringLiteral("INTERNAL_ERROR"),
    };
    return !notAboutTheToken.contains(m_error.code);
}

QString ConnectFlow::errorText() const
{
    if (!m_error.isError())
        return {};
    if (tokenWasRefused())
        return tr("LinkedIn no longer accepts this V1 token: it has expired. Sign in to "
                  "LinkedIn again to get a new token, then import that one.");
    // Still waiting on the same challenge: LinkedIn refused this code or has not seen the
    // approval yet. The generic INVALID_PARAMS sentence (a person that no longer exists...)
    // would mislead here.
    if (m_state == State::NeedsCode && m_error.code == QLatin1String("INVALID_PARAMS"))
        return tr("LinkedIn did not accept that code (%1). Check it and type it again; if it "
                  "has expired, start over to get a new one.")
            .arg(m_error.message.isEmpty() ? tr("no reason given") : m_error.message);
    if (m_state == State::NeedsApproval && m_error.code == QLatin1String("INVALID_PARAMS"))
        return tr("LinkedIn has not seen the approval yet (%1). Approve the sign-in in the "
                  "app, then confirm again.")
            .arg(m_error.message.isEmpty() ? tr("no reason given") : m_error.message);
    return m_error.userMessage();
}

QString ConnectFlow::statusText() const
{
    switch (m_state) {
    case State::Idle:
        return tr("Sign in with the LinkedIn e-mail and password, or import a V1 login token.");
    case State::LoggingIn:
        return tr("Signing in to LinkedIn…");
    case State::NeedsCode:
        return tr("LinkedIn sent a verification code by e-mail, SMS or your authenticator "
                  "app — enter it below.");
    case State::NeedsApproval:
        return tr("Open the LinkedIn app on your phone and approve the sign-in, then "
                  "confirm here that you approved it.");
    case State::Verifying:
        return tr("Checking with LinkedIn…");
    case State::Fetching:
        return tr("Connected — reading the account's details…");
    case State::Connected:
        return tr("The LinkedIn account is connected.");
    case State::Failed:
        return errorText();
    case State::Cancelled:
        return tr("Cancelled.");
    }
    return {};
}

} // namespace ld
