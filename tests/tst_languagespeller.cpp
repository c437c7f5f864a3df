// IndianNumberSpeller: amounts in lakh and crore, in English and Hindi words.
#include "language/indiannumberspeller.h"

#include <QtTest>

using namespace Leadline::Language;
using Lang = IndianNumberSpeller::Lang;

class tst_LanguageSpeller : public QObject
{
    Q_OBJECT
private slots:
    void spell_data();
    void spell();
    void amountsInText_data();
    void amountsInText();
};

void tst_LanguageSpeller::spell_data()
{
    QTest::addColumn<qint64>("n");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("hindi");
    QTest::newRow("fifty lakh") << qint64(5000000) << QStringLiteral("fifty lakh") << QStringLiteral("पचास लाख");
    QTest::newRow("one crore twenty lakh") << qint64(12000000) << QStringLiteral("one crore twenty lakh")
                                           << QStringLiteral("एक करोड़ बीस लाख");
    QTest::newRow("one lakh fifty thousand") << qint64(150000) << QStringLiteral("one lakh fifty thousand")
                                             << QStringLiteral("एक लाख पचास हज़ार");
    QTest::newRow("forty five lakh") << qint64(4500000) << QStringLiteral("forty five lakh") << QStringLiteral("पैंतालीस लाख");
    QTest::newRow("mixed groups") << qint64(23456789)
                                  << QStringLiteral("two crore thirty four lakh fifty six thousand seven hundred eighty nine")
                                  << QStringLiteral("दो करोड़ चौंतीस लाख छप्पन हज़ार सात सौ नवासी");
    QTest::newRow("hundred crore") << qint64(1000000000) << QStringLiteral("one hundred crore") << QStringLiteral("एक सौ करोड़");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("zero") << QStringLiteral("शून्य");
    QTest::newRow("seventy five") << qint64(75) << QStringLiteral("seventy five") << QStringLiteral("पचहत्तर");
    QTest::newRow("negative") << qint64(-5000) << QStringLiteral("minus five thousand") << QStringLiteral("माइनस पाँच हज़ार");
}

void tst_LanguageSpeller::spell()
{
    QFETCH(qint64, n);
    QFETCH(QString, english);
    QFETCH(QString, hindi);
    QCOMPARE(IndianNumberSpeller::spell(n, Lang::English), english);
    QCOMPARE(IndianNumberSpeller::spell(n, Lang::Hindi), hindi);
    QCOMPARE(IndianNumberSpeller::spell(n, QStringLiteral("hi")), hindi);
    QCOMPARE(IndianNumberSpeller::spell(n, QStringLiteral("en-IN")), english);
}

void tst_LanguageSpeller::amountsInText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en lakh") << QStringLiteral("Your budget is 50 lakh.") << int(Lang::English)
                             << QStringLiteral("Your budget is fifty lakh.");
    QTest::newRow("en crore decimal") << QStringLiteral("Around 1.2 crore, right?") << int(Lang::English)
                                      << QStringLiteral("Around one crore twenty lakh, right?");
    QTest::newRow("hi rupee sign") << QStringLiteral("कीमत ₹45,00,000 है।") << int(Lang::Hindi)
                                   << QStringLiteral("कीमत पैंतालीस लाख रुपये है।");
    QTest::newRow("hi lakh") << QStringLiteral("बजट 50 लाख है") << int(Lang::Hindi) << QStringLiteral("बजट पचास लाख है");
    QTest::newRow("en capitalised Crore") << QStringLiteral("Only 2 Crore!") << int(Lang::English)
                                          << QStringLiteral("Only two crore!");
    QTest::newRow("hi Devanagari digits") << QStringLiteral("बजट ५० लाख") << int(Lang::Hindi) << QStringLiteral("बजट पचास लाख");
    QTest::newRow("hi decomposed nukta crore") << QString::fromUtf8("1.5 \xe0\xa4\x95\xe0\xa4\xb0\xe0\xa5\x8b\xe0\xa4\xa1\xe0\xa4\xbc")
                                               << int(Lang::Hindi) << QStringLiteral("एक करोड़ पचास लाख");
    QTest::newRow("other numbers untouched") << QStringLiteral("2 BHK on floor 3") << int(Lang::English)
                                             << QStringLiteral("2 BHK on floor 3");
}

void tst_LanguageSpeller::amountsInText()
{
    QFETCH(QString, text);
    QFETCH(int, lang);
    QFETCH(QString, expected);
    QCOMPARE(IndianNumberSpeller::spellAmountsInText(text, Lang(lang)), expected);
}

QTEST_GUILESS_MAIN(tst_LanguageSpeller)
#include "tst_languagespeller.moc"
