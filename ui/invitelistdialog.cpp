#include "invitelistdialog.h"

#include "bulkplan.h"
#include "bulkpreviewdialog.h"
#include "invitedialog.h"
#include "plaintext.h"

#include "domain/profileurl.h"
#include "store/accountrepository.h"
#include "support/appsettings.h"
#include "sync/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ld::ui {

namespace {


QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    QLabel *label = plainLabel(text, parent);
    label->setTextFormat(Qt::AutoText); // our own text: lets the & mark the mnemonic
    label->setBuddy(buddy);
    return label;
}

} // namespace

QList<InviteListDialog::Line> InviteListDialog::parse(const QString &text)
{
    QList<Line> lines;
    QHash<QString, int> seen; // profile id → its first line
    const QStringList raw = text.split(QLatin1Char('\n'));
    for (int i = 0; i < raw.size(); ++i) {
        Line line;
        line.number = i + 1;
        line.text = raw.at(i).trimmed();
        if (line.text.isEmpty())
            continue;
        line.profileId = linkedInProfileId(line.text);
        if (!line.profileId.isEmpty()) {
            line.repeats = seen.value(line.profileId, 0);
            if (!line.repeats)
                seen.insert(line.profileId, line.number);
        }
        lines << line;
    }
    return lines;
}

InviteListDialog::InviteListDialog(
    Workspace *workspace, const BulkPlanner *planner, QWidget *parent)
    : QDialog(parent)
    , m_ws(workspace)
    , m_planner(planner)
    , m_account(new QComboBox(this))
    , m_urls(new QPlainTextEdit(this))
    , m_lines(wrappedLabel(QStringLiteral("inviteListLines"), this))
    , m_note(new QPlainTextEdit(this))
    , m_counter(plainLabel({}, this))
    , m_limit(wrappedLabel(QStringLiteral("inviteListNoteLimit"), this))
    , m_reason(wrappedLabel(QStringLiteral("inviteListReason"), this))
{
    setObjectName(QStringLiteral("inviteListDialog"));
    setWindowTitle(tr("Invite a list"));

    m_account->setObjectName(QStringLiteral("inviteListAccount"));
    m_account->setAccessibleName(tr("Account that sends the invitations"));
    m_urls->setObjectName(QStringLiteral("inviteListUrls"));
    m_urls->setPlaceholderText(tr("Paste LinkedIn profile URLs, one per line:\n"
                                  "https://www.linkedin.com/in/…"));
    m_urls->setAccessibleName(tr("Profile URLs, one per line"));
    m_urls->setTabChangesFocus(true);
    m_urls->setLineWrapMode(QPlainTextEdit::NoWrap); // line numbers stay the lines people see
    m_urls->setMinimumHeight(150);
    m_note->setObjectName(QStringLiteral("inviteListNote"));
    m_note->setPlaceholderText(
        tr("Optional: a few words sent with every invitation of the list."));
    m_note->setAccessibleName(tr("Note for every invitation"));
    m_note->setTabChangesFocus(true);
    m_note->setMinimumHeight(80);
    m_counter->setObjectName(QStringLiteral("inviteListCounter"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_lines->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_limit->setForegroundRole(QPalette::PlaceholderText);
    setTextColor(m_reason, problemColor());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_preview = buttons->addButton(tr("Preview…"), QDialogButtonBox::AcceptRole);
    m_preview->setObjectName(QStringLiteral("inviteListPreview"));
    m_preview->setDefault(true);
    // Preview never closes this dialog: only a confirmed preview does.
    connect(m_preview, &QPushButton::clicked, this, &InviteListDialog::preview);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&From"), m_account);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buddyLabel(tr("&People to invite"), m_urls, this));
    layout->addWidget(m_urls, 2);
    layout->addWidget(m_lines);
    layout->addSpacing(4);
    layout->addWidget(buddyLabel(tr("&Note"), m_note, this));
    layout->addWidget(m_note, 1);
    auto *counterRow = new QHBoxLayout;
    counterRow->addWidget(m_limit, 1);
    counterRow->addWidget(m_counter, 0, Qt::AlignTop);
    layout->addLayout(counterRow);
    layout->addWidget(m_reason);
    auto *hint = wrappedLabel(QStringLiteral("inviteListHint"), this);
    hint->setText(tr("Nothing is sent yet: Preview shows who will be invited and what it costs "
                     "before you confirm."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(hint, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_account, &QComboBox::currentIndexChanged, this, &InviteListDialog::revalidate);
    connect(m_urls, &QPlainTextEdit::textChanged, this, &InviteListDialog::revalidate);
    connect(m_note, &QPlainTextEdit::textChanged, this, &InviteListDialog::revalidate);
    connect(m_ws->accounts(), &AccountRepository::accountsChanged, this,
        &InviteListDialog::fillAccounts);

    fillAccounts();
    resize(620, 560);
}

void InviteListDialog::fillAccounts()
{
    const QString current = m_account->currentData().toString();
    const QSignalBlocker block(m_account);
    m_account->clear();
    for (const Account &a : m_ws->accounts()->all())
        m_account->addItem(a.name.isEmpty() ? a.id : a.name, a.id); // item text is plain
    m_account->setCurrentIndex(qMax(0, m_account->findData(current)));
    revalidate();
}

QString InviteListDialog::accountId() const
{
    return m_account->currentData().toString();
}

void InviteListDialog::setPeople(
    const QString &accountId, const QStringList &profileUrls, const QStringList &names)
{
    if (!accountId.isEmpty()) {
        const int index = m_account->findData(accountId);
        if (index >= 0)
            m_account->setCurrentIndex(index);
    }
    for (int i = 0; i < profileUrls.size() && i < names.size(); ++i) {
        const QString id = linkedInProfileId(profileUrls.at(i));
        if (!id.isEmpty() && !names.at(i).isEmpty())
            m_names.insert(id, names.at(i));
    }
    QStringList lines;
    for (const QString &url : profileUrls)
        lines << url.trimmed();
    m_urls->setPlainText(lines.join(QLatin1Char('\n')));
}

void InviteListDialog::setNote(const QString &note)
{
    m_note->setPlainText(note);
}

QList<NetworkTask> InviteListDialog::buildTasks() const
{
    QList<NetworkTask> tasks;
    const QString note = m_note->toPlainText().trimmed(); // white space around a note is never meant
    for (const Line &line : parse(m_urls->toPlainText())) {
        if (line.repeats)
            continue; // one invitation per person
        NetworkTask t;
        t.action = NetworkAction::Invite;
        t.accountId = accountId();
        t.profileUrl = line.text;
        t.note = note;
        // A refused line keeps its number in the preview and the run's history.
        t.personName = line.profileId.isEmpty()
            ? tr("Line %1: %2").arg(line.number).arg(line.text)
            : m_names.value(line.profileId, line.profileId); // "ada-lovelace" reads better
        tasks << t;
    }
    return tasks;
}

// What the person typed decides first; the store's rules (duplicates, caps) are the preview's.
void InviteListDialog::revalidate()
{
    const QList<Line> lines = parse(m_urls->toPlainText());
    int people = 0;
    QStringList problems;
    for (const Line &line : lines) {
        if (line.profileId.isEmpty())
            problems << tr("Line %1 is not a LinkedIn member profile URL and will not be sent: %2")
                            .arg(line.number)
                            .arg(line.text);
        else if (line.repeats)
            problems << tr("Line %1 repeats line %2: invited once.")
                            .arg(line.number)
                            .arg(line.repeats);
        else
            ++people;
    }
    QString summary = lines.isEmpty() ? QString() : tr("%n person(s) to invite.", nullptr, people);
    if (!problems.isEmpty())
        summary += QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
    m_lines->setText(summary);
    m_lines->setVisible(!summary.isEmpty());
    setTextColor(m_lines,
        problems.isEmpty() ? palette().color(QPalette::PlaceholderText) : problemColor());

    const QString id = accountId();
    const int limit = m_ws->settings()->noteLimit(id);
    const int length = InviteDialog::noteLength(m_note->toPlainText().trimmed());
    m_counter->setText(tr("%1 / %2").arg(length).arg(limit));
    setTextColor(m_counter, length > limit ? problemColor() : palette().color(QPalette::PlaceholderText));
    m_limit->setText(limit > AppSettings::FreeNoteLimit
            ? tr("This account has LinkedIn Premium: notes up to %1 characters.").arg(limit)
            : tr("Free accounts allow %1 characters; set Premium accounts to %2 in Settings.")
                  .arg(limit)
                  .arg(AppSettings::PremiumNoteLimit));

    const std::optional<Account> account
        = id.isEmpty() ? std::nullopt : m_ws->accounts()->find(id);
    QString why;
    if (!account)
        why = tr("Connect a LinkedIn account first: invitations are sent from one of your "
                 "accounts.");
    else if (!account->isActive)
        why = tr("%1 is not active: reconnect it on the Accounts page, then invite the list.")
                  .arg(account->name.isEmpty() ? account->id : account->name);
    else if (lines.isEmpty())
        why = tr("Paste the LinkedIn profile URLs of the people to invite, one per line.");
    else if (length > limit)
        why = tr("The note is %n character(s) too long for this account's limit of %1: shorten it.",
                  nullptr, length - limit)
                  .arg(limit);
    m_refusalText = why;
    m_preview->setEnabled(why.isEmpty());
    m_reason->setText(why);
    // An empty box is where every list starts, so its reason is a hint, not a problem.
    const bool blank = lines.isEmpty() && account && account->isActive;
    setTextColor(m_reason, blank ? palette().color(QPalette::PlaceholderText) : problemColor());
    m_reason->setVisible(!why.isEmpty());
}

void InviteListDialog::preview()
{
    revalidate();
    if (!m_refusalText.isEmpty() || m_previewDialog)
        return;
    const QList<NetworkTask> tasks = buildTasks();
    const PacingLimits pacing = m_ws->settings()->pacing();
    auto *dialog = new BulkPreviewDialog(
        m_planner, NetworkAction::Invite, pacing.minDelayMs, pacing.maxDelayMs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTasks(tasks);
    // One sender (the caps line names it) and no invitation age yet: the room goes to who and
    // what happens.
    QTreeWidget *list = dialog->list();
    list->setColumnHidden(1, true); // account
    list->setColumnHidden(2, true); // age
    list->setColumnWidth(0, 300);
    dialog->setRunTitle(tr("Invite %n person(s)", nullptr, int(tasks.size())));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_tasks = dialog->tasks();
        m_runTitle = dialog->runTitle();
        accept();
    });
    // Do nothing: back to the list, which may be edited and previewed again.
    m_previewDialog = dialog;
    dialog->open();
}

} // namespace ld::ui
