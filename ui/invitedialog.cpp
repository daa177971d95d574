#include "invitedialog.h"

#include "plaintext.h"

#include "domain/profileurl.h"
#include "store/accountrepository.h"
#include "store/networkrepository.h"
#include "support/appsettings.h"
#include "sync/invitationqueue.h"
#include "sync/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

const QColor DoneColor(0x1e, 0x7b, 0x34);

} // namespace

InviteDialog::InviteDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_ws(workspace)
    , m_account(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_person(wrappedLabel(QStringLiteral("invitePerson"), this))
    , m_note(new QPlainTextEdit(this))
    , m_counter(plainLabel({}, this))
    , m_limit(wrappedLabel(QStringLiteral("inviteNoteLimit"), this))
    , m_usage(wrappedLabel(QStringLiteral("inviteUsage"), this))
    , m_reason(wrappedLabel(QStringLiteral("inviteReason"), this))
    , m_outcomeLabel(wrappedLabel(QStringLiteral("inviteOutcome"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("inviteDialog"));
    setWindowTitle(tr("Invite to connect"));

    m_account->setObjectName(QStringLiteral("inviteAccount"));
    m_account->setAccessibleName(tr("Account that sends the invitation"));
    m_url->setObjectName(QStringLiteral("inviteUrl"));
    m_url->setPlaceholderText(tr("https://www.linkedin.com/in/…"));
    m_url->setAccessibleName(tr("Profile URL"));
    m_url->setClearButtonEnabled(true);
    m_note->setObjectName(QStringLiteral("inviteNote"));
    m_note->setPlaceholderText(tr("Optional: a few words on why you would like to connect."));
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setMinimumHeight(110);
    m_counter->setObjectName(QStringLiteral("inviteCounter"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_person->setForegroundRole(QPalette::PlaceholderText);
    m_limit->setForegroundRole(QPalette::PlaceholderText);
    m_usage->setForegroundRole(QPalette::PlaceholderText);
    setTextColor(m_reason, problemColor());

    m_send = m_buttons->addButton(tr("Send invitation (1 credit)"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("inviteSend"));
    m_send->setDefault(true);
    // Send never closes the dialog: the outcome is shown here once the queue settles it.
    disconnect(m_buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_send, &QPushButton::clicked, this, &InviteDialog::send);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&From"), m_account);
    form->addRow(tr("&Profile URL"), m_url);
    auto *noteLabel = plainLabel(tr("&Note"), this);
    noteLabel->setTextFormat(Qt::AutoText); // our own text: lets the & mark the mnemonic
    noteLabel->setBuddy(m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_person);
    layout->addSpacing(4);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note, 1);
    auto *counterRow = new QHBoxLayout;
    counterRow->addWidget(m_limit, 1);
    counterRow->addWidget(m_counter, 0, Qt::AlignTop);
    layout->addLayout(counterRow);
    layout->addWidget(m_usage);
    layout->addWidget(m_reason);
    layout->addWidget(m_outcomeLabel);
    layout->addWidget(m_buttons);

    connect(m_account, &QComboBox::currentIndexChanged, this, [this] {
        updateUsage();
        onEdited();
    });
    connect(m_url, &QLineEdit::textChanged, this, &InviteDialog::onEdited);
    connect(m_note, &QPlainTextEdit::textChanged, this, &InviteDialog::onEdited);
    // What the store knows changes the duplicate check and the caps: another page's refresh, a
    // bulk run, this dialog's own invitation.
    connect(m_ws->network(), &NetworkRepository::invitationsChanged, this, &InviteDialog::revalidate);
    connect(m_ws->network(), &NetworkRepository::connectionsChanged, this, &InviteDialog::revalidate);
    connect(m_ws->invitationQueue(), &InvitationQueue::itemChanged, this, &InviteDialog::onItemChanged);
    connect(m_ws->accounts(), &AccountRepository::accountsChanged, this, &InviteDialog::fillAccounts);

    fillAccounts();
    updateUsage();
    onEdited();
    resize(560, sizeHint().height());
}

InviteDialog *InviteDialog::showFor(Workspace *workspace, QWidget *parent,
                                    const QString &accountId, const QString &profileUrl,
                                    const QString &name)
{
    auto *dialog = new InviteDialog(workspace, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTarget(accountId, profileUrl, name);
    dialog->open();
    // Straight to what is missing: the URL when none was given, else the note.
    if (profileUrl.isEmpty())
        dialog->m_url->setFocus();
    else
        dialog->m_note->setFocus();
    return dialog;
}

int InviteDialog::noteLength(const QString &note)
{
    int n = 0;
    for (qsizetype i = 0; i < note.size(); ++i) {
        if (note.at(i).isHighSurrogate() && i + 1 < note.size() && note.at(i + 1).isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

void InviteDialog::fillAccounts()
{
    const QString current = m_account->currentData().toString();
    const QSignalBlocker block(m_account);
    m_account->clear();
    for (const Account &a : m_ws->accounts()->all())
        m_account->addItem(a.name.isEmpty() ? a.id : a.name, a.id); // item text is plain
    m_account->setCurrentIndex(qMax(0, m_account->findData(current)));
    updateUsage();
    revalidate();
}

QString InviteDialog::accountId() const
{
    return m_account->currentData().toString();
}

void InviteDialog::setTarget(const QString &accountId, const QString &profileUrl,
                             const QString &name)
{
    if (!accountId.isEmpty()) {
        const int index = m_account->findData(accountId);
        if (index >= 0)
            m_account->setCurrentIndex(index);
    }
    m_name = name;
    m_nameUrl = profileUrl.trimmed();
    m_url->setText(profileUrl.trimmed());
    onEdited();
}

void InviteDialog::setNote(const QString &note)
{
    m_note->setPlainText(note);
}

NetworkTask InviteDialog::task() const
{
    NetworkTask t;
    t.action = NetworkAction::Invite;
    t.accountId = accountId();
    t.profileUrl = m_url->text().trimmed();
    t.personName = t.profileUrl == m_nameUrl ? m_name : QString();
    t.note = m_note->toPlainText().trimmed(); // white space around a note is never meant
    return t;
}

void InviteDialog::onEdited()
{
    m_showingOutcome = false;
    m_outcomeLabel->hide();
    const bool known = !m_name.isEmpty() && m_url->text().trimmed() == m_nameUrl;
    m_person->setText(known ? tr("To %1").arg(m_name) : QString());
    m_person->setVisible(known);
    updateCounter();
    revalidate();
}

void InviteDialog::updateCounter()
{
    const int limit = m_ws->settings()->noteLimit(accountId());
    const int length = noteLength(m_note->toPlainText().trimmed());
    m_counter->setText(tr("%1 / %2").arg(length).arg(limit));
    setTextColor(m_counter, length > limit ? problemColor() : palette().color(QPalette::PlaceholderText));
    m_limit->setText(limit > AppSettings::FreeNoteLimit
                         ? tr("This account has LinkedIn Premium: notes up to %1 characters.")
                               .arg(limit)
                         : tr("Free accounts allow %1 characters; set Premium accounts to %2 in "
                              "Settings.")
                               .arg(limit)
                               .arg(AppSettings::PremiumNoteLimit));
}

void InviteDialog::updateUsage()
{
    const QString id = accountId();
    if (id.isEmpty()) {
        m_usage->clear();
        m_usage->hide();
        return;
    }
    const CapUsage u = m_ws->invitationQueue()->usage(id, NetworkAction::Invite);
    m_usage->setText(tr("Safety caps for this account: %1 of %2 invitations today, %3 of %4 in "
                        "the last 7 days. Room for %5 more now.")
                         .arg(u.usedToday)
                         .arg(u.perDay)
                         .arg(u.usedThisWeek)
                         .arg(u.perWeek)
                         .arg(u.remaining()));
    m_usage->show();
}

// Most specific reason first: what the person typed, then what the store knows.
void InviteDialog::revalidate()
{
    const NetworkTask t = task();
    QString why;
    const std::optional<Account> account
        = t.accountId.isEmpty() ? std::nullopt : m_ws->accounts()->find(t.accountId);
    const int limit = m_ws->settings()->noteLimit(t.accountId);
    const int length = noteLength(t.note);
    if (!account)
        why = tr("Connect a LinkedIn account first: invitations are sent from one of your "
                 "accounts.");
    else if (!account->isActive)
        why = tr("%1 is not active: reconnect it on the Accounts page, then send the invitation.")
                  .arg(account->name.isEmpty() ? account->id : account->name);
    else if (t.profileUrl.isEmpty())
        why = tr("Enter the LinkedIn profile URL of the person to invite.");
    else if (linkedInProfileId(t.profileUrl).isEmpty())
        why = tr("This is not a LinkedIn profile URL. Enter a member's profile, like "
                 "https://www.linkedin.com/in/name — company and school pages cannot be invited.");
    else if (length > limit)
        why = tr("The note is %n character(s) too long for this account's limit of %1: shorten it.",
                 nullptr, length - limit)
                  .arg(limit);
    else
        why = m_ws->invitationQueue()->check(t);
    m_refusal = why;

    const bool sending = m_outcome == OutboxItem::State::Queued && m_runId != 0;
    m_send->setEnabled(why.isEmpty() && !sending);
    m_send->setToolTip(why.isEmpty() ? tr("Sends the invitation now (1 credit)")
                                     : plainToolTip(why));
    // Right after an invitation left, the store says it is pending: the outcome says more.
    // An empty URL is where every invitation starts, so its reason is a hint, not a problem.
    const bool blank = t.profileUrl.isEmpty() && account && account->isActive;
    m_reason->setText(why);
    setTextColor(m_reason, blank ? palette().color(QPalette::PlaceholderText) : problemColor());
    m_reason->setVisible(!why.isEmpty() && !m_showingOutcome);
}

void InviteDialog::send()
{
    revalidate();
    if (!m_refusal.isEmpty() || !m_send->isEnabled())
        return;
    const NetworkTask t = task();
    const QString who = t.personName.isEmpty() ? linkedInProfileId(t.profileUrl) : t.personName;
    m_sentTo = who;
    QString error;
    m_outcome = OutboxItem::State::Queued;
    m_itemId = 0;
    m_runId = m_ws->invitationQueue()->start({ t }, tr("Invite %1").arg(who), &error, 0, 0);
    if (m_runId == 0) {
        showOutcome(tr("The invitation could not be stored, so nothing was sent: %1").arg(error),
                    true);
        revalidate();
        return;
    }
    m_send->setEnabled(false);
    showOutcome(tr("Sending the invitation to %1…").arg(who), false);
}

void InviteDialog::onItemChanged(qint64 itemId, qint64 runId, OutboxItem::State state)
{
    if (runId != m_runId || m_runId == 0)
        return;
    m_itemId = itemId;
    const std::optional<OutboxItem> item = m_ws->outboxItems()->find(itemId);
    const QString reason = item ? item->errorMessage : QString();
    const QString &who = m_sentTo; // the fields may have been edited since
    switch (state) {
    case OutboxItem::State::Queued:
    case OutboxItem::State::Sending:
        showOutcome(tr("Sending the invitation to %1…").arg(who), false);
        return; // not settled yet
    case OutboxItem::State::Sent:
        showOutcome(tr("Invitation sent to %1. It is listed with your sent invitations.").arg(who),
                    false);
        setTextColor(m_outcomeLabel, DoneColor);
        break;
    case OutboxItem::State::Refused:
        showOutcome(tr("Not sent: %1").arg(reason), true);
        break;
    case OutboxItem::State::Failed:
        showOutcome(tr("Not sent: %1 LinkedIn did not receive it; you can send it again.")
                        .arg(reason),
                    true);
        break;
    case OutboxItem::State::Unknown:
        showOutcome(tr("Outcome unknown: the connection was lost after the request left, so "
                       "LinkedIn may have received it. LinkUp Desk never sends it twice on its "
                       "own: it is checking with LinkedIn (check_invitation, 1 credit) and shows "
                       "the answer here and on the Invitations page."),
                    true);
        break;
    case OutboxItem::State::Cancelled:
        showOutcome(tr("Cancelled before it was sent: nothing reached LinkedIn."), true);
        break;
    }
    m_outcome = state;
    Q_EMIT statusMessage(m_outcomeLabel->text());
    updateUsage();
    revalidate();
}

void InviteDialog::showOutcome(const QString &text, bool problem)
{
    m_showingOutcome = true;
    m_outcomeLabel->setText(text);
    setTextColor(m_outcomeLabel, problem ? problemColor() : palette().color(QPalette::WindowText));
    m_outcomeLabel->show();
    m_reason->hide();
}

} // namespace ld::ui
