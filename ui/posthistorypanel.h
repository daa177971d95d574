#pragma once
// The published posts (issue 7 §5), newest first: when (local time), who posted, the start of
// the text, the post's link — a click opens it in the browser — and the credits spent, with a
// filter by account and the total of what is shown.
#include <QUrl>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace ld {
class PostHistoryModel;
class Workspace;
} // namespace ld

namespace ld::ui {

class PostReactionsDialog;

class PostHistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PostHistoryPanel(Workspace *workspace, QWidget *parent = nullptr);

    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_openUrl = std::move(opener); }
    void setAccountFilter(const QString &accountId); // empty: all accounts

    PostHistoryModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QComboBox *accountFilter() const { return m_filter; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *emptyLabel() const { return m_empty; }
    QPushButton *reactionsButton() const { return m_reactions; }

    // The comments and reactions of the selected post (it needs a link): a dialog that asks
    // nothing of the server until the person agrees to the cost. Null when nothing fits.
    PostReactionsDialog *openReactions();

Q_SIGNALS:
    void openDraftRequested(qint64 draftId);

private:
    void fillFilter();
    void updateSummary();
    void onClicked(const QModelIndex &index);
    void updateReactionsButton();

    Workspace *m_ws;
    PostHistoryModel *m_model;
    std::function<void(const QUrl &)> m_openUrl;
    QComboBox *m_filter;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    QTreeView *m_view;
    QLabel *m_empty;
    QPushButton *m_reactions;
};

} // namespace ld::ui
