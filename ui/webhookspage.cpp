#include "webhookspage.h"

#include "conversationlistdelegate.h"
#include "messagebar.h"
#include "plaintext.h"
#include "webhookdialogs.h"

#include "api/apicall.h"
#include "live/livetypes.h"
#include "live/webhookensurer.h"
#include "services/webhooksservice.h"
#include "store/accountrepository.h"
#include "sync/liveevents.h"
#include "sync/workspace.h"

#include <QAction>
#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

QString eventsText(const QStringList &events)
{
    if (events.isEmpty() || events.contains(QStringLiteral("all")))
        return WebhooksPage::tr("Messages, accepted invitations");
    QStringList parts;
    for (const QString &e : events) {
        if (e == QLatin1String("message_received"))
            parts << WebhooksPage::tr("Messages");
        else if (e == QLatin1String("accepted_invitation"))
            parts << WebhooksPage::tr("Accepted invitations");
        else
            parts << e;
    }
    return parts.join(QStringLiteral(", "));
}

// Date and minutes: the seconds some locales' short format shows are noise here.
QString createdText(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ')
        + locale.toString(local.time(), ConversationListDelegate::shortTimeFormat(locale));
}

QLabel *note(const QString &text, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

WebhooksPage::WebhooksPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_service(new WebhooksService(workspace->client(), this))
    , m_reloadSoon(new QTimer(this))
{
    setObjectName(QStringLiteral("webhooksPage"));
    m_stack = new QStackedWidget(this);
    m_noAccount = note(tr("Select an account on the left to see its webhooks and to choose "
                          "whether LinkUp Desk watches its live events."),
        m_stack);
    m_noAccount->setAlignment(Qt::AlignCenter);
    auto *details = new QWidget(m_stack);
    m_title = plainLabel({}, details);
    m_title->setObjectName(QStringLiteral("webhooksTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setWeight(QFont::DemiBold);
    m_title->setFont(big);
    m_messages = new MessageBar(details);
    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(18, 14, 18, 12);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_messages);
    layout->addWidget(buildLiveSection());
    layout->addWidget(buildList(), 1);
    m_stack->addWidget(m_noAccount);
    m_stack->addWidget(details);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    // Any change to a webhook, here or by LiveEvents: list again once the burst is over.
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(150);
    connect(m_reloadSoon, &QTimer::timeout, this, &WebhooksPage::reload);
    connect(m_ws->client(), &ApiClient::callDone, this, [this](ApiCall *call) {
        const ApiRequest &r = call->request();
        if (r.method != "GET" && r.path.startsWith(QLatin1String("/v2/webhooks"))
            && call->state() == ApiCall::State::Succeeded && !m_accountId.isEmpty()) {
            m_stale = true;
            if (isVisible())
                m_reloadSoon->start();
        }
    });
    LiveEvents *live = m_ws->live();
    connect(live, &LiveEvents::monitoringChanged, this, [this](const QString &id) {
        if (id == m_accountId)
            updateLiveStatus();
    });
    connect(live, &LiveEvents::statusChanged, this, [this](const QString &id) {
        if (id == m_accountId)
            updateLiveStatus();
    });
    connect(live, &LiveEvents::failed, this, [this](const QString &id, const ApiError &error) {
        if (id == m_accountId)
            showError(tr("Live events could not be turned on or off."), error);
    });
    connect(m_ws->accounts(), &AccountRepository::accountsChanged, this,
        [this](const QStringList &ids) {
            if (ids.contains(m_accountId))
                m_title->setText(tr("Webhooks — %1").arg(accountName()));
        });

    createActions();
    showAccount();
}

QWidget *WebhooksPage::buildLiveSection()
{
    auto *box = new QGroupBox(tr("Live events in LinkUp Desk"), this);
    m_liveToggle = new QCheckBox(tr("&Watch this account's live events"), box);
    m_liveToggle->setObjectName(QStringLiteral("liveToggle"));
    m_liveStatus = plainLabel({}, box);
    m_liveStatus->setObjectName(QStringLiteral("liveToggleStatus"));
    m_liveStatus->setWordWrap(true);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_liveToggle);
    layout->addWidget(note(tr("New messages and accepted invitations appear on the Live page and "
                              "as desktop notifications the moment they happen. LinkUp keeps a "
                              "connection to LinkedIn open for the account: about %1 credits "
                              "a day, until you turn it off.")
                               .arg(LiveEvents::CreditsPerAccountPerDay),
        box));
    layout->addWidget(m_liveStatus);
    connect(m_liveToggle, &QCheckBox::toggled, this, &WebhooksPage::onLiveToggled);
    return box;
}

QWidget *WebhooksPage::buildList()
{
    auto *box = new QGroupBox(tr("Webhooks of this account"), this);
    m_table = new QTreeWidget(box);
    m_table->setObjectName(QStringLiteral("webhookTable"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({ tr("Kind"), tr("Events"), tr("Monitoring"), tr("Delivery"),
        tr("Signing"), tr("Created") });
    m_table->header()->setSectionResizeMode(KindColumn, QHeaderView::Stretch);
    m_table->header()->setStretchLastSection(false);
    for (int c = EventsColumn; c < ColumnCount; ++c)
        m_table->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_empty = note({}, box);
    m_empty->setObjectName(QStringLiteral("webhooksEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_listStack = new QStackedWidget(box);
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_empty);

    auto button = [box](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, box);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAutoDefault(false);
        return b;
    };
    m_create = button(QStringLiteral("webhookCreate"), tr("&New custom webhook…"),
        tr("POST this account's events to your own HTTPS server"));
    m_start = button(QStringLiteral("webhookStart"), tr("S&tart"),
        tr("Resume monitoring with this webhook (costs credits)"));
    m_stop = button(QStringLiteral("webhookStop"), tr("St&op"),
        tr("Stop monitoring with this webhook; its settings are kept"));
    m_delete = button(QStringLiteral("webhookDelete"), tr("&Delete…"), tr("Delete this webhook"));
    m_rotate = button(QStringLiteral("webhookRotate"), tr("&Rotate secret…"),
        tr("Make a new signing secret; the current one stops working"));
    m_unsign = button(
        QStringLiteral("webhookUnsign"), tr("Stop si&gning"), tr("Deliver without a signature"));
    m_edit = button(QStringLiteral("webhookEdit"), tr("&Edit…"),
        tr("Change the address or the events of this webhook (Enter or F2)"));
    m_pause = button(QStringLiteral("webhookPause"), tr("&Pause delivery…"),
        tr("Stop or resume sending events; monitoring and its billing go on (Ctrl+P)"));
    m_refresh = button(QStringLiteral("webhookRefresh"), tr("Re&load"),
        tr("List this account's webhooks again (free)"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b :
        { m_create, m_edit, m_pause, m_start, m_stop, m_delete, m_rotate, m_unsign })
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_listStack, 1);
    layout->addLayout(buttons);
    auto *pauseNote = note(tr("Pausing delivery does not stop monitoring nor its billing: use Stop "
                              "for that."),
        box);
    pauseNote->setObjectName(QStringLiteral("webhookPauseNote"));
    layout->addWidget(pauseNote);

    connect(m_create, &QPushButton::clicked, this, &WebhooksPage::createCustom);
    connect(m_start, &QPushButton::clicked, this, &WebhooksPage::startSelected);
    connect(m_stop, &QPushButton::clicked, this, &WebhooksPage::stopSelected);
    connect(m_delete, &QPushButton::clicked, this, &WebhooksPage::deleteSelected);
    connect(m_rotate, &QPushButton::clicked, this, &WebhooksPage::rotateSecret);
    connect(m_unsign, &QPushButton::clicked, this, &WebhooksPage::disableSigning);
    connect(m_refresh, &QPushButton::clicked, this, &WebhooksPage::reload);
    connect(m_edit, &QPushButton::clicked, this, &WebhooksPage::editSelected);
    connect(m_pause, &QPushButton::clicked, this, &WebhooksPage::togglePauseSelected);
    connect(m_table, &QTreeWidget::itemDoubleClicked, this, &WebhooksPage::editSelected);
    connect(m_table, &QTreeWidget::currentItemChanged, this, &WebhooksPage::updateButtons);
    return box;
}

void WebhooksPage::createActions()
{
    auto *remove = new QAction(tr("Delete webhook"), this);
    remove->setObjectName(QStringLiteral("deleteWebhook"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &WebhooksPage::deleteSelected);
    m_table->addAction(remove);
    auto *create = new QAction(tr("New custom webhook…"), this);
    create->setObjectName(QStringLiteral("newCustomWebhook"));
    connect(create, &QAction::triggered, this, &WebhooksPage::createCustom);
    m_editAction = new QAction(tr("Edit webhook…"), this);
    m_editAction->setObjectName(QStringLiteral("editWebhook"));
    m_editAction->setShortcuts(
        { QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter), QKeySequence(Qt::Key_F2) });
    m_editAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_editAction, &QAction::triggered, this, &WebhooksPage::editSelected);
    m_table->addAction(m_editAction);
    m_pauseAction = new QAction(tr("Pause delivery…"), this);
    m_pauseAction->setObjectName(QStringLiteral("pauseWebhook"));
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pauseAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_pauseAction, &QAction::triggered, this, &WebhooksPage::togglePauseSelected);
    m_table->addAction(m_pauseAction);
    m_actions = { create, m_editAction, m_pauseAction, remove };
}

WebhookSecretDialog *WebhooksPage::secretDialog() const
{
    return m_secretDialog.data();
}

QString WebhooksPage::accountName() const
{
    const std::optional<Account> account = m_ws->accounts()->find(m_accountId);
    return account && !account->name.isEmpty() ? account->name : m_accountId;
}

void WebhooksPage::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    ++m_generation;
    m_webhooks.clear();
    m_stale = true;
    showAccount();
    if (isVisible())
        reload();
}

void WebhooksPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && !m_accountId.isEmpty())
        reload();
}

void WebhooksPage::showAccount()
{
    m_messages->hide();
    m_stack->setCurrentIndex(m_accountId.isEmpty() ? 0 : 1);
    if (m_accountId.isEmpty())
        return;
    m_title->setText(tr("Webhooks — %1").arg(accountName()));
    updateLiveStatus();
    showWebhooks({});
}

void WebhooksPage::updateLiveStatus()
{
    LiveEvents *live = m_ws->live();
    {
        const QSignalBlocker block(m_liveToggle);
        m_liveToggle->setChecked(live->isMonitored(m_accountId));
    }
    if (!live->isMonitored(m_accountId)) {
        m_liveStatus->setText(tr("Not watched: nothing is billed for live events."));
        return;
    }
    const LiveStatus status = live->status(m_accountId);
    m_liveStatus->setText(tr("Now: %1").arg(
        status.state == LiveStatus::State::Stopped ? tr("not connected yet") : status.text()));
}

void WebhooksPage::onLiveToggled(bool on)
{
    LiveEvents *live = m_ws->live();
    if (on && !live->isMonitored(m_accountId)) {
        const bool yes = confirm(tr("Watch live events?"),
            tr("Watch the live events of %1?\n\nLinkUp keeps a connection to LinkedIn open for "
               "this account. It costs about %2 credits a day until you turn it off.")
                .arg(accountName())
                .arg(LiveEvents::CreditsPerAccountPerDay),
            tr("Watch (about %1 credits a day)").arg(LiveEvents::CreditsPerAccountPerDay));
        if (!yes) {
            updateLiveStatus(); // back to off
            return;
        }
    }
    live->setMonitored(m_accountId, on);
    Q_EMIT statusMessage(on ? tr("Watching the live events of %1.").arg(accountName())
                            : tr("No longer watching the live events of %1.").arg(accountName()));
    updateLiveStatus();
}

void WebhooksPage::reload()
{
    if (m_accountId.isEmpty())
        return;
    m_stale = false;
    m_loading = true;
    m_refresh->setEnabled(false);
    const quint64 generation = m_generation;
    const QString accountId = m_accountId;
    ApiCall *call = m_service->list(accountId);
    connect(call, &ApiCall::finished, this, [this, call, generation, accountId] {
        if (generation != m_generation)
            return;
        m_loading = false;
        const Decoded<QList<Webhook>> list = decodeWebhookList(call->data());
        if (!list.ok()) {
            showError(tr("The webhooks could not be listed."), ApiError::badBody(list.error));
            showWebhooks({});
            return;
        }
        QList<Webhook> mine;
        for (const Webhook &w : list.value) {
            if (w.accountId.isEmpty() || w.accountId == accountId)
                mine << w;
        }
        showWebhooks(mine);
    });
    connect(call, &ApiCall::failed, this, [this, generation](const ApiError &error) {
        if (generation != m_generation)
            return;
        m_loading = false;
        showError(tr("The webhooks could not be listed."), error);
        showWebhooks(m_webhooks);
    });
}

void WebhooksPage::showWebhooks(const QList<Webhook> &webhooks)
{
    const QString current = selected() ? selected()->id : QString();
    m_webhooks = webhooks;
    m_table->clear();
    const Webhook *followed = WebhookEnsurer::choose(webhooks, m_accountId);
    const bool watched = m_ws->live()->isMonitored(m_accountId);
    for (const Webhook &w : webhooks) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setData(0, Qt::UserRole, w.id);
        QString kind = w.isHosted() ? tr("Hosted") : tr("Custom: %1").arg(w.url);
        if (w.isHosted() && watched && followed && followed->id == w.id)
            kind = tr("Hosted — used by LinkUp Desk");
        item->setText(KindColumn, kind); // QTreeWidgetItem text is never rich text
        item->setToolTip(KindColumn, plainToolTip(tr("%1\nWebhook %2").arg(kind, w.id)));
        item->setText(EventsColumn, eventsText(w.events));
        item->setText(MonitoringColumn,
            !w.monitoringKnown ? tr("Unknown")
                : w.monitoring ? tr("On (billed)")
                               : tr("Stopped"));
        item->setText(DeliveryColumn, w.isActive ? tr("Active") : tr("Paused"));
        item->setText(SigningColumn,
            w.isHosted()             ? tr("—")
                : w.signatureEnabled ? tr("Signed")
                                     : tr("Unsigned"));
        item->setText(CreatedColumn, createdText(w.createdAt));
        if (w.id == current)
            m_table->setCurrentItem(item);
    }
    if (!m_table->currentItem() && m_table->topLevelItemCount() > 0)
        m_table->setCurrentItem(m_table->topLevelItem(0));
    m_empty->setText(m_loading ? tr("Listing the webhooks…")
                               : tr("This account has no webhook. Watch its live events above, or "
                                    "create a custom webhook that posts its events to your own "
                                    "HTTPS server."));
    m_listStack->setCurrentWidget(webhooks.isEmpty() ? static_cast<QWidget *>(m_empty) : m_table);
    m_refresh->setEnabled(!m_loading);
    updateButtons();
}

std::optional<Webhook> WebhooksPage::selected() const
{
    const QTreeWidgetItem *item = m_table->currentItem();
    if (!item)
        return std::nullopt;
    const QString id = item->data(0, Qt::UserRole).toString();
    for (const Webhook &w : m_webhooks) {
        if (w.id == id)
            return w;
    }
    return std::nullopt;
}

void WebhooksPage::updateButtons()
{
    const std::optional<Webhook> w = selected();
    m_start->setEnabled(w && w->needsStart());
    m_stop->setEnabled(w && (w->monitoring || !w->monitoringKnown));
    m_delete->setEnabled(w.has_value());
    m_rotate->setEnabled(w && !w->isHosted());
    m_unsign->setEnabled(w && !w->isHosted() && w->signatureEnabled);
    m_edit->setEnabled(w.has_value());
    m_editAction->setEnabled(w.has_value());
    const bool paused = w && !w->isActive;
    m_pause->setText(paused ? tr("Res&ume delivery") : tr("&Pause delivery…"));
    m_pauseAction->setText(paused ? tr("Resume delivery") : tr("Pause delivery…"));
    m_pause->setEnabled(w.has_value());
    m_pauseAction->setEnabled(w.has_value());
}

void WebhooksPage::editSelected()
{
    const std::optional<Webhook> w = selected();
    if (!w)
        return;
    CustomWebhookDialog dialog(accountName(), *w, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const WebhookUpdate changes = dialog.changes();
    if (!changes.url && !changes.events && !changes.isActive) {
        Q_EMIT statusMessage(tr("Nothing changed: the webhook was not sent again."));
        return;
    }
    run(m_service->update(w->id, changes), tr("Webhook updated."));
}

void WebhooksPage::togglePauseSelected()
{
    const std::optional<Webhook> w = selected();
    if (!w)
        return;
    WebhookUpdate update;
    if (!w->isActive) {
        update.isActive = true;
        run(m_service->update(w->id, update), tr("Delivery resumed."));
        return;
    }
    const Webhook *followed = WebhookEnsurer::choose(m_webhooks, m_accountId);
    const bool followedByApp
        = followed && followed->id == w->id && m_ws->live()->isMonitored(m_accountId);
    QString text;
    if (followedByApp)
        text = tr("LinkUp Desk watches the live events of %1 through this webhook: while its "
                  "delivery is paused, no new messages or accepted invitations arrive on the "
                  "Live page or as notifications.")
                   .arg(accountName());
    else if (w->isHosted())
        text = tr("This hosted webhook of %1 stops keeping events until you resume it.")
                   .arg(accountName());
    else
        text = tr("LinkUp stops posting events to %1 until you resume it.").arg(w->url);
    if (w->monitoring || !w->monitoringKnown)
        text += QStringLiteral("\n\n")
            + tr("Monitoring goes on, and so does its billing (about %1 credits a day): use "
                 "Stop to end both.")
                  .arg(LiveEvents::CreditsPerAccountPerDay);
    if (!confirm(tr("Pause delivery?"), text, tr("Pause delivery")))
        return;
    update.isActive = false;
    run(m_service->update(w->id, update),
        tr("Delivery paused: monitoring, and its billing, go on."));
}

} // namespace ld::ui
