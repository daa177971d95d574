#pragma once
// The status bar's count of API calls in flight, with a busy indicator; a click opens the
// Activity panel.
#include <QWidget>

class QLabel;
class QProgressBar;

namespace ld {
class CallsModel;
}

namespace ld::ui {

class CallsIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit CallsIndicator(CallsModel *calls, QWidget *parent = nullptr);
    QLabel *label() const { return m_label; }

Q_SIGNALS:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void showCount(int running);

    QProgressBar *m_busy;
    QLabel *m_label;
};

} // namespace ld::ui
