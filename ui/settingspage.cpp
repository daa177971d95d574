#include "settingspage.h"

#include "plaintext.h"
#include "secretlineedit.h"

#include "api/apiclient.h"
#include "secrets/apikeyvault.h"
#include "support/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
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

QSpinBox *capBox(int max, const QString &suffix, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, max);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    return box;
}

} // namespace

SettingsPage::SettingsPage(AppSettings *settings, ApiClient *client, ApiKeyVault *vault,
                           const QString &keychainBackend, bool demo, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_client(client)
    , m_vault(vault)
    , m_backend(keychainBackend)
    , m_demo(demo)
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(buildKeyGroup());
    layout->addWidget(buildServerGroup());
    layout->addWidget(buildPacingGroup());
    layout->addWidget(buildNotesGroup());
    layout->addWidget(buildOtherGroup());
    layout->addStretch(1);

    connect(m_vault, &ApiKeyVault::keyChanged, this, &SettingsPage::updateKeyStatus);
    connect(m_vault, &ApiKeyVault::saved, this, &SettingsPage::updateKeyStatus);
    connect(m_vault, &ApiKeyVault::removed, this, &SettingsPage::updateKeyStatus);
    load();
}

QWidget *SettingsPage::buildKeyGroup()
{
    auto *group = new QGroupBox(tr("LinkUp API key"), this);
    auto *layout = new QVBoxLayout(group);
    m_key = new SecretLineEdit(group);
    m_key->setObjectName(QStringLiteral("apiKey"));
    m_key->setPlaceholderText(tr("Paste your LinkUp API key"));
    m_saveKey = new QPushButton(tr("Save key"), group);
    m_saveKey->setObjectName(QStringLiteral("saveKey"));
    m_removeKey = new QPushButton(tr("Remove key…"), group);
    m_removeKey->setObjectName(QStringLiteral("removeKey"));
    m_saveKey->setAutoDefault(false);
    m_removeKey->setAutoDefault(false);
    auto *row = new QHBoxLayout;
    row->addWidget(m_key, 1);
    row->addWidget(m_saveKey);
    row->addWidget(m_removeKey);
    m_keyStatus = plainLabel({}, group);
    m_keyStatus->setObjectName(QStringLiteral("apiKeyStatus"));
    m_keyStatus->setWordWrap(true);
    layout->addLayout(row);
    layout->addWidget(m_keyStatus);

    connect(m_key, &QLineEdit::textChanged, this, &SettingsPage::updateKeyStatus);
    connect(m_saveKey, &QPushButton::clicked, this, &SettingsPage::saveKey);
    connect(m_removeKey, &QPushButton::clicked, this, &SettingsPage::removeKey);
    if (m_demo) {
        m_key->setEnabled(false);
        m_saveKey->setEnabled(false);
        m_removeKey->setEnabled(false);
    }
    return group;
}

QWidget *SettingsPage::buildServerGroup()
{
    auto *group = new QGroupBox(tr("Server"), this);
    auto *outer = new QVBoxLayout(group);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    m_baseUrl = new QLineEdit(group);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(ApiClient::defaultBaseUrl().toString());
    m_baseUrl->setClearButtonEnabled(true);
    m_baseUrlError = plainLabel({}, group);
    m_baseUrlError->setObjectName(QStringLiteral("baseUrlError"));
    m_baseUrlError->setWordWrap(true);
    QPalette red = m_baseUrlError->palette();
    red.setColor(QPalette::WindowText, QColor(0xc0, 0x30, 0x30));
    m_baseUrlError->setPalette(red);
    m_baseUrlError->hide();
    connect(m_baseUrl, &QLineEdit::textEdited, m_baseUrlError, &QWidget::hide);
    form->addRow(tr("&Base URL"), m_baseUrl);
    // Wrapped labels go below the form: QFormLayout underestimates their height.
    outer->addWidget(m_baseUrlError);
    outer->addWidget(note(tr("https:// is required; plain http:// is allowed only for a server "
                             "on this computer (127.0.0.1, localhost)."), group));
    return group;
}

QWidget *SettingsPage::buildPacingGroup()
{
    auto *group = new QGroupBox(tr("Pacing and safety caps"), this);
    auto *outer = new QVBoxLayout(group);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    auto delayBox = [group] {
        auto *box = new QDoubleSpinBox(group);
        box->setRange(0.0, 600.0);
        box->setDecimals(1);
        box->setSingleStep(0.5);
        box->setSuffix(tr(" s"));
        return box;
    };
    m_minDelay = delayBox();
    m_minDelay->setObjectName(QStringLiteral("minDelay"));
    m_maxDelay = delayBox();
    m_maxDelay->setObjectName(QStringLiteral("maxDelay"));
    connect(m_minDelay, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_maxDelay->value() < v)
            m_maxDelay->setValue(v);
    });
    connect(m_maxDelay, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_minDelay->value() > v)
            m_minDelay->setValue(v);
    });
    auto *delays = new QHBoxLayout;
    delays->addWidget(m_minDelay);
    delays->addWidget(plainLabel(tr("to"), group));
    delays->addWidget(m_maxDelay);
    delays->addStretch(1);
    QLabel *delayLabel = plainLabel(tr("Random &delay between actions"), group);
    delayLabel->setTextFormat(Qt::AutoText); // our own text: lets the & mark the mnemonic
    delayLabel->setBuddy(m_minDelay);
    form->addRow(delayLabel, delays);

    // A cap of 0 stops that action for every account: a deliberate "not now", not an error.
    auto capPair = [this, group, form](const QString &label, const QString &name, int dayMax,
                                       QSpinBox **day, QSpinBox **week) {
        *day = capBox(dayMax, tr(" per day"), group);
        (*day)->setObjectName(name + QStringLiteral("PerDay"));
        *week = capBox(dayMax * 7, tr(" per week"), group);
        (*week)->setObjectName(name + QStringLiteral("PerWeek"));
        // A week can never allow fewer than a day: the week follows the day upwards.
        connect(*day, &QSpinBox::valueChanged, *week, [week = *week](int v) {
            if (week->value() < v)
                week->setValue(v);
        });
        connect(*week, &QSpinBox::valueChanged, *day, [day = *day](int v) {
            if (day->value() > v)
                day->setValue(v);
        });
        auto *row = new QHBoxLayout;
        row->addWidget(*day);
        row->addWidget(*week);
        row->addStretch(1);
        QLabel *text = plainLabel(label, group);
        text->setTextFormat(Qt::AutoText); // our own text: lets the & mark the mnemonic
        text->setBuddy(*day);
        form->addRow(text, row);
    };
    capPair(tr("&Invitations sent"), QStringLiteral("invites"), 500, &m_invitesDay, &m_invitesWeek);
    capPair(tr("&Accepts and declines"), QStringLiteral("accepts"), 1000, &m_acceptsDay,
            &m_acceptsWeek);
    capPair(tr("&Withdrawals"), QStringLiteral("withdrawals"), 500, &m_withdrawalsDay,
            &m_withdrawalsWeek);
    m_messagesDay = capBox(2000, tr(" per day"), group);
    m_messagesDay->setObjectName(QStringLiteral("messagesPerDay"));
    m_postsDay = capBox(100, tr(" per day"), group);
    m_postsDay->setObjectName(QStringLiteral("postsPerDay"));
    form->addRow(tr("&Messages"), m_messagesDay);
    form->addRow(tr("&Posts"), m_postsDay);
    m_undoSend = capBox(30, tr(" s"), group);
    m_undoSend->setObjectName(QStringLiteral("undoSendSeconds"));
    m_undoSend->setSpecialValueText(tr("Send at once"));
    form->addRow(tr("&Undo window for messages"), m_undoSend);
    // One width for every count, so the per-day and per-week values line up in two columns.
    const QList<QSpinBox *> counts { m_invitesDay, m_invitesWeek, m_acceptsDay, m_acceptsWeek,
                                     m_withdrawalsDay, m_withdrawalsWeek, m_messagesDay,
                                     m_postsDay, m_undoSend };
    int width = 0;
    for (QSpinBox *box : counts)
        width = qMax(width, box->sizeHint().width());
    for (QSpinBox *box : counts)
        box->setMinimumWidth(width);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    outer->addWidget(note(tr("Per account: today since midnight, the week as the last 7 days. "
                             "An action over a cap is refused with the reason before it reaches "
                             "LinkedIn, and a bulk action stops there. Staying at about 100 "
                             "invitations a week keeps accounts safe."), group));
    return group;
}

QWidget *SettingsPage::buildNotesGroup()
{
    auto *group = new QGroupBox(tr("Invitation notes"), this);
    auto *outer = new QVBoxLayout(group);
    m_notesForm = new QFormLayout;
    m_notesForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    outer->addLayout(m_notesForm);
    m_notesEmpty = note(tr("Connect an account to set the length of its invitation notes."), group);
    outer->addWidget(m_notesEmpty);
    outer->addWidget(note(tr("LinkedIn allows notes of 300 characters with Premium and 200 "
                             "without. The Invite dialog counts each note against its "
                             "account's limit."), group));
    return group;
}

void SettingsPage::setAccounts(const QList<Account> &accounts)
{
    while (m_notesForm->rowCount() > 0)
        m_notesForm->removeRow(0);
    m_noteLimits.clear();
    QWidget *group = m_notesEmpty->parentWidget();
    for (const Account &a : accounts) {
        auto *combo = new QComboBox(group);
        combo->setObjectName(QStringLiteral("noteLimit_") + a.id);
        combo->addItem(tr("Free: %1 characters").arg(AppSettings::FreeNoteLimit),
                       AppSettings::FreeNoteLimit);
        combo->addItem(tr("Premium: %1 characters").arg(AppSettings::PremiumNoteLimit),
                       AppSettings::PremiumNoteLimit);
        const int index = combo->findData(m_settings->noteLimit(a.id));
        combo->setCurrentIndex(qMax(0, index));
        const QString name = a.name.isEmpty() ? a.id : a.name;
        combo->setAccessibleName(tr("Note limit of %1").arg(name));
        QLabel *label = plainLabel(name, group); // remote text: plain
        label->setToolTip(plainToolTip(a.id));
        m_notesForm->addRow(label, combo);
        m_noteLimits.insert(a.id, combo);
    }
    m_notesEmpty->setVisible(accounts.isEmpty());
}

QWidget *SettingsPage::buildOtherGroup()
{
    auto *group = new QGroupBox(tr("Notifications and credits"), this);
    auto *form = new QFormLayout(group);
    m_notifications = new QCheckBox(tr("Show desktop &notifications"), group);
    m_notifications->setObjectName(QStringLiteral("notifications"));
    m_lowBalance = capBox(1000000, tr(" credits"), group);
    m_lowBalance->setObjectName(QStringLiteral("lowBalance"));
    form->addRow(m_notifications);
    form->addRow(tr("Warn when the &balance is below"), m_lowBalance);
    return group;
}

void SettingsPage::load()
{
    m_key->setText(m_vault->key());
    m_baseUrl->setText(m_settings->baseUrl().toString());
    m_baseUrlError->hide();
    const PacingLimits p = m_settings->pacing();
    m_minDelay->setValue(p.minDelayMs / 1000.0);
    m_maxDelay->setValue(p.maxDelayMs / 1000.0);
    m_invitesDay->setValue(p.invitesPerDay);
    m_invitesWeek->setValue(p.invitesPerWeek);
    m_acceptsDay->setValue(p.acceptsPerDay);
    m_acceptsWeek->setValue(p.acceptsPerWeek);
    m_withdrawalsDay->setValue(p.withdrawalsPerDay);
    m_withdrawalsWeek->setValue(p.withdrawalsPerWeek);
    m_messagesDay->setValue(p.messagesPerDay);
    m_postsDay->setValue(p.postsPerDay);
    m_undoSend->setValue(m_settings->undoSendSeconds());
    m_notifications->setChecked(m_settings->notificationsEnabled());
    m_lowBalance->setValue(m_settings->lowBalanceThreshold());
    for (auto it = m_noteLimits.cbegin(); it != m_noteLimits.cend(); ++it)
        it.value()->setCurrentIndex(qMax(0, it.value()->findData(m_settings->noteLimit(it.key()))));
    updateKeyStatus();
}

void SettingsPage::updateKeyStatus()
{
    if (m_demo) {
        m_keyStatus->setText(tr("The demo uses the built-in sandbox's key; your keychain is not "
                                "touched. Start LinkUp Desk without --demo to use your own key."));
        return;
    }
    const bool edited = m_key->text().trimmed() != m_vault->key();
    m_saveKey->setEnabled(edited && !m_key->text().trimmed().isEmpty());
    m_removeKey->setEnabled(m_vault->hasKey());
    // The vault's problem sentence already says what failed and what that means for the key.
    QString text = m_vault->lastProblem();
    if (text.isEmpty() && !m_vault->hasKey())
        text = tr("No API key is set. Paste the key from your LinkUp dashboard and save it.");
    else if (text.isEmpty() && m_vault->sessionOnly())
        text = tr("Kept for this session only: the keychain (%1) is not available, so you will be "
                  "asked again next time.").arg(m_backend);
    else if (text.isEmpty())
        text = tr("Stored in %1. It is never written to the settings file or the logs.")
                   .arg(m_backend);
    m_keyStatus->setText(text);
}

void SettingsPage::saveKey()
{
    const QString key = m_key->text().trimmed();
    if (key.isEmpty() || m_demo)
        return;
    m_vault->setKey(key);
    m_key->setRevealed(false);
    updateKeyStatus();
}

void SettingsPage::removeKey()
{
    if (m_demo || !m_vault->hasKey())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Remove the API key?"),
                    tr("LinkUp Desk will forget the API key and remove it from %1. "
                       "Nothing can be refreshed or sent until you enter a key again.")
                        .arg(m_backend),
                    QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    QPushButton *remove = box.addButton(tr("Remove key"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    m_vault->removeKey();
    m_key->clear();
    updateKeyStatus();
    Q_EMIT keyRemoved();
}

bool SettingsPage::applyBaseUrl()
{
    const QString text = m_baseUrl->text().trimmed();
    const QUrl url = text.isEmpty() ? ApiClient::defaultBaseUrl() : QUrl(text, QUrl::StrictMode);
    QString problem;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        problem = tr("Enter a full address, like https://api.linkupapi.com.");
    } else {
        const ApiError error = m_client->setBaseUrl(url); // keeps the old URL when refused
        if (error.isError())
            problem = error.userMessage();
    }
    if (!problem.isEmpty()) {
        m_baseUrlError->setText(problem);
        m_baseUrlError->show();
        m_baseUrl->setFocus();
        return false;
    }
    m_baseUrlError->hide();
    m_settings->setBaseUrl(url);
    m_baseUrl->setText(url.toString());
    return true;
}

bool SettingsPage::apply()
{
    if (!applyBaseUrl())
        return false;
    PacingLimits p;
    p.minDelayMs = qRound(m_minDelay->value() * 1000);
    p.maxDelayMs = qRound(qMax(m_minDelay->value(), m_maxDelay->value()) * 1000);
    p.invitesPerDay = m_invitesDay->value();
    p.invitesPerWeek = qMax(m_invitesDay->value(), m_invitesWeek->value());
    p.acceptsPerDay = m_acceptsDay->value();
    p.acceptsPerWeek = qMax(m_acceptsDay->value(), m_acceptsWeek->value());
    p.withdrawalsPerDay = m_withdrawalsDay->value();
    p.withdrawalsPerWeek = qMax(m_withdrawalsDay->value(), m_withdrawalsWeek->value());
    p.messagesPerDay = m_messagesDay->value();
    p.postsPerDay = m_postsDay->value();
    m_settings->setPacing(p);
    m_settings->setUndoSendSeconds(m_undoSend->value());
    m_settings->setNotificationsEnabled(m_notifications->isChecked());
    m_settings->setLowBalanceThreshold(m_lowBalance->value());
    for (auto it = m_noteLimits.cbegin(); it != m_noteLimits.cend(); ++it)
        m_settings->setNoteLimit(it.key(), it.value()->currentData().toInt());
    m_settings->sync();
    return true;
}

} // namespace ld::ui
