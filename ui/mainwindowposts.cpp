// MainWindow's part of the posts (issue 7): the Posts page (Ctrl+9), built on first use like
// the other pages; New post, which holds Ctrl+N while the page is shown (elsewhere Ctrl+N
// connects an account); and the scheduled posts missed while the app was closed, which are
// asked about and never published without the person.
#include "mainwindow.h"

#include "accountsidebar.h"
#include "missedpostsdialog.h"
#include "postspage.h"

#include "sync/postpublisher.h"
#include "sync/workspace.h"

#include <QAction>
#include <QStackedWidget>
#include <QStatusBar>

namespace ld::ui {

void MainWindow::createPostActions()
{
    const QKeySequence key(tr("Ctrl+9"));
    const QString tip = tr("Write, schedule and publish posts; drafts, the queue and the history");
    m_postsAction = new QAction(tr("P&osts"), this);
    m_postsAction->setObjectName(QStringLiteral("showPosts"));
    m_postsAction->setShortcut(key);
    m_postsAction->setToolTip(tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    m_postsAction->setStatusTip(tip);
    addAction(m_postsAction);
    connect(m_postsAction, &QAction::triggered, this, &MainWindow::showPostsPage);

    m_newPostAction = new QAction(tr("New &post"), this);
    m_newPostAction->setObjectName(QStringLiteral("newPostGlobal"));
    m_newPostAction->setToolTip(tr("Write a new post (Ctrl+N on the Posts page)"));
    m_newPostAction->setStatusTip(tr("Write a new post"));
    addAction(m_newPostAction);
    connect(m_newPostAction, &QAction::triggered, this, &MainWindow::newPost);

    connect(m_pages, &QStackedWidget::currentChanged, this, &MainWindow::updateNewShortcut);
    connect(m_ws->postPublisher(), &PostPublisher::missed, this, &MainWindow::showMissedPosts);
}

PostsPage *MainWindow::postsPage()
{
    if (m_postsPage)
        return m_postsPage;
    m_postsPage = new PostsPage(m_ws, m_pages);
    m_pages->addWidget(m_postsPage);
    m_postsPage->setAccountId(m_sidebar->currentAccountId());
    connect(m_postsPage, &PostsPage::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    return m_postsPage;
}

void MainWindow::showPostsPage()
{
    m_pages->setCurrentWidget(postsPage());
    m_postsPage->setFocus();
}

void MainWindow::newPost()
{
    showPostsPage();
    m_postsPage->newPost();
}

// Two actions must never hold the same key at once (Qt then runs neither).
void MainWindow::updateNewShortcut()
{
    const bool posts = m_postsPage && m_pages->currentWidget() == m_postsPage;
    m_connectAction->setShortcut(posts ? QKeySequence() : QKeySequence(QKeySequence::New));
}

MissedPostsDialog *MainWindow::missedPostsDialog() const
{
    return m_missedDialog.data();
}

void MainWindow::showMissedPosts(const QList<qint64> &draftIds)
{
    if (draftIds.isEmpty())
        return;
    if (!m_missedDialog) {
        auto *dialog = new MissedPostsDialog(m_ws, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &MissedPostsDialog::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
        connect(dialog, &MissedPostsDialog::openDraftRequested, this, [this](qint64 id) {
            showPostsPage();
            m_postsPage->openDraft(id);
        });
        m_missedDialog = dialog;
    }
    m_missedDialog->addDrafts(draftIds);
    if (m_missedDialog->draftIds().isEmpty()) {
        m_missedDialog->close();
        return;
    }
    m_missedDialog->show();
    m_missedDialog->raise();
}

} // namespace ld::ui
