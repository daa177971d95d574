#pragma once
// A failed API call as a value with words (STYLE.md): the server's code and message, the HTTP
// status, and the kind of failure. userMessage() says what to do; the wording lives in one place.
#include <QMetaType>
#include <QString>

namespace ld {

struct ApiError
{
    enum class Kind {
        None,          // no error
        Api,           // the server answered with the V2 error envelope (success:false)
        Http,          // a non-2xx status without a usable envelope (proxy page, 502, ...)
        BadBody,       // 2xx but the body is empty, not JSON, truncated or of the wrong shape
        Transport,     // connection refused / reset / DNS / host closed before a reply
        Timeout,       // no complete reply within the call's timeout
        Tls,           // certificate or handshake failure; never ignored
        Aborted,       // cancelled by the user or the app
        Config,        // the client refused to send (no API key, plain http to a remote host, ...)
    };

    // The server's code, e.g. "INVALID_API_KEY"; empty when the server gave none. For Transport
    // errors the client names the failure itself: CONNECTION_REFUSED and HOST_NOT_FOUND (the
    // request never left), CONNECTION_CLOSED, NETWORK_ERROR (it may have been sent).
    QString code;
    QString message;    // the server's message or a technical description
    int httpStatus = 0; // 0 when no HTTP reply was received
    Kind kind = Kind::None;

    bool isError() const { return kind != Kind::None; }

    // The request may have reached the server and had its effect (LinkedIn may have sent the
    // message): a timeout, a transport error after the request was sent, a 5xx, a 2xx whose
    // body could not be read. Writes that fail this way are never retried automatically.
    bool isAmbiguous() const;

    // One translated sentence for a person: what happened and what to do.
    QString userMessage() const;
    // "INVALID_API_KEY (HTTP 403): Invalid API key" for logs and --verbose output.
    QString technicalSummary() const;

    static QString kindName(Kind k);
    static ApiError config(const QString &message);
    // A 2xx whose data a decoder refused; `detail` is the decoder's error with its JSON path.
    static ApiError badBody(const QString &detail);
};

} // namespace ld

Q_DECLARE_METATYPE(ld::ApiError)
