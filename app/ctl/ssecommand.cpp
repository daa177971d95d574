// linkupctl sse-parse (issue 5 item 6): reads a text/event-stream on stdin until EOF, feeds
// SseParser as the bytes arrive, and writes one JSON line per dispatched event ({"type",
// "data", "lastEventId"}) and one per accepted retry field ({"retry": N}); nothing else goes to
// stdout. It opens no profile, keychain or network. The output of each read is written before
// the next read, so a slow producer (a live stream piped in) sees its events at once, and a
// fast one (a 100 MB file) costs one write per 64 KiB read.
#include "commands.h"

#include "live/ssejson.h"
#include "live/sseparser.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#if defined(Q_OS_WIN)
#include <fcntl.h>
#include <io.h>
#else
#include <unistd.h>
#endif

namespace ld::ctl {

namespace {

qint64 readStdin(char *buffer, size_t size)
{
#if defined(Q_OS_WIN)
    return _read(0, buffer, unsigned(size));
#else
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, size);
        if (n >= 0 || errno != EINTR)
            return n;
    }
#endif
}

bool writeAll(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return true;
    const bool ok
        = std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size());
    return std::fflush(stdout) == 0 && ok;
}

} // namespace

int sseParse(const QStringList &args)
{
    if (!args.isEmpty()) {
        std::fprintf(stderr,
            "linkupctl: sse-parse takes no arguments: it reads the stream on "
            "stdin (see linkupctl --help)\n");
        return ExitUsage;
    }
#if defined(Q_OS_WIN)
    _setmode(0, _O_BINARY);
    _setmode(1, _O_BINARY);
#endif
    SseParser parser;
    QByteArray out;
    out.reserve(256 * 1024);
    parser.onEvent = [&out](const SseEvent &event) { ssejson::appendEvent(out, event); };
    parser.onRetry = [&out](qint64 ms) { ssejson::appendRetry(out, ms); };

    constexpr size_t kChunk = 64 * 1024;
    QByteArray buffer(qsizetype(kChunk), Qt::Uninitialized);
    for (;;) {
        const qint64 n = readStdin(buffer.data(), kChunk);
        if (n < 0) {
            std::fprintf(stderr, "linkupctl: reading stdin failed: %s\n", std::strerror(errno));
            return ExitError;
        }
        if (n == 0)
            break;
        parser.feed(QByteArrayView(buffer.constData(), n));
        if (parser.overflowed()) {
            // A line longer than any event LinkUp sends: drop it and go on with the next one,
            // as the app drops such a connection and reconnects.
            std::fprintf(stderr, "linkupctl: a line longer than %lld bytes was dropped\n",
                static_cast<long long>(SseParser::DefaultMaxLineBytes));
            parser.reset();
        }
        if (!writeAll(out)) {
            std::fprintf(stderr, "linkupctl: writing stdout failed\n");
            return ExitError;
        }
        out.resize(0);
    }
    parser.finish(); // an incomplete last line or event is not an event
    return ExitOk;
}

} // namespace ld::ctl
