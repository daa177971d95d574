#include "streamgroups.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

#include <algorithm>

namespace ld {

StreamGroups::StreamGroups(int perManager, QObject *owner)
    : m_perManager(qBound(1, perManager, ConnectionsPerHost))
    , m_owner(owner)
{ }

StreamGroups::~StreamGroups() = default;

int StreamGroups::acquire()
{
    for (size_t i = 0; i < m_groups.size(); ++i) {
        if (m_groups[i].nam && m_groups[i].streams < m_perManager) {
            ++m_groups[i].streams;
            return int(i);
        }
    }
    auto nam = std::make_unique<QNetworkAccessManager>();
    // A redirect to another host must not take the key (query and header) with it.
    nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    for (size_t i = 0; i < m_groups.size(); ++i) {
        if (!m_groups[i].nam) {
            m_groups[i] = Group { std::move(nam), 1 };
            return int(i);
        }
    }
    m_groups.push_back(Group { std::move(nam), 1 });
    return int(m_groups.size() - 1);
}

QNetworkAccessManager *StreamGroups::manager(int index) const
{
    if (index < 0 || size_t(index) >= m_groups.size())
        return nullptr;
    return m_groups[size_t(index)].nam.get();
}

void StreamGroups::release(int index)
{
    if (index < 0 || size_t(index) >= m_groups.size())
        return;
    Group &g = m_groups[size_t(index)];
    if (!g.nam || --g.streams > 0)
        return;
    // Later: the closed stream's reply is still the manager's child until it is deleted. With
    // the owner as parent, it also goes if the owner's thread has no event loop any more.
    QNetworkAccessManager *nam = g.nam.release();
    nam->setParent(m_owner);
    nam->deleteLater();
    g.streams = 0;
}

int StreamGroups::managerCount() const
{
    return int(std::count_if(
        m_groups.cbegin(), m_groups.cend(), [](const Group &g) { return g.nam != nullptr; }));
}

} // namespace ld
