// DraftAutosaver: what the composer reports is in the store within a second — after a short
// pause, and at least every second while the person keeps typing — the first change creates
// the draft, a failed save is retried, and a process killed mid-typing loses at most about a
// second of it (draft_typist, a child process, is SIGKILLed).
#include "store/database.h"
#include "store/draftrepository.h"
#include "sync/draftautosaver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ld;

class TstDraftAutosaver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstChangeCreatesTheDraft();
    void blankComposerCreatesNothing();
    void quietPeriodSaves();
    void burstIsSavedAtLeastEverySecond();
    void flushSavesNow();
    void failedSaveIsRetried_data();
    void failedSaveIsRetried();
    void refusedDraftContinuesAsANewDraft();
    void switchingDraftsSavesThePrevious();
    void destructorFlushes();
    void killedWhileTypingLosesAtMostASecond();

private:
    QString storedText(qint64 id) const;
    qint64 createDraft(const QString &text);
    bool exec(const QString &sql);
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DraftRepository> m_drafts;
};

namespace {

constexpr int kWait = 20000;

Draft content(const QString &text, const QString &account = QStringLiteral("acc-1"))
{
    Draft d;
    d.accountId = account;
    d.text = text;
    return d;
}

// The text the kill test types: long enough that the child is killed mid-typing, with
// characters outside the BMP and right-to-left ones, typed one code point at a time.
QString typedText()
{
    QString text;
    const QString sentence = QStringLiteral("Draft %1 🚀 survives a kill — مرحبا שלום. ");
    for (int i = 0; text.size() < 2000; ++i)
        text += sentence.arg(i);
    return text;
}

} // namespace

void TstDraftAutosaver::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
    m_drafts = std::make_unique<DraftRepository>(m_db.get());
}

void TstDraftAutosaver::cleanup()
{
    m_drafts.reset();
    m_db.reset();
}

QString TstDraftAutosaver::storedText(qint64 id) const
{
    const auto d = m_drafts->find(id);
    return d ? d->text : QString();
}

qint64 TstDraftAutosaver::createDraft(const QString &text)
{
    return m_drafts->create(content(text));
}

bool TstDraftAutosaver::exec(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    return q.exec(sql);
}

void TstDraftAutosaver::firstChangeCreatesTheDraft()
{
    DraftAutosaver autosaver(m_drafts.get());
    QSignalSpy created(&autosaver, &DraftAutosaver::draftCreated);
    QSignalSpy saved(&autosaver, &DraftAutosaver::saved);
    QCOMPARE(autosaver.draftId(), qint64(0));

    Draft c = content(QStringLiteral("H"));
    c.companyUrl = QStringLiteral("https://www.linkedin.com/company/acme/");
    autosaver.contentChanged(c);
    QVERIFY(autosaver.hasUnsavedChanges());
    QVERIFY(created.wait(kWait));
    const qint64 id = created.at(0).at(0).toLongLong();
    QVERIFY(id > 0);
    QCOMPARE(autosaver.draftId(), id);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(0).toLongLong(), id);
    QVERIFY(!autosaver.hasUnsavedChanges());
    const auto d = m_drafts->find(id);
    QCOMPARE(d->text, QStringLiteral("H"));
    QCOMPARE(d->accountId, QStringLiteral("acc-1"));
    QCOMPARE(d->companyUrl, c.companyUrl);
    QCOMPARE(d->state, Draft::State::Draft);

    autosaver.contentChanged(content(QStringLiteral("He")));
    QTRY_COMPARE_WITH_TIMEOUT(storedText(id), QStringLiteral("He"), kWait);
    QCOMPARE(created.count(), 1);
    QCOMPARE(m_drafts->list().size(), 1);
}

void TstDraftAutosaver::blankComposerCreatesNothing()
{
    QSignalSpy changed(m_drafts.get(), &DraftRepository::draftChanged);
    DraftAutosaver autosaver(m_drafts.get());
    autosaver.contentChanged(content(QString(), QStringLiteral("acc-2"))); // account chosen only
    QVERIFY(autosaver.flush());
    QVERIFY(!autosaver.hasUnsavedChanges());
    QCOMPARE(autosaver.draftId(), qint64(0));
    QVERIFY(m_drafts->list().isEmpty());
    QCOMPARE(changed.count(), 0);

    Draft withImage = content(QString());
    PostMediaRef image;
    image.path = QStringLiteral("/tmp/photo.png");
    withImage.media = { image };
    autosaver.contentChanged(withImage); // an image alone is a post
    QVERIFY(autosaver.flush());
    QVERIFY(autosaver.draftId() > 0);
    QCOMPARE(m_drafts->find(autosaver.draftId())->media, withImage.media);
}

void TstDraftAutosaver::quietPeriodSaves()
{
    const qint64 id = createDraft(QStringLiteral("Hello"));
    DraftAutosaver autosaver(m_drafts.get());
    autosaver.setDraftId(id);
    QSignalSpy saved(&autosaver, &DraftAutosaver::saved);

    QElapsedTimer clock;
    clock.start();
    for (const QString &t : { QStringLiteral("Hello,"), QStringLiteral("Hello, w"),
             QStringLiteral("Hello, wo"), QStringLiteral("Hello, world") })
        autosaver.contentChanged(content(t));
    QVERIFY(saved.wait(kWait));
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(storedText(id), QStringLiteral("Hello, world"));
    QCOMPARE(saved.count(), 1); // one save for the burst, not one per change
    QCOMPARE(saved.at(0).at(0).toLongLong(), id);
    QVERIFY(!autosaver.hasUnsavedChanges());
    QVERIFY(autosaver.lastSavedAt().isValid());
    // A precise timer never fires early; the upper bound only tells the pause from the
    // deadline, with 700 ms to spare.
    QVERIFY2(elapsed >= DraftAutosaver::QuietMs, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < DraftAutosaver::MaxDelayMs, qPrintable(QString::number(elapsed)));
}

void TstDraftAutosaver::burstIsSavedAtLeastEverySecond()
{
    DraftAutosaver autosaver(m_drafts.get());
    QSignalSpy saved(&autosaver, &DraftAutosaver::saved);
    // A change every 50 ms for 3 s: the pause never comes, only the deadline saves.
    QString typed;
    QElapsedTimer clock;
    QTimer keys;
    keys.setInterval(50);
    connect(&keys, &QTimer::timeout, this, [&] {
        if (clock.elapsed() >= 3000) {
            keys.stop();
            return;
        }
        typed += QLatin1Char(char('a' + typed.size() % 26));
        autosaver.contentChanged(content(typed));
    });
    clock.start();
    keys.start();

    auto stored = [&] { return storedText(autosaver.draftId()); };
    for (int round = 0; round < 2; ++round) {
        // Something typed after the last save, then the save that holds it.
        QTRY_VERIFY_WITH_TIMEOUT(typed.size() > stored().size() + 1, kWait);
        const QString target = typed;
        QTRY_VERIFY_WITH_TIMEOUT(autosaver.draftId() != 0 && stored().startsWith(target), 2500);
        QVERIFY2(keys.isActive(), "saved while the typing went on, not only once it stopped");
        QVERIFY(typed.startsWith(stored()));
    }
    const int savedWhileTyping = saved.count();
    QVERIFY2(savedWhileTyping >= 2, qPrintable(QString::number(savedWhileTyping)));

    QTRY_VERIFY_WITH_TIMEOUT(!keys.isActive(), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(stored(), typed, kWait);
    QVERIFY(!autosaver.hasUnsavedChanges());
    QCOMPARE(m_drafts->list().size(), 1);
}

void TstDraftAutosaver::flushSavesNow()
{
    const qint64 id = createDraft(QStringLiteral("before"));
    DraftAutosaver autosaver(m_drafts.get());
    autosaver.setDraftId(id);
    QSignalSpy saved(&autosaver, &DraftAutosaver::saved);
    QVERIFY(autosaver.flush()); // nothing pending
    QCOMPARE(saved.count(), 0);

    autosaver.contentChanged(content(QStringLiteral("after, before publishing")));
    QCOMPARE(storedText(id), QStringLiteral("before")); // not at once: debounced
    QVERIFY(autosaver.flush());
    QCOMPARE(storedText(id), QStringLiteral("after, before publishing"));
    QCOMPARE(saved.count(), 1);
    QVERIFY(!autosaver.hasUnsavedChanges());
    QVERIFY(autosaver.lastError().isEmpty());
    QVERIFY(autosaver.flush());
    QCOMPARE(saved.count(), 1);
}

void TstDraftAutosaver::failedSaveIsRetried_data()
{
    QTest::addColumn<bool>("existing");
    QTest::newRow("saving") << true;
    QTest::newRow("creating") << false;
}

void TstDraftAutosaver::failedSaveIsRetried()
{
    QFETCH(bool, existing);
    const qint64 id = existing ? createDraft(QStringLiteral("kept")) : 0;
    DraftAutosaver autosaver(m_drafts.get());
    autosaver.setDraftId(id);
    QSignalSpy failed(&autosaver, &DraftAutosaver::saveFailed);
    QSignalSpy saved(&autosaver, &DraftAutosaver::saved);
    // A full disk, as far as this connection (the repository's) can tell.
    const QString event = existing ? QStringLiteral("UPDATE") : QStringLiteral("INSERT");
    QVERIFY(exec(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE %1 ON post_drafts "
                                "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
                     .arg(event)));

    autosaver.contentChanged(content(QStringLiteral("typed while the disk was full")));
    QVERIFY(!autosaver.flush());
    QCOMPARE(failed.count(), 1);
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.endsWith(QLatin1Char('.')) && reason.size() > 20, qPrintable(reason));
    QCOMPARE(autosaver.lastError(), reason);
    QVERIFY(autosaver.hasUnsavedChanges());
    QCOMPARE(autosaver.draftId(), id);
    QCOMPARE(m_drafts->list().size(), existing ? 1 : 0);
    if (existing)
        QCOMPARE(storedText(id), QStringLiteral("kept"));

    // The timer retries on its own, with no further change.
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 2, kWait);
    QVERIFY(exec(QStringLiteral("DROP TRIGGER refuse")));
    QTRY_VERIFY_WITH_TIMEOUT(!autosaver.hasUnsavedChanges(), kWait);
    QVERIFY(autosaver.draftId() > 0);
    QCOMPARE(storedText(autosaver.draftId()), QStringLiteral("typed while the disk was full"));
    QVERIFY(autosaver.lastError().isEmpty());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(m_drafts->list().size(), 1);
}

void TstDraftAutosaver::refusedDraftContinuesAsANewDraft()
{
    const qint64 id = createDraft(QStringLiteral("Scheduled text"));
    DraftAutosaver autosaver(m_drafts.get());
    autosaver.setDraftId(id);
    QSignalSpy created(&autosaver, &DraftAutosaver::draftCreated);
    // Another window schedules it while this composer still has it open.
    Draft scheduled;
    scheduled.state = Draft::State::Scheduled;
    scheduled.scheduledAt = QDateTime::currentDateTimeUtc().addDays(1);
    QVERIFY(m_drafts->transition(id, Draft::State::Draft, scheduled));

    autosaver.contentChanged(content(QStringLiteral("Scheduled text, and a change")));
    QVERIFY(autosaver.flush());
    QCOMPARE(created.count(), 1);
    const qint64 fresh = created.at(0).at(0).toLongLong();
    QVERIFY(fresh != id);
    QCOMPARE(autosaver.draftId(), fresh);
    QCOMPARE(storedText(fresh), QStringLiteral("Scheduled text, and a change"));
    QCOMPARE(storedText(id), QStringLiteral("Scheduled text")); // what was scheduled stays
    QCOMPARE(m_drafts->find(id)->state, Draft::State::Scheduled);
}

void TstDraftAutosaver::switchingDraftsSavesThePrevious()
{
    const qint64 a = createDraft(QStringLiteral("A"));
    const qint64 b = createDraft(QStringLiteral("B"));
    DraftAutosaver autosaver(m_drafts.get());
    autosaver.setDraftId(a);
    autosaver.contentChanged(content(QStringLiteral("A, edited")));
    autosaver.setDraftId(b);
    QCOMPARE(storedText(a), QStringLiteral("A, edited"));
    QVERIFY(!autosaver.hasUnsavedChanges());
    autosaver.contentChanged(content(QStringLiteral("B, edited")));
    QVERIFY(autosaver.flush());
    QCOMPARE(storedText(b), QStringLiteral("B, edited"));
    QCOMPARE(storedText(a), QStringLiteral("A, edited"));
}

void TstDraftAutosaver::destructorFlushes()
{
    const qint64 id = createDraft(QStringLiteral("open"));
    {
        DraftAutosaver autosaver(m_drafts.get());
        autosaver.setDraftId(id);
        autosaver.contentChanged(content(QStringLiteral("closed right after typing")));
    }
    QCOMPARE(storedText(id), QStringLiteral("closed right after typing"));
}

void TstDraftAutosaver::killedWhileTypingLosesAtMostASecond()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString text = typedText();
    const QList<uint> characters = text.toUcs4();
    QFile textFile(dir.filePath(QStringLiteral("text.txt")));
    QVERIFY(textFile.open(QIODevice::WriteOnly));
    textFile.write(text.toUtf8());
    textFile.close();
    const QString databasePath = dir.filePath(QStringLiteral("linkup-desk.sqlite"));

    // One character every 20 ms: 50 a second.
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(DRAFT_TYPIST_PATH),
        { databasePath, QStringLiteral("acc-1"), textFile.fileName(), QStringLiteral("20") });
    QVERIFY(child.waitForStarted(kWait));
    QByteArray output;
    const QRegularExpression typedLine(QStringLiteral("typed (\\d+)\\n"));
    auto lastTyped = [&] {
        output += child.readAllStandardOutput();
        int last = 0;
        for (auto it = typedLine.globalMatch(QString::fromUtf8(output)); it.hasNext();)
            last = it.next().captured(1).toInt();
        return last;
    };
    // A few seconds in: several deadline saves behind it, far from the end of the text.
    QTRY_VERIFY_WITH_TIMEOUT(lastTyped() >= 170, kWait);
    child.kill(); // SIGKILL: no handler, no flush
    QVERIFY(child.waitForFinished(kWait));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    const int typed = lastTyped(); // everything it printed before it died
    QVERIFY2(typed < characters.size(), "killed mid-typing");
    QVERIFY2(!output.contains("failed"), output.constData());
    const QRegularExpressionMatch draftLine
        = QRegularExpression(QStringLiteral("draft (\\d+)\\n")).match(QString::fromUtf8(output));
    QVERIFY2(draftLine.hasMatch(), output.constData());

    // The restart.
    Database db;
    QVERIFY2(db.open(databasePath), qPrintable(db.errorString()));
    DraftRepository drafts(&db);
    const QList<Draft> list = drafts.list();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.constFirst().id, draftLine.captured(1).toLongLong());
    QCOMPARE(list.constFirst().accountId, QStringLiteral("acc-1"));
    const QList<uint> stored = list.constFirst().text.toUcs4();
    QCOMPARE(stored, characters.mid(0, stored.size())); // a prefix, character for character
    QVERIFY2(stored.size() <= typed, qPrintable(QString::number(stored.size())));
    // About a second of typing (50 characters) may be lost, and a little more when the
    // machine is busy; a save per keystroke is not required, nor does it make this fail.
    const int lost = typed - static_cast<int>(stored.size());
    QVERIFY2(lost <= 50 + 30,
        qPrintable(QStringLiteral("%1 characters lost of %2 typed").arg(lost).arg(typed)));
}

QTEST_GUILESS_MAIN(TstDraftAutosaver)
#include "tst_draftautosaver.moc"
