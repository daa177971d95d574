#include "ssejson.h"

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
    out.append('"');
    const char *s = utf8.data();
    const qsizetype n = utf8.size();
    qsizetype run = 0; // start of the bytes not copied yet
    for (qsizetype i = 0; i < n; ++i) {
        const char e = kEscapes.e[static_cast<unsigned char>(s[i])];
        if (!e)
            continue;
        out.append(s + run, i - run);
        run = i + 1;
        if (e != 'u') {
            const char pair[2] = { '\\', e };
            out.append(pair, 2);
        } else {
            static const char hex[] = "0123456789abcdef";
            const unsigned char c = static_cast<unsigned char>(s[i]);
            const char seq[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            out.append(seq, 6);
        }
    }
    out.append(s + run, n - run);
    out.append('"');
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
