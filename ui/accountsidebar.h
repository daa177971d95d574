#pragma once
// The account list on the left: a filter field over the accounts (fast with a thousand of
// them), the list with status dots, and an empty state that says how to add one.
// J/K move the selection as in the rest of the app; Down from the filter enters the list.
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStackedWidget;

namespace ld {
class AccountListModel;
}

namespace ld::ui {

class AccountSidebar : public QWidget
{
    Q_OBJECT
public:
    explicit AccountSidebar(AccountListModel *model, QWidget *parent = nullptr);

    QString currentAccountId() const;
    bool selectAccount(const QString &accountId);
    void focusFilter();
    void focusList();

    QListView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    AccountListModel *model() const { return m_model; }

Q_SIGNALS:
    void currentAccountChanged(const QString &accountId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onCurrentChanged();
    void updateEmptyState();
    void moveSelection(int delta);

    AccountListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QListView *m_view;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QString m_current;
};

} // namespace ld::ui
