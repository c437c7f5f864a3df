// SentenceSplitter: streaming sentence boundaries for TTS, mixed scripts, numbers kept whole.
#include "language/sentencesplitter.h"

#include <QtTest>

using namespace Leadline::Language;

class tst_LanguageSplitter : public QObject
{
    Q_OBJECT
private slots:
    void split_data();
    void split();
    void streaming();
    void holdsDotUntilNextChar();
    void firstClauseStartsTheVoice();
};

void tst_LanguageSplitter::split_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("sentences");
    QTest::newRow("two English sentences") << QStringLiteral("Hello Rahul. How are you?")
                                           << QStringList{QStringLiteral("Hello Rahul."), QStringLiteral("How are you?")};
    QTest::newRow("decimal stays whole") << QStringLiteral("The price is 1.5 crore. Shall I book a visit?")
                                         << QStringList{QStringLiteral("The price is 1.5 crore."),
                                                        QStringLiteral("Shall I book a visit?")};
    QTest::newRow("Indian grouping stays whole") << QStringLiteral("It costs ₹45,00,000. Good deal!")
                                                 << QStringList{QStringLiteral("It costs ₹45,00,000."),
                                                                QStringLiteral("Good deal!")};
    QTest::newRow("Rs. is not an end") << QStringLiteral("Only Rs. 50 lakh. Interested?")
                                       << QStringList{QStringLiteral("Only Rs. 50 lakh."), QStringLiteral("Interested?")};
    QTest::newRow("Mr. and Dr.") << QStringLiteral("Mr. Sharma met Dr. Rao. They agreed.")
                                 << QStringList{QStringLiteral("Mr. Sharma met Dr. Rao."), QStringLiteral("They agreed.")};
    QTest::newRow("approx.") << QStringLiteral("It is approx. 1200 sq. ft. in size. Nice.")
                             << QStringList{QStringLiteral("It is approx. 1200 sq. ft. in size."), QStringLiteral("Nice.")};
    QTest::newRow("danda") << QStringLiteral("नमस्ते जी। आपका बजट क्या है?")
                           << QStringList{QStringLiteral("नमस्ते जी।"), QStringLiteral("आपका बजट क्या है?")};
    QTest::newRow("double danda") << QStringLiteral("धन्यवाद॥ फिर मिलेंगे")
                                  << QStringList{QStringLiteral("धन्यवाद॥"), QStringLiteral("फिर मिलेंगे")};
    QTest::newRow("mixed scripts") << QStringLiteral("Great! आपका बजट 1.5 करोड़ है। Shall we proceed?")
                                   << QStringList{QStringLiteral("Great!"), QStringLiteral("आपका बजट 1.5 करोड़ है।"),
                                                  QStringLiteral("Shall we proceed?")};
    QTest::newRow("newline ends") << QStringLiteral("First line\nSecond line")
                                  << QStringList{QStringLiteral("First line"), QStringLiteral("Second line")};
    QTest::newRow("?! run and quote") << QStringLiteral("Really?! \"Yes.\" Ok")
                                      << QStringList{QStringLiteral("Really?!"), QStringLiteral("\"Yes.\""),
                                                     QStringLiteral("Ok")};
    QTest::newRow("amt. and initials") << QStringLiteral("Mr. A. K. Sharma says booking amt. is Rs. 50,000. Ok?")
                                       << QStringList{QStringLiteral("Mr. A. K. Sharma says booking amt. is Rs. 50,000."),
                                                      QStringLiteral("Ok?")};
    QTest::newRow("time 6.30") << QStringLiteral("Call at 6.30 pm. Thanks.")
                               << QStringList{QStringLiteral("Call at 6.30 pm."), QStringLiteral("Thanks.")};
}

void tst_LanguageSplitter::split()
{
    QFETCH(QString, text);
    QFETCH(QStringList, sentences);
    QCOMPARE(SentenceSplitter::split(text), sentences);
}

void tst_LanguageSplitter::streaming()
{
    // Token-sized chunks as an LLM streams them; cuts fall inside "1.5" and "45,00,000".
    const QStringList chunks = {QStringLiteral("आपका बजट 1"), QStringLiteral("."), QStringLiteral("5 करोड़ है"),
                                QStringLiteral("। Price is ₹45,"), QStringLiteral("00,"), QStringLiteral("000"),
                                QStringLiteral("."), QStringLiteral(" Ok"), QStringLiteral("?")};
    SentenceSplitter s;
    QStringList out;
    QList<int> emittedAt;
    for (int k = 0; k < chunks.size(); ++k) {
        const QStringList got = s.feed(chunks.at(k));
        for (const QString &g : got) {
            out << g;
            emittedAt << k;
        }
    }
    const QString rest = s.flush();
    QCOMPARE(out, (QStringList{QStringLiteral("आपका बजट 1.5 करोड़ है।"), QStringLiteral("Price is ₹45,00,000.")}));
    QCOMPARE(emittedAt, (QList<int>{3, 7})); // each as soon as the character after its end arrived
    QCOMPARE(rest, QStringLiteral("Ok?"));
    QCOMPARE(s.flush(), QString());
}

void tst_LanguageSplitter::holdsDotUntilNextChar()
{
    SentenceSplitter s;
    QCOMPARE(s.feed(QStringLiteral("It is 1.")), QStringList());
    QCOMPARE(s.feed(QStringLiteral("5 crore.")), QStringList());
    QCOMPARE(s.feed(QStringLiteral(" ")), QStringList{QStringLiteral("It is 1.5 crore.")});
    QCOMPARE(s.flush(), QString());
}

void tst_LanguageSplitter::firstClauseStartsTheVoice()
{
    SentenceSplitter s;
    s.setFirstClauseWords(1);
    // Token-sized chunks: the first clause goes as soon as its comma after a word arrives (not a
    // token later, with the space after it).
    QCOMPARE(s.feed(QStringLiteral("Wond")), QStringList());
    QCOMPARE(s.feed(QStringLiteral("erful")), QStringList());
    QCOMPARE(s.feed(QStringLiteral(",")), QStringList{QStringLiteral("Wonderful,")});
    QCOMPARE(s.feed(QStringLiteral(" thank you, Aarav ji, for ")), QStringList());
    // Then whole sentences only (later commas do not cut).
    QCOMPARE(s.feed(QStringLiteral("your time. Budget?")), QStringList{QStringLiteral("thank you, Aarav ji, for your time.")});
    QCOMPARE(s.flush(), QStringLiteral("Budget?"));

    SentenceSplitter n; // a number's commas are no clause
    n.setFirstClauseWords(1);
    QCOMPARE(n.feed(QStringLiteral("₹45,00,000 fits. ")), QStringList{QStringLiteral("₹45,00,000 fits.")});
    SentenceSplitter digits; // a comma after a digit waits for the next character
    digits.setFirstClauseWords(1);
    QCOMPARE(digits.feed(QStringLiteral("₹45,")), QStringList());
    QCOMPARE(digits.feed(QStringLiteral("00,000 fits. ")), QStringList{QStringLiteral("₹45,00,000 fits.")});
    SentenceSplitter hindi; // a word ending in a vowel sign is a word
    hindi.setFirstClauseWords(1);
    QCOMPARE(hindi.feed(QStringLiteral("जी,")), QStringList{QStringLiteral("जी,")});
    SentenceSplitter two; // too short a clause waits for the sentence
    two.setFirstClauseWords(2);
    QCOMPARE(two.feed(QStringLiteral("Ji, bilkul theek hai, ")), QStringList{QStringLiteral("Ji, bilkul theek hai,")});
    SentenceSplitter off; // default: sentences only
    QCOMPARE(off.feed(QStringLiteral("Wonderful, thank you. ")), QStringList{QStringLiteral("Wonderful, thank you.")});
}

QTEST_GUILESS_MAIN(tst_LanguageSplitter)
#include "tst_languagesplitter.moc"
