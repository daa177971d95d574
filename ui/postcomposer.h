#pragma once
// The post composer (issue 7 §2, §3): who posts (an account, or a company page it manages),
// the text with a live counter of LinkedIn's characters (code points, limit 3,000), images with
// alt text or one video, a plain-text preview, and Publish (Ctrl+Return, after a confirmation
// naming who posts and the credit) or Schedule… (Ctrl+Shift+Return). Every change is saved
// through DraftAutosaver within a second, quietly ("Saving…", "Saved"); a draft being published
// or scheduled is shown read-only with its state (PostStatePanel).
#include "store/draftrepository.h"

#include <QUrl>
#include <QWidget>
#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace ld {
class DraftAutosaver;
class Workspace;
} // namespace ld

namespace ld::ui {

class PostAttachments;
class PostStatePanel;

class PostComposer : public QWidget
{
    Q_OBJECT
public:
    using UrlOpener = std::function<void(const QUrl &)>;

    explicit PostComposer(Workspace *workspace, QWidget *parent = nullptr);
    ~PostComposer() override; // saves what is pending

    // Shows a stored draft (saving the one being written first).
    void openDraft(qint64 id);
    // An empty composer for `accountId` (else the first active account); the first change
    // creates the draft.
    void newDraft(const QString &accountId = {});
    qint64 draftId() const;
    std::optional<Draft> currentDraft() const; // as stored; nullopt before the first change
    bool flush(); // saves now; false (the reason shown) when the store refused
    // Links open in the browser; tests record them instead.
    void setUrlOpener(UrlOpener opener) { m_openUrl = std::move(opener); }
    QList<QAction *> commands() const { return m_actions; }

    // Whether a company page address is one LinkedIn can post as: empty, or
    // https://www.linkedin.com/company/<name>.
    static bool isCompanyUrl(const QString &url);
    // "1,234 / 3,000" in the locale's digits.
    static QString counterText(int length);

    QComboBox *accountCombo() const { return m_account; }
    QLineEdit *companyEdit() const { return m_company; }
    QPlainTextEdit *editor() const { return m_edit; }
    QLabel *counterLabel() const { return m_counter; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *saveLabel() const { return m_saveState; }
    QPushButton *publishButton() const { return m_publish; }
    QPushButton *scheduleButton() const { return m_schedule; }
    PostAttachments *attachments() const { return m_attachments; }
    PostStatePanel *statePanel() const { return m_state; }
    QTabWidget *tabs() const { return m_tabs; }
    QPlainTextEdit *previewText() const { return m_previewText; }
    QLabel *previewAuthor() const { return m_previewAuthor; }
    QWidget *previewImages() const { return m_previewImages; }

public Q_SLOTS:
    bool publish(); // asks first; false when refused or cancelled (the reason shown)
    bool schedule(); // the schedule dialog; also reschedules a scheduled post
    bool unschedule(); // back to the drafts, editable again
    bool confirmPublished();
    bool confirmNotPublished();
    void openActivity(); // the account's (or page's) recent posts on LinkedIn
    void focusEditor();

Q_SIGNALS:
    void draftCreated(qint64 id);
    void statusMessage(const QString &text);

private:
    QWidget *buildWriteTab();
    QWidget *buildPreviewTab();
    void createActions();
    void fillAccounts();
    Draft fieldsContent() const;
    void loadFields(const Draft &draft);
    void onEdited();
    void onDraftChanged(qint64 id);
    void updateAll();
    void updateCounter();
    void updateProblem();
    void updatePreview();
    void updateState();
    void showProblem(const QString &sentence);
    QString contentProblem(const Draft &content) const; // who posts, the page, the text
    bool confirmPublish(const Draft &draft);
    QString postingAs(const Draft &draft) const;
    QString accountName(const QString &accountId) const;

    Workspace *m_ws;
    DraftAutosaver *m_autosaver;
    std::optional<Draft> m_draft; // the stored state of the draft shown
    bool m_loading = false; // fields filled by the program, not typed
    QString m_shownProblem; // a refusal from publish/schedule, until the next edit
    UrlOpener m_openUrl;
    QList<QAction *> m_actions;

    PostStatePanel *m_state;
    QComboBox *m_account;
    QLineEdit *m_company;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_edit;
    QLabel *m_counter;
    PostAttachments *m_attachments;
    QPlainTextEdit *m_previewText;
    QLabel *m_previewAuthor;
    QWidget *m_previewImages;
    QLabel *m_problem;
    QLabel *m_saveState;
    QPushButton *m_schedule;
    QPushButton *m_publish;
};

} // namespace ld::ui
