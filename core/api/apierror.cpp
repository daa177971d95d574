#include "apierror.h"

#include <QCoreApplication>

namespace ld {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ld::ApiError", text);
}

bool isNotSentTransport(const QString &code)
{
    return code == QLatin1String("CONNECTION_REFUSED") || code == QLatin1String("HOST_NOT_FOUND")
        || code == QLatin1String("PROXY_CONNECTION_REFUSED") || code == QLatin1String("PROXY_NOT_FOUND");
}

// What to say when all we have is an HTTP status (an unknown code, or no envelope at all).
QString messageForStatus(int status, const QString &detail)
{
    switch (status) {
    case 400:
        return tr("The LinkUp server refused the request as invalid (%1). Check the values you "
                  "entered; if it keeps happening, update LinkUp Desk.").arg(detail);
    case 401:
    case 403:
        return tr("The LinkUp server refused access (HTTP %1). Check your API key in Settings → API key.")
            .arg(status);
    case 402:
        return tr("The LinkUp server asks for payment (HTTP 402): top up your LinkUp credits.");
    case 404:
        return tr("The LinkUp server does not know what was asked for (HTTP 404). Refresh and try "
                  "again; if it keeps happening, update LinkUp Desk.");
    case 408:
        return tr("The LinkUp server gave up waiting for the request (HTTP 408). Check your "
                  "connection and try again.");
    case 429:
        return tr("Too many requests were sent to LinkUp in a short time. Wait a minute and try again.");
    case 502:
    case 503:
    case 504:
        return tr("The LinkUp server or a proxy in between is unavailable (HTTP %1). The request "
                  "may or may not have been carried out: check before repeating it, or try again "
                  "in a few minutes.").arg(status);
    default:
        break;
    }
    if (status >= 500)
        return tr("The LinkUp server failed (HTTP %1). The request may or may not have been "
                  "carried out: check before repeating it, or try again later.").arg(status);
    return tr("The LinkUp server answered with an unexpected error (HTTP %1): %2")
        .arg(status).arg(detail.isEmpty() ? tr("no details") : detail);
}

QString messageForCode(const ApiError &e)
{
    const QString &c = e.code;
    if (c == QLatin1String("INVALID_API_KEY"))
        return tr("LinkUp refused the API key. Check it in Settings → API key (it may have been "
                  "mistyped, revoked or expired).");
    if (c == QLatin1String("INVALID_ACCOUNT"))
        return tr("LinkUp does not know this account, or it belongs to another API key. Refresh "
                  "the accounts list.");
    if (c == QLatin1String("ACCOUNT_INACTIVE"))
        return tr("This LinkedIn account is inactive or its session expired. Reconnect the "
                  "account (log in again) before using it.");
    if (c == QLatin1String("INVALID_ACTION"))
        return tr("This version of LinkUp Desk uses an action the LinkUp server does not know. "
                  "Update LinkUp Desk.");
    if (c == QLatin1String("INVALID_PARAMS"))
        return tr("LinkUp refused the request's parameters: %1. Check what you entered; the "
                  "person or item may also no longer exist on LinkedIn.")
            .arg(e.message.isEmpty() ? tr("no details given") : e.message);
    if (c == QLatin1String("RATE_LIMITED"))
        return tr("LinkUp is limiting this API key: too many requests in a short time. Wait a "
                  "minute and retry (LinkUp Desk already retried by itself).");
    if (c == QLatin1String("INSUFFICIENT_CREDITS"))
        return tr("Your LinkUp credits are used up. Top up your credits on LinkUp, then try again.");
    if (c == QLatin1String("INTERNAL_ERROR"))
        return tr("The LinkUp server had an internal fault. Try again later; if it keeps "
                  "happening, contact LinkUp support.");
    if (c == QLatin1String("CHANNEL_ERROR"))
        return tr("LinkedIn refused the request (%1). Retrying the same thing will not help: "
                  "check the account's LinkedIn subscription and the target.")
            .arg(e.message.isEmpty() ? tr("no details given") : e.message);
    return {};
}

} // namespace

bool ApiError::isAmbiguous() const
{
    switch (kind) {
    case Kind::Timeout:
        return true;
    case Kind::Transport:
        return !isNotSentTransport(code);
    case Kind::Api:
    case Kind::Http:
        return httpStatus >= 500;
    case Kind::BadBody:
        return httpStatus == 0 || (httpStatus >= 200 && httpStatus < 300);
    case Kind::None:
    case Kind::Tls:
    case Kind::Aborted:
    case Kind::Config:
        break;
    }
    return false;
}

QString ApiError::userMessage() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Api: {
        const QString known = messageForCode(*this);
        if (!known.isEmpty())
            return known;
        if (httpStatus == 0 || (httpStatus >= 200 && httpStatus < 300))
            return tr("LinkUp could not carry out the request (%1): %2")
                .arg(code.isEmpty() ? tr("no error code") : code,
                     message.isEmpty() ? tr("no details") : message);
        return messageForStatus(httpStatus, message.isEmpty() ? code : message);
    }
    case Kind::Http:
        return messageForStatus(httpStatus, message);
    case Kind::BadBody:
        return tr("The LinkUp server answered with a reply LinkUp Desk could not read (%1). The "
                  "request may have been carried out: check before repeating it.").arg(message);
    case Kind::Transport:
        if (code == QLatin1String("CONNECTION_REFUSED") || code == QLatin1String("PROXY_CONNECTION_REFUSED"))
            return tr("Could not connect to the LinkUp server: the connection was refused. Check "
                      "your internet connection and the server address in Settings.");
        if (code == QLatin1String("HOST_NOT_FOUND") || code == QLatin1String("PROXY_NOT_FOUND"))
            return tr("The LinkUp server's name could not be found. Check your internet "
                      "connection and the server address in Settings.");
        return tr("The connection to the LinkUp server was lost before it answered (%1). The "
                  "request may have been carried out: check before repeating it.").arg(message);
    case Kind::Timeout:
        return tr("The LinkUp server did not answer in time. The request may have been carried "
                  "out: check before repeating it.");
    case Kind::Tls:
        return tr("The secure connection to the LinkUp server could not be established (%1). "
                  "LinkUp Desk never ignores certificate errors: check the server address and "
                  "whether a proxy or antivirus intercepts HTTPS.").arg(message);
    case Kind::Aborted:
        return tr("The request was cancelled.");
    case Kind::Config:
        return message.isEmpty() ? tr("LinkUp Desk is not set up to send this request. Check Settings.")
                                 : message;
    }
    return {};
}

QString ApiError::technicalSummary() const
{
    QString s = code.isEmpty() ? kindName(kind) : code;
    if (httpStatus > 0)
        s += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    if (!message.isEmpty())
        s += QStringLiteral(": ") + message;
    return s;
}

QString ApiError::kindName(Kind k)
{
    switch (k) {
    case Kind::None: return QStringLiteral("None");
    case Kind::Api: return QStringLiteral("Api");
    case Kind::Http: return QStringLiteral("Http");
    case Kind::BadBody: return QStringLiteral("BadBody");
    case Kind::Transport: return QStringLiteral("Transport");
    case Kind::Timeout: return QStringLiteral("Timeout");
    case Kind::Tls: return QStringLiteral("Tls");
    case Kind::Aborted: return QStringLiteral("Aborted");
    case Kind::Config: return QStringLiteral("Config");
    }
    return QStringLiteral("Unknown");
}

ApiError ApiError::config(const QString &message)
{
    ApiError e;
    e.kind = Kind::Config;
    e.message = message;
    return e;
}

ApiError ApiError::badBody(const QString &detail)
{
    ApiError e;
    e.kind = Kind::BadBody;
    e.message = detail;
    return e;
}

} // namespace ld
