// The floor of the startup benchmark: the smallest window that looks like the inbox — a
// QMainWindow with a QListView of 20 text rows (QStringListModel), one QLineEdit and two
// QLabels — and nothing of ours. It pays what bare_window does not: the first text on screen
// (font discovery and loading) and the item-view machinery. Measured exactly like bare_window
// (a QElapsedTimer from the first line of main() to the end of the first painted frame, then
// the peak RSS, VmHWM), printed as the same two lines; inbox / floor is what is left to win.
#include "support/peakrss.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QStringList>
#include <QStringListModel>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>
#include <cstdio>

namespace {

QElapsedTimer sinceMain;

class FloorWindow : public QMainWindow
{
public:
    FloorWindow()
    {
        auto *central = new QWidget(this);
        auto *layout = new QVBoxLayout(central);
        auto *title = new QLabel(QStringLiteral("Inbox"), central);
        auto *search = new QLineEdit(central);
        search->setPlaceholderText(QStringLiteral("Search conversations"));
        QStringList rows;
        for (int i = 1; i <= 20; ++i)
            rows << QStringLiteral("Conversation %1 - last message preview").arg(i);
        auto *model = new QStringListModel(rows, this);
        auto *list = new QListView(central);
        list->setModel(model);
        auto *status = new QLabel(QStringLiteral("20 conversations"), central);
        layout->addWidget(title);
        layout->addWidget(search);
        layout->addWidget(list);
        layout->addWidget(status);
        setCentralWidget(central);
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QMainWindow::paintEvent(event);
        if (m_painted)
            return;
        m_painted = true;
        // Queued, like bare_window and linkup-desk: the figure covers the whole first frame,
        // children (the list's text included) too.
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
    FloorWindow window;
    window.setWindowTitle(QStringLiteral("floor"));
    window.resize(1180, 760);
    window.show();
    return QApplication::exec();
}
