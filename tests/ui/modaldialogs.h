#pragma once
// Modal dialogs that the code under test exec()s (confirmations, forms): the test says in
// advance what a person would do with the next one, and it is done once the dialog is up.
#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <QPointer>
#include <QTimer>
#include <functional>

// Calls `act` with the next modal dialog as soon as it is shown (checked every 10 ms).
inline void onNextModal(std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        act(modal);
    });
    timer->start();
}

// The next QMessageBox: remembers its text in `*text` (when given), then presses its accepting
// button (the one the code added with AcceptRole) or Cancel.
inline void answerNextBox(bool accept, QString *text = nullptr)
{
    onNextModal([accept, text](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box) {
            modal->close();
            return;
        }
        if (text)
            *text = box->text();
        for (QAbstractButton *b : box->buttons()) {
            const QMessageBox::ButtonRole role = box->buttonRole(b);
            if ((accept && role == QMessageBox::AcceptRole)
                || (!accept && role == QMessageBox::RejectRole)) {
                b->click();
                return;
            }
        }
        box->reject();
    });
}
