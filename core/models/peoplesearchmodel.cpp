#include "peoplesearchmodel.h"

#include "api/apicall.h"
#include "domain/profile.h"
#include "domain/profileurl.h"

#include <QSet>

namespace ld {

namespace {

QString joined(const QString &a, const QString &b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    return QStringLiteral("%1 · %2").arg(a, b);
}

} // namespace

PeopleSearchModel::PeopleSearchModel(ProfilesService *profiles, QObject *parent)
    : QAbstractListModel(parent)
    , m_profiles(profiles)
{
}

PeopleSearchModel::~PeopleSearchModel()
{
    if (m_call)
        m_call->abort();
}

void PeopleSearchModel::searchPeople(const QString &accountId, const PeopleQuery &query)
{
    m_people = query;
    m_pageSize = qMax(1, query.count);
    start(accountId, Kind::People);
}

void PeopleSearchModel::searchCompanies(const QString &accountId, const CompanyQuery &query)
{
    m_companies = query;
    m_pageSize = qMax(1, query.count);
    start(accountId, Kind::Companies);
}

void PeopleSearchModel::clear()
{
    setCall(nullptr);
    beginResetModel();
    m_rows.clear();
    m_accountId.clear();
    m_nextOffset = 0;
    m_pages = 0;
    m_totalAvailable = 0;
    m_credits = 0;
    m_lastPageCredits = 0;
    m_hasMore = false;
    m_error = {};
    endResetModel();
}

void PeopleSearchModel::start(const QString &accountId, Kind kind)
{
    clear();
    m_kind = kind;
    m_accountId = accountId;
    m_hasMore = true;
    fetchPage();
}

void PeopleSearchModel::loadMore()
{
    if (hasMore())
        fetchPage();
}

bool PeopleSearchModel::canFetchMore(const QModelIndex &) const
{
    return false; // pages cost credits: only loadMore(), never a view, asks for one
}

void PeopleSearchModel::fetchPage()
{
    ApiCall *call = nullptr;
    if (m_kind == Kind::People) {
        PeopleQuery q = m_people;
        q.count = m_pageSize;
        q.offset = m_nextOffset;
        call = m_profiles->searchPeople(m_accountId, q);
    } else {
        CompanyQuery q = m_companies;
        q.count = m_pageSize;
        q.offset = m_nextOffset;
        call = m_profiles->searchCompanies(m_accountId, q);
    }
    m_error = {};
    setCall(call);
    connect(call, &ApiCall::finished, this, [this, call] {
        if (call == m_call)
            onPage(call);
    });
    connect(call, &ApiCall::failed, this, [this, call](const ApiError &error) {
        if (call == m_call)
            onFailed(error);
    });
}

void PeopleSearchModel::setCall(ApiCall *call)
{
    const bool wasBusy = isBusy();
    if (m_call && m_call != call) {
        ApiCall *old = m_call;
        m_call = nullptr; // its failed(Aborted) is then ignored
        old->abort();
    }
    m_call = call;
    if (wasBusy != isBusy())
        Q_EMIT busyChanged(isBusy());
}

void PeopleSearchModel::onPage(ApiCall *call)
{
    const int credits = call->creditsConsumed();
    m_credits += credits;
    m_lastPageCredits = credits;
    ++m_pages;

    QList<Row> page;
    int returned = 0;
    QString problem;
    if (m_kind == Kind::People) {
        const Decoded<SearchPage<PersonResult>> d = decodePeopleSearch(call->data());
        problem = d.error;
        returned = int(d.value.results.size());
        m_totalAvailable = d.value.totalAvailable;
        for (const PersonResult &p : d.value.results) {
            Row r;
            r.name = QStringLiteral("%1 %2").arg(p.firstName, p.lastName).trimmed();
            r.headline = p.headline;
            r.location = p.location;
            r.url = p.profileUrl;
            r.publicId = p.publicId;
            r.pictureUrl = p.pictureUrl;
            r.invitationState = p.invitationState;
            r.key = linkedInProfileId(p.profileUrl);
            if (r.key.isEmpty())
                r.key = p.publicId.isEmpty() ? p.profileUrl : p.publicId.toLower();
            page << r;
        }
    } else {
        const Decoded<SearchPage<CompanyResult>> d = decodeCompanySearch(call->data());
        problem = d.error;
        returned = int(d.value.results.size());
        m_totalAvailable = d.value.totalAvailable;
        for (const CompanyResult &c : d.value.results) {
            Row r;
            r.name = c.name;
            r.headline = joined(c.industry, c.size);
            r.location = c.location;
            r.url = c.url;
            r.key = c.url.isEmpty() ? c.name : c.url;
            page << r;
        }
    }

    m_nextOffset += returned;
    if (returned == 0)
        m_hasMore = false;
    else if (m_totalAvailable > 0)
        m_hasMore = m_nextOffset < m_totalAvailable;
    else
        m_hasMore = returned >= m_pageSize; // a short page is the last one

    // A result can move from one page to the next while the person reads; show it once.
    QSet<QString> seen;
    for (const Row &r : std::as_const(m_rows))
        seen.insert(r.key);
    QList<Row> fresh;
    for (const Row &r : std::as_const(page)) {
        if (r.key.isEmpty() || !seen.contains(r.key)) {
            seen.insert(r.key);
            fresh << r;
        }
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size()) - 1);
        m_rows += fresh;
        endInsertRows();
    }
    m_call = nullptr;
    Q_EMIT busyChanged(false);
    if (!problem.isEmpty()) {
        m_hasMore = false;
        m_error = ApiError::badBody(problem);
        Q_EMIT failed(m_error);
        return;
    }
    Q_EMIT pageLoaded(int(fresh.size()), credits);
}

void PeopleSearchModel::onFailed(const ApiError &error)
{
    m_call = nullptr;
    m_error = error;
    Q_EMIT busyChanged(false);
    Q_EMIT failed(error); // m_hasMore stays: the same page may be asked for again
}

int PeopleSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PeopleSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case Qt::ToolTipRole:
        return joined(r.name, r.headline);
    case HeadlineRole:
        return r.headline;
    case LocationRole:
        return r.location;
    case ProfileUrlRole:
        return r.url;
    case PublicIdRole:
        return r.publicId;
    case PictureUrlRole:
        return r.pictureUrl;
    case InvitationStateRole:
        return r.invitationState;
    case IsPersonRole:
        return m_kind == Kind::People;
    default:
        return {};
    }
}

QHash<int, QByteArray> PeopleSearchModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(HeadlineRole, "headline");
    names.insert(LocationRole, "location");
    names.insert(ProfileUrlRole, "profileUrl");
    names.insert(PublicIdRole, "publicId");
    names.insert(PictureUrlRole, "pictureUrl");
    names.insert(InvitationStateRole, "invitationState");
    names.insert(IsPersonRole, "isPerson");
    return names;
}

} // namespace ld
