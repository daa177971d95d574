#include "ssejson.h"

#include <cstring>

namespace ld::ssejson {

namespace {

// 0: copied as is; otherwise the character after the backslash ('u': \u00XX).
constexpr char escapeFor(unsigned char c)
{
    switch (c) {
    case '"':
        return '"';
    case '\\':
        return '\\';
    case '\b':
        return 'b';
    case '\f':
        return 'f';
    case '\n':
        return 'n';
    case '\r':
        return 'r';
    case '\t':
        return 't';
    default:
        return c < 0x20 ? 'u' : 0;
    }
}

struct EscapeTable
{
    char e[256] {};
    constexpr EscapeTable()
    {
        for (int c = 0; c < 256; ++c)
            e[c] = escapeFor(static_cast<unsigned char>(c));
    }
};

constexpr EscapeTable kEscapes;

} // namespace

void appendString(QByteArray &out, QByteArrayView utf8)
{
    // Written through a raw pointer into room made once (at most 6 bytes per input byte, for
    // \u00XX): QByteArray::append per piece was most of the time of a 100 MB sse-parse.
    const char *s = utf8.data();
    const qsizetype n = utf8.size();
    const qsizetype start = out.size();
    out.resize(start + 2 + 6 * n);
    char *d = out.data() + start;
    *d++ = '"';
    qsizetype i = 0;
    while (i < n) {
        const qsizetype run = i;
        while (i < n && !kEscapes.e[static_cast<unsigned char>(s[i])])
            ++i;
        std::memcpy(d, s + run, size_t(i - run));
        d += i - run;
        if (i == n)
            break;
        const unsigned char c = static_cast<unsigned char>(s[i++]);
        const char e = kEscapes.e[c];
        *d++ = '\\';
        if (e != 'u') {
            *d++ = e;
        } else {
            static const char hex[] = "0123456789abcdef";
            *d++ = 'u';
            *d++ = '0';
            *d++ = '0';
            *d++ = hex[c >> 4];
            *d++ = hex[c & 15];
        }
    }
    *d++ = '"';
    out.resize(d - out.constData());
}

void appendEvent(QByteArray &out, const SseEvent &event)
{
    out.append("{\"type\":", 8);
    appendString(out, event.type.toUtf8());
    out.append(",\"data\":", 8);
    appendString(out, event.data);
    out.append(",\"lastEventId\":", 15);
    appendString(out, event.lastEventId.toUtf8());
    out.append("}\n", 2);
}

void appendRetry(QByteArray &out, qint64 milliseconds)
{
    out.append("{\"retry\":", 9);
    out.append(QByteArray::number(milliseconds));
    out.append("}\n", 2);
}

} // namespace ld::ssejson
