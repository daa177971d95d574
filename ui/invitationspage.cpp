#include "invitationspage.h"

#include "bulkplan.h"
#include "bulkpreviewdialog.h"
#include "bulkrunbar.h"
#include "icons.h"
#include "invitationsrefresh.h"
#include "invitationstab.h"
#include "invitelistdialog.h"
#include "plaintext.h"
#include "withdrawolderdialog.h"

#include "models/invitationlistmodel.h"
#include "store/accountrepository.h"
#include "store/networkrepository.h"
#include "support/appsettings.h"
#include "sync/invitationqueue.h"
#include "sync/workspace.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

using Direction = StoredInvitation::Direction;

} // namespace

InvitationsPage::InvitationsPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_planner(std::make_unique<BulkPlanner>(workspace->invitationQueue(), workspace->accounts()))
    , m_accountCombo(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_tabPages { new InvitationsTab(workspace->network(), workspace->accounts(),
                       StoredInvitation::Direction::Received, m_tabs),
        new InvitationsTab(workspace->network(), workspace->accounts(),
            StoredInvitation::Direction::Sent, m_tabs) }
    , m_caps(plainLabel({}, this))
    , m_detail(plainLabel({}, this))
    , m_status(plainLabel({}, this))
    , m_runBar(new BulkRunBar(
          workspace->invitationQueue(), workspace->runs(), workspace->outboxItems(), this))
    , m_refreshButton(new QToolButton(this))
    , m_refresh(new InvitationsRefresh(workspace->networkSync(), workspace->accounts(), this))
{
    setObjectName(QStringLiteral("invitationsPage"));

    m_accountCombo->setObjectName(QStringLiteral("invitationsAccount"));
    m_accountCombo->setAccessibleName(tr("Account"));
    m_accountCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_accountCombo->setMinimumContentsLength(16);
    m_caps->setObjectName(QStringLiteral("invitationsCaps"));
    m_caps->setWordWrap(true);
    m_caps->setToolTip(
        tr("Safety caps per account: what was used today and in the last 7 days, of what "
           "is allowed. Change them in Settings."));
    mute(m_caps);
    m_detail->setObjectName(QStringLiteral("invitationsDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("invitationsStatus"));
    m_status->setWordWrap(true);
    mute(m_status);
    m_refreshButton->setObjectName(QStringLiteral("invitationsRefresh"));
    m_refreshButton->setIcon(icons::action(QStringLiteral("refresh")));
    m_refreshButton->setText(tr("Refresh lists"));
    m_refreshButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refreshButton->setToolTip(tr("Read the received and sent invitations of the accounts in "
                                   "view again (F5; about 1 credit per list)"));
    m_refreshButton->setAutoRaise(true);

    m_tabs->setObjectName(QStringLiteral("invitationsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_tabPages[ReceivedTab], tr("Received"));
    m_tabs->addTab(m_tabPages[SentTab], tr("Sent"));
    connectTab(ReceivedTab);
    connectTab(SentTab);
    createActions();

    auto *tools = new QHBoxLayout;
    tools->setSpacing(4);
    tools->addWidget(m_accountCombo);
    tools->addSpacing(8);
    for (QAction *a : { m_accept, m_decline, m_withdraw, m_withdrawOlder, m_openProfile }) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        button->setObjectName(a->objectName() + QStringLiteral("Button"));
        tools->addWidget(button);
        if (a == m_accept || a == m_decline)
            m_receivedButtons << button;
        else if (a == m_withdraw || a == m_withdrawOlder)
            m_sentButtons << button;
    }
    auto *inviteListButton = new QToolButton(this);
    inviteListButton->setDefaultAction(m_inviteListAction);
    inviteListButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    inviteListButton->setAutoRaise(true);
    inviteListButton->setObjectName(QStringLiteral("inviteListButton"));
    tools->addWidget(inviteListButton);
    tools->addStretch(1);
    tools->addWidget(m_refreshButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addLayout(tools);
    layout->addWidget(m_caps);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_status);
    layout->addWidget(m_runBar);

    connect(m_refreshButton, &QToolButton::clicked, this, &InvitationsPage::refresh);
    connect(m_accountCombo, &QComboBox::currentIndexChanged, this,
        &InvitationsPage::applyAccountFilter);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateActions();
        updateCaps();
        updateDetail();
    });
    connect(m_ws->accounts(), &AccountRepository::accountsChanged, this,
        &InvitationsPage::fillAccountCombo);
    connect(m_ws->accounts(), &AccountRepository::accountsRemoved, this,
        &InvitationsPage::fillAccountCombo);
    connect(m_refresh, &InvitationsRefresh::finished, this, [this](const QString &summary) {
        m_refreshButton->setEnabled(true);
        updateEmptyStates();
        updateCaps();
        report(summary);
    });
    InvitationQueue *queue = m_ws->invitationQueue();
    connect(queue, &InvitationQueue::itemChanged, this, &InvitationsPage::updateCaps);
    connect(queue, &InvitationQueue::runChanged, this, [this] {
        if (!m_runBar->isRunActive())
            m_runBar->showActiveRun();
        updateActions();
    });
    connect(m_ws->settings(), &AppSettings::changed, this, &InvitationsPage::updateCaps);
    connect(m_runBar, &BulkRunBar::statusMessage, this, &InvitationsPage::report);
    connect(m_runBar, &BulkRunBar::runEnded, this, [this] {
        updateActions();
        updateCaps();
    });

    fillAccountCombo();
    updateTabTitles();
    updateActions();
    updateCaps();
    updateDetail();
    m_status->hide(); // until there is something to say
    m_runBar->showActiveRun(); // what an earlier session left paused (or interrupted)
    setFocusProxy(m_tabPages[ReceivedTab]);
}

InvitationsPage::~InvitationsPage() = default;

void InvitationsPage::connectTab(Tab tab)
{
    InvitationListModel *model = m_tabPages[tab]->model();
    QTreeView *view = m_tabPages[tab]->view();
    const auto rowsChanged = [this, tab] {
        m_tabPages[tab]->updateEmptyState(accountsInView());
        updateTabTitles();
        updateCaps();
    };
    connect(model, &QAbstractItemModel::modelReset, this, rowsChanged);
    connect(model, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(model, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateCaps();
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &InvitationsPage::updateDetail);
    connect(view, &QTreeView::doubleClicked, this, &InvitationsPage::openProfile);
}

void InvitationsPage::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QString &icon,
                    const QKeySequence &key, const QString &tip, void (InvitationsPage::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!icon.isEmpty())
            a->setIcon(icons::action(icon));
        a->setShortcut(key);
        // Letters act while the focus is anywhere on this page (the combo box included);
        // they never reach another page.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions << a;
        return a;
    };
    m_accept = make(QStringLiteral("acceptInvitations"), tr("&Accept"), QStringLiteral("accept"),
        QKeySequence(Qt::Key_A), tr("Accept the selected invitations (1 credit each)"),
        &InvitationsPage::acceptSelected);
    m_decline = make(QStringLiteral("declineInvitations"), tr("&Decline"), QStringLiteral("cancel"),
        QKeySequence(Qt::Key_D), tr("Decline the selected invitations (1 credit each)"),
        &InvitationsPage::declineSelected);
    m_withdraw
        = make(QStringLiteral("withdrawInvitations"), tr("&Withdraw"), QStringLiteral("withdraw"),
            QKeySequence(Qt::Key_W), tr("Withdraw the selected sent invitations (1 credit each)"),
            &InvitationsPage::withdrawSelected);
    m_withdrawOlder = make(QStringLiteral("withdrawOlder"), tr("Withdraw &older than…"),
        QStringLiteral("withdraw"), QKeySequence(tr("Ctrl+Shift+W")),
        tr("Withdraw the sent invitations older than a number of days"),
        &InvitationsPage::withdrawOlder);
    // Not a page command: MainWindow's "Invite a list…" carries Ctrl+Shift+I on every page,
    // and two actions with one shortcut would cancel each other out.
    m_inviteListAction = new QAction(icons::action(QStringLiteral("invitations")),
        tr("Invite a &list…"), this);
    m_inviteListAction->setObjectName(QStringLiteral("inviteListOnPage"));
    m_inviteListAction->setToolTip(tr("Invite many people from a list of profile URLs, previewed "
                                      "first (Ctrl+Shift+I)"));
    connect(m_inviteListAction, &QAction::triggered, this, [this] { inviteList(); });
    m_selectAll = make(QStringLiteral("selectAllInvitations"), tr("Select all invitations"), {},
        QKeySequence::SelectAll, tr("Select every invitation in the list"),
        &InvitationsPage::selectAll);
    m_openProfile = make(QStringLiteral("openInvitationProfile"), tr("Open &profile"),
        QStringLiteral("open-link"), QKeySequence(Qt::Key_O),
        tr("Open the person's LinkedIn profile in the browser"), &InvitationsPage::openProfile);
    m_showReceived = make(QStringLiteral("showReceivedInvitations"), tr("Received invitations"), {},
        QKeySequence(Qt::Key_R), tr("Show the invitations you received"),
        &InvitationsPage::showReceived);
    m_showSent = make(QStringLiteral("showSentInvitations"), tr("Sent invitations"), {},
        QKeySequence(Qt::Key_S), tr("Show the invitations you sent"), &InvitationsPage::showSent);
    m_pause = make(QStringLiteral("pauseBulkRun"), tr("Pause or resume the bulk run"), {},
        QKeySequence(Qt::Key_P), tr("Pause the bulk run in progress, or resume it"),
        &InvitationsPage::togglePause);
}

QList<QAction *> InvitationsPage::commands() const
{
    return m_actions;
}

BulkPreviewDialog *InvitationsPage::previewDialog() const
{
    return m_preview.data();
}

InviteListDialog *InvitationsPage::inviteListDialog() const
{
    return m_inviteList.data();
}

InvitationsPage::Tab InvitationsPage::currentTab() const
{
    return m_tabs->currentIndex() == SentTab ? SentTab : ReceivedTab;
}

QTreeView *InvitationsPage::view(Tab tab) const
{
    return m_tabPages[tab]->view();
}

InvitationListModel *InvitationsPage::model(Tab tab) const
{
    return m_tabPages[tab]->model();
}

QSortFilterProxyModel *InvitationsPage::proxy(Tab tab) const
{
    return m_tabPages[tab]->proxy();
}

QLabel *InvitationsPage::emptyLabel(Tab tab) const
{
    return m_tabPages[tab]->emptyLabel();
}

bool InvitationsPage::isRefreshing() const
{
    return m_refresh->isBusy();
}

void InvitationsPage::fillAccountCombo()
{
    const QString current = m_accountCombo->currentData().toString();
    const QSignalBlocker block(m_accountCombo);
    m_accountCombo->clear();
    m_accountCombo->addItem(tr("All accounts"), QString());
    for (const Account &a : m_ws->accounts()->all())
        m_accountCombo->addItem(a.name.isEmpty() ? a.id : a.name, a.id); // item text is plain
    m_accountCombo->setCurrentIndex(qMax(0, m_accountCombo->findData(current)));
    applyAccountFilter();
    updateEmptyStates(); // "connect an account first" may no longer hold
}

void InvitationsPage::applyAccountFilter()
{
    const QString account = m_accountCombo->currentData().toString();
    const QStringList ids = account.isEmpty() ? QStringList() : QStringList { account };
    for (InvitationsTab *page : m_tabPages)
        page->model()->setAccountFilter(ids);
    updateCaps();
}

// The accounts a refresh reads: the one chosen, else every active one (an inactive account
// would only fail; the sidebar already asks to reconnect it).
QStringList InvitationsPage::accountsInView() const
{
    const QString account = m_accountCombo->currentData().toString();
    if (!account.isEmpty())
        return { account };
    QStringList ids;
    for (const Account &a : m_ws->accounts()->all()) {
        if (a.isActive)
            ids << a.id;
    }
    return ids;
}

void InvitationsPage::updateActions()
{
    const bool received = currentTab() == ReceivedTab;
    const bool selection = currentView()->selectionModel()->hasSelection();
    // Only the buttons of the tab in view are shown: Accept makes no sense on Sent.
    for (QWidget *button : std::as_const(m_receivedButtons))
        button->setVisible(received);
    for (QWidget *button : std::as_const(m_sentButtons))
        button->setVisible(!received);
    // Disabled, a letter's shortcut stays silent on the other tab (and out of the palette).
    // "Withdraw older than…" needs no selection and shows the Sent tab itself.
    m_accept->setEnabled(received && selection);
    m_decline->setEnabled(received && selection);
    m_withdraw->setEnabled(!received && selection);
    m_openProfile->setEnabled(currentView()->currentIndex().isValid());
    m_pause->setEnabled(m_runBar->isRunActive());
}

void InvitationsPage::updateEmptyStates()
{
    const QStringList accounts = accountsInView();
    for (InvitationsTab *page : m_tabPages)
        page->updateEmptyState(accounts);
}

void InvitationsPage::updateTabTitles()
{
    const int received = model(ReceivedTab)->rowCount();
    const int sent = model(SentTab)->rowCount();
    m_tabs->setTabText(ReceivedTab, tr("Received (%1)").arg(received));
    m_tabs->setTabText(SentTab, tr("Sent (%1)").arg(sent));
}

// Per account in view: the one chosen, else those of the selected rows, else those with rows
// in this tab. A few lines at most: the preview shows every account of an action anyway.
void InvitationsPage::updateCaps()
{
    const QString chosen = m_accountCombo->currentData().toString();
    const QString text = m_planner->capsLines(
        chosen.isEmpty() ? m_tabPages[currentTab()]->accountsInFocus() : QStringList { chosen });
    m_caps->setText(text);
    m_caps->setVisible(!text.isEmpty());
}

void InvitationsPage::updateDetail()
{
    updateActions();
    const QString text = m_tabPages[currentTab()]->currentDetail();
    m_detail->setText(text);
    m_detail->setVisible(!text.isEmpty());
}

void InvitationsPage::showReceived()
{
    m_tabs->setCurrentIndex(ReceivedTab);
    focusList();
}

void InvitationsPage::showSent()
{
    m_tabs->setCurrentIndex(SentTab);
    focusList();
}

void InvitationsPage::focusList()
{
    QTreeView *list = currentView();
    if (!list->currentIndex().isValid() && list->model()->rowCount() > 0)
        list->setCurrentIndex(list->model()->index(0, 0));
    list->setFocus(Qt::ShortcutFocusReason);
}

void InvitationsPage::selectAll()
{
    currentView()->selectAll();
    currentView()->setFocus(Qt::ShortcutFocusReason);
}

void InvitationsPage::openProfile()
{
    if (!currentView()->currentIndex().isValid())
        return;
    const QString url = m_tabPages[currentTab()]->currentProfileUrl();
    if (url.isEmpty()) {
        report(tr("This invitation has no LinkedIn profile link to open."));
        return;
    }
    QDesktopServices::openUrl(QUrl(url));
}

void InvitationsPage::togglePause()
{
    m_runBar->togglePause();
}

void InvitationsPage::acceptSelected()
{
    previewBulk(NetworkAction::Accept);
}

void InvitationsPage::declineSelected()
{
    previewBulk(NetworkAction::Decline);
}

void InvitationsPage::withdrawSelected()
{
    previewBulk(NetworkAction::Withdraw);
}

// One bulk run at a time: the caps and the pacing are per run, and two runs interleaving
// their requests would look less like a person at work.
bool InvitationsPage::refuseWhileRunning()
{
    if (!m_runBar->isRunActive())
        return false;
    report(tr("A bulk run is still going. Wait for it to finish, or cancel it, before starting "
              "another."));
    return true;
}

void InvitationsPage::previewBulk(NetworkAction action)
{
    const Tab tab = action == NetworkAction::Withdraw ? SentTab : ReceivedTab;
    if (currentTab() != tab || m_preview || refuseWhileRunning())
        return;
    QList<int> ages;
    const QList<StoredInvitation> selected = m_tabPages[tab]->selectedInvitations(&ages);
    if (selected.isEmpty()) {
        report(tr("Select invitations first: the arrows and Shift select, Ctrl+A selects all."));
        return;
    }
    QList<NetworkTask> tasks;
    for (const StoredInvitation &inv : selected)
        tasks << NetworkTask::forInvitation(action, inv);
    const PacingLimits pacing = m_ws->settings()->pacing();
    auto *dialog = new BulkPreviewDialog(
        m_planner.get(), action, pacing.minDelayMs, pacing.maxDelayMs, this);
    dialog->setTasks(tasks, ages);
    openPreview(dialog);
}

void InvitationsPage::withdrawOlder()
{
    if (m_preview || refuseWhileRunning())
        return;
    showSent();
    const PacingLimits pacing = m_ws->settings()->pacing();
    auto *dialog = new WithdrawOlderDialog(m_planner.get(), model(SentTab)->invitations(),
        model(SentTab)->now(), pacing.minDelayMs, pacing.maxDelayMs, this);
    openPreview(dialog);
}

void InvitationsPage::openPreview(BulkPreviewDialog *dialog)
{
    // Run from the command palette on another page, the action brings this page into view:
    // the run's progress bar is here.
    if (auto *stack = qobject_cast<QStackedWidget *>(parentWidget()))
        stack->setCurrentWidget(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startRun(dialog); });
    m_preview = dialog;
    dialog->open();
}

void InvitationsPage::startRun(const BulkPreviewDialog *dialog)
{
    const QList<NetworkTask> tasks = dialog->tasks();
    if (tasks.isEmpty())
        return;
    const QString title = dialog->runTitle().isEmpty()
        ? tr("%1 %n invitation(s)", nullptr, int(tasks.size()))
              .arg(BulkPlanner::actionVerb(dialog->action()))
        : dialog->runTitle();
    QString error;
    const qint64 runId = m_ws->invitationQueue()->start(tasks, title, &error);
    if (runId == 0) {
        report(error.isEmpty() ? tr("The run could not be stored, so nothing was sent.") : error);
        return;
    }
    m_runBar->showRun(runId);
    report(tr("Started: %1. P pauses it.").arg(title));
    updateActions();
    updateCaps();
    focusList();
}

void InvitationsPage::inviteList(
    const QString &accountId, const QStringList &profileUrls, const QStringList &names)
{
    if (auto *stack = qobject_cast<QStackedWidget *>(parentWidget()))
        stack->setCurrentWidget(this); // the run's progress bar is here
    if (m_inviteList) {
        if (!profileUrls.isEmpty())
            m_inviteList->setPeople(accountId, profileUrls, names);
        m_inviteList->raise();
        m_inviteList->activateWindow();
        return;
    }
    if (refuseWhileRunning())
        return;
    QString sender = accountId;
    if (sender.isEmpty() && accountsInView().size() == 1)
        sender = accountsInView().constFirst();
    auto *dialog = new InviteListDialog(m_ws, m_planner.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPeople(sender, profileUrls, names);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { startInvites(dialog->tasks(), dialog->runTitle()); });
    m_inviteList = dialog;
    dialog->open();
    if (profileUrls.isEmpty())
        dialog->urlsEdit()->setFocus();
    else
        dialog->noteEdit()->setFocus();
}

qint64 InvitationsPage::startInvites(const QList<NetworkTask> &tasks, const QString &title)
{
    if (tasks.isEmpty() || refuseWhileRunning())
        return 0;
    QString error;
    const qint64 runId = m_ws->invitationQueue()->start(tasks, title, &error);
    if (runId == 0) {
        report(error.isEmpty() ? tr("The run could not be stored, so nothing was sent.") : error);
        return 0;
    }
    m_runBar->showRun(runId);
    report(tr("Started: %1. P pauses it.").arg(title));
    showSent(); // where the invitations appear once sent
    updateActions();
    updateCaps();
    return runId;
}

void InvitationsPage::refresh()
{
    if (isRefreshing())
        return;
    const QStringList accounts = accountsInView();
    if (accounts.isEmpty()) {
        report(tr("No account to refresh: connect one first (Ctrl+N)."));
        return;
    }
    m_refresh->start(accounts);
    m_status->setText(tr("Reading the invitations…"));
    m_status->show();
    m_refreshButton->setEnabled(false);
}

void InvitationsPage::report(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    Q_EMIT statusMessage(text);
}

} // namespace ld::ui
