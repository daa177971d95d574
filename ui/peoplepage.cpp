#include "peoplepage.h"

#include "connectionstab.h"
#include "invitedialog.h"
#include "peoplesearchtab.h"
#include "plaintext.h"
#include "profilepanel.h"

#include "models/connectionlistmodel.h"
#include "models/peoplesearchmodel.h"
#include "store/accountrepository.h"
#include "sync/workspace.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ld::ui {

PeoplePage::PeoplePage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_account(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_search(new PeopleSearchTab(workspace->profilesService(), this))
    , m_connections(new ConnectionsTab(workspace->network(), workspace->networkSync(), this))
    , m_side(new QStackedWidget(this))
    , m_placeholder(plainLabel(tr("Select a person. Enter reads the full profile (1\u00a0credit); "
                                  "Ctrl+I invites them to connect."),
                               this))
    , m_profile(new ProfilePanel(workspace->profilesService(), this))
    , m_invite(new QPushButton(tr("&Invite…"), this))
    , m_readProfile(new QPushButton(tr("&Read profile (1 credit)"), this))
{
    setObjectName(QStringLiteral("peoplePage"));
    m_account->setObjectName(QStringLiteral("peopleAccount"));
    m_account->setAccessibleName(tr("Account"));
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_account->setMinimumContentsLength(16);
    m_tabs->setObjectName(QStringLiteral("peopleTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_search, tr("Search"));
    m_tabs->addTab(m_connections, tr("Connections"));
    m_invite->setObjectName(QStringLiteral("peopleInvite"));
    m_invite->setToolTip(tr("Invite this person to connect (Ctrl+I)"));
    m_readProfile->setObjectName(QStringLiteral("peopleReadProfile"));
    m_readProfile->setToolTip(tr("Reads the headline, company and location from LinkedIn "
                                 "(Enter). LinkUp charges 1 credit."));
    m_placeholder->setObjectName(QStringLiteral("peoplePlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(16);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto *accountLabel = plainLabel(tr("&Account"), this);
    accountLabel->setTextFormat(Qt::AutoText); // our own text: lets the & mark the mnemonic
    accountLabel->setBuddy(m_account);
    auto *accountRow = new QHBoxLayout;
    accountRow->setContentsMargins(8, 8, 8, 0);
    accountRow->addWidget(accountLabel);
    accountRow->addWidget(m_account, 1);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(4);
    leftLayout->addLayout(accountRow);
    leftLayout->addWidget(m_tabs, 1);

    auto *profileSide = new QWidget(this);
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(12, 12, 12, 0);
    buttons->setSpacing(6);
    buttons->addWidget(m_invite);
    buttons->addWidget(m_readProfile);
    buttons->addStretch(1);
    auto *sideLayout = new QVBoxLayout(profileSide);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(0);
    sideLayout->addLayout(buttons);
    sideLayout->addWidget(m_profile, 1);
    m_side->addWidget(m_placeholder);
    m_side->addWidget(profileSide);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    left->setMinimumWidth(440); // the filter grid: two labels and two fields side by side
    m_side->setMinimumWidth(240);
    splitter->setSizes({ 620, 320 });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_account, &QComboBox::currentIndexChanged, this, &PeoplePage::onAccountChanged);
    connect(m_tabs, &QTabWidget::currentChanged, this, &PeoplePage::showSelection);
    for (QListView *list : { m_search->list(), m_connections->list() }) {
        connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &PeoplePage::showSelection);
        connect(list, &QListView::doubleClicked, this, &PeoplePage::readProfile);
    }
    // Rows vanish from under the selection when a filter narrows the list or a search starts.
    for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *> {
             m_search->model(), m_connections->model() }) {
        connect(model, &QAbstractItemModel::modelReset, this, &PeoplePage::showSelection);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &PeoplePage::showSelection);
    }
    connect(m_invite, &QPushButton::clicked, this, &PeoplePage::invite);
    connect(m_readProfile, &QPushButton::clicked, this, &PeoplePage::readProfile);
    connect(m_profile, &ProfilePanel::profileLoaded, this,
            [this] { m_readProfile->setEnabled(false); });
    connect(m_search, &PeopleSearchTab::statusMessage, this, &PeoplePage::statusMessage);
    connect(m_connections, &ConnectionsTab::statusMessage, this, &PeoplePage::statusMessage);
    connect(m_ws->accounts(), &AccountRepository::accountsChanged, this, &PeoplePage::fillAccounts);
    connect(m_ws->accounts(), &AccountRepository::accountsRemoved, this, &PeoplePage::fillAccounts);

    createActions();
    fillAccounts();
    showSelection();
}

void PeoplePage::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                       void (PeoplePage::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        // Active while the focus is anywhere on this page, like the Inbox's letters.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(tr("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions << a;
        return a;
    };
    make(QStringLiteral("peopleSearchTab"), tr("Search people and companies"),
         QKeySequence(tr("Alt+1")), &PeoplePage::showSearch);
    make(QStringLiteral("peopleConnectionsTab"), tr("Connections of the account"),
         QKeySequence(tr("Alt+2")), &PeoplePage::showConnections);
    make(QStringLiteral("findPeople"), tr("Find: keywords or connection filter"),
         QKeySequence(Qt::Key_Slash), &PeoplePage::focusFind);
    make(QStringLiteral("loadMoreResults"), tr("Load more results (paid page)"),
         QKeySequence(tr("Ctrl+L")), &PeoplePage::loadMore);
    make(QStringLiteral("refreshConnections"), tr("Refresh connections (1 credit per 50)"),
         QKeySequence(tr("Ctrl+R")), &PeoplePage::refreshConnections);
    QAction *read = make(QStringLiteral("readProfile"), tr("Read the full profile (1 credit)"),
                         QKeySequence(Qt::Key_Return), &PeoplePage::readProfile);
    // Enter belongs to the lists: in a field it runs the search, on a button it presses it.
    removeAction(read);
    read->setShortcuts({ QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter) });
    read->setShortcutContext(Qt::WidgetShortcut);
    m_search->list()->addAction(read);
    m_connections->list()->addAction(read);
}

void PeoplePage::fillAccounts()
{
    const QString current = m_account->currentData().toString();
    {
        const QSignalBlocker block(m_account);
        m_account->clear();
        for (const Account &a : m_ws->accounts()->all())
            m_account->addItem(a.name.isEmpty() ? a.id : a.name, a.id); // item text is plain
        m_account->setCurrentIndex(qMax(0, m_account->findData(current)));
    }
    onAccountChanged();
}

void PeoplePage::setAccountId(const QString &accountId)
{
    const int index = m_account->findData(accountId);
    if (index >= 0)
        m_account->setCurrentIndex(index);
}

QString PeoplePage::accountId() const
{
    return m_account->currentData().toString();
}

void PeoplePage::onAccountChanged()
{
    m_search->setAccountId(accountId());
    m_connections->setAccountId(accountId());
    showSelection();
}

QListView *PeoplePage::currentList() const
{
    return m_tabs->currentWidget() == m_connections ? m_connections->list() : m_search->list();
}

PeoplePage::Selection PeoplePage::selection() const
{
    Selection s;
    const QModelIndex i = currentList()->currentIndex();
    if (!i.isValid())
        return s;
    s.name = i.data(Qt::DisplayRole).toString();
    if (m_tabs->currentWidget() == m_connections) {
        s.profileUrl = i.data(ConnectionListModel::ProfileUrlRole).toString();
        s.headline = i.data(ConnectionListModel::JobTitleRole).toString();
    } else {
        s.profileUrl = i.data(PeopleSearchModel::ProfileUrlRole).toString();
        s.headline = i.data(PeopleSearchModel::HeadlineRole).toString();
        s.isPerson = i.data(PeopleSearchModel::IsPersonRole).toBool();
    }
    return s;
}

void PeoplePage::showSelection()
{
    const Selection s = selection();
    if (s.profileUrl.isEmpty() && s.name.isEmpty()) {
        m_profile->clear();
        m_side->setCurrentWidget(m_placeholder);
        return;
    }
    m_profile->showContact(accountId(), s.profileUrl, s.name, s.headline, false);
    // A company has a page, not a profile: no profile to read, no one to invite.
    m_readProfile->setVisible(s.isPerson);
    m_profile->contactButton()->setVisible(s.isPerson);
    m_invite->setEnabled(s.isPerson);
    m_invite->setToolTip(s.isPerson ? tr("Invite this person to connect (Ctrl+I)")
                                    : tr("Companies cannot be invited: choose a person."));
    m_readProfile->setEnabled(s.isPerson && !m_profile->hasProfile());
    m_side->setCurrentWidget(m_side->widget(1));
}

void PeoplePage::readProfile()
{
    const Selection s = selection();
    if (s.profileUrl.isEmpty() || !s.isPerson)
        return;
    m_profile->showContact(accountId(), s.profileUrl, s.name, s.headline, true);
    m_readProfile->setEnabled(false);
}

void PeoplePage::invite()
{
    const Selection s = selection();
    // A company has no profile to invite: the dialog opens empty for a person's URL.
    const QString url = s.isPerson ? s.profileUrl : QString();
    const QString name = s.isPerson ? s.name : QString();
    if (m_inviteDialog) { // one at a time: it takes the person selected now
        m_inviteDialog->setTarget(accountId(), url, name);
        m_inviteDialog->raise();
        m_inviteDialog->activateWindow();
        return;
    }
    m_inviteDialog = InviteDialog::showFor(m_ws, this, accountId(), url, name);
    connect(m_inviteDialog, &InviteDialog::statusMessage, this, &PeoplePage::statusMessage);
}

void PeoplePage::refresh()
{
    if (m_tabs->currentWidget() == m_connections)
        m_connections->refresh();
    else
        m_search->search();
}

void PeoplePage::showSearch()
{
    m_tabs->setCurrentWidget(m_search);
    m_search->focusKeyword();
}

void PeoplePage::showConnections()
{
    m_tabs->setCurrentWidget(m_connections);
    m_connections->focusFilter();
}

void PeoplePage::focusFind()
{
    if (m_tabs->currentWidget() == m_connections)
        m_connections->focusFilter();
    else
        m_search->focusKeyword();
}

void PeoplePage::loadMore()
{
    if (m_tabs->currentWidget() == m_search)
        m_search->loadMore();
}

void PeoplePage::refreshConnections()
{
    m_tabs->setCurrentWidget(m_connections);
    m_connections->refresh();
}

} // namespace ld::ui
