#pragma once
// An inline message above the content (like KMessageWidget): what happened and what to do, an
// optional action button and a close button. Never a modal box for something that can wait.
#include <QFrame>
#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace ld::ui {

class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows `text` (plain); with `actionText`, a button that runs `action` and closes the bar.
    void showMessage(Kind kind, const QString &text, const QString &actionText = {},
                     std::function<void()> action = {});
    QString text() const;
    QLabel *label() const { return m_label; }

private:
    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_action;
    QToolButton *m_close;
    std::function<void()> m_callback;
};

} // namespace ld::ui
