#include "livepage.h"

#include "liveeventdelegate.h"
#include "messagebar.h"
#include "plaintext.h"

#include "api/apierror.h"
#include "live/livetypes.h"
#include "models/liveeventmodel.h"
#include "store/accountrepository.h"
#include "store/liveeventrepository.h"
#include "sync/liveevents.h"
#include "sync/workspace.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

QColor stateColor(LiveStatus::State state)
{
    switch (state) {
    case LiveStatus::State::Live:
        return QColor(0x2e, 0x9d, 0x52);
    case LiveStatus::State::Polling:
        return QColor(0x2f, 0x7d, 0xe1);
    case LiveStatus::State::Connecting:
    case LiveStatus::State::Reconnecting:
        return QColor(0xd9, 0x8e, 0x04);
    case LiveStatus::State::Error:
        return QColor(0xd0, 0x3a, 0x3a);
    case LiveStatus::State::Stopped:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QPixmap dot(const QColor &color, qreal dpr)
{
    constexpr int Size = 10;
    QPixmap pm(QSize(Size, Size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color.darker(120), 1));
    p.setBrush(color);
    p.drawEllipse(QRectF(0.5, 0.5, Size - 1, Size - 1));
    return pm;
}

// Problems first, so that they are never among the rows cut off.
int urgency(LiveStatus::State state)
{
    switch (state) {
    case LiveStatus::State::Error:
        return 0;
    case LiveStatus::State::Reconnecting:
        return 1;
    case LiveStatus::State::Connecting:
        return 2;
    default:
        return 3;
    }
}

QLabel *muted(QLabel *label)
{
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

LivePage::LivePage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_model(new LiveEventModel(workspace->liveEvents(), workspace->accounts(), this))
    , m_messages(new MessageBar(this))
    , m_summary(plainLabel({}, this))
    , m_statusBox(new QWidget(this))
    , m_statusGrid(new QGridLayout(m_statusBox))
    , m_more(muted(plainLabel({}, this)))
    , m_manage(new QPushButton(tr("&Webhooks…"), this))
    , m_list(new QListView(this))
    , m_empty(muted(plainLabel({}, this)))
{
    setObjectName(QStringLiteral("livePage"));
    auto *title = plainLabel(tr("Live events"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setWeight(QFont::DemiBold);
    title->setFont(big);
    m_summary->setObjectName(QStringLiteral("liveSummary"));
    m_summary->setWordWrap(true);
    m_manage->setObjectName(QStringLiteral("liveManage"));
    m_manage->setToolTip(tr("Turn live events on or off for the account selected on the left, "
                            "and manage its webhooks"));
    m_manage->setAutoDefault(false);
    m_statusGrid->setContentsMargins(0, 0, 0, 0);
    m_statusGrid->setHorizontalSpacing(8);
    m_statusGrid->setVerticalSpacing(3);
    m_statusGrid->setColumnStretch(2, 1);
    m_more->setObjectName(QStringLiteral("liveMoreAccounts"));

    m_list->setObjectName(QStringLiteral("liveEventList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new LiveEventDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setAccessibleName(tr("Live events"));
    m_empty->setObjectName(QStringLiteral("liveEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);

    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_manage, 0, Qt::AlignVCenter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 12);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_messages);
    layout->addWidget(m_summary);
    layout->addWidget(m_statusBox);
    layout->addWidget(m_more);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);

    LiveEvents *live = m_ws->live();
    connect(live, &LiveEvents::monitoringChanged, this, &LivePage::rebuildStatus);
    connect(live, &LiveEvents::statusChanged, this, &LivePage::updateStatus);
    connect(live, &LiveEvents::failed, this, &LivePage::onFailed);
    connect(live, &LiveEvents::retentionExceeded, this, &LivePage::onRetentionExceeded);
    connect(m_ws->accounts(), &AccountRepository::accountsChanged, this, &LivePage::rebuildStatus);
    connect(m_ws->accounts(), &AccountRepository::accountsRemoved, this, &LivePage::rebuildStatus);
    connect(m_manage, &QPushButton::clicked, this, &LivePage::manageRequested);
    connect(m_list, &QListView::doubleClicked, this, &LivePage::openCurrent);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LivePage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LivePage::updateEmptyState);

    createActions();
    rebuildStatus();
    setFocusProxy(m_list);
}

void LivePage::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QList<QKeySequence> &keys,
                    void (LivePage::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(tr("%1 (%2)").arg(text, keys.value(0).toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions << a;
        return a;
    };
    make(QStringLiteral("nextLiveEvent"), tr("Next event"), { QKeySequence(Qt::Key_J) },
        &LivePage::selectNext);
    make(QStringLiteral("previousLiveEvent"), tr("Previous event"), { QKeySequence(Qt::Key_K) },
        &LivePage::selectPrevious);
    QAction *open = make(QStringLiteral("openLiveEvent"), tr("Open the event's conversation"),
        { QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter) }, &LivePage::openCurrent);
    // Enter belongs to the list: elsewhere it presses a button.
    removeAction(open);
    open->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(open);
}

QString LivePage::accountName(const QString &accountId) const
{
    const std::optional<Account> account = m_ws->accounts()->find(accountId);
    return account && !account->name.isEmpty() ? account->name : accountId;
}

// The rows follow the watched set; the statuses are then updated in place as they change.
void LivePage::rebuildStatus()
{
    LiveEvents *live = m_ws->live();
    QStringList ids = live->monitoredAccounts();
    std::stable_sort(ids.begin(), ids.end(), [live](const QString &a, const QString &b) {
        return urgency(live->status(a).state) < urgency(live->status(b).state);
    });
    for (const StatusRow &row : std::as_const(m_rows)) {
        delete row.dot;
        delete row.name;
        delete row.text;
    }
    m_rows.clear();
    const int shown = int(qMin<qsizetype>(ids.size(), MaxStatusRows));
    for (int i = 0; i < shown; ++i) {
        const QString &id = ids.at(i);
        StatusRow row { new QLabel(m_statusBox), plainLabel(accountName(id), m_statusBox),
            muted(plainLabel({}, m_statusBox)) };
        row.text->setObjectName(QStringLiteral("liveStatus_") + id);
        row.text->setWordWrap(true);
        QFont bold = row.name->font();
        bold.setWeight(QFont::DemiBold);
        row.name->setFont(bold);
        m_statusGrid->addWidget(row.dot, i, 0, Qt::AlignVCenter);
        m_statusGrid->addWidget(row.name, i, 1, Qt::AlignTop);
        m_statusGrid->addWidget(row.text, i, 2, Qt::AlignTop);
        m_rows.insert(id, row);
        updateStatus(id, live->status(id));
    }
    m_statusBox->setVisible(shown > 0);
    m_more->setText(tr("…and %n more watched account(s).", nullptr, int(ids.size()) - shown));
    m_more->setVisible(ids.size() > shown);
    if (ids.isEmpty())
        m_summary->setText(tr("No account is watched."));
    else
        m_summary->setText(
            tr("Watching %n account(s), about %1 credits a day in all.", nullptr, int(ids.size()))
                .arg(ids.size() * LiveEvents::CreditsPerAccountPerDay));
    updateEmptyState();
}

void LivePage::updateStatus(const QString &accountId, const LiveStatus &status)
{
    const auto it = m_rows.constFind(accountId);
    if (it == m_rows.cend())
        return;
    it->dot->setPixmap(dot(stateColor(status.state), devicePixelRatioF()));
    // Stopped while watched: the worker has not started (no API key yet).
    it->text->setText(
        status.state == LiveStatus::State::Stopped ? tr("Not connected yet") : status.text());
}

QString LivePage::statusText(const QString &accountId) const
{
    const auto it = m_rows.constFind(accountId);
    return it == m_rows.cend() ? QString() : it->text->text();
}

void LivePage::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    if (empty) {
        const int credits = LiveEvents::CreditsPerAccountPerDay;
        if (m_ws->live()->monitoredAccounts().isEmpty())
            m_empty->setText(
                tr("Watch an account to see its new messages and accepted invitations here, and "
                   "as desktop notifications, the moment they happen.\n\nWatching keeps a "
                   "connection to LinkedIn open for the account, which costs about %1 credits "
                   "a day per account. Turn it on for the account selected on the left with "
                   "Webhooks… above.")
                    .arg(credits));
        else
            m_empty->setText(tr("Nothing has happened yet. New messages and accepted invitations "
                                "of the watched accounts appear here as they arrive."));
    }
    m_empty->setVisible(empty);
    m_list->setVisible(!empty);
}

void LivePage::onFailed(const QString &accountId, const ApiError &error)
{
    if (error.kind == ApiError::Kind::Aborted)
        return;
    m_messages->showMessage(MessageBar::Kind::Error,
        tr("Live events for %1: %2").arg(accountName(accountId), error.userMessage()), tr("Manage"),
        [this] { Q_EMIT manageRequested(); });
}

void LivePage::onRetentionExceeded(const QString &accountId)
{
    m_messages->showMessage(MessageBar::Kind::Warning,
        tr("Events of %1 could not be read for more than 24 hours, longer than LinkUp keeps them, "
           "so some may be missing here. Its inbox and invitations are being read again.")
            .arg(accountName(accountId)));
}

void LivePage::moveSelection(int delta)
{
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    const QModelIndex current = m_list->currentIndex();
    int row = current.isValid() ? current.row() + delta : 0;
    if (row >= count && m_model->canFetchMore())
        m_model->fetchMore();
    row = qBound(0, row, m_model->rowCount() - 1);
    m_list->setCurrentIndex(m_model->index(row));
    m_list->scrollTo(m_list->currentIndex());
}

void LivePage::selectNext()
{
    moveSelection(1);
}

void LivePage::selectPrevious()
{
    moveSelection(-1);
}

void LivePage::focusList()
{
    if (m_model->rowCount() > 0 && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_model->index(0));
    m_list->setFocus(Qt::ShortcutFocusReason);
}

void LivePage::openCurrent()
{
    const QModelIndex i = m_list->currentIndex();
    if (!i.isValid())
        return;
    const QString accountId = i.data(LiveEventModel::AccountIdRole).toString();
    switch (LiveEvent::Type(i.data(LiveEventModel::TypeRole).toInt())) {
    case LiveEvent::Type::Message:
    case LiveEvent::Type::AcceptedInvitation:
        Q_EMIT openConversationRequested(accountId,
            i.data(LiveEventModel::ConversationIdRole).toString(),
            i.data(LiveEventModel::ProfileUrlRole).toString());
        break;
    case LiveEvent::Type::Disconnection:
        Q_EMIT reconnectRequested(accountId);
        break;
    case LiveEvent::Type::Other:
        break;
    }
}

} // namespace ld::ui
