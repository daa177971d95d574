#pragma once
// The results of one search_people or search_companies (contract §4) for one account and one
// query, page after page (count/offset, §4.1). Results live in memory only: a search is a
// question of the moment, and the store holds what the person acts on (invitations, connections).
//
// Each page is a paid request (§1.9: about 1 credit per result), so a page is fetched only when
// the person asks for it — the page's "Load more" button calls loadMore(). canFetchMore() answers
// false on purpose: item views call fetchMore() by themselves whenever their rows do not fill
// the viewport or the list is scrolled to its end (and QAbstractItemModelTester calls it on
// every check), which would spend credits nobody chose to spend. hasMore() says whether the
// button has anything to load.
#include "api/apierror.h"
#include "services/profilesservice.h"

#include <QAbstractListModel>
#include <QPointer>

namespace ld {

class ApiCall;

class PeopleSearchModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Kind { People, Companies };

    enum Roles {
        NameRole = Qt::UserRole + 1, // also Qt::DisplayRole
        HeadlineRole, // people: the headline; companies: "industry · size"
        LocationRole,
        ProfileUrlRole, // people: linkedin_url; companies: company_url
        PublicIdRole, // people only
        PictureUrlRole, // people only
        InvitationStateRole, // "CONNECTED", "PENDING", ... when the search asked for it
        IsPersonRole,
    };

    static constexpr int DefaultPageSize = 10;

    explicit PeopleSearchModel(ProfilesService *profiles, QObject *parent = nullptr);
    ~PeopleSearchModel() override;

    // Starts a new search (the results so far are dropped and a request still running is
    // aborted) and reads its first page. query.count is the page size; query.offset is ignored.
    void searchPeople(const QString &accountId, const PeopleQuery &query);
    void searchCompanies(const QString &accountId, const CompanyQuery &query);
    // The next page of the current search; does nothing while a page is being read or when
    // there is no more. The person's explicit choice: see the header comment.
    void loadMore();
    void clear(); // no search: no rows, nothing spent

    bool hasSearch() const { return !m_accountId.isEmpty(); }
    bool hasMore() const { return hasSearch() && m_hasMore && !isBusy(); }
    bool isBusy() const { return !m_call.isNull(); }
    Kind kind() const { return m_kind; }
    QString accountId() const { return m_accountId; }
    int nextOffset() const { return m_nextOffset; }
    int pagesRead() const { return m_pages; }
    int totalAvailable() const { return m_totalAvailable; } // 0 when the server did not say
    int creditsSpent() const { return m_credits; } // by every page of this search
    int lastPageCredits() const { return m_lastPageCredits; }
    ApiError lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;

Q_SIGNALS:
    void busyChanged(bool busy);
    // A page arrived: `added` new rows (results already shown are not repeated), `credits`
    // spent on it.
    void pageLoaded(int added, int credits);
    void failed(const ld::ApiError &error);

private:
    struct Row
    {
        QString key; // profile id, public id or URL: what makes a result the same on two pages
        QString name;
        QString headline;
        QString location;
        QString url;
        QString publicId;
        QString pictureUrl;
        QString invitationState;
    };

    void start(const QString &accountId, Kind kind);
    void fetchPage();
    void onPage(ApiCall *call);
    void onFailed(const ApiError &error);
    void setCall(ApiCall *call);

    ProfilesService *m_profiles;
    QPointer<ApiCall> m_call;
    Kind m_kind = Kind::People;
    QString m_accountId;
    PeopleQuery m_people;
    CompanyQuery m_companies;
    int m_pageSize = DefaultPageSize;
    int m_nextOffset = 0;
    int m_pages = 0;
    int m_totalAvailable = 0;
    int m_credits = 0;
    int m_lastPageCredits = 0;
    bool m_hasMore = false;
    ApiError m_error;
    QList<Row> m_rows;
};

} // namespace ld
