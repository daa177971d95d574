#pragma once
// One open text/event-stream response of the sandbox (TOOLCHAIN.md §5): a chunked body
// written frame by frame on a held QHttpServerResponder. It is a child of the socket, so
// it dies with the connection; every write is guarded because Debian's release Qt would
// otherwise write into a deleted socket.
#include <QHttpServerResponder>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace ld::sandbox {

class SseStream : public QObject
{
    Q_OBJECT
public:
    SseStream(QHttpServerResponder &&responder, const QString &webhookId);

    QString webhookId() const { return m_webhookId; }
    QString path() const { return m_path; }
    void setPath(const QString &path) { m_path = path; }
    void sendEvent(const QByteArray &event, const QByteArray &data);
    void sendComment(const QByteArray &text);
    // From now on nothing more is written, though the connection stays open: a half-open
    // connection, as after a NAT box forgot it (for the client's watchdog tests).
    void stall() { m_stalled = true; }
    bool isStalled() const { return m_stalled; }
    void close();
    bool isOpen() const
    {
        return !m_socket.isNull() && m_socket->state() == QAbstractSocket::ConnectedState;
    }

private:
    void writeChunk(const QByteArray &payload);

    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    QString m_webhookId;
    QString m_path;
    bool m_stalled = false;
};

} // namespace ld::sandbox
