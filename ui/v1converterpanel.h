#pragma once
// Step 3 of the Migration page (issue 6 §6): a V1 request pasted on the left becomes its V2
// request as you type (debounced), with what the person should know listed under it: a
// placeholder to fill, a field renamed or dropped. Input that is not a V1 request, or a V1
// endpoint the migration guide does not map, is said in words, never guessed. A login_token
// that a batch migration imported is replaced by its account_id (looked up by the token's
// hash in the journal); the token itself goes nowhere.
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace ld {
class MigrationRepository;
}

namespace ld::ui {

class V1ConverterPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 150;

    explicit V1ConverterPanel(MigrationRepository *journal, QWidget *parent = nullptr);

    QList<QAction *> commands() const { return { m_copyAction }; }

    // What a person sees and touches, for tests.
    QPlainTextEdit *input() const { return m_input; }
    QPlainTextEdit *output() const { return m_output; }
    QLabel *notesLabel() const { return m_notes; }
    QLabel *errorLabel() const { return m_error; }
    QComboBox *exampleCombo() const { return m_examples; }
    QPushButton *copyButton() const { return m_copy; }
    QStringList notes() const { return m_noteList; }

public Q_SLOTS:
    void convertNow(); // what the debounce timer runs
    void copyResult(); // the V2 request to the clipboard
    void showExample(int comboIndex);

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    MigrationRepository *m_journal;
    QComboBox *m_examples;
    QPlainTextEdit *m_input;
    QPlainTextEdit *m_output;
    QLabel *m_error;
    QLabel *m_notes;
    QPushButton *m_copy;
    QAction *m_copyAction;
    QTimer *m_debounce;
    QStringList m_noteList;
};

} // namespace ld::ui
