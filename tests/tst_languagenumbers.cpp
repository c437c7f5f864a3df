// NumberWords: English, Devanagari and romanized Hindi number words, and digits with Indian
// grouping.
#include "language/numberwords.h"

#include <QtTest>

using namespace Leadline::Language;

class tst_LanguageNumbers : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void hindiWord();
};

void tst_LanguageNumbers::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");

    auto row = [](const char *name, const QString &text, double v) { QTest::newRow(name) << text << true << v; };
    auto reject = [](const char *name, const QString &text) { QTest::newRow(name) << text << false << 0.0; };
    row("en fifty", QStringLiteral("fifty"), 50);
    row("en twenty-five hyphen", QStringLiteral("twenty-five"), 25);
    row("en one point two", QStringLiteral("one point two"), 1.2);
    row("en two and a half", QStringLiteral("two and a half"), 2.5);
    row("en one hundred and twenty", QStringLiteral("one hundred and twenty"), 120);
    row("en fifteen hundred", QStringLiteral("fifteen hundred"), 1500);
    row("en fifty thousand", QStringLiteral("fifty thousand"), 50000);
    row("en a hundred", QStringLiteral("a hundred"), 100);
    row("en half", QStringLiteral("half"), 0.5);
    row("hi pachas", QStringLiteral("पचास"), 50);
    row("hi dedh", QStringLiteral("डेढ़"), 1.5);
    row("hi dedh decomposed nukta", QString::fromUtf8("\xe0\xa4\xa1\xe0\xa5\x87\xe0\xa4\xa2\xe0\xa4\xbc"), 1.5);
    row("hi dhai", QStringLiteral("ढाई"), 2.5);
    row("hi sawa do", QStringLiteral("सवा दो"), 2.25);
    row("hi saadhe teen", QStringLiteral("साढ़े तीन"), 3.5);
    row("hi paune do", QStringLiteral("पौने दो"), 1.75);
    row("hi do hazaar paanch sau", QStringLiteral("दो हज़ार पाँच सौ"), 2500);
    row("hi paanch with anusvara", QStringLiteral("पांच"), 5);
    row("hi-Latn pachas", QStringLiteral("pachas"), 50);
    row("hi-Latn dedh", QStringLiteral("dedh"), 1.5);
    row("hi-Latn dhai", QStringLiteral("dhai"), 2.5);
    row("hi-Latn saadhe teen", QStringLiteral("saadhe teen"), 3.5);
    row("hi-Latn teen", QStringLiteral("teen"), 3);
    row("hi-Latn do", QStringLiteral("do"), 2);
    row("hi-Latn ek", QStringLiteral("ek"), 1);
    row("hi-Latn pachattar", QStringLiteral("pachattar"), 75);
    row("hi-Latn dedh sau", QStringLiteral("dedh sau"), 150);
    row("digits Indian grouping", QStringLiteral("45,00,000"), 4500000);
    row("digits Indian grouping crore", QStringLiteral("1,20,00,000"), 12000000);
    row("digits western grouping", QStringLiteral("4,500,000"), 4500000);
    row("digits decimal", QStringLiteral("1.5"), 1.5);
    row("digits Devanagari", QStringLiteral("४५"), 45);
    row("digits and a half", QStringLiteral("2 and a half"), 2.5);
    reject("reject malformed grouping", QStringLiteral("45,000,00"));
    reject("reject short group", QStringLiteral("4,5"));
    reject("reject two numbers", QStringLiteral("five twenty"));
    reject("reject a time", QStringLiteral("6:30"));
    reject("reject words", QStringLiteral("a good amount"));
    reject("reject saadhe alone", QStringLiteral("saadhe"));
    reject("reject empty", QString());
}

void tst_LanguageNumbers::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(double, value);
    const std::optional<double> v = NumberWords::parse(text);
    QCOMPARE(v.has_value(), ok);
    if (ok)
        QCOMPARE(*v, value);
}

void tst_LanguageNumbers::hindiWord()
{
    QCOMPARE(NumberWords::hindiWord(50), QStringLiteral("पचास"));
    QCOMPARE(NumberWords::hindiWord(20), QStringLiteral("बीस"));
    QCOMPARE(NumberWords::hindiWord(99), QStringLiteral("निन्यानवे"));
    QVERIFY(NumberWords::hindiWord(101).isEmpty());
    // Every word 1..99 reads back as its own value.
    for (int n = 1; n <= 99; ++n)
        QCOMPARE(NumberWords::parse(NumberWords::hindiWord(n)), std::optional<double>(n));
}

QTEST_GUILESS_MAIN(tst_LanguageNumbers)
#include "tst_languagenumbers.moc"
