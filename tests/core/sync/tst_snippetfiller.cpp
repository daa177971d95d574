// SnippetFiller: variables from a profile, unknown and empty ones refused by name, "{{" / "}}"
// as literal braces, and text that merely looks like a brace left alone.
#include "sync/snippetfiller.h"

#include <QTest>

using namespace ld;

class TstSnippetFiller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fill_data();
    void fill();
    void problemNamesTheVariables();
    void supportedVariables();

private:
    static MemberProfile ada()
    {
        MemberProfile p;
        p.firstName = QStringLiteral("Ada");
        p.lastName = QStringLiteral("Lovelace");
        p.company = QStringLiteral("Analytical Engines");
        p.headline = QStringLiteral("Mathematician");
        p.location = QStringLiteral("London");
        return p;
    }
};

void TstSnippetFiller::fill_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("noCompany");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("unknown");
    QTest::addColumn<QStringList>("empty");

    const QStringList none;
    QTest::newRow("plain") << QStringLiteral("Hello there") << false
                           << QStringLiteral("Hello there") << none << none;
    QTest::newRow("every variable")
        << QStringLiteral("{first_name}|{last_name}|{full_name}|{company}|{headline}|{location}")
        << false
        << QStringLiteral("Ada|Lovelace|Ada Lovelace|Analytical Engines|Mathematician|London")
        << none << none;
    QTest::newRow("repeated") << QStringLiteral("{first_name}, {first_name}!") << false
                              << QStringLiteral("Ada, Ada!") << none << none;
    QTest::newRow("case and spaces")
        << QStringLiteral("Hi { First_Name }") << false << QStringLiteral("Hi Ada") << none << none;
    QTest::newRow("literal braces") << QStringLiteral("{{first_name}} is {first_name}") << false
                                    << QStringLiteral("{first_name} is Ada") << none << none;
    QTest::newRow("a word in braces is a reference")
        << QStringLiteral("a { b } c } d {") << false << QStringLiteral("a { b } c } d {")
        << QStringList { QStringLiteral("b") } << none;
    QTest::newRow("unclosed") << QStringLiteral("smile :-{ ok") << false
                              << QStringLiteral("smile :-{ ok") << none << none;
    QTest::newRow("no reference across lines") << QStringLiteral("{first\n_name}") << false
                                               << QStringLiteral("{first\n_name}") << none << none;
    QTest::newRow("unknown stays as written")
        << QStringLiteral("Hi {nickname}, {nickname} and {title}") << false
        << QStringLiteral("Hi {nickname}, {nickname} and {title}")
        << QStringList { QStringLiteral("nickname"), QStringLiteral("title") } << none;
    QTest::newRow("empty braces") << QStringLiteral("x {} y") << false << QStringLiteral("x {} y")
                                  << QStringList { QString() } << none;
    QTest::newRow("profile without company") << QStringLiteral("Hi {first_name} at {company}")
                                             << true << QStringLiteral("Hi Ada at {company}")
                                             << none << QStringList { QStringLiteral("company") };
    QTest::newRow("emoji and right-to-left text")
        << QStringLiteral("👋 {first_name} — שלום") << false << QStringLiteral("👋 Ada — שלום")
        << none << none;
}

void TstSnippetFiller::fill()
{
    QFETCH(QString, body);
    QFETCH(bool, noCompany);
    QFETCH(QString, text);
    QFETCH(QStringList, unknown);
    QFETCH(QStringList, empty);

    MemberProfile p = ada();
    if (noCompany)
        p.company = QStringLiteral("   ");
    const FilledSnippet filled = SnippetFiller::fill(body, p);
    QCOMPARE(filled.text, text);
    QCOMPARE(filled.unknownVariables, unknown);
    QCOMPARE(filled.emptyVariables, empty);
    QCOMPARE(filled.ok(), unknown.isEmpty() && empty.isEmpty());
    QCOMPARE(filled.problem().isEmpty(), filled.ok());
}

void TstSnippetFiller::problemNamesTheVariables()
{
    MemberProfile p = ada();
    p.company.clear();
    const FilledSnippet filled
        = SnippetFiller::fill(QStringLiteral("{nickname} from {company}"), p);
    QVERIFY(!filled.ok());
    const QString problem = filled.problem();
    QVERIFY2(problem.contains(QStringLiteral("{nickname}")), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("{company}")), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("{first_name}")), qPrintable(problem)); // the choices
}

void TstSnippetFiller::supportedVariables()
{
    QCOMPARE(SnippetFiller::supportedVariables(),
        (QStringList { QStringLiteral("first_name"), QStringLiteral("last_name"),
            QStringLiteral("full_name"), QStringLiteral("company"), QStringLiteral("headline"),
            QStringLiteral("location") }));
}

QTEST_GUILESS_MAIN(TstSnippetFiller)
#include "tst_snippetfiller.moc"
