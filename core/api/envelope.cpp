#include "envelope.h"

#include "domain/jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace ld {

namespace {

bool is2xx(int status)
{
    return status >= 200 && status < 300;
}

// A reply we could not read: without a 2xx it is an HTTP failure that the status explains;
// with a 2xx the server claims success but we cannot see what happened.
ApiError unreadable(int httpStatus, const QString &problem)
{
    ApiError e;
    e.httpStatus = httpStatus;
    e.kind = is2xx(httpStatus) ? ApiError::Kind::BadBody : ApiError::Kind::Http;
    e.message = is2xx(httpStatus) ? problem
                                  : QStringLiteral("HTTP %1, %2").arg(httpStatus).arg(problem);
    return e;
}

} // namespace

int Envelope::creditsConsumed() const
{
    const QJsonValue v = metadata.value(QStringLiteral("credits_consumed"));
    return v.isDouble() ? int(v.toInteger(qint64(v.toDouble()))) : 0;
}

Envelope Envelope::decode(int httpStatus, const QByteArray &body)
{
    Envelope env;
    if (body.trimmed().isEmpty()) {
        env.error = unreadable(httpStatus, QStringLiteral("empty body"));
        return env;
    }

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonDocument refuses scalar roots ("ok", 5); say so rather than "illegal value".
        if (QJsonDocument::fromJson('[' + body + ']').isArray()) {
            env.error = unreadable(httpStatus, QStringLiteral("the JSON root is not an object"));
            return env;
        }
        const bool looksLikeHtml = body.trimmed().startsWith('<');
        env.error = unreadable(httpStatus,
                               looksLikeHtml ? QStringLiteral("an HTML page instead of JSON")
                                             : QStringLiteral("invalid JSON at offset %1: %2")
                                                   .arg(parseError.offset)
                                                   .arg(parseError.errorString()));
        return env;
    }
    if (!doc.isObject()) {
        env.error = unreadable(httpStatus, doc.isArray()
                                   ? QStringLiteral("the JSON root is an array, expected an object")
                                   : QStringLiteral("the JSON root is not an object"));
        return env;
    }

    const QJsonObject root = doc.object();
    const QJsonValue metadata = root.value(QStringLiteral("metadata"));
    if (metadata.isObject())
        env.metadata = metadata.toObject();

    const QJsonValue success = root.value(QStringLiteral("success"));
    const QJsonValue errorValue = root.value(QStringLiteral("error"));
    const bool failed = (success.isBool() && !success.toBool())
        // No usable "success" but a V2 error object: still the server's own words.
        || (!success.isBool() && errorValue.isObject() && !is2xx(httpStatus));
    if (failed) {
        const QJsonObject err = errorValue.toObject();
        env.error.kind = ApiError::Kind::Api;
        env.error.httpStatus = httpStatus;
        env.error.code = err.value(QStringLiteral("code")).toString();
        env.error.message = err.value(QStringLiteral("message")).toString();
        if (env.error.code.isEmpty() && env.error.message.isEmpty() && errorValue.isString())
            env.error.message = errorValue.toString();
        if (env.error.message.isEmpty())
            env.error.message = QStringLiteral("the server reported a failure without details");
        return env;
    }
    if (!success.isBool()) {
        env.error = unreadable(httpStatus, success.isUndefined()
                                   ? QStringLiteral("\"success\" is missing")
                                   : QStringLiteral("\"success\" is %1, expected a boolean")
                                         .arg(json::typeName(success)));
        return env;
    }

    const QJsonValue data = root.value(QStringLiteral("data"));
    if (data.isUndefined() || data.isNull()) {
        env.data = QJsonObject(); // "data ... can be {}": an absent one reads the same
    } else if (data.isObject() || data.isArray()) {
        env.data = data;
    } else {
        // A claimed success whose data we cannot read: BadBody even on an odd status.
        env.error.kind = ApiError::Kind::BadBody;
        env.error.httpStatus = httpStatus;
        env.error.message = QStringLiteral("\"data\" is %1, expected an object").arg(json::typeName(data));
        return env;
    }
    return env;
}

} // namespace ld
