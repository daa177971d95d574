// The Inbox at scale, measured the way a person feels it, on a profile written by
// bench_inbox_store --write-profile DIR (100,000 conversations across 10 accounts):
//   first-paint-ms   from the first line of main() to the first painted conversation list
//   peak-rss-kb      VmHWM after that paint (or after the keystrokes)
//   keystroke-median-ms / keystroke-p99-ms   (with --keystrokes) from a key press in the search
//                    box to the conversation list repainted with the store's answer
// Usage: bench_inbox_gui --profile DIR [--keystrokes]
#include "inboxpage.h"

#include "support/profile.h"
#include "sync/workspace.h"

#include "support/peakrss.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QTimer>
#include <algorithm>
#include <cstdio>

namespace {

QElapsedTimer sinceMain;


// Announces the first paint of the conversation list's viewport.
class PaintWatcher : public QObject
{
public:
    std::function<void()> onFirstPaint;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && onFirstPaint) {
            auto done = std::move(onFirstPaint);
            onFirstPaint = nullptr;
            QTimer::singleShot(0, this, done); // after the whole frame
        }
        return QObject::eventFilter(watched, event);
    }
};

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return 0;
    const int i = qBound(0, int(p * (v.size() - 1) + 0.5), int(v.size()) - 1);
    return v.at(i);
}

void typeKeys(QLineEdit *edit, QListView *list, const QString &keys, QList<double> *samples)
{
    QElapsedTimer t;
    for (const QChar c : keys) {
        const bool back = c == QLatin1Char('\b');
        const int key = back ? int(Qt::Key_Backspace) : int(c.toUpper().unicode());
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, back ? QString() : QString(c));
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, back ? QString() : QString(c));
        t.start();
        QApplication::sendEvent(edit, &press);
        QApplication::sendEvent(edit, &release);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        list->viewport()->repaint(); // synchronous: the filtered view on screen
        samples->append(double(t.nsecsElapsed()) / 1e6);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    sinceMain.start();
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int at = int(args.indexOf(QStringLiteral("--profile")));
    if (at < 0 || at + 1 >= args.size()) {
        std::fprintf(stderr, "usage: bench_inbox_gui --profile DIR [--keystrokes]\n");
        return 2;
    }
    const bool keystrokes = args.contains(QStringLiteral("--keystrokes"));
    const ld::Profile profile = ld::Profile::open(args.at(at + 1));
    ld::Workspace ws(profile);
    if (!ws.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.errorString()));
        return 1;
    }
    QMainWindow window;
    auto *page = new ld::ui::InboxPage(&ws, &window);
    window.setCentralWidget(page);
    window.resize(1180, 760);
    PaintWatcher watcher;
    page->list()->viewport()->installEventFilter(&watcher);
    watcher.onFirstPaint = [&] {
        std::printf("first-paint-ms: %.1f\npeak-rss-kb: %lld\n",
                    double(sinceMain.nsecsElapsed()) / 1e6, ld::peakRssKb());
        std::fflush(stdout);
        if (!keystrokes) {
            QCoreApplication::exit(0);
            return;
        }
        QList<double> samples;
        page->searchEdit()->setFocus();
        const QStringList words { QStringLiteral("ja"), QStringLiteral("pricing"),
                                  QStringLiteral("mar tues"), QStringLiteral("sofia"),
                                  QStringLiteral("call next"), QStringLiteral("zzq") };
        for (int round = 0; round < 3; ++round) {
            for (const QString &w : words) {
                typeKeys(page->searchEdit(), page->list(), w, &samples);
                typeKeys(page->searchEdit(), page->list(), QString(w.size(), QLatin1Char('\b')), &samples);
            }
        }
        std::printf("keystrokes: %lld\nkeystroke-median-ms: %.2f\nkeystroke-p99-ms: %.2f\n"
                    "peak-rss-kb-after-search: %lld\n",
                    qint64(samples.size()), percentile(samples, 0.5), percentile(samples, 0.99),
                    ld::peakRssKb());
        std::fflush(stdout);
        QCoreApplication::exit(0);
    };
    window.show();
    return QApplication::exec();
}
