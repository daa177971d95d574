#pragma once
// The network managers of the event streams, each holding at most `perManager` streams. A
// QNetworkAccessManager opens at most 6 HTTP/1.1 connections per host and a stream holds one
// for ever, so a seventh stream on one manager would wait for ever, and so would any REST call
// queued behind it (ARCHITECTURE §3 "Live"): streams get managers of their own, in groups,
// apart from the REST client's. A manager whose last stream goes is deleted.
#include <QObject>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace ld {

class StreamGroups
{
public:
    static constexpr int ConnectionsPerHost = 6; // QNetworkAccessManager's HTTP/1.1 limit

    // Managers are created with `owner` as their thread's object (and as a parent when they
    // are retired): create this on the thread that runs the streams.
    StreamGroups(int perManager, QObject *owner);
    ~StreamGroups();

    // A slot in a manager with room, or in a new one: the index to pass to manager()/release().
    int acquire();
    QNetworkAccessManager *manager(int index) const;
    void release(int index);
    int managerCount() const;

private:
    struct Group
    {
        std::unique_ptr<QNetworkAccessManager> nam;
        int streams = 0;
    };

    int m_perManager;
    QObject *m_owner;
    std::vector<Group> m_groups; // an emptied slot is reused, so indexes stay valid
};

} // namespace ld
