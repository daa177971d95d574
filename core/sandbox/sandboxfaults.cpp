// Fault injection: choosing the fault for a request, and the faulty answers themselves.
#include "sandboxserver_p.h"

#include <QTcpSocket>

#include <memory>

namespace ld::sandbox {

bool isPreHandling(SandboxServer::Fault f)
{
    using F = SandboxServer::Fault;
    // These answer instead of the server: the request has no effect and costs nothing.
    return f == F::RateLimited || f == F::RateLimitedRetryAfter || f == F::InternalError
        || f == F::HtmlBody || f == F::SuccessFalse;
}

void writeReply(QHttpServerResponder &responder, const Reply &reply)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    for (const auto &[key, value] : reply.headers)
        responder.writeHeader(key, value);
    responder.writeBody(reply.body);
}

Reply faultReply(const FaultRule &rule, const QString &name)
{
    Reply reply;
    switch (rule.fault) {
    case SandboxServer::Fault::RateLimited:
    case SandboxServer::Fault::RateLimitedRetryAfter:
        reply = errorReply(429, QStringLiteral("RATE_LIMITED"),
            QStringLiteral("Too many requests; slow down and retry"), name);
        if (rule.fault == SandboxServer::Fault::RateLimitedRetryAfter)
            reply.headers << qMakePair(
                QByteArray("Retry-After"), QByteArray::number(rule.param > 0 ? rule.param : 1));
        break;
    case SandboxServer::Fault::InternalError:
        reply = errorReply(500, QStringLiteral("INTERNAL_ERROR"),
            QStringLiteral("Internal server error; retry later"), name);
        break;
    case SandboxServer::Fault::HtmlBody:
        reply.status = 502;
        reply.contentType = "text/html; charset=utf-8";
        reply.body = "<html><head><title>502 Bad Gateway</title></head><body>\n"
                     "<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n"
                     "</body></html>\n";
        break;
    default: // SuccessFalse: LinkedIn refused, modelled as 200 + success:false (§1.5)
        reply = errorReply(200, QStringLiteral("CHANNEL_ERROR"),
            QStringLiteral("LinkedIn refused the request (restricted profile or "
                           "missing seat)"),
            name);
        break;
    }
    return reply;
}

std::optional<FaultRule> SandboxServer::Private::takeFault(
    const QString &path, const QString &action, bool stream)
{
    for (int i = 0; i < faults.size(); ++i) {
        FaultRule &rule = faults[i];
        // A stream takes DropStreams and the faults that replace an answer; a finished
        // request takes every other kind.
        const bool forStreams = rule.fault == Fault::DropStreams || isPreHandling(rule.fault);
        if (stream ? !forStreams : rule.fault == Fault::DropStreams)
            continue;
        if (!path.startsWith(rule.pathPrefix) || (!rule.action.isEmpty() && rule.action != action))
            continue;
        const FaultRule taken = rule;
        if (--rule.count <= 0)
            faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

void SandboxServer::Private::setStatus(quint64 serial, int status)
{
    const qsizetype i = serials.indexOf(serial);
    if (i >= 0)
        requests[i].status = status;
}

void SandboxServer::Private::finish(QHttpServerResponder &&responder, Reply reply, quint64 serial,
    const std::optional<FaultRule> &fault)
{
    // Faults that corrupt an answer the server did produce: its effects and credits stand.
    const SandboxServer::Fault kind = fault ? fault->fault : SandboxServer::Fault::RateLimited;
    if (fault && kind == Fault::MalformedJson) {
        reply.status = 200;
        reply.body.truncate(qMax<qsizetype>(1, reply.body.size() / 2));
    } else if (fault && kind == Fault::EmptyBody) {
        reply.status = 200;
        reply.body.clear();
    } else if (fault && kind == Fault::WrongType) {
        reply.status = 200;
        reply.envelope.insert(
            QStringLiteral("data"), QStringLiteral("unexpected string instead of an object"));
        rebuildBody(reply);
    } else if (fault && kind == Fault::DropAfterSend) {
        // The answer is cut after its headers. Closing before any byte would not do:
        // QNetworkAccessManager 6.4 silently re-sends a request (even a POST) whose
        // connection closed before the first response byte, turning the fault into a
        // duplicate action instead of an ambiguous one.
        setStatus(serial, 0);
        QPointer<QTcpSocket> socket = responder.socket();
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
        responder.writeHeader("Content-Type", reply.contentType);
        responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        responder.writeBody(QByteArray());
        // Closed on the next turn of the event loop: QHttpServer still uses the socket
        // after the handler returns.
        QTimer::singleShot(0, &http, [socket] {
            if (socket)
                socket->disconnectFromHost();
        });
        return;
    } else if (fault && kind == Fault::Slow) {
        // Handled now, answered later, without blocking the event loop.
        setStatus(serial, reply.status);
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> socket = held->socket();
        QTimer::singleShot(fault->param > 0 ? fault->param : 3000, &http, [held, socket, reply] {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                writeReply(*held, reply);
        });
        return;
    }
    setStatus(serial, reply.status);
    writeReply(responder, reply);
}

} // namespace ld::sandbox
