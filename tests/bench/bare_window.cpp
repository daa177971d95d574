// The baseline of the startup benchmark: a bare QMainWindow measured the way linkup-desk
// measures itself (ui/startupprobe.cpp) — a QElapsedTimer from the first line of main() to the
// end of the first painted frame, then the peak RSS (VmHWM) — printed as the same two lines.
#include "support/peakrss.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMainWindow>
#include <QTimer>
#include <cstdio>

namespace {

QElapsedTimer sinceMain;


class BareWindow : public QMainWindow
{
protected:
    void paintEvent(QPaintEvent *event) override
    {
        QMainWindow::paintEvent(event);
        if (m_painted)
            return;
        m_painted = true;
        // Queued, like linkup-desk: the figure covers the whole first frame, children included.
        QTimer::singleShot(0, this, [] {
            std::printf("first-paint-ms: %.1f\npeak-rss-kb: %lld\n",
                        double(sinceMain.nsecsElapsed()) / 1e6, ld::peakRssKb());
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }

private:
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    sinceMain.start();
    QApplication app(argc, argv);
    BareWindow window;
    window.setWindowTitle(QStringLiteral("bare"));
    window.resize(1180, 760);
    window.show();
    return QApplication::exec();
}
