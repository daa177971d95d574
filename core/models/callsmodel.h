#pragma once
// The activity view: API calls in flight and the most recent finished ones of an ApiClient,
// with their state; a call still running can be aborted from here.
#include <QAbstractTableModel>
#include <QPointer>

namespace ld {

class ApiClient;
class ApiCall;

class CallsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StartedColumn, ActionColumn, AccountColumn, StateColumn, AttemptsColumn, CreditsColumn, ColumnCount };
    enum Roles { CallIdRole = Qt::UserRole + 1, IsRunningRole };

    explicit CallsModel(ApiClient *client, QObject *parent = nullptr);

    void setMaxFinished(int n); // finished calls kept, default 200

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    bool abortAt(int row); // false when the call has already ended
    int runningCount() const;

Q_SIGNALS:
    void runningCountChanged(int running);

private:
    void onStarted(ApiCall *call);
    void onChanged(ApiCall *call);

    ApiClient *m_client;
    int m_maxFinished = 200;
    QList<QPointer<ApiCall>> m_calls;   // newest first
    QList<QVariantList> m_snapshots;    // per row: values kept after the call object is gone
};

} // namespace ld
