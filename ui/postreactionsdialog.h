#pragma once
// The comments and reactions of one published post (issue 7): nothing is asked of the server
// until the person presses a button that says what it costs (each page is 1 credit). Comments
// show their author, headline, local time and text; reactions their type and person; all of it
// is remote text, shown as plain text. "Load more" fetches the next page; a failure is said as
// a sentence with Retry; the credits this dialog spent are shown.
#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace ld {
class ApiCall;
class Workspace;
} // namespace ld

namespace ld::ui {

class PostReactionsDialog : public QDialog
{
    Q_OBJECT
public:
    enum Section { CommentsSection, ReactionsSection, SectionCount };
    enum CommentColumn {
        AuthorColumn,
        HeadlineColumn,
        TimeColumn,
        TextColumn,
        CommentReactionsColumn,
        CommentColumnCount
    };
    enum ReactionColumn {
        ReactionTypeColumn,
        PersonColumn,
        PersonHeadlineColumn,
        ReactionColumnCount
    };

    PostReactionsDialog(Workspace *workspace, const QString &accountId, const QString &postUrl,
        QWidget *parent = nullptr);

    QString postUrl() const { return m_postUrl; }
    int creditsSpent() const { return m_credits; }

    QTabWidget *tabs() const { return m_tabs; }
    QTreeWidget *view(Section section) const { return m_sections[section].view; }
    QPushButton *loadButton(Section section) const { return m_sections[section].load; }
    QPushButton *retryButton(Section section) const { return m_sections[section].retry; }
    QLabel *statusLabel(Section section) const { return m_sections[section].status; }
    QLabel *errorLabel(Section section) const { return m_sections[section].error; }
    QLabel *creditsLabel() const { return m_creditsLabel; }
    QPlainTextEdit *commentText() const { return m_commentText; } // the selected comment, whole
    bool isLoading(Section section) const { return m_sections[section].loading; }

public Q_SLOTS:
    void load(ld::ui::PostReactionsDialog::Section section); // the next page (or the first)
    void retry(ld::ui::PostReactionsDialog::Section section); // the page that failed

private:
    struct Part
    {
        QTreeWidget *view = nullptr;
        QLabel *status = nullptr;
        QLabel *error = nullptr;
        QPushButton *retry = nullptr;
        QPushButton *load = nullptr;
        bool loaded = false; // a first page arrived
        bool hasMore = false;
        bool loading = false;
        int nextOffset = 0;
        int total = -1;
    };

    QWidget *buildSection(Section section);
    void request(Section section, int offset);
    void onFinished(Section section, ApiCall *call);
    void addComments(ApiCall *call, Part &part, QString *problem);
    void addReactions(ApiCall *call, Part &part, QString *problem);
    void showFailure(Section section, const QString &sentence);
    void updateSection(Section section);
    void updateCredits();

    Workspace *m_ws;
    QString m_accountId;
    QString m_postUrl;
    int m_credits = 0;
    QTabWidget *m_tabs;
    QLabel *m_creditsLabel;
    QPlainTextEdit *m_commentText = nullptr;
    Part m_sections[SectionCount];
};

} // namespace ld::ui
