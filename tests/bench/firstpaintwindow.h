#pragma once
// The baseline windows of the startup benchmark (bare_window, floor_window) measure themselves
// the way linkup-desk does (ui/startupprobe.cpp): a QElapsedTimer from the first line of main()
// to the end of the first painted frame, then the peak RSS (VmHWM), printed as two lines.
// Header-only, Qt Widgets only: the baselines link nothing of ours.
#include "support/peakrss.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>
#include <cstdio>

namespace ld::bench {

inline QElapsedTimer &sinceMain()
{
    static QElapsedTimer timer;
    return timer;
}

class FirstPaintWindow : public QMainWindow
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
                        double(sinceMain().nsecsElapsed()) / 1e6, ld::peakRssKb());
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }

private:
    bool m_painted = false;
};

// The body of main() after its first line (sinceMain().start()).
template <typename Window>
int showAndMeasure(int &argc, char *argv[], const QString &title)
{
    QApplication app(argc, argv);
    Window window;
    window.setWindowTitle(title);
    window.resize(1180, 760);
    window.show();
    return QApplication::exec();
}

} // namespace ld::bench
