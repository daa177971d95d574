#include "sseparser.h"

#include <cstring>
#include <limits>

namespace ld {

namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";

bool isAsciiDigits(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// The WHATWG UTF-8 decoder's state machine (Encoding standard §9.1.1), over bytes. `report` is
// called for each multi-byte sequence with (offset, length, true) and for each error with the
// offset and length of its maximal subpart and false (one U+FFFD each); ASCII bytes are not
// reported. Returns false on the first error when `stopAtError` is set (validation only).
template <typename Report> bool decodeUtf8(QByteArrayView bytes, bool stopAtError, Report report)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        // ASCII fast path, 8 bytes at a time.
        while (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned char b = s[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        int needed = 0;
        unsigned char lower = 0x80, upper = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            needed = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            needed = 2;
            if (b == 0xE0)
                lower = 0xA0;
            if (b == 0xED)
                upper = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            needed = 3;
            if (b == 0xF0)
                lower = 0x90;
            if (b == 0xF4)
                upper = 0x8F;
        } else {
            if (stopAtError)
                return false;
            report(i, 1, false); // a lone continuation byte or an invalid lead byte
            ++i;
            continue;
        }
        const qsizetype start = i++;
        int seen = 0;
        bool ok = true;
        while (seen < needed) {
            if (i >= n || s[i] < lower || s[i] > upper) {
                ok = false; // the bytes so far are one maximal subpart; s[i] starts afresh
                break;
            }
            lower = 0x80;
            upper = 0xBF;
            ++i;
            ++seen;
        }
        if (!ok) {
            if (stopAtError)
                return false;
            report(start, i - start, false);
            continue;
        }
        report(start, i - start, true);
    }
    return true;
}

} // namespace

bool SseParser::isValidUtf8(QByteArrayView bytes)
{
    return decodeUtf8(bytes, true, [](qsizetype, qsizetype, bool) {});
}

QByteArray SseParser::toValidUtf8(QByteArrayView bytes)
{
    if (isValidUtf8(bytes))
        return bytes.toByteArray();
    QByteArray out;
    out.reserve(bytes.size() + 16);
    qsizetype copied = 0; // input bytes accounted for: ASCII runs are copied between reports
    decodeUtf8(bytes, false, [&](qsizetype at, qsizetype len, bool ok) {
        if (ok) {
            out.append(bytes.data() + copied, at + len - copied);
        } else {
            out.append(bytes.data() + copied, at - copied);
            out.append("\xEF\xBF\xBD", 3);
        }
        copied = at + len;
    });
    out.append(bytes.data() + copied, bytes.size() - copied);
    return out;
}

void SseParser::setLimits(qsizetype maxLineBytes, qsizetype maxEventBytes)
{
    m_maxLine = qMax<qsizetype>(16, maxLineBytes);
    m_maxEvent = qMax<qsizetype>(16, maxEventBytes);
}

void SseParser::overflow()
{
    m_overflowed = true;
    m_carry.clear();
    m_data.clear();
    m_type.clear();
}

void SseParser::feed(QByteArrayView bytes)
{
    if (m_overflowed || bytes.isEmpty())
        return;
    const char *p = bytes.data();
    const char *const end = p + bytes.size();

    // The decoder drops one BOM at the very start of the stream, which may itself be split.
    while (m_bomMatched >= 0 && p < end) {
        if (*p == kBom[m_bomMatched]) {
            ++p;
            if (++m_bomMatched == 3)
                m_bomMatched = -1;
            continue;
        }
        // Not a BOM: the bytes matched so far are ordinary content of the first line.
        m_carry.append(kBom, m_bomMatched);
        m_bomMatched = -1;
    }
    if (m_skipLf && p < end) {
        if (*p == '\n')
            ++p;
        m_skipLf = false;
    }

    // Next CR and LF at or after p (nullptr: none in this chunk), each searched for once.
    const char *nextLf = nullptr, *nextCr = nullptr;
    bool lfKnown = false, crKnown = false;
    while (p < end) {
        if (!lfKnown || (nextLf && nextLf < p)) {
            nextLf = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            lfKnown = true;
        }
        if (!crKnown || (nextCr && nextCr < p)) {
            nextCr = static_cast<const char *>(std::memchr(p, '\r', size_t(end - p)));
            crKnown = true;
        }
        const char *eol = !nextCr ? nextLf : !nextLf ? nextCr : qMin(nextLf, nextCr);
        if (!eol) {
            if (m_carry.size() + (end - p) > m_maxLine)
                return overflow();
            m_carry.append(p, end - p);
            return;
        }
        if (m_carry.isEmpty()) {
            if (eol - p > m_maxLine)
                return overflow();
            processLine(QByteArrayView(p, eol - p));
        } else {
            if (m_carry.size() + (eol - p) > m_maxLine)
                return overflow();
            m_carry.append(p, eol - p);
            processLine(m_carry);
            m_carry.resize(0); // keeps the capacity for the next long line
        }
        if (m_overflowed)
            return;
        if (*eol == '\r') {
            if (eol + 1 < end) {
                if (eol[1] == '\n')
                    ++eol;
            } else {
                m_skipLf = true; // a CRLF split between two chunks
            }
        }
        p = eol + 1;
    }
}

void SseParser::processLine(QByteArrayView line)
{
    if (line.isEmpty())
        return dispatch();
    if (line.front() == ':') {
        if (onComment)
            onComment(line.sliced(1));
        return;
    }
    QByteArrayView name = line, value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        name = line.first(colon);
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }
    if (name == "data") {
        if (m_data.size() + value.size() + 1 > m_maxEvent)
            return overflow();
        m_data.append(value);
        m_data.append('\n');
    } else if (name == "event") {
        m_type = value.toByteArray();
    } else if (name == "id") {
        if (!value.contains('\0')) {
            m_lastEventIdBytes = value.toByteArray();
            m_idChanged = true;
        }
    } else if (name == "retry") {
        if (isAsciiDigits(value)) {
            // Saturates instead of wrapping: a retry of 10^30 ms is "a very long time".
            qint64 ms = 0;
            for (char c : value) {
                if (ms > (std::numeric_limits<qint64>::max() - 9) / 10) {
                    ms = std::numeric_limits<qint64>::max();
                    break;
                }
                ms = ms * 10 + (c - '0');
            }
            m_retryMs = ms;
            if (onRetry)
                onRetry(ms);
        }
    }
    // Any other field is ignored.
}

void SseParser::dispatch()
{
    // The event source's last event id takes the buffer's value even when nothing dispatches.
    if (m_idChanged) {
        m_lastEventId = QString::fromUtf8(toValidUtf8(m_lastEventIdBytes));
        m_idChanged = false;
    }
    if (m_data.isEmpty()) {
        m_type.clear();
        return;
    }
    m_data.chop(1); // the LF after the last data line
    SseEvent event;
    event.type
        = m_type.isEmpty() ? QStringLiteral("message") : QString::fromUtf8(toValidUtf8(m_type));
    event.data = isValidUtf8(m_data) ? std::move(m_data) : toValidUtf8(m_data);
    event.lastEventId = m_lastEventId;
    m_data = QByteArray();
    m_type.clear();
    if (onEvent)
        onEvent(event);
}

void SseParser::finish()
{
    // An incomplete line (no line end yet) and an event without its blank line are dropped.
    m_carry.clear();
    m_data.clear();
    m_type.clear();
    m_skipLf = false;
}

void SseParser::reset()
{
    finish();
    m_bomMatched = 0;
    m_overflowed = false;
}

} // namespace ld
