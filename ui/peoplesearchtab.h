#pragma once
// The People page's Search tab: search_people or search_companies (contract §4) from one
// account, with the V2 array filters (location, current company, industry, network degree)
// and the title. A search reads one page; "Load more" reads the next, only when pressed, since
// every page costs credits; what each page cost is shown.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace ld {
struct ApiError;
class PeopleSearchModel;
struct PeopleQuery;
class ProfilesService;
}

namespace ld::ui {

class PeopleSearchTab : public QWidget
{
    Q_OBJECT
public:
    explicit PeopleSearchTab(ProfilesService *profiles, QWidget *parent = nullptr);

    void setAccountId(const QString &accountId);
    QString accountId() const { return m_accountId; }
    bool searchesCompanies() const;
    // The query the form describes; arrays split on ';' (V2 filters are arrays even for one).
    PeopleQuery peopleQuery() const;

    PeopleSearchModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    QLineEdit *keywordEdit() const { return m_keyword; }
    QComboBox *kindCombo() const { return m_kind; }
    QLineEdit *locationEdit() const { return m_location; }
    QLineEdit *companyEdit() const { return m_company; }
    QLineEdit *industryEdit() const { return m_industry; }
    QLineEdit *titleEdit() const { return m_title; }
    QCheckBox *networkBox(int degree) const; // 1, 2 or 3 (3rd and beyond)
    QPushButton *searchButton() const { return m_search; }
    QPushButton *loadMoreButton() const { return m_loadMore; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *emptyLabel() const { return m_empty; }

    static QStringList splitValues(const QString &text); // "Paris; Berlin" → {"Paris","Berlin"}

public Q_SLOTS:
    void search();
    void loadMore();
    void focusKeyword();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void updateKind();
    void updateState();
    void onPageLoaded(int added, int credits);
    void onFailed(const ld::ApiError &error);

    PeopleSearchModel *m_model;
    QString m_accountId;
    QLineEdit *m_keyword;
    QComboBox *m_kind;
    QPushButton *m_search;
    QLineEdit *m_location;
    QLineEdit *m_company;
    QLineEdit *m_industry;
    QLineEdit *m_title;
    QCheckBox *m_first;
    QCheckBox *m_second;
    QCheckBox *m_third;
    QLabel *m_hint;
    QListView *m_list;
    QLabel *m_empty;
    QLabel *m_status;
    QPushButton *m_loadMore;
    QString m_lastProblem;
};

} // namespace ld::ui
