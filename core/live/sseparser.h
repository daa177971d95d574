#pragma once
// An incremental parser for text/event-stream (the hosted webhook stream, contract §9.8) that
// follows the WHATWG HTML "server-sent events" interpretation rules exactly:
//  - the stream is UTF-8; one leading BOM of the stream is dropped, invalid bytes become U+FFFD
//    (a character split across two chunks is simply reassembled);
//  - lines end with CR, LF or CRLF, also when the CR and the LF arrive in different chunks;
//  - a line starting with ':' is a comment; "field:value" drops one optional space after the
//    colon; a line without a colon is a field with an empty value;
//  - data lines are joined with LF; event sets the type; id sets the last event id unless it
//    contains NUL, and the id persists across events (and reconnections); retry is taken only
//    when it is made of ASCII digits; other fields are ignored;
//  - a blank line dispatches the event (none when no data line came; type "message" when no
//    event field came); an incomplete final line or event is discarded at the end of a stream.
// It works on bytes: lines are found with memchr and handed on as views of the chunk, so a
// chunk is never copied per line; only a line that spans two chunks is carried over, and only
// field values are decoded. Memory is bounded: a line or an event longer than the limit puts the
// parser in the overflowed state (the caller drops the connection and reconnects).
#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <functional>

namespace ld {

struct SseEvent
{
    QString type; // the event field, or "message"
    QByteArray data; // data lines joined with LF, valid UTF-8 (invalid bytes replaced)
    QString lastEventId; // the last event id at dispatch time (persists across events)

    bool operator==(const SseEvent &o) const
    {
        return type == o.type && data == o.data && lastEventId == o.lastEventId;
    }
    bool operator!=(const SseEvent &o) const { return !(*this == o); }
};

class SseParser
{
public:
    static constexpr qsizetype DefaultMaxLineBytes = 4 * 1024 * 1024;
    static constexpr qsizetype DefaultMaxEventBytes = 16 * 1024 * 1024;

    std::function<void(const SseEvent &)> onEvent;
    std::function<void(qint64 milliseconds)> onRetry; // a valid retry field
    std::function<void(QByteArrayView text)> onComment; // without the ':'; not decoded

    // Feeds the next bytes of the stream. Does nothing once overflowed().
    void feed(QByteArrayView bytes);
    // The stream ended: an incomplete line and an undispatched event are discarded.
    void finish();
    // A new connection: the next bytes start a new stream (a BOM may come again). The last event
    // id and the reconnection time are kept, as an EventSource keeps them.
    void reset();

    QString lastEventId() const { return m_lastEventId; }
    qint64 retryMs() const { return m_retryMs; } // -1 until a retry field came
    bool overflowed() const { return m_overflowed; }
    void setLimits(qsizetype maxLineBytes, qsizetype maxEventBytes);

    // Helpers, public for the tests and for linkupctl sse-parse.
    static bool isValidUtf8(QByteArrayView bytes);
    // Invalid sequences replaced by U+FFFD as the WHATWG UTF-8 decoder does (one replacement per
    // maximal subpart of an ill-formed sequence).
    static QByteArray toValidUtf8(QByteArrayView bytes);

private:
    void processLine(QByteArrayView line);
    void dispatch();
    void overflow();

    QByteArray m_carry; // the start of a line that continues in the next chunk
    QByteArray m_data;
    QByteArray m_type;
    QString m_lastEventId;
    QByteArray m_lastEventIdBytes; // the id buffer, as bytes (decoded only when it changes)
    bool m_idChanged = false;
    qint64 m_retryMs = -1;
    bool m_skipLf = false; // the previous chunk ended with CR: a leading LF ends nothing
    int m_bomMatched = 0; // leading BOM bytes seen so far; -1 once past the start of the stream
    qsizetype m_maxLine = DefaultMaxLineBytes;
    qsizetype m_maxEvent = DefaultMaxEventBytes;
    bool m_overflowed = false;
};

} // namespace ld
