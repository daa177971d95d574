#pragma once
// The status bar's credits spent today through this app (all accounts, since local midnight).
#include <QWidget>

class QLabel;
class QTimer;

namespace ld {
class CreditLedger;
}

namespace ld::ui {

class CreditsTodayIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit CreditsTodayIndicator(CreditLedger *ledger, QWidget *parent = nullptr);
    QLabel *label() const { return m_label; }
    void refresh();

private:
    void scheduleMidnight();

    CreditLedger *m_ledger;
    QLabel *m_label;
    QTimer *m_midnight;
};

} // namespace ld::ui
