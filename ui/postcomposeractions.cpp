// PostComposer's part that acts on the post: publish (after a confirmation), schedule,
// unschedule, and the person's answer about a post whose outcome is unknown. Each goes through
// PostPublisher, which stores the state before any request leaves.
#include "postcomposer.h"

#include "postscheduledialog.h"
#include "poststatepanel.h"

#include "sync/draftautosaver.h"
#include "sync/postpublisher.h"
#include "sync/workspace.h"

#include <QMessageBox>
#include <QPushButton>

namespace ld::ui {

bool PostComposer::confirmPublish(const Draft &draft)
{
    QMessageBox box(QMessageBox::Question, tr("Publish the post"),
        tr("Publish this post on LinkedIn as %1?").arg(postingAs(draft)), QMessageBox::NoButton,
        this);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(tr("It appears at once and costs 1 credit. LinkUp Desk cannot take "
                              "it back: delete it on LinkedIn if needed."));
    QPushButton *yes = box.addButton(tr("&Publish"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(yes);
    box.exec();
    return box.clickedButton() == yes;
}

// Draft, Failed (publish again) and Scheduled (publish now) posts; anything else is refused.
bool PostComposer::publish()
{
    if (m_draft && m_draft->state == Draft::State::Scheduled) {
        if (!confirmPublish(*m_draft))
            return false;
        // Back to a draft for a moment, so that it is published now and not at its time.
        QString refusal;
        if (!m_ws->postPublisher()->unschedule(m_draft->id)
            || !m_ws->postPublisher()->publishNow(m_draft->id, &refusal)) {
            showProblem(
                refusal.isEmpty() ? tr("The post could not be published. Try again.") : refusal);
            return false;
        }
        return true;
    }
    if (m_draft && !m_draft->isEditable())
        return false;
    if (!flush())
        return false;
    const qint64 id = draftId();
    const std::optional<Draft> draft = id ? m_ws->drafts()->find(id) : std::nullopt;
    if (!draft) {
        showProblem(tr("Write the post first."));
        return false;
    }
    QString refusal = contentProblem(*draft);
    if (refusal.isEmpty())
        refusal = m_ws->postPublisher()->check(*draft);
    if (!refusal.isEmpty()) {
        showProblem(refusal);
        return false;
    }
    if (!confirmPublish(*draft))
        return false;
    const bool again = draft->state == Draft::State::Failed;
    const bool ok = again ? m_ws->postPublisher()->publishAgain(id, &refusal)
                          : m_ws->postPublisher()->publishNow(id, &refusal);
    if (!ok) {
        showProblem(
            refusal.isEmpty() ? tr("The post could not be published. Try again.") : refusal);
        return false;
    }
    Q_EMIT statusMessage(tr("Publishing the post…"));
    return true;
}

bool PostComposer::schedule()
{
    const bool reschedule = m_draft && m_draft->state == Draft::State::Scheduled;
    if (!reschedule) {
        if ((m_draft && !m_draft->isEditable()) || !flush())
            return false;
        if (!draftId()) {
            showProblem(tr("Write the post first."));
            return false;
        }
        m_draft = m_ws->drafts()->find(draftId());
        if (!m_draft)
            return false;
        // The daily cap is checked when the post goes, not now: schedule() checks the rest.
        const QString problem = contentProblem(*m_draft);
        if (!problem.isEmpty()) {
            showProblem(problem);
            return false;
        }
    }
    PostScheduleDialog dialog(reschedule ? m_draft->scheduledAt : QDateTime(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QString refusal;
    if (!m_ws->postPublisher()->schedule(m_draft->id, dialog.scheduledUtc(), &refusal)) {
        showProblem(
            refusal.isEmpty() ? tr("The post could not be scheduled. Try again.") : refusal);
        return false;
    }
    Q_EMIT statusMessage(
        tr("Scheduled for %1.").arg(PostStatePanel::localTime(dialog.scheduledUtc())));
    return true;
}

bool PostComposer::unschedule()
{
    if (!m_draft || m_draft->state != Draft::State::Scheduled)
        return false;
    if (!m_ws->postPublisher()->unschedule(m_draft->id))
        return false;
    Q_EMIT statusMessage(tr("Back in the drafts: it will not be published until you say so."));
    return true;
}

bool PostComposer::confirmPublished()
{
    if (!m_draft || m_draft->state != Draft::State::Unknown)
        return false;
    return m_ws->postPublisher()->confirmPublished(m_draft->id);
}

bool PostComposer::confirmNotPublished()
{
    if (!m_draft || m_draft->state != Draft::State::Unknown)
        return false;
    return m_ws->postPublisher()->confirmNotPublished(m_draft->id);
}

// The contract has no way to list an account's own posts: the person looks. A page's posts
// are at its address; a member's recent activity at /in/me/, which LinkedIn resolves to
// whoever is signed in in the browser.
void PostComposer::openActivity()
{
    if (!m_draft)
        return;
    QString url = m_draft->companyUrl.trimmed();
    if (!url.isEmpty()) {
        if (!url.startsWith(QLatin1String("http")))
            url.prepend(QLatin1String("https://"));
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        url += QStringLiteral("/posts/");
    } else {
        url = QStringLiteral("https://www.linkedin.com/in/me/recent-activity/all/");
    }
    m_openUrl(QUrl(url));
}

} // namespace ld::ui
