// SseParser throughput on a synthetic LinkUp stream (issue 5 benchmarks): 100 MB of hosted-webhook
// frames as contract §9.8 shows them (connected, webhook events with message and
// accepted_invitation payloads of varied sizes, keep-alive comments, CRLF and LF line ends, some
// non-ASCII text), fed in 16 KiB chunks like a socket delivers them. Prints MB/s (median of the
// runs) with its reference points: eventsource-parser ~800 MB/s, a bare memchr line scan
// ~15 GB/s on these machines.
// Usage: bench_sseparser [MEGABYTES] [RUNS]
//        bench_sseparser --write FILE [MEGABYTES]   writes the stream (for linkupctl sse-parse)
#include "live/sseparser.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <cstdio>
#include <cstring>

namespace {

QByteArray syntheticStream(qsizetype bytes)
{
    const char *names[] = { "Amélie Dubois", "Jonas Becker", "Sofía Martínez", "Ngozi Okafor",
        "李 伟", "Ahmed Hassan" };
    const char *texts[] = {
        "Hello! Thanks for connecting.",
        "Could we set up a call next Tuesday to talk about pricing? I have a few questions "
        "about the enterprise plan and the onboarding timeline.",
        "Merci pour votre message — je reviens vers vous très vite.",
        "Sure, 10:30 works for me. See you then!",
    };
    QByteArray out;
    out.reserve(bytes + 4096);
    out += "event: connected\r\ndata: {\"webhook_id\": \"abc123\", \"account_id\": "
           "\"69c127c37cae0494dd827286\"}\r\n\r\n";
    for (qint64 i = 0; out.size() < bytes; ++i) {
        if (i % 50 == 49) {
            out += ": keepalive\n\n";
            continue;
        }
        const char *eol = i % 3 == 0 ? "\r\n" : "\n";
        out += "event: webhook";
        out += eol;
        out += "data: {\"account_id\": \"69c127c37cae0494dd827286\", \"account_name\": \"Camille "
               "Laurent\", \"event\": {\"type\": ";
        if (i % 7 == 0) {
            out += "\"accepted_invitation\", \"data\": {\"profile_url\": "
                   "\"https://www.linkedin.com/in/person-";
            out += QByteArray::number(i);
            out += "\", \"first_name\": \"Ada\", \"last_name\": \"Lovelace\"}";
        } else {
            out += "\"message\", \"sender_name\": \"";
            out += names[i % 6];
            out += "\", \"message_text\": \"";
            out += texts[i % 4];
            out += "\", \"sender_profile\": \"https://www.linkedin.com/in/person-";
            out += QByteArray::number(i);
            out += "\"";
        }
        out += "}, \"timestamp\": \"2026-11-25T10:31:";
        out += QByteArray::number(10 + i % 50);
        out += ".123Z\"}";
        out += eol;
        out += eol;
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 2 && args.at(1) == QLatin1String("--write")) {
        QFile out(args.at(2));
        const qsizetype mb = args.size() > 3 ? args.at(3).toLongLong() : 100;
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || out.write(syntheticStream(mb * 1000 * 1000)) < 0)
            return 1;
        return 0;
    }
    const qsizetype megabytes = args.size() > 1 ? args.at(1).toLongLong() : 100;
    const int runs = args.size() > 2 ? args.at(2).toInt() : 5;
    const QByteArray stream = syntheticStream(megabytes * 1000 * 1000);
    constexpr qsizetype chunk = 16 * 1024;

    QList<double> parser, scan;
    qint64 events = 0;
    for (int run = 0; run < runs; ++run) {
        ld::SseParser p;
        qint64 count = 0, bytesOut = 0;
        p.onEvent = [&](const ld::SseEvent &e) {
            ++count;
            bytesOut += e.data.size();
        };
        QElapsedTimer t;
        t.start();
        for (qsizetype at = 0; at < stream.size(); at += chunk)
            p.feed(QByteArrayView(stream).sliced(at, qMin(chunk, stream.size() - at)));
        p.finish();
        parser << double(stream.size()) / 1e6 / (double(t.nsecsElapsed()) / 1e9);
        events = count;

        // The floor: memchr over the same chunks, counting line ends and nothing else.
        qint64 lines = 0;
        t.start();
        for (qsizetype at = 0; at < stream.size(); at += chunk) {
            const char *s = stream.constData() + at;
            const char *end = s + qMin(chunk, stream.size() - at);
            while (const void *hit = std::memchr(s, '\n', size_t(end - s))) {
                ++lines;
                s = static_cast<const char *>(hit) + 1;
            }
        }
        scan << double(stream.size()) / 1e6 / (double(t.nsecsElapsed()) / 1e9);
        if (lines == 0 || bytesOut == 0)
            return 1;
    }
    std::sort(parser.begin(), parser.end());
    std::sort(scan.begin(), scan.end());
    std::printf("sse.stream_mb %.1f\nsse.events %lld\n", double(stream.size()) / 1e6, events);
    std::printf("sse.parser_mb_per_s %.0f   (reference: eventsource-parser ~800 MB/s here)\n",
        parser.at(parser.size() / 2));
    std::printf("sse.memchr_scan_mb_per_s %.0f   (the floor: a bare line scan)\n",
        scan.at(scan.size() / 2));
    return 0;
}
