// Phrases: backchannels that must not interrupt the agent, and do-not-call requests.
#include "language/phrases.h"

#include <QtTest>

using namespace Leadline::Language;

class tst_LanguagePhrases : public QObject
{
    Q_OBJECT
private slots:
    void backchannel_data();
    void backchannel();
    void optOut_data();
    void optOut();
};

void tst_LanguagePhrases::backchannel_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");
    QTest::newRow("haan") << QStringLiteral("haan") << true;
    QTest::newRow("haa with stretch") << QStringLiteral("haaan") << true;
    QTest::newRow("ji") << QStringLiteral("Ji.") << true;
    QTest::newRow("accha") << QStringLiteral("accha") << true;
    QTest::newRow("acha") << QStringLiteral("acha acha") << true;
    QTest::newRow("hmm") << QStringLiteral("hmmm") << true;
    QTest::newRow("ok") << QStringLiteral("OK") << true;
    QTest::newRow("theek hai") << QStringLiteral("theek hai") << true;
    QTest::newRow("haan ji theek hai") << QStringLiteral("haan ji, theek hai") << true;
    QTest::newRow("Devanagari haan") << QStringLiteral("हाँ") << true;
    QTest::newRow("Devanagari ji") << QStringLiteral("जी") << true;
    QTest::newRow("Devanagari accha") << QStringLiteral("अच्छा") << true;
    QTest::newRow("Devanagari haan ji") << QStringLiteral("हां जी") << true;
    QTest::newRow("yes yes") << QStringLiteral("yes yes") << true;
    QTest::newRow("long answer starting with haan") << QStringLiteral("haan mujhe 2 BHK chahiye Whitefield mein")
                                                    << false;
    QTest::newRow("haan plus question") << QStringLiteral("haan, kitna hai?") << false;
    QTest::newRow("five acknowledgements is too long") << QStringLiteral("haan haan haan haan haan") << false;
    QTest::newRow("no is an answer") << QStringLiteral("nahi") << false;
    QTest::newRow("hai alone") << QStringLiteral("hai") << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_LanguagePhrases::backchannel()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(Phrases::isBackchannel(text), expected);
}

void tst_LanguagePhrases::optOut_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");
    QTest::newRow("don't call me") << QStringLiteral("Don't call me") << true;
    QTest::newRow("do not call") << QStringLiteral("please do not call this number") << true;
    QTest::newRow("curly apostrophe") << QStringLiteral("don’t call me again") << true;
    QTest::newRow("mat karo call") << QStringLiteral("mat karo call") << true;
    QTest::newRow("call mat karna") << QStringLiteral("call mat karna") << true;
    QTest::newRow("mujhe call mat karo") << QStringLiteral("bhai mujhe call mat karo") << true;
    QTest::newRow("DND") << QStringLiteral("I am on DND") << true;
    QTest::newRow("Devanagari mujhe call mat karo") << QStringLiteral("मुझे कॉल मत करो") << true;
    QTest::newRow("Devanagari phone mat karna") << QStringLiteral("फ़ोन मत करना") << true;
    QTest::newRow("remove my number") << QStringLiteral("remove my number from your list") << true;
    QTest::newRow("stop calling") << QStringLiteral("stop calling me") << true;
    QTest::newRow("number hata do") << QStringLiteral("mera number hata do") << true;
    QTest::newRow("dobara call mat") << QStringLiteral("dobara call mat karna, kal bhi nahi") << true;
    QTest::newRow("not now, call tomorrow") << QStringLiteral("don't call me now, call me tomorrow") << false;
    QTest::newRow("abhi mat, kal karna") << QStringLiteral("abhi call mat karo, kal karna") << false;
    QTest::newRow("time limit is not opt-out") << QStringLiteral("don't call me after 8 pm") << false;
    QTest::newRow("do not disturb now") << QStringLiteral("Do not disturb me now, I'm in a meeting") << false;
    QTest::newRow("not interested is not opt-out") << QStringLiteral("not interested") << false;
    QTest::newRow("call me") << QStringLiteral("call me on Monday") << false;
    QTest::newRow("haan") << QStringLiteral("haan") << false;
}

void tst_LanguagePhrases::optOut()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(Phrases::isOptOut(text), expected);
}

QTEST_GUILESS_MAIN(tst_LanguagePhrases)
#include "tst_languagephrases.moc"
