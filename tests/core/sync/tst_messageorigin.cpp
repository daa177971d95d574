// Who wrote a message: profile URLs compared by their public id whatever their form, and the
// sender's name when the page gives no URL.
#include "sync/messageorigin_p.h"

#include <QTest>
#include <optional>

using namespace ld;

Q_DECLARE_METATYPE(std::optional<bool>)

class TstMessageOrigin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void profileKey_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("key");
        QTest::newRow("canonical")
            << QStringLiteral("https://www.linkedin.com/in/ada-l/") << QStringLiteral("ada-l");
        QTest::newRow("no scheme, no slash")
            << QStringLiteral("linkedin.com/in/Ada-L") << QStringLiteral("ada-l");
        QTest::newRow("query and sub-page")
            << QStringLiteral("https://linkedin.com/in/ada-l/details?x=1")
            << QStringLiteral("ada-l");
        QTest::newRow("percent-encoded")
            << QStringLiteral("https://www.linkedin.com/in/j%C3%BCrgen/")
            << QStringLiteral("jürgen");
        QTest::newRow("bare public id") << QStringLiteral(" ada-l ") << QStringLiteral("ada-l");
        QTest::newRow("empty") << QString() << QString();
    }
    void profileKey()
    {
        QFETCH(QString, input);
        QFETCH(QString, key);
        QCOMPARE(sync::profileKey(input), key);
    }

    void writtenByAccount_data()
    {
        QTest::addColumn<bool>("isMe");
        QTest::addColumn<QString>("senderUrl");
        QTest::addColumn<QString>("senderName");
        QTest::addColumn<std::optional<bool>>("mine");
        const QString other = QStringLiteral("https://www.linkedin.com/in/ada-l/");
        QTest::newRow("is_me says so") << true << other << QString() << std::optional<bool>(true);
        QTest::newRow("the other party's URL") << false << QStringLiteral("linkedin.com/in/ADA-L")
                                               << QString() << std::optional<bool>(false);
        QTest::newRow("another URL") << false << QStringLiteral("https://www.linkedin.com/in/me-1/")
                                     << QString() << std::optional<bool>(true);
        QTest::newRow("the other party's name")
            << false << QString() << QStringLiteral("ada lovelace") << std::optional<bool>(false);
        QTest::newRow("another name")
            << false << QString() << QStringLiteral("Camille Laurent") << std::optional<bool>(true);
        QTest::newRow("nothing to compare")
            << false << QString() << QString() << std::optional<bool>();
    }
    void writtenByAccount()
    {
        QFETCH(bool, isMe);
        QFETCH(QString, senderUrl);
        QFETCH(QString, senderName);
        QFETCH(std::optional<bool>, mine);
        Person other;
        other.name = QStringLiteral("Ada Lovelace");
        other.profileUrl = QStringLiteral("https://www.linkedin.com/in/ada-l/");
        Message m;
        m.isMe = isMe;
        m.senderProfileUrl = senderUrl;
        m.senderName = senderName;
        QCOMPARE(sync::writtenByAccount(m, other), mine);
    }

    void comparableText()
    {
        QCOMPARE(sync::comparableText(QStringLiteral("  a\r\nb\rc \n")), QStringLiteral("a\nb\nc"));
    }
};

QTEST_GUILESS_MAIN(TstMessageOrigin)
#include "tst_messageorigin.moc"
