#include "missedpostsdialog.h"

#include "plaintext.h"
#include "poststatepanel.h"

#include "models/postdraftmodel.h"
#include "store/accountrepository.h"
#include "sync/postpublisher.h"
#include "sync/workspace.h"

#include <QDialogButtonBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ld::ui {

MissedPostsDialog::MissedPostsDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_ws(workspace)
    , m_rows(new QVBoxLayout)
    , m_intro(wrappedLabel(QStringLiteral("missedIntro"), this))
{
    setObjectName(QStringLiteral("missedPostsDialog"));
    setWindowTitle(tr("Scheduled posts not published"));
    auto *rowsWidget = new QWidget(this);
    rowsWidget->setLayout(m_rows);
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(rowsWidget);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Decide &later"));
    close->button(QDialogButtonBox::Close)
        ->setToolTip(tr("They stay scheduled and unpublished; the Posts page (Ctrl+9) lists them"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(
        m_ws->drafts(), &DraftRepository::draftChanged, this, &MissedPostsDialog::onDraftChanged);
    resize(620, 360);
}

void MissedPostsDialog::addDrafts(const QList<qint64> &draftIds)
{
    for (qint64 id : draftIds) {
        if (m_ids.contains(id))
            continue;
        const std::optional<Draft> draft = m_ws->drafts()->find(id);
        if (!draft || draft->state != Draft::State::Scheduled || draft->deletedAt.isValid())
            continue;
        const std::optional<Account> account = m_ws->accounts()->find(draft->accountId);
        const QString who = !draft->companyUrl.isEmpty() ? draft->companyUrl
            : account && !account->name.isEmpty()        ? account->name
                                                         : draft->accountId;
        auto *row = new QFrame(this);
        row->setObjectName(QStringLiteral("missedRow%1").arg(id));
        row->setFrameShape(QFrame::StyledPanel);
        QLabel *when = plainLabel(tr("Scheduled for %1 — LinkUp Desk was closed")
                                      .arg(PostStatePanel::localTime(draft->scheduledAt)),
            row);
        when->setObjectName(QStringLiteral("missedWhen"));
        QFont bold = when->font();
        bold.setWeight(QFont::DemiBold);
        when->setFont(bold);
        QLabel *what = plainLabel(tr("%1: %2").arg(who, PostDraftModel::title(*draft)), row);
        what->setObjectName(QStringLiteral("missedWhat"));
        what->setWordWrap(true);
        auto *publish = new QPushButton(tr("Publish &now"), row);
        publish->setObjectName(QStringLiteral("missedPublish"));
        publish->setToolTip(tr("Publish it now, late (1 credit)"));
        auto *keep = new QPushButton(tr("&Keep as draft"), row);
        keep->setObjectName(QStringLiteral("missedKeep"));
        keep->setToolTip(tr("Back to the drafts, unpublished, to edit or schedule again"));
        auto *open = new QPushButton(tr("&Open"), row);
        open->setObjectName(QStringLiteral("missedOpen"));
        open->setToolTip(tr("Show it on the Posts page"));
        for (QPushButton *b : { publish, keep, open })
            b->setAutoDefault(false);
        auto *buttons = new QHBoxLayout;
        buttons->addStretch(1);
        buttons->addWidget(open);
        buttons->addWidget(keep);
        buttons->addWidget(publish);
        auto *layout = new QVBoxLayout(row);
        layout->addWidget(when);
        layout->addWidget(what);
        layout->addLayout(buttons);
        m_rows->insertWidget(m_rows->count() - 1, row);
        m_ids << id;

        connect(publish, &QPushButton::clicked, this, [this, id] {
            QString refusal;
            PostPublisher *publisher = m_ws->postPublisher();
            if (publisher->unschedule(id) && publisher->publishNow(id, &refusal)) {
                Q_EMIT statusMessage(tr("Publishing the missed post…"));
                return; // its row goes with the state change
            }
            Q_EMIT statusMessage(refusal.isEmpty()
                    ? tr("The post could not be published; it is back in the drafts.")
                    : refusal);
        });
        connect(keep, &QPushButton::clicked, this, [this, id] {
            if (m_ws->postPublisher()->unschedule(id))
                Q_EMIT statusMessage(tr("Kept as a draft, unpublished."));
        });
        connect(open, &QPushButton::clicked, this, [this, id] { Q_EMIT openDraftRequested(id); });
    }
    m_intro->setText(tr("%n scheduled post(s) could not be published on time because LinkUp "
                        "Desk was not running. Nothing is published without you: choose for "
                        "each.",
        nullptr, int(m_ids.size())));
}

QList<qint64> MissedPostsDialog::draftIds() const
{
    return m_ids;
}

QPushButton *MissedPostsDialog::publishButton(qint64 draftId) const
{
    QFrame *row = findChild<QFrame *>(QStringLiteral("missedRow%1").arg(draftId));
    return row ? row->findChild<QPushButton *>(QStringLiteral("missedPublish")) : nullptr;
}

QPushButton *MissedPostsDialog::keepButton(qint64 draftId) const
{
    QFrame *row = findChild<QFrame *>(QStringLiteral("missedRow%1").arg(draftId));
    return row ? row->findChild<QPushButton *>(QStringLiteral("missedKeep")) : nullptr;
}

QLabel *MissedPostsDialog::rowLabel(qint64 draftId) const
{
    QFrame *row = findChild<QFrame *>(QStringLiteral("missedRow%1").arg(draftId));
    return row ? row->findChild<QLabel *>(QStringLiteral("missedWhen")) : nullptr;
}

// Answered here or elsewhere (the Posts page, a deletion): the row has nothing left to ask.
void MissedPostsDialog::onDraftChanged(qint64 draftId)
{
    if (!m_ids.contains(draftId))
        return;
    const std::optional<Draft> draft = m_ws->drafts()->find(draftId);
    if (draft && draft->state == Draft::State::Scheduled && !draft->deletedAt.isValid()
        && draft->scheduledAt.msecsTo(QDateTime::currentDateTimeUtc()) > PostPublisher::LateGraceMs)
        return;
    removeRow(draftId);
}

void MissedPostsDialog::removeRow(qint64 draftId)
{
    if (QFrame *row = findChild<QFrame *>(QStringLiteral("missedRow%1").arg(draftId))) {
        row->hide();
        row->deleteLater();
    }
    m_ids.removeAll(draftId);
    if (m_ids.isEmpty())
        accept();
}

} // namespace ld::ui
