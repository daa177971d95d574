// The webhooks page's actions on the selected webhook (start, stop, delete, rotate the secret,
// stop signing) and a new custom webhook: each asks first where it costs or cannot be undone.
#include "webhookspage.h"

#include "messagebar.h"
#include "webhookdialogs.h"

#include "api/apicall.h"
#include "live/webhookensurer.h"
#include "services/webhooksservice.h"
#include "sync/liveevents.h"
#include "sync/workspace.h"

#include <QMessageBox>
#include <QPushButton>
#include <algorithm>

namespace ld::ui {

bool WebhooksPage::confirm(const QString &title, const QString &text, const QString &okText)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("webhooksConfirm"));
    box.setTextFormat(Qt::PlainText); // account names and URLs are remote text
    QPushButton *ok = box.addButton(okText, QMessageBox::AcceptRole);
    box.setDefaultButton(ok);
    box.exec();
    return box.clickedButton() == ok;
}

void WebhooksPage::showError(const QString &what, const ApiError &error)
{
    if (error.kind == ApiError::Kind::Aborted)
        return;
    m_messages->showMessage(MessageBar::Kind::Error, what + QLatin1Char(' ') + error.userMessage());
}

void WebhooksPage::run(ApiCall *call, const QString &done, std::function<void(ApiCall *)> then)
{
    m_messages->hide();
    connect(call, &ApiCall::finished, this, [this, call, done, then] {
        if (then)
            then(call);
        Q_EMIT statusMessage(done);
        reload();
    });
    connect(call, &ApiCall::failed, this, [this](const ApiError &error) {
        showError(tr("The webhook was not changed."), error);
        reload();
    });
}

// Opened, not exec()'d: the call's finished() handler is still on the stack.
void WebhooksPage::showSecret(const QString &secret, const QString &url)
{
    if (m_secretDialog)
        m_secretDialog->close();
    auto *dialog = new WebhookSecretDialog(secret, url, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_secretDialog = dialog;
    dialog->open();
}

void WebhooksPage::createCustom()
{
    if (m_accountId.isEmpty())
        return;
    CustomWebhookDialog dialog(accountName(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const WebhookSettings settings = dialog.settings();
    run(m_service->create(m_accountId, settings), tr("Custom webhook created."),
        [this, url = settings.url](ApiCall *call) {
            const QString secret
                = call->data().toObject().value(QStringLiteral("secret")).toString();
            if (!secret.isEmpty())
                showSecret(secret, url);
        });
}

void WebhooksPage::startSelected()
{
    const std::optional<Webhook> w = selected();
    if (!w)
        return;
    // Billing is per account: starting costs only when nothing else monitors it.
    const bool billedAlready = std::any_of(
        m_webhooks.cbegin(), m_webhooks.cend(), [](const Webhook &o) { return o.monitoring; });
    if (!billedAlready
        && !confirm(tr("Start monitoring?"),
            tr("Monitoring %1 costs about %2 credits a day until every webhook of the "
               "account is stopped.")
                .arg(accountName())
                .arg(LiveEvents::CreditsPerAccountPerDay),
            tr("Start")))
        return;
    run(m_service->start(w->id), tr("Webhook started: the account is monitored."));
}

void WebhooksPage::stopSelected()
{
    const std::optional<Webhook> w = selected();
    if (!w)
        return;
    const Webhook *followed = WebhookEnsurer::choose(m_webhooks, m_accountId);
    if (followed && followed->id == w->id && m_ws->live()->isMonitored(m_accountId)) {
        // LiveEvents would start it again: stopping it is turning live events off.
        if (!confirm(tr("Stop live events?"),
                tr("LinkUp Desk watches the live events of %1 through this webhook. "
                   "Stopping it turns live events off for the account.")
                    .arg(accountName()),
                tr("Stop")))
            return;
        m_ws->live()->setMonitored(m_accountId, false); // sends /stop
        return;
    }
    run(m_service->stop(w->id), tr("Webhook stopped: it no longer costs credits."));
}

void WebhooksPage::deleteSelected()
{
    const std::optional<Webhook> w = selected();
    if (!w)
        return;
    const Webhook *followed = WebhookEnsurer::choose(m_webhooks, m_accountId);
    const bool followedByApp
        = followed && followed->id == w->id && m_ws->live()->isMonitored(m_accountId);
    QString text = w->isHosted()
        ? tr("Delete this hosted webhook of %1? Its stored events go with it.").arg(accountName())
        : tr("Delete the webhook that posts to %1? This cannot be undone.").arg(w->url);
    if (followedByApp)
        text += QStringLiteral("\n\n")
            + tr("LinkUp Desk watches the account's live events through it: they are turned off.");
    if (!confirm(tr("Delete webhook?"), text, tr("Delete")))
        return;
    if (followedByApp)
        m_ws->live()->setMonitored(m_accountId, false);
    run(m_service->remove(w->id), tr("Webhook deleted."));
}

void WebhooksPage::rotateSecret()
{
    const std::optional<Webhook> w = selected();
    if (!w || w->isHosted())
        return;
    if (!confirm(tr("Rotate the signing secret?"),
            tr("A new secret is made and shown once; the current one stops working at "
               "once, so deliveries to %1 fail their check until your server has the new "
               "one.")
                .arg(w->url),
            tr("Rotate")))
        return;
    run(m_service->rotateSecret(w->id), tr("New signing secret made."),
        [this, url = w->url](ApiCall *call) {
            const QString secret
                = call->data().toObject().value(QStringLiteral("secret")).toString();
            if (secret.isEmpty()) {
                m_messages->showMessage(MessageBar::Kind::Warning,
                    tr("LinkUp made a new secret but did not return it: "
                       "rotate again to see one."));
                return;
            }
            showSecret(secret, url);
        });
}

void WebhooksPage::disableSigning()
{
    const std::optional<Webhook> w = selected();
    if (!w || w->isHosted() || !w->signatureEnabled)
        return;
    if (!confirm(tr("Stop signing deliveries?"),
            tr("Deliveries to %1 will carry no signature; a server that checks it will "
               "refuse them.")
                .arg(w->url),
            tr("Stop signing")))
        return;
    run(m_service->disableSignature(w->id), tr("Deliveries are no longer signed."));
}

} // namespace ld::ui
