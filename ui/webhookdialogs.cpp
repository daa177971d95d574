#include "webhookdialogs.h"

#include "plaintext.h"

#include "sync/liveevents.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QUrl>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// The events filter as a set: "all" (or nothing said) is both kinds.
QSet<QString> eventKinds(const QStringList &events)
{
    if (events.isEmpty() || events.contains(QStringLiteral("all")))
        return { QStringLiteral("message_received"), QStringLiteral("accepted_invitation") };
    return QSet<QString>(events.cbegin(), events.cend());
}

} // namespace

CustomWebhookDialog::CustomWebhookDialog(const QString &accountName, QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_messages(new QCheckBox(tr("New &messages"), this))
    , m_invitations(new QCheckBox(tr("&Accepted invitations"), this))
    , m_signing(new QCheckBox(tr("&Sign each delivery (HMAC-SHA256, secret shown once)"), this))
    , m_error(plainLabel({}, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("customWebhookDialog"));
    setWindowTitle(tr("New custom webhook"));
    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://hooks.example.com/linkup"));
    m_messages->setChecked(true);
    m_invitations->setChecked(true);
    m_error->setObjectName(QStringLiteral("webhookError"));
    m_error->setWordWrap(true);
    QPalette red = m_error->palette();
    red.setColor(QPalette::WindowText, QColor(0xd0, 0x3a, 0x3a));
    m_error->setPalette(red);
    m_error->hide();
    createButton()->setText(tr("&Create"));

    m_intro = plainLabel(tr("LinkUp will POST each event of %1 as JSON to your server, which "
                            "must answer HTTP 200. Nothing is kept for LinkUp Desk to read: "
                            "for events in this app, turn on live events instead.")
                             .arg(accountName),
        this);
    m_intro->setWordWrap(true);
    auto *events = new QVBoxLayout;
    events->setSpacing(2);
    events->addWidget(m_messages);
    events->addWidget(m_invitations);
    events->addWidget(note(tr("A signed-out account is always announced."), this));
    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("Events:"), events);
    form->addRow(QString(), m_signing);
    m_form = form;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    m_cost = note(tr("Creating it starts monitoring the account: about %1 credits a "
                     "day until every webhook of the account is stopped or deleted.")
                      .arg(LiveEvents::CreditsPerAccountPerDay),
        this);
    layout->addWidget(m_cost);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CustomWebhookDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, m_error, &QWidget::hide);
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

CustomWebhookDialog::CustomWebhookDialog(
    const QString &accountName, const Webhook &existing, QWidget *parent)
    : CustomWebhookDialog(accountName, parent)
{
    m_original = existing;
    setWindowTitle(existing.isHosted() ? tr("Edit hosted webhook") : tr("Edit custom webhook"));
    createButton()->setText(tr("&Save"));
    m_signing->setChecked(existing.signatureEnabled);
    m_form->setRowVisible(m_signing, false); // rotated or stopped from the page
    const QSet<QString> kinds = eventKinds(existing.events);
    m_messages->setChecked(kinds.contains(QStringLiteral("message_received")));
    m_invitations->setChecked(kinds.contains(QStringLiteral("accepted_invitation")));
    if (existing.isHosted()) {
        m_form->setRowVisible(m_url, false); // hosted stays hosted: it has no address
        m_intro->setText(tr("A hosted webhook of %1: LinkUp keeps its events for LinkUp Desk "
                            "and other apps to read. Choose which events it keeps.")
                             .arg(accountName));
    } else {
        m_url->setText(existing.url);
        m_intro->setText(tr("LinkUp POSTs each event of %1 as JSON to this address, which must "
                            "answer HTTP 200.")
                             .arg(accountName));
    }
    m_cost->setText(tr("Saving does not start or stop monitoring, nor change what it costs: "
                       "use Stop on the Webhooks page for that."));
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

WebhookUpdate CustomWebhookDialog::changes() const
{
    WebhookUpdate update;
    if (!m_original)
        return update;
    const WebhookSettings s = settings();
    if (!m_original->isHosted() && s.url != m_original->url)
        update.url = s.url;
    if (eventKinds(s.events) != eventKinds(m_original->events))
        update.events = s.events;
    return update;
}

QPushButton *CustomWebhookDialog::createButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

WebhookSettings CustomWebhookDialog::settings() const
{
    WebhookSettings s;
    s.url = m_original && m_original->isHosted() ? QString() : m_url->text().trimmed();
    if (m_messages->isChecked() && m_invitations->isChecked())
        s.events = { QStringLiteral("all") };
    else if (m_messages->isChecked())
        s.events = { QStringLiteral("message_received") };
    else if (m_invitations->isChecked())
        s.events = { QStringLiteral("accepted_invitation") };
    else
        s.events.clear();
    // Editing never changes signing (nor sends it): validate() then only checks the address.
    s.enableSignature = !m_original && m_signing->isChecked();
    return s;
}

QString CustomWebhookDialog::problem() const
{
    const WebhookSettings s = settings();
    const bool hosted = m_original && m_original->isHosted();
    if (s.url.isEmpty() && !hosted)
        return tr("Enter the https:// address of your server.");
    if (s.events.isEmpty())
        return tr("Choose at least one kind of event to deliver.");
    const ApiError error = WebhooksService::validate(s);
    if (!error.isError())
        return {};
    // The service's sentence for a bad address points at hosted webhooks; here, say the rule.
    const QUrl url(s.url, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
        return tr("The address must start with https:// and name a public server, for "
                  "example https://hooks.example.com/linkup.");
    return error.userMessage();
}

void CustomWebhookDialog::accept()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        m_error->setText(why);
        m_error->show();
        // Grow to fit the sentence: word-wrapped labels are not in the minimum size.
        layout()->activate();
        resize(width(), qMax(height(), heightForWidth(width())));
        m_url->setFocus();
        return;
    }
    QDialog::accept();
}

WebhookSecretDialog::WebhookSecretDialog(const QString &secret, const QString &url, QWidget *parent)
    : QDialog(parent)
    , m_secret(new QLineEdit(secret, this))
    , m_copy(new QPushButton(tr("&Copy"), this))
{
    setObjectName(QStringLiteral("webhookSecretDialog"));
    setWindowTitle(tr("Signing secret"));
    m_secret->setObjectName(QStringLiteral("webhookSecret"));
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(secret) + 24);
    m_secret->selectAll();
    m_copy->setAutoDefault(false);

    auto *text = plainLabel(tr("The deliveries to %1 are signed with this secret. Copy it into "
                               "your server now: LinkUp will not show it again (rotating it "
                               "makes a new one and invalidates this one).")
                                .arg(url),
        this);
    text->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_secret, 1);
    row->addWidget(m_copy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(row);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_secret->text());
        m_copy->setText(tr("Copied"));
    });
}

} // namespace ld::ui
