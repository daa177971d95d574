#include "loginresult.h"

#include "jsonreader.h"

namespace ld {

Decoded<LoginResult> LoginResult::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    if (!r.ok())
        return Decoded<LoginResult>::failure(r.error());

    LoginResult result;
    result.accountId = r.id(QStringLiteral("account_id"), /*required=*/true);
    const QString status = r.string(QStringLiteral("status")).trimmed().toLower();
    const QString challenge = r.string(QStringLiteral("challenge_type")).trimmed().toLower();
    if (!r.ok())
        return Decoded<LoginResult>::failure(r.error());

    if (challenge == QLatin1String("code_challenge")) {
        result.challenge = Challenge::Code;
    } else if (challenge == QLatin1String("app_challenge")) {
        result.challenge = Challenge::App;
    } else if (!challenge.isEmpty()) {
        result.rawChallenge = challenge;
    }

    if (status == QLatin1String("checkpoint_required")) {
        result.status = Status::CheckpointRequired;
    } else if (status == QLatin1String("connected") || status == QLatin1String("active")) {
        result.status = Status::Connected;
    } else if (status.isEmpty()) {
        // No status word: a challenge still means the login is not finished.
        result.status = challenge.isEmpty() ? Status::Connected : Status::CheckpointRequired;
    } else {
        // An unknown word must not be mistaken for a finished login.
        return Decoded<LoginResult>::failure(json::childPath(path, QStringLiteral("status"))
                                             + QStringLiteral(": unknown status \"") + status
                                             + QLatin1Char('"'));
    }
    return Decoded<LoginResult>::success(std::move(result));
}

} // namespace ld
