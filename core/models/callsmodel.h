#pragma once
// The activity view: API calls in flight and the most recent finished ones of an ApiClient,
// with their state; a call still running can be aborted from here.
#include <QAbstractTableModel>
#include <QDateTime>
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
    // What a row shows, copied from the call so the row outlives the ApiCall object.
    struct Row
    {
        QPointer<ApiCall> call;
        qint64 id = 0;
        QDateTime startedAt;
        QString action;
        QString accountId;
        int state = 0; // int(ApiCall::State)
        int attempts = 0;
        int credits = 0;
        QString error; // ApiError::userMessage() once failed
        bool running = true;
    };

    void onStarted(ApiCall *call);
    void onChanged(ApiCall *call);
    int rowOfCall(qint64 id) const;
    static void snapshot(Row &row, const ApiCall *call);
    void trimFinished();
    void updateRunningCount();

    ApiClient *m_client;
    int m_maxFinished = 200;
    int m_running = 0;
    QList<Row> m_rows; // newest first
};

} // namespace ld
