#include "accountspage.h"

#include "accountstatus.h"
#include "icons.h"
#include "jsontreewidget.h"
#include "plaintext.h"

#include "models/activitylogmodel.h"
#include "store/accountrepository.h"
#include "store/creditledger.h"
#include "support/appsettings.h"
#include "sync/accountssync.h"
#include "sync/workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

QPixmap dotPixmap(const QColor &color, int size, qreal dpr)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color.darker(120), 1));
    p.setBrush(color);
    p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
    return pm;
}

QString localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return AccountsPage::tr("unknown");
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QLabel *heading(const QString &text, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    QFont f = label->font();
    f.setWeight(QFont::DemiBold);
    label->setFont(f);
    return label;
}

QLabel *emptyState(const QString &text, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

AccountsPage::AccountsPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_activity(new ActivityLogModel(workspace->activity(), this))
{
    m_stack = new QStackedWidget(this);
    m_empty = emptyState(tr("Select an account on the left, or connect one with "
                            "“Connect account…” (Ctrl+N)."), m_stack);
    auto *details = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(18, 14, 18, 12);
    layout->setSpacing(10);
    layout->addWidget(buildHeader());
    layout->addWidget(buildDetails());
    layout->addWidget(buildLists(), 1);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(details);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    AccountsSync *sync = m_ws->accountsSync();
    connect(sync, &AccountsSync::busyChanged, this, &AccountsPage::updateBusy);
    connect(sync, &AccountsSync::balanceChanged, this, &AccountsPage::updateBalance);
    connect(m_ws->accounts(), &AccountRepository::accountsChanged, this,
            [this](const QStringList &ids) {
                if (ids.contains(m_accountId))
                    showAccount();
            });
    connect(m_ws->accounts(), &AccountRepository::accountsRemoved, this,
            [this](const QStringList &ids) {
                if (ids.contains(m_accountId))
                    setAccountId({});
            });
    connect(m_ws->ledger(), &CreditLedger::recorded, this, [this](const QString &id) {
        if (id == m_accountId)
            updateCredits();
    });
    connect(m_ws->settings(), &AppSettings::changed, this,
            [this] { updateBalance(m_ws->accountsSync()->balance()); });

    updateBalance(sync->balance());
    updateBusy();
    setAccountId({});
}

QWidget *AccountsPage::buildHeader()
{
    auto *header = new QWidget(this);
    auto *grid = new QGridLayout(header);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);

    m_name = plainLabel({}, header);
    m_name->setObjectName(QStringLiteral("accountName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setWeight(QFont::DemiBold);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_progress = new QProgressBar(header);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(90);
    m_progress->setMaximumHeight(8);
    m_progress->setAccessibleName(tr("Refreshing"));

    m_refresh = new QToolButton(header);
    m_refresh->setIcon(icons::action(QStringLiteral("refresh")));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refresh->setToolTip(tr("Read this account's details again (F5)"));
    m_refresh->setAutoRaise(true);
    connect(m_refresh, &QToolButton::clicked, this, &AccountsPage::refresh);

    m_reconnect = new QPushButton(icons::action(QStringLiteral("connect")), tr("Reconnect…"), header);
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    connect(m_reconnect, &QPushButton::clicked, this,
            [this] { Q_EMIT reconnectRequested(m_accountId); });

    m_statusDot = new QLabel(header);
    m_statusWord = plainLabel({}, header);
    m_statusWord->setObjectName(QStringLiteral("accountStatus"));
    QFont bold = m_statusWord->font();
    bold.setWeight(QFont::DemiBold);
    m_statusWord->setFont(bold);
    m_statusSentence = plainLabel({}, header);
    m_statusSentence->setWordWrap(true);
    m_statusSentence->setObjectName(QStringLiteral("accountStatusSentence"));

    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(6);
    statusRow->addWidget(m_statusDot);
    statusRow->addWidget(m_statusWord);
    statusRow->addWidget(m_statusSentence, 1);

    grid->addWidget(m_name, 0, 0);
    grid->addWidget(m_progress, 0, 1, Qt::AlignVCenter);
    grid->addWidget(m_refresh, 0, 2);
    grid->addWidget(m_reconnect, 0, 3);
    grid->addLayout(statusRow, 1, 0, 1, 4);
    grid->setColumnStretch(0, 1);
    return header;
}

QWidget *AccountsPage::buildDetails()
{
    // One grid, two label/value column pairs: identity on the left, credits on the right.
    auto *box = new QWidget(this);
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum); // spare height goes to the lists
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 4, 0, 4);
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(6);

    m_id = plainLabel({}, box);
    m_id->setObjectName(QStringLiteral("accountId"));
    m_id->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_id->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QToolButton(box);
    copy->setIcon(icons::action(QStringLiteral("copy")));
    copy->setAutoRaise(true);
    copy->setToolTip(tr("Copy the account ID"));
    copy->setAccessibleName(tr("Copy account ID"));
    connect(copy, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_accountId);
        Q_EMIT statusMessage(tr("Account ID copied to the clipboard."));
    });
    auto *idRow = new QHBoxLayout;
    idRow->setSpacing(2);
    idRow->addWidget(m_id);
    idRow->addWidget(copy);
    idRow->addStretch(1);
    m_country = plainLabel({}, box);
    m_platform = plainLabel({}, box);
    m_created = plainLabel({}, box);
    m_updated = plainLabel({}, box);

    auto caption = [box](const QString &text) {
        QLabel *label = plainLabel(text, box);
        label->setForegroundRole(QPalette::PlaceholderText);
        return label;
    };
    grid->addWidget(caption(tr("Account ID")), 0, 0);
    grid->addLayout(idRow, 0, 1);
    grid->addWidget(caption(tr("Country")), 1, 0);
    grid->addWidget(m_country, 1, 1);
    grid->addWidget(caption(tr("Platform")), 2, 0);
    grid->addWidget(m_platform, 2, 1);
    grid->addWidget(caption(tr("Connected")), 3, 0);
    grid->addWidget(m_created, 3, 1);
    grid->addWidget(caption(tr("Last updated")), 4, 0);
    grid->addWidget(m_updated, 4, 1);

    m_spent = plainLabel({}, box);
    m_spent->setObjectName(QStringLiteral("creditsSpent"));
    m_balanceCaption = caption(tr("API balance"));
    m_balance = plainLabel({}, box);
    m_balance->setObjectName(QStringLiteral("creditBalance"));
    m_balance->setToolTip(tr("Credits left on this API key, shared by all accounts"));
    m_lowBalance = plainLabel({}, box);
    m_lowBalance->setObjectName(QStringLiteral("lowBalanceWarning"));
    m_lowBalance->setWordWrap(true);
    m_lowBalance->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QPalette warn = m_lowBalance->palette();
    warn.setColor(QPalette::WindowText,
                  AccountStatusText::color(Account::Status::CheckpointRequired).darker(125));
    m_lowBalance->setPalette(warn);
    grid->addWidget(caption(tr("Credits spent")), 0, 3);
    grid->addWidget(m_spent, 0, 4);
    grid->addWidget(m_balanceCaption, 1, 3);
    grid->addWidget(m_balance, 1, 4);
    grid->addWidget(m_lowBalance, 2, 3, 3, 2);

    grid->setColumnMinimumWidth(2, 24);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(4, 2);
    return box;
}

QWidget *AccountsPage::buildLists()
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);

    auto *extraBox = new QWidget(splitter);
    auto *extraLayout = new QVBoxLayout(extraBox);
    extraLayout->setContentsMargins(0, 0, 0, 6);
    extraLayout->addWidget(heading(tr("Reported by the server"), extraBox));
    m_extraStack = new QStackedWidget(extraBox);
    m_extra = new JsonTreeWidget(m_extraStack);
    m_extra->setObjectName(QStringLiteral("extraFields"));
    m_extraStack->addWidget(emptyState(tr("The server sent no further fields for this account "
                                          "(logs, connection health, …)."), m_extraStack));
    m_extraStack->addWidget(m_extra);
    extraLayout->addWidget(m_extraStack, 1);

    auto *logBox = new QWidget(splitter);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 6, 0, 0);
    logLayout->addWidget(heading(tr("Activity of this app for the account"), logBox));
    m_activityStack = new QStackedWidget(logBox);
    m_activityView = new QTableView(m_activityStack);
    m_activityView->setObjectName(QStringLiteral("accountActivity"));
    m_activityView->setModel(m_activity);
    m_activityView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_activityView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_activityView->setAlternatingRowColors(true);
    m_activityView->setShowGrid(false);
    m_activityView->setWordWrap(false);
    m_activityView->verticalHeader()->hide();
    m_activityView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_activityView->horizontalHeader()->setHighlightSections(false);
    m_activityView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_activityView->horizontalHeader()->setSectionResizeMode(ActivityLogModel::OutcomeColumn,
                                                             QHeaderView::Stretch);
    m_activityStack->addWidget(emptyState(tr("No calls for this account yet. Refresh (F5) reads "
                                             "its details; every call appears here."),
                                          m_activityStack));
    m_activityStack->addWidget(m_activityView);
    logLayout->addWidget(m_activityStack, 1);
    auto syncActivity = [this] {
        m_activityStack->setCurrentIndex(m_activity->rowCount() > 0 ? 1 : 0);
    };
    connect(m_activity, &QAbstractItemModel::rowsInserted, this, syncActivity);
    connect(m_activity, &QAbstractItemModel::rowsRemoved, this, syncActivity);
    connect(m_activity, &QAbstractItemModel::modelReset, this, syncActivity);

    splitter->addWidget(extraBox);
    splitter->addWidget(logBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    return splitter;
}

void AccountsPage::setAccountId(const QString &accountId)
{
    m_accountId = accountId;
    if (accountId.isEmpty()) {
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_activity->setAccountId(accountId);
    m_activityStack->setCurrentIndex(m_activity->rowCount() > 0 ? 1 : 0);
    showAccount();
    updateCredits();
    m_stack->setCurrentIndex(1);
    // The list gives the basics; the details (extra fields) are read once per session, free.
    if (!m_fetched.contains(accountId)) {
        m_fetched.insert(accountId);
        m_ws->accountsSync()->refreshAccount(accountId);
    }
}

void AccountsPage::refresh()
{
    if (m_accountId.isEmpty())
        return;
    m_fetched.insert(m_accountId);
    m_ws->accountsSync()->refreshAccount(m_accountId);
}

bool AccountsPage::isRefreshing() const
{
    return m_ws->accountsSync()->isBusy();
}

void AccountsPage::showAccount()
{
    const std::optional<Account> found = m_ws->accounts()->find(m_accountId);
    if (!found) {
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    const Account &a = *found;
    m_name->setText(a.name.isEmpty() ? tr("(no name)") : a.name);
    m_statusDot->setPixmap(dotPixmap(AccountStatusText::color(a.status), 12, devicePixelRatioF()));
    m_statusDot->setToolTip(AccountStatusText::word(a.status, a.rawStatus));
    m_statusWord->setText(AccountStatusText::word(a.status, a.rawStatus));
    m_statusSentence->setText(AccountStatusText::sentence(a.status));
    m_reconnect->setVisible(AccountStatusText::needsReconnect(a.status));
    m_id->setText(a.id);
    m_country->setText(a.country.isEmpty() ? tr("not set") : a.country);
    m_platform->setText(a.platform.isEmpty() ? tr("LinkedIn") : a.platform);
    m_created->setText(localTime(a.createdAt));
    m_updated->setText(localTime(a.updatedAt));
    m_extra->setJson(a.extra);
    m_extraStack->setCurrentIndex(a.extra.isEmpty() ? 0 : 1);
}

void AccountsPage::updateCredits()
{
    if (m_accountId.isEmpty())
        return;
    const qint64 spent = m_ws->ledger()->total(m_accountId);
    m_spent->setText(tr("%n credit(s) through this app", nullptr, int(spent)));
}

void AccountsPage::updateBalance(std::optional<qint64> credits)
{
    // GET /v2/credits is inferred (contract §2.5): when it does not answer, say nothing.
    m_balanceCaption->setVisible(credits.has_value());
    m_balance->setVisible(credits.has_value());
    if (!credits) {
        m_lowBalance->hide();
        return;
    }
    m_balance->setText(tr("%Ln credit(s)", nullptr, int(*credits)));
    const int threshold = m_ws->settings()->lowBalanceThreshold();
    const bool low = *credits < threshold;
    m_lowBalance->setVisible(low);
    if (low)
        m_lowBalance->setText(tr("⚠ Low balance: fewer than %n credit(s) left. Top up your "
                                 "LinkUp credits before paid actions start failing.",
                                 nullptr, threshold));
}

void AccountsPage::updateBusy()
{
    const bool busy = m_ws->accountsSync()->isBusy();
    m_progress->setVisible(busy);
    m_refresh->setEnabled(!busy);
}

} // namespace ld::ui
