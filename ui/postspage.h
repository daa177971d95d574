#pragma once
// The Posts page (Ctrl+9; issue 7 §2–§5). Sections across the top: Drafts (being written, and
// those being published), Scheduled (soonest first, editable: reschedule, unschedule, publish
// now), Needs attention (failed with the reason; unknown, to check on LinkedIn) and Published
// (the history). Beside the lists, the composer of the selected draft. New post (Ctrl+N),
// Duplicate (Ctrl+D), Delete (Del in a list, with Undo). Drafts are saved as they are typed;
// nothing here is ever lost by switching, deleting (undo) or quitting.
#include <QUrl>
#include <QWidget>
#include <functional>

class QAction;
class QListView;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabBar;
class QTimer;

namespace ld {
class PostDraftModel;
class Workspace;
} // namespace ld

namespace ld::ui {

class MessageBar;
class PostComposer;
class PostHistoryPanel;

class PostsPage : public QWidget
{
    Q_OBJECT
public:
    enum Section { DraftsSection, ScheduledSection, AttentionSection, PublishedSection };

    explicit PostsPage(Workspace *workspace, QWidget *parent = nullptr);
    ~PostsPage() override; // saves the draft being written

    // The account selected in the sidebar: who a new post is from.
    void setAccountId(const QString &accountId) { m_accountId = accountId; }
    QList<QAction *> commands() const { return m_actions; }
    void setUrlOpener(std::function<void(const QUrl &)> opener);

    void showSection(Section section);
    Section section() const;
    // Shows the draft in its section, selected, in the composer.
    void openDraft(qint64 id);

    QTabBar *sectionBar() const { return m_sections; }
    QListView *listView(Section section) const; // null for Published
    PostDraftModel *model(Section section) const; // null for Published
    PostComposer *composer() const { return m_composer; }
    PostHistoryPanel *history() const { return m_history; }
    MessageBar *undoBar() const { return m_undoBar; }
    QAction *newAction() const { return m_newAction; }
    QAction *duplicateAction() const { return m_duplicateAction; }
    QAction *deleteAction() const { return m_deleteAction; }

    static Section sectionOf(int draftState);

public Q_SLOTS:
    void newPost();
    qint64 duplicateSelected(); // the new draft's id, 0 when nothing was duplicated
    bool deleteSelected();
    bool undoDelete();
    void focusList();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    QListView *makeList(Section section, PostDraftModel *model);
    void createActions();
    void updateSectionTitles();
    void onSectionChanged(int index);
    void onCurrentRowChanged(Section section, const QModelIndex &current);
    void onDraftChanged(qint64 id);
    void selectDraft(Section section, qint64 id);
    void syncSelection(Section section);
    qint64 selectedDraftId() const;

    Workspace *m_ws;
    QString m_accountId;
    qint64 m_deletedId = 0; // what Undo brings back
    bool m_selecting = false; // the program moves a list's current row: no draft to open
    int m_removing = 0; // inside a model's row removal
    QList<QAction *> m_actions;

    QTabBar *m_sections;
    MessageBar *m_undoBar;
    QTimer *m_undoTimeout;
    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    QStackedWidget *m_lists;
    PostDraftModel *m_models[3];
    QListView *m_views[3];
    PostComposer *m_composer;
    PostHistoryPanel *m_history;
    QPushButton *m_newButton;
    QAction *m_newAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
};

} // namespace ld::ui
