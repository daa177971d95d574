#pragma once
// The Migration page (issue 6; Ctrl+8): moving from LinkUp V1 to V2 in three steps, one tab
// each. "1 · One token" says what migration is and imports a single V1 token through the
// Connect dialog; "2 · Many tokens (CSV)" is the paced, resumable batch migration
// (MigrationBatchTab; a .csv dropped on the page opens there); "3 · Convert V1 code" rewrites
// V1 requests as V2 ones (V1ConverterPanel). A run an earlier session left paused is offered
// again when the page opens.
#include <QWidget>
#include <functional>

class QAction;
class QMimeData;
class QPushButton;
class QTabWidget;

namespace ld {
class MigrationRepository;
class MigrationRunner;
class Workspace;
} // namespace ld

namespace ld::ui {

class MigrationBatchTab;
class V1ConverterPanel;

class MigrationPage : public QWidget
{
    Q_OBJECT
public:
    enum Step { OneTokenStep, CsvStep, ConverterStep };

    explicit MigrationPage(Workspace *workspace, QWidget *parent = nullptr);

    QList<QAction *> commands() const;
    // The demo's sample V1 export; without it "Create a sample CSV…" is hidden.
    void setSampleSource(std::function<QByteArray(int rows)> source);

    // What tells a run the app paused on its way out from one a person paused.
    static QString closedReason();
    // On quit: the run this process drives stops calling, its tokens are forgotten, and it is
    // left Paused with closedReason(), so the next start offers to resume it.
    static void pauseForQuit(MigrationRunner *runner, MigrationRepository *journal);
    // At start-up, for the main window: "The migration of tokens.csv stopped at 213 of 500
    // rows when LinkUp Desk closed…"; empty when no run waits.
    static QString waitingRunNotice(MigrationRepository *journal);

    void showStep(Step step);
    bool openCsv(const QString &path); // shows the CSV step with it

    QTabWidget *tabs() const { return m_tabs; }
    MigrationBatchTab *batchTab() const { return m_batch; }
    V1ConverterPanel *converter() const { return m_converter; }
    QPushButton *importTokenButton() const { return m_importToken; }

Q_SIGNALS:
    void importTokenRequested(); // the Connect dialog, on its V1 token tab
    void accountsRequested();
    void statusMessage(const QString &text);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *buildOneTokenStep();
    static QString droppedCsv(const QMimeData *mime);

    Workspace *m_ws;
    QTabWidget *m_tabs;
    MigrationBatchTab *m_batch;
    V1ConverterPanel *m_converter;
    QPushButton *m_importToken = nullptr;
    QAction *m_importAction;
    QList<QAction *> m_stepActions;
};

} // namespace ld::ui
