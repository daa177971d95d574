#include "ssestream.h"

namespace ld::sandbox {

SseStream::SseStream(QHttpServerResponder &&responder, const QString &webhookId)
    : m_responder(std::move(responder))
    , m_socket(m_responder.socket())
    , m_webhookId(webhookId)
{
    setParent(m_socket);
    m_responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    m_responder.writeHeader("Content-Type", "text/event-stream");
    m_responder.writeHeader("Cache-Control", "no-cache");
    m_responder.writeHeader("Transfer-Encoding", "chunked");
    // The first writeBody() also writes the blank line that ends the header block.
    writeChunk(": open\n\n");
}

void SseStream::writeChunk(const QByteArray &payload)
{
    if (!isOpen() || m_stalled)
        return;
    m_responder.writeBody(QByteArray::number(payload.size(), 16) + "\r\n" + payload + "\r\n");
}

void SseStream::sendEvent(const QByteArray &event, const QByteArray &data)
{
    QByteArray frame;
    if (!event.isEmpty())
        frame += "event: " + event + '\n';
    const QList<QByteArray> lines = data.split('\n');
    for (const QByteArray &line : lines)
        frame += "data: " + line + '\n';
    writeChunk(frame + '\n');
}

void SseStream::sendComment(const QByteArray &text)
{
    writeChunk(": " + text + "\n\n");
}

void SseStream::close()
{
    if (!isOpen())
        return;
    m_responder.writeBody(QByteArray("0\r\n\r\n"));
    m_socket->disconnectFromHost();
}

} // namespace ld::sandbox
