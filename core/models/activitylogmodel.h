#pragma once
// The app's own activity log (every API call, outcome, cost) of one account or of all,
// newest first; new entries are inserted at the top as they are appended.
#include "store/activitylog.h"

#include <QAbstractTableModel>

namespace ld {

class ActivityLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActionColumn, OutcomeColumn, CreditsColumn, DurationColumn, ColumnCount };
    enum Roles { EntryIdRole = Qt::UserRole + 1, OkRole, AccountIdRole };

    explicit ActivityLogModel(ActivityLog *log, QObject *parent = nullptr);

    void setAccountId(const QString &accountId); // empty: every account
    QString accountId() const { return m_accountId; }
    void setLimit(int limit);                    // rows kept, default 500

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    void reload();
    void onAppended(const QString &accountId, qint64 id);

    ActivityLog *m_log;
    QString m_accountId;
    int m_limit = 500;
    QList<ActivityEntry> m_rows;
};

} // namespace ld
