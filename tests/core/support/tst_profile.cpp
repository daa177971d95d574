#include "support/profile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using ld::Profile;

class TstProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createsAMissingFolder();
    void idIsShortStableAndPerFolder();
    void defaultLocationUsesThePlainKeychainService();
    void refusesAFolderThatCannotBeCreated();
    void throwAwayIsRemovedOnRequest();
};

void TstProfile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // never touch the real app data folder
}

void TstProfile::createsAMissingFolder()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("a/b/profile"));
    const Profile p = Profile::open(dir);
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    QVERIFY(QFileInfo(dir).isDir());
    QCOMPARE(p.dir(), QFileInfo(dir).canonicalFilePath());
    QCOMPARE(p.databasePath(), p.dir() + QStringLiteral("/linkup-desk.sqlite"));
    QCOMPARE(p.settingsPath(), p.dir() + QStringLiteral("/settings.ini"));
    QCOMPARE(p.logDir(), p.dir() + QStringLiteral("/logs"));
    QVERIFY(!p.isThrowAway());
    QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden).size(), 0); // the write probe is gone
}

void TstProfile::idIsShortStableAndPerFolder()
{
    QTemporaryDir tmp;
    const Profile a = Profile::open(tmp.filePath(QStringLiteral("one")));
    const Profile again = Profile::open(tmp.filePath(QStringLiteral("x/../one/.")));
    const Profile b = Profile::open(tmp.filePath(QStringLiteral("two")));
    QVERIFY(a.isValid() && again.isValid() && b.isValid());
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{10}$")).match(a.id()).hasMatch());
    QCOMPARE(again.id(), a.id());
    QVERIFY(a.id() != b.id());

    QVERIFY(QFile::link(a.dir(), tmp.filePath(QStringLiteral("link"))));
    QCOMPARE(Profile::open(tmp.filePath(QStringLiteral("link"))).id(), a.id());

    QCOMPARE(a.keychainService(), QStringLiteral("LinkUp Desk (%1)").arg(a.id()));
    QVERIFY(a.keychainService() != b.keychainService());
}

void TstProfile::defaultLocationUsesThePlainKeychainService()
{
    const Profile p = Profile::open();
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    const QString expected = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QCOMPARE(p.dir(), QFileInfo(expected).canonicalFilePath());
    QCOMPARE(p.keychainService(), QStringLiteral("LinkUp Desk"));
}

void TstProfile::refusesAFolderThatCannotBeCreated()
{
    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("plain-file"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QString dir = file + QStringLiteral("/profile"); // a folder inside a file: impossible
    const Profile p = Profile::open(dir);
    QVERIFY(!p.isValid());
    QVERIFY2(p.error().contains(QDir::toNativeSeparators(dir)), qPrintable(p.error()));
    QVERIFY(p.databasePath().isEmpty());
}

void TstProfile::throwAwayIsRemovedOnRequest()
{
    const Profile p = Profile::throwAway();
    QVERIFY2(p.isValid(), qPrintable(p.error()));
    QVERIFY(p.isThrowAway());
    QVERIFY(QFileInfo(p.dir()).isDir());
    QVERIFY(p.keychainService().contains(p.id()));
    {
        QFile f(p.databasePath());
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    p.removeThrowAway();
    QVERIFY(!QFileInfo::exists(p.dir()));

    const Profile kept = Profile::open(QDir::tempPath() + QStringLiteral("/ld-tst-profile-kept"));
    kept.removeThrowAway(); // not a throw-away one: nothing happens
    QVERIFY(QFileInfo(kept.dir()).isDir());
    QDir(kept.dir()).removeRecursively();
}

QTEST_GUILESS_MAIN(TstProfile)
#include "tst_profile.moc"
