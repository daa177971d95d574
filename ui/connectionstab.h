#pragma once
// The People page's Connections tab: one account's connections as the store holds them, a
// filter on the name and job title (free: it runs on the stored list), and Refresh, which reads
// every page again through NetworkSync and says what it cost (1 credit per 50 connections).
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace ld {
struct ApiError;
class ConnectionListModel;
class NetworkRepository;
class NetworkSync;
}

namespace ld::ui {

class ConnectionsTab : public QWidget
{
    Q_OBJECT
public:
    ConnectionsTab(NetworkRepository *network, NetworkSync *sync, QWidget *parent = nullptr);

    void setAccountId(const QString &accountId);
    QString accountId() const { return m_accountId; }

    ConnectionListModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    QLineEdit *filterEdit() const { return m_filter; }
    QPushButton *refreshButton() const { return m_refresh; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *emptyLabel() const { return m_empty; }
    bool isRefreshing() const;

public Q_SLOTS:
    void refresh();
    void focusFilter();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void updateState();
    void onRefreshed(const QString &accountId, int items, int pages, int credits);
    void onFailed(const QString &accountId, const ld::ApiError &error, int credits);

    NetworkRepository *m_network;
    NetworkSync *m_sync;
    ConnectionListModel *m_model;
    QString m_accountId;
    QLineEdit *m_filter;
    QPushButton *m_refresh;
    QListView *m_list;
    QLabel *m_empty;
    QLabel *m_status;
    QString m_lastResult; // what the last refresh of this account said
};

} // namespace ld::ui
