// The floor of the startup benchmark: the smallest window that looks like the inbox — a
// QMainWindow with a QListView of 20 text rows (QStringListModel), one QLineEdit and two
// QLabels — and nothing of ours. It pays what bare_window does not: the first text on screen
// (font discovery and loading) and the item-view machinery. Measured exactly like bare_window
// (a QElapsedTimer from the first line of main() to the end of the first painted frame, then
// the peak RSS, VmHWM), printed as the same two lines; inbox / floor is what is left to win.
#include "firstpaintwindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStringList>
#include <QStringListModel>
#include <QVBoxLayout>
#include <QWidget>

namespace {

class FloorWindow : public ld::bench::FirstPaintWindow
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
};

} // namespace

int main(int argc, char *argv[])
{
    ld::bench::sinceMain().start();
    return ld::bench::showAndMeasure<FloorWindow>(argc, argv, QStringLiteral("floor"));
}
