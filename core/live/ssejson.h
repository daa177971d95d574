#pragma once
// JSON lines for dispatched SSE events (linkupctl sse-parse, issue 5 item 6):
// {"type":"…","data":"…","lastEventId":"…"} and {"retry":N}. Written by hand into a byte
// buffer because this is the hot path of a 100 MB stream: the data is already valid UTF-8 (the
// parser repaired it), so only '"', '\' and control characters need escaping and every other
// byte is copied in runs.
#include "sseparser.h"

#include <QByteArray>

namespace ld::ssejson {

// Appends `utf8` as a JSON string literal, quotes included.
void appendString(QByteArray &out, QByteArrayView utf8);
void appendEvent(QByteArray &out, const SseEvent &event); // one object and a '\n'
void appendRetry(QByteArray &out, qint64 milliseconds); // {"retry":N} and a '\n'

} // namespace ld::ssejson
