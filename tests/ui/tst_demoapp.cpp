// linkup-desk as a person or CI starts it: --version prints the version without a display, and
// --demo --grab FILE opens the demo workspace and saves a screenshot of the main window.
#include "version.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TstDemoApp : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment offscreen()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("DISPLAY")); // never a real screen, never a session bus
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
        return env;
    }

private Q_SLOTS:
    void version()
    {
        QProcess p;
        QProcessEnvironment env = offscreen();
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // --version needs no platform at all
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LINKUP_DESK_PATH), { QStringLiteral("--version") });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral(LD_VERSION)), qPrintable(out));
    }

    void help()
    {
        QProcess p;
        p.setProcessEnvironment(offscreen());
        p.start(QStringLiteral(LINKUP_DESK_PATH), { QStringLiteral("--help") });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        for (const char *option : { "--demo", "--profile", "--grab", "--quit-after-paint" })
            QVERIFY2(out.contains(QLatin1String(option)), option);
    }

    void demoScreenshot()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("demo.png"));
        QProcess p;
        p.setProcessEnvironment(offscreen());
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral(LINKUP_DESK_PATH),
                { QStringLiteral("--demo"), QStringLiteral("--grab"), png });
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);

        const QImage image(png);
        QVERIFY2(!image.isNull(), "the screenshot is not a readable image");
        QVERIFY2(image.width() >= 640 && image.height() >= 400,
                 qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
        QVERIFY(image.width() <= 8192 && image.height() <= 8192);
        // Not a blank frame: a painted window has many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }

    void quitAfterPaintPrintsFigures()
    {
        QProcess p;
        p.setProcessEnvironment(offscreen());
        p.start(QStringLiteral(LINKUP_DESK_PATH),
                { QStringLiteral("--demo"), QStringLiteral("--quit-after-paint") });
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("first-paint-ms: ")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("peak-rss-kb: ")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TstDemoApp)
#include "tst_demoapp.moc"
