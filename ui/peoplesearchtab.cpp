#include "peoplesearchtab.h"

#include "persondelegate.h"
#include "plaintext.h"

#include "api/apierror.h"
#include "models/peoplesearchmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

QLineEdit *filterEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    label->setTextFormat(Qt::AutoText); // our own text: lets the & mark the mnemonic
    label->setBuddy(buddy);
    return label;
}

} // namespace

PeopleSearchTab::PeopleSearchTab(ProfilesService *profiles, QWidget *parent)
    : QWidget(parent)
    , m_model(new PeopleSearchModel(profiles, this))
    , m_keyword(filterEdit(QStringLiteral("peopleKeyword"),
                           tr("Keywords: a name, a skill, a company… (/)"), this))
    , m_kind(new QComboBox(this))
    , m_search(new QPushButton(tr("&Search"), this))
    , m_location(filterEdit(QStringLiteral("peopleLocation"), tr("Paris; Berlin"), this))
    , m_company(filterEdit(QStringLiteral("peopleCompany"),
                           tr("linkedin.com/company/… or its ID"), this))
    , m_industry(filterEdit(QStringLiteral("peopleIndustry"), tr("Software; Banking"), this))
    , m_title(filterEdit(QStringLiteral("peopleTitle"), tr("Head of Sales"), this))
    , m_first(new QCheckBox(tr("1st"), this))
    , m_second(new QCheckBox(tr("2nd"), this))
    , m_third(new QCheckBox(tr("3rd+"), this))
    , m_hint(plainLabel(tr("Separate several values with “;”. Each search and each “Load more” "
                           "is a paid request: up to 1 credit per result."),
                        this))
    , m_list(new QListView(this))
    , m_empty(plainLabel({}, this))
    , m_status(plainLabel({}, this))
    , m_loadMore(new QPushButton(tr("Load &more"), this))
{
    setObjectName(QStringLiteral("peopleSearchTab"));
    m_keyword->setAccessibleName(tr("Search keywords"));
    m_kind->setObjectName(QStringLiteral("peopleKind"));
    m_kind->setAccessibleName(tr("Search for"));
    m_kind->addItem(tr("People"));
    m_kind->addItem(tr("Companies"));
    m_search->setObjectName(QStringLiteral("peopleSearchButton"));
    m_first->setObjectName(QStringLiteral("network1st"));
    m_second->setObjectName(QStringLiteral("network2nd"));
    m_third->setObjectName(QStringLiteral("network3rd"));
    m_first->setToolTip(tr("Your connections"));
    m_second->setToolTip(tr("Connections of your connections"));
    m_third->setToolTip(tr("Everyone further away"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_loadMore->setObjectName(QStringLiteral("peopleLoadMore"));

    m_list->setObjectName(QStringLiteral("peopleResults"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new PersonDelegate(
        { PeopleSearchModel::HeadlineRole, PeopleSearchModel::LocationRole,
          PeopleSearchModel::InvitationStateRole },
        m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setAccessibleName(tr("Search results"));
    m_empty->setObjectName(QStringLiteral("peopleSearchEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_status->setObjectName(QStringLiteral("peopleSearchStatus"));
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(m_keyword, 1);
    top->addWidget(m_kind);
    top->addWidget(m_search);

    auto *network = new QHBoxLayout;
    network->setSpacing(12);
    network->addWidget(m_first);
    network->addWidget(m_second);
    network->addWidget(m_third);
    network->addStretch(1);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(6);
    grid->addWidget(buddyLabel(tr("&Location"), m_location, this), 0, 0);
    grid->addWidget(m_location, 0, 1);
    grid->addWidget(buddyLabel(tr("Current &company"), m_company, this), 0, 2);
    grid->addWidget(m_company, 0, 3);
    grid->addWidget(buddyLabel(tr("In&dustry"), m_industry, this), 1, 0);
    grid->addWidget(m_industry, 1, 1);
    grid->addWidget(buddyLabel(tr("Titl&e"), m_title, this), 1, 2);
    grid->addWidget(m_title, 1, 3);
    grid->addWidget(buddyLabel(tr("Net&work"), m_first, this), 2, 0);
    grid->addLayout(network, 2, 1, 1, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_loadMore, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addLayout(grid);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(bottom);

    for (QLineEdit *edit : { m_keyword, m_location, m_company, m_industry, m_title })
        connect(edit, &QLineEdit::returnPressed, this, &PeopleSearchTab::search);
    connect(m_search, &QPushButton::clicked, this, &PeopleSearchTab::search);
    connect(m_loadMore, &QPushButton::clicked, this, &PeopleSearchTab::loadMore);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PeopleSearchTab::updateKind);
    connect(m_model, &PeopleSearchModel::busyChanged, this, &PeopleSearchTab::updateState);
    connect(m_model, &PeopleSearchModel::pageLoaded, this, &PeopleSearchTab::onPageLoaded);
    connect(m_model, &PeopleSearchModel::failed, this, &PeopleSearchTab::onFailed);
    updateKind();
    updateState();
}

QCheckBox *PeopleSearchTab::networkBox(int degree) const
{
    return degree == 1 ? m_first : degree == 2 ? m_second : m_third;
}

QStringList PeopleSearchTab::splitValues(const QString &text)
{
    QStringList values;
    for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString v = part.trimmed();
        if (!v.isEmpty() && !values.contains(v))
            values << v;
    }
    return values;
}

void PeopleSearchTab::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    // Results belong to the account that searched: its network degrees, its credits.
    m_model->clear();
    m_lastProblem.clear();
    updateState();
}

bool PeopleSearchTab::searchesCompanies() const
{
    return m_kind->currentIndex() == 1;
}

PeopleQuery PeopleSearchTab::peopleQuery() const
{
    PeopleQuery q;
    q.keyword = m_keyword->text().trimmed();
    q.location = splitValues(m_location->text());
    q.companyUrl = splitValues(m_company->text());
    q.industry = splitValues(m_industry->text());
    q.title = m_title->text().trimmed();
    if (m_first->isChecked())
        q.network << QStringLiteral("F"); // V2 network values (§4.1)
    if (m_second->isChecked())
        q.network << QStringLiteral("S");
    if (m_third->isChecked())
        q.network << QStringLiteral("O");
    q.fetchInvitationState = true; // "Connected" and "Invited" badges: fewer refused invites
    q.count = PeopleSearchModel::DefaultPageSize;
    return q;
}

void PeopleSearchTab::updateKind()
{
    // search_companies knows keyword, location and sector (§4.2): the rest would be ignored.
    const bool people = !searchesCompanies();
    for (QWidget *w : std::initializer_list<QWidget *> { m_company, m_title, m_first, m_second, m_third })
        w->setEnabled(people);
    m_industry->setToolTip(people ? QString() : tr("Sent as the companies' sector"));
}

void PeopleSearchTab::search()
{
    m_lastProblem.clear();
    if (m_accountId.isEmpty()) {
        m_lastProblem = tr("Choose the account to search from: connect one first if the list is "
                           "empty.");
        updateState();
        return;
    }
    if (searchesCompanies()) {
        CompanyQuery q;
        q.keyword = m_keyword->text().trimmed();
        q.location = splitValues(m_location->text());
        q.sector = splitValues(m_industry->text());
        q.count = PeopleSearchModel::DefaultPageSize;
        m_model->searchCompanies(m_accountId, q);
    } else {
        m_model->searchPeople(m_accountId, peopleQuery());
    }
    updateState();
}

void PeopleSearchTab::loadMore()
{
    m_lastProblem.clear();
    m_model->loadMore();
    updateState();
}

void PeopleSearchTab::focusKeyword()
{
    m_keyword->setFocus(Qt::ShortcutFocusReason);
    m_keyword->selectAll();
}

void PeopleSearchTab::onPageLoaded(int, int credits)
{
    Q_EMIT statusMessage(tr("Search page read: %Ln credit(s).", nullptr, credits));
    if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    updateState();
}

void PeopleSearchTab::onFailed(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Aborted)
        return;
    m_lastProblem = error.userMessage();
    Q_EMIT statusMessage(m_lastProblem);
    updateState();
}

void PeopleSearchTab::updateState()
{
    const bool busy = m_model->isBusy();
    const int rows = m_model->rowCount();
    m_search->setEnabled(!busy);
    m_loadMore->setVisible(m_model->hasSearch() && (m_model->hasMore() || busy));
    m_loadMore->setEnabled(m_model->hasMore());
    m_loadMore->setText(busy && m_model->pagesRead() > 0 ? tr("Loading…") : tr("Load &more"));

    if (rows == 0) {
        if (busy)
            m_empty->setText(tr("Searching…"));
        else if (!m_lastProblem.isEmpty() && m_model->pagesRead() == 0)
            m_empty->setText(m_lastProblem);
        else if (m_model->hasSearch())
            m_empty->setText(tr("Nothing matches this search. Try fewer filters or other "
                                "keywords."));
        else
            m_empty->setText(tr("Search people or companies: type keywords or fill a filter, "
                                "then press Enter."));
    }
    m_empty->setVisible(rows == 0);
    m_list->setVisible(rows > 0);

    QString status;
    if (m_model->pagesRead() > 0) {
        const QString shown = m_model->totalAvailable() > 0
            ? tr("%1 of %2 results shown").arg(rows).arg(m_model->totalAvailable())
            : tr("%n result(s)", nullptr, rows);
        status = tr("%1 · this search cost %2 (last page: %3)")
                     .arg(shown, tr("%Ln credit(s)", nullptr, m_model->creditsSpent()),
                          tr("%Ln credit(s)", nullptr, m_model->lastPageCredits()));
        if (!m_model->hasMore() && !busy)
            status = tr("%1 · no more results").arg(status);
    }
    if (!m_lastProblem.isEmpty() && (rows > 0 || m_model->pagesRead() > 0))
        status = status.isEmpty() ? m_lastProblem : tr("%1. %2").arg(status, m_lastProblem);
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
}

} // namespace ld::ui
