#pragma once
// The body of a write, readable exactly once. Qt's HTTP/1.1 stack silently re-sends a request
// whose connection closed before any reply byte (QHttpNetworkConnectionChannel's reconnect
// attempts), which for a write means a second message to a prospect. A body that cannot be
// rewound turns that hidden re-send into QNetworkReply::ContentReSendError, which the client
// reports as an ambiguous failure. Used with DoNotBufferUploadDataAttribute and a
// Content-Length header, or Qt would buffer it into a rewindable copy.
#include <QByteArray>
#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace ld {

class OneShotBody : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 size() const override { return m_data.size(); }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char *out, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_pos);
        if (n <= 0)
            return -1; // end of a sequential device
        std::memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace ld
