#pragma once
// Connecting a LinkedIn account (contract §2.1, §2.2), as one small state machine shared by
// the Connect dialog and linkupctl: fresh login or V1 token import, then an optional 2FA
// checkpoint by code or by approval in the LinkedIn app, then the account is stored.
#include "api/apierror.h"
#include "domain/loginresult.h"

#include <QObject>
#include <QPointer>

namespace ld {

class AccountsService;
class AccountRepository;
class ApiCall;

class ConnectFlow : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        LoggingIn,       // /v2/login in flight
        NeedsCode,       // code_challenge: waiting for the user's code
        NeedsApproval,   // app_challenge: waiting for the user to approve in the app
        Verifying,       // /v2/checkpoint in flight
        Fetching,        // reading the new account's details
        Connected,
        Failed,
        Cancelled,
    };
    Q_ENUM(State)

    ConnectFlow(AccountsService *service, AccountRepository *accounts, QObject *parent = nullptr);

    void startLogin(const QString &email, const QString &password, const QString &country = {});
    void startTokenImport(const QString &loginToken, const QString &country);
    void submitCode(const QString &code); // in NeedsCode (and again after a wrong code)
    void confirmApproval();              // in NeedsApproval: "I approved it in the app"
    // Completes a checkpoint that an earlier session started (linkupctl checkpoint): with a
    // code for a code_challenge, without one for an app_challenge. Goes straight to Verifying.
    void resumeCheckpoint(const QString &accountId, const QString &code = {});
    void cancel();                       // aborts the call in flight

    State state() const { return m_state; }
    QString accountId() const { return m_accountId; }
    ApiError lastError() const { return m_error; }
    // What is happening or what to do now ("Signing in…", "enter the code"); in Failed, the
    // same sentence as errorText(), so a one-line caller (linkupctl) needs only this.
    QString statusText() const;
    // What went wrong, in words specific to the step (a refused code, an expired V1 token);
    // empty when nothing did. A wrong code keeps the flow in NeedsCode with this set.
    QString errorText() const;
    bool isBusy() const;                 // a call is in flight
    bool isFinished() const;             // Connected, Failed or Cancelled

Q_SIGNALS:
    void stateChanged(ld::ConnectFlow::State state);
    void connected(const QString &accountId);
    void failed(const ld::ApiError &error);

private:
    enum class Mode { Login, TokenImport, Checkpoint };

    void begin(Mode mode);
    void setState(State s);
    void watch(ApiCall *call, void (ConnectFlow::*handler)(ApiCall *));
    void onLoginDone(ApiCall *call);
    void onCheckpointDone(ApiCall *call);
    void onAccountDone(ApiCall *call);
    void sendCheckpoint(const QString &code);
    void fetchAccount();
    void fail(const ApiError &error);
    bool tokenWasRefused() const;

    AccountsService *m_service;
    AccountRepository *m_accounts;
    State m_state = State::Idle;
    QString m_accountId;
    ApiError m_error;
    QPointer<ApiCall> m_call;
    Mode m_mode = Mode::Login;
    LoginResult::Challenge m_challenge = LoginResult::Challenge::None;
};

} // namespace ld
