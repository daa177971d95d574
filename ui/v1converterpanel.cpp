#include "v1converterpanel.h"

#include "plaintext.h"
#include "v1examples.h"

#include "migration/migrationcsv.h"
#include "migration/v1converter.h"
#include "store/migrationrepository.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

QPlainTextEdit *codeEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setTabChangesFocus(true); // Tab moves on, as everywhere else on the page
    return edit;
}

// The request as it is sent: the notes are listed under it, not mixed into what is copied.
QString requestText(const V2Conversion &c)
{
    QString text = QStringLiteral("%1 %2\n").arg(QString::fromLatin1(c.method), c.path);
    if (!c.body.isEmpty())
        text += QString::fromUtf8(QJsonDocument(c.body).toJson(QJsonDocument::Indented));
    return text;
}

} // namespace

V1ConverterPanel::V1ConverterPanel(MigrationRepository *journal, QWidget *parent)
    : QWidget(parent)
    , m_journal(journal)
    , m_examples(new QComboBox(this))
    , m_input(codeEdit(QStringLiteral("v1Input"), this))
    , m_output(codeEdit(QStringLiteral("v2Output"), this))
    , m_error(wrappedLabel(QStringLiteral("converterError"), this))
    , m_notes(wrappedLabel(QStringLiteral("converterNotes"), this))
    , m_copy(new QPushButton(tr("&Copy V2 request"), this))
    , m_copyAction(new QAction(tr("Copy V2 request"), this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("v1ConverterPanel"));
    QLabel *intro = wrappedLabel({}, this);
    intro->setText(tr("Paste a V1 request — its method and path, then its JSON body — and read "
                      "its V2 form on the right: one URL per category with the action in the "
                      "body, account_id instead of login_token and country, and the renamed "
                      "parameters. A token that a batch migration imported is replaced by its "
                      "account_id."));

    m_examples->setObjectName(QStringLiteral("v1Examples"));
    m_examples->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_examples->setMinimumContentsLength(34);
    m_examples->setAccessibleName(tr("Example V1 request"));
    m_examples->addItem(tr("choose a V1 endpoint…"));
    for (const V1Example &e : v1Examples())
        m_examples->addItem(QStringLiteral("%1 %2").arg(e.method, e.path), e.text);
    m_examples->setToolTip(tr("Fill the input with a V1 request for this endpoint (the token "
                              "in it is fake)"));
    auto *exampleLabel = plainLabel(tr("&Example:"), this);
    exampleLabel->setBuddy(m_examples);

    m_input->setPlaceholderText(tr("POST /v1/messages/send-message\n"
                                   "{\n"
                                   "  \"login_token\": \"AQEDAR…\",\n"
                                   "  \"country\": \"FR\",\n"
                                   "  \"linkedin_url\": \"https://www.linkedin.com/in/someone\",\n"
                                   "  \"message\": \"Hello\"\n"
                                   "}\n\n"
                                   "or {\"method\": \"POST\", \"path\": \"/v1/...\", "
                                   "\"body\": {...}}"));
    m_input->setAccessibleName(tr("V1 request"));
    m_input->setLineWrapMode(QPlainTextEdit::WidgetWidth); // a pasted one-line body stays in view
    m_output->setReadOnly(true);
    m_output->setAccessibleName(tr("V2 request"));
    m_output->setPlaceholderText(tr("The V2 request appears here as you type."));
    setTextColor(m_error, problemColor());
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy->setObjectName(QStringLiteral("copyV2Request"));
    m_copy->setAutoDefault(false);
    m_copy->setEnabled(false);

    // Decision: Ctrl+Shift+C is the main window's "Copy account ID" on every page; two actions
    // on one key would both be ambiguous and neither would run, so this one uses Ctrl+Alt+C.
    const QKeySequence copyKey(tr("Ctrl+Alt+C"));
    m_copyAction->setObjectName(QStringLiteral("copyV2RequestAction"));
    m_copyAction->setShortcut(copyKey);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyAction->setToolTip(tr("Copy the V2 request to the clipboard (%1)")
                                 .arg(copyKey.toString(QKeySequence::NativeText)));
    m_copyAction->setEnabled(false);
    m_copy->setToolTip(m_copyAction->toolTip());
    addAction(m_copyAction);

    auto *inputLabel = plainLabel(tr("V1 &request"), this);
    inputLabel->setBuddy(m_input);
    auto *outputLabel = plainLabel(tr("V2 request"), this);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(inputLabel);
    leftLayout->addWidget(m_input, 1);
    leftLayout->addWidget(m_error);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(outputLabel);
    rightLayout->addWidget(m_output, 1);
    // Copy under the output, with the notes: the two editors then start level.
    auto *under = new QHBoxLayout;
    under->addWidget(m_notes, 1);
    under->addWidget(m_copy, 0, Qt::AlignTop);
    rightLayout->addLayout(under);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *top = new QHBoxLayout;
    top->addWidget(exampleLabel);
    top->addWidget(m_examples);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(intro);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &V1ConverterPanel::convertNow);
    connect(m_input, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_examples, &QComboBox::activated, this, &V1ConverterPanel::showExample);
    connect(m_copy, &QPushButton::clicked, this, &V1ConverterPanel::copyResult);
    connect(m_copyAction, &QAction::triggered, this, &V1ConverterPanel::copyResult);
    setTabOrder(m_examples, m_input);
    setTabOrder(m_input, m_output);
    setTabOrder(m_output, m_copy);
    setFocusProxy(m_input);
}

void V1ConverterPanel::showExample(int comboIndex)
{
    const QString text = m_examples->itemData(comboIndex).toString();
    if (text.isEmpty())
        return;
    m_input->setPlainText(text);
    convertNow();
}

void V1ConverterPanel::convertNow()
{
    m_debounce->stop();
    const QString text = m_input->toPlainText();
    m_noteList.clear();
    QString error;
    QString result;
    if (!text.trimmed().isEmpty()) {
        V1Request request;
        if (!V1Request::parse(text, &request, &error)) {
            if (error.isEmpty())
                error = tr("This is not a V1 request: paste its method and path, then its JSON "
                           "body.");
        } else {
            MigrationRepository *journal = m_journal;
            const V2Conversion conversion
                = convertV1Request(request, [journal](const QString &token) {
                      return journal ? journal->accountIdForToken(tokenHash(token)) : QString();
                  });
            if (conversion.ok) {
                result = requestText(conversion);
                m_noteList = conversion.notes;
            } else {
                error = conversion.error;
            }
        }
    }
    m_output->setPlainText(result);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    QStringList bullets;
    for (const QString &note : std::as_const(m_noteList))
        bullets << tr("• %1").arg(note);
    m_notes->setText(bullets.join(QLatin1Char('\n')));
    m_notes->setVisible(!bullets.isEmpty());
    m_copy->setEnabled(!result.isEmpty());
    m_copyAction->setEnabled(!result.isEmpty());
}

void V1ConverterPanel::copyResult()
{
    if (m_debounce->isActive())
        convertNow(); // what is on screen is what was typed
    const QString text = m_output->toPlainText();
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("V2 request copied to the clipboard."));
}

} // namespace ld::ui
