#pragma once
// The answer of POST /v2/login and POST /v2/checkpoint (contract §2.1, §2.2).
#include "decoded.h"

#include <QJsonValue>
#include <QString>

namespace ld {

struct LoginResult
{
    enum class Status { Connected, CheckpointRequired };
    enum class Challenge { None, Code, App }; // code_challenge, app_challenge

    QString accountId;
    Status status = Status::Connected;
    Challenge challenge = Challenge::None;
    QString rawChallenge; // the server's word, when unknown

    static Decoded<LoginResult> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

} // namespace ld
