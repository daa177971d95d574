#include "session.h"

#include "api/apiclient.h"
#include "secrets/apikeyvault.h"
#include "secrets/keychainsecretstore.h"
#include "support/logging.h"
#include "support/profile.h"

namespace ld::ctl {

namespace {

const QString whereTheKeyLives
    = QStringLiteral("set LINKUP_API_KEY or save the key in LinkUp Desk's Settings");

} // namespace

Session::Session(const GlobalOptions &options)
    : m_options(options)
{ }

Session::~Session() = default;

int Session::open(KeyNeed need)
{
    const Profile profile = Profile::open(m_options.profileDir);
    if (!profile.isValid())
        return fail(QStringLiteral("cannot use the profile: %1").arg(profile.error()));
    m_workspace = std::make_unique<Workspace>(profile);
    if (!m_workspace->open())
        return fail(m_workspace->errorString());

    if (!m_options.baseUrl.isEmpty()) {
        const QUrl url = QUrl::fromUserInput(m_options.baseUrl);
        const ApiError refused = m_workspace->client()->setBaseUrl(url);
        if (refused.isError())
            return fail(
                QStringLiteral("--base-url %1: %2").arg(m_options.baseUrl, refused.userMessage()));
    }

    if (need == KeyNeed::None)
        return ExitOk;
    int exitCode = ExitOk;
    const QString key = resolveKey(need, &exitCode);
    if (exitCode != ExitOk)
        return exitCode;
    if (!key.isEmpty()) {
        logging::registerSecret(key);
        m_workspace->client()->setApiKey(key);
        m_apiKey = key;
        m_hasKey = true;
    }
    return ExitOk;
}

// LINKUP_API_KEY first (scripts, CI), else the keychain entry the app saves from Settings.
QString Session::resolveKey(KeyNeed need, int *exitCode)
{
    const QString fromEnv = qEnvironmentVariable("LINKUP_API_KEY").trimmed();
    if (!fromEnv.isEmpty())
        return fromEnv;

    KeychainSecretStore store(m_workspace->profile().keychainService());
    ApiKeyVault vault(&store);
    bool loaded = false;
    bool found = false;
    QObject::connect(&vault, &ApiKeyVault::loaded, &vault, [&](bool f) {
        loaded = true;
        found = f;
    });
    vault.load();
    if (!waitUntil(&vault, &ApiKeyVault::loaded, [&] { return loaded; })) {
        *exitCode = fail(QStringLiteral("interrupted"));
        return {};
    }
    if (found && vault.hasKey())
        return vault.key();
    if (need == KeyNeed::Optional)
        return {};
    if (!vault.lastProblem().isEmpty() || vault.sessionOnly()) {
        *exitCode = fail(QStringLiteral("no API key: the keychain is unavailable — %1 (%2)")
                             .arg(whereTheKeyLives, vault.lastProblem()));
    } else {
        *exitCode = fail(QStringLiteral("no API key: %1").arg(whereTheKeyLives));
    }
    return {};
}

int Session::apiFailure(const ApiError &error) const
{
    const bool keyRefused = error.code == QLatin1String("INVALID_API_KEY")
        || (error.code.isEmpty() && (error.httpStatus == 401 || error.httpStatus == 403));
    if (keyRefused)
        return fail(QStringLiteral("the API key was refused by %1: %2")
                        .arg(m_workspace->client()->baseUrl().toDisplayString(), whereTheKeyLives));
    return fail(error.userMessage());
}

} // namespace ld::ctl
