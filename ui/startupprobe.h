#pragma once
// What --quit-after-paint and --grab FILE do once the main window has painted its first frame:
// print the time since the top of main() and the peak RSS (for tests/bench), or save a
// screenshot of the window once its data has settled (for tests and CI), then ask to quit.
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <functional>

class QTimer;
class QWidget;

namespace ld::ui {

class MainWindow;

class StartupProbe : public QObject
{
    Q_OBJECT
public:
    StartupProbe(const QElapsedTimer &sinceMain, QObject *parent = nullptr);

    void setQuitAfterPaint(bool on) { m_quitAfterPaint = on; }
    void setGrabFile(const QString &path) { m_grabFile = path; }
    bool isActive() const { return m_quitAfterPaint || !m_grabFile.isEmpty(); }

    // settled(): true once the window shows what it will show (no call in flight).
    void watch(MainWindow *window, std::function<bool()> settled);


Q_SIGNALS:
    void finished(int exitCode);

private:
    void onFirstPaint();
    void tryGrab();

    QElapsedTimer m_clock;
    bool m_quitAfterPaint = false;
    QString m_grabFile;
    QPointer<MainWindow> m_window;
    std::function<bool()> m_settled;
    QTimer *m_poll = nullptr;
    int m_quietPolls = 0;
    int m_polls = 0;
};

} // namespace ld::ui
