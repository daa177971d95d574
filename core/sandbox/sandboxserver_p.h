#pragma once
// SandboxServer's private parts, shared by its source files (routing, faults, streams).
#include "sandboxhandlers.h"
#include "sandboxserver.h"
#include "ssestream.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace ld::sandbox {

struct FaultRule
{
    SandboxServer::Fault fault;
    int count;
    QString pathPrefix;
    QString action;
    int param;
};

// Faults that answer instead of the server: the request has no effect and costs nothing.
bool isPreHandling(SandboxServer::Fault f);
// The answer of a pre-handling fault; `name` goes into metadata.action.
Reply faultReply(const FaultRule &rule, const QString &name);
void writeReply(QHttpServerResponder &responder, const Reply &reply);

struct SandboxServer::Private
{
    QHttpServer http;
    SandboxState state;
    QString apiKey = Seeds::apiKey();
    quint16 port = 0;
    QList<FaultRule> faults;
    QList<RecordedRequest> requests;
    QList<quint64> serials; // parallel to requests, to set a held reply's status later
    quint64 nextSerial = 0;
    QList<QPointer<SseStream>> streams;
    QTimer keepAlive;
    QTimer demoTimer;
    int demoTick = 0;
    bool demoConnected = false;

    std::optional<FaultRule> takeFault(const QString &path, const QString &action, bool stream);
    void setStatus(quint64 serial, int status);
    // Writes `reply`, first applying a post-handling fault (corrupt, slow, drop) if any.
    void finish(QHttpServerResponder &&responder, Reply reply, quint64 serial,
        const std::optional<FaultRule> &fault);
    Reply dispatch(const Request &req);
    Reply actionEndpoint(const QString &category, const Request &req);
    void openStream(
        const Request &req, QHttpServerResponder &&responder, quint64 serial, bool drop);
    void closeStreams(const QString &pathPrefix);
    void closeStreamsOfDeletedWebhooks();
    void pruneStreams();
    void logRequest(const Request &req, const Reply &reply);
};

} // namespace ld::sandbox
