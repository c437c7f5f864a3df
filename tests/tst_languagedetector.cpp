// LanguageDetector: Devanagari Hindi, romanized Hinglish and English utterances.
#include "language/languagedetector.h"

#include <QtTest>

using namespace Leadline::Language;

class tst_LanguageDetector : public QObject
{
    Q_OBJECT
private slots:
    void detect_data();
    void detect();
    void confidenceOrders();
};

void tst_LanguageDetector::detect_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("Devanagari sentence") << QStringLiteral("मुझे दो बीएचके फ्लैट चाहिए") << QStringLiteral("hi");
    QTest::newRow("Devanagari with digits and BHK") << QStringLiteral("हाँ, 2 BHK चाहिए, बजट पचास लाख है") << QStringLiteral("hi");
    QTest::newRow("Hinglish answer") << QStringLiteral("Haan ji, mujhe 2 BHK chahiye") << QStringLiteral("hi-Latn");
    QTest::newRow("Hinglish callback") << QStringLiteral("kal shaam call karna") << QStringLiteral("hi-Latn");
    QTest::newRow("Hinglish mixed with English") << QStringLiteral("Budget 50 lakh hai, abhi nahi lena")
                                                 << QStringLiteral("hi-Latn");
    QTest::newRow("short ok ji") << QStringLiteral("ok ji") << QStringLiteral("hi-Latn");
    QTest::newRow("English sentence") << QStringLiteral("I am looking for a 2 BHK in Whitefield") << QStringLiteral("en");
    QTest::newRow("English with lakh") << QStringLiteral("My budget is around fifty lakh") << QStringLiteral("en");
    QTest::newRow("English to and do are not Hindi") << QStringLiteral("I do want to see it") << QStringLiteral("en");
    QTest::newRow("no letters") << QStringLiteral("123 ...") << QString();
}

void tst_LanguageDetector::detect()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const DetectedLanguage d = LanguageDetector::detect(text);
    QCOMPARE(d.code, code);
    if (code.isEmpty())
        QCOMPARE(d.confidence, 0.0);
    else
        QVERIFY2(d.confidence >= 0.5 && d.confidence <= 1.0, qPrintable(QString::number(d.confidence)));
}

void tst_LanguageDetector::confidenceOrders()
{
    // More Hindi words make Hinglish more certain; pure Devanagari is more certain than mixed.
    const double weak = LanguageDetector::detect(QStringLiteral("yes I will come kal to the site office")).confidence;
    const double strong = LanguageDetector::detect(QStringLiteral("haan ji kal aana hai mujhe")).confidence;
    QVERIFY(strong > weak);
    QVERIFY(LanguageDetector::detect(QStringLiteral("नमस्ते जी")).confidence
            > LanguageDetector::detect(QStringLiteral("नमस्ते जी, my budget is fifty")).confidence);
    QCOMPARE(LanguageDetector::devanagariShare(QStringLiteral("abc")), 0.0);
    QCOMPARE(LanguageDetector::devanagariShare(QStringLiteral("जी")), 1.0);
}

QTEST_GUILESS_MAIN(tst_LanguageDetector)
#include "tst_languagedetector.moc"
