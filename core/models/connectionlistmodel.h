#pragma once
// One account's connections as the store holds them (NetworkRepository, list_connections
// order), narrowed by a text filter on the name and the job title. The list is re-read when the
// repository says the account's connections changed and brought to the new list by key, so the
// selection and the scroll position survive a refresh. Reading costs nothing: only
// NetworkSync's refresh, which the person starts, spends credits.
#include "store/networkrepository.h"

#include <QAbstractListModel>

namespace ld {

class ConnectionListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        NameRole = Qt::UserRole + 1, // also Qt::DisplayRole
        JobTitleRole,
        ProfileUrlRole,
        ProfileIdRole,
        PictureUrlRole,
        KeyRole, // StoredConnection::key
        PositionRole,
    };

    explicit ConnectionListModel(NetworkRepository *network, QObject *parent = nullptr);

    void setAccountId(const QString &accountId);
    QString accountId() const { return m_accountId; }
    // Words that must all appear in the name or the job title, in any case and with or without
    // accents ("amelie" finds "Amélie").
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }

    int storedCount() const { return m_storedCount; } // before the filter
    StoredConnection connectionAt(int row) const;
    int rowOfKey(qint64 key) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Lower-case, without accents: what the filter compares.
    static QString folded(const QString &text);

private:
    template <typename>
    friend struct ListSync;

    struct Row
    {
        StoredConnection connection;
        QString haystack; // folded name and job title
    };

    void reload();
    void onConnectionsChanged(const QString &accountId);

    NetworkRepository *m_network;
    QString m_accountId;
    QString m_filter;
    QStringList m_words; // folded filter words
    QList<Row> m_all; // every stored connection of the account, in list order
    QList<Row> m_rows; // those that pass the filter
    int m_storedCount = 0;
};

} // namespace ld
