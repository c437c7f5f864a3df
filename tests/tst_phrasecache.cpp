// PhraseCache: short clauses only, keyed by voice, rate, language and text, least recently used
// goes first; a session whose line this voice said before plays the kept audio at once (its TTS
// is not asked).
#include "conversation/phrasecache.h"
#include "fakes/answeredcall.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Conversation;
using namespace Leadline::Testing;

class tst_PhraseCache : public QObject
{
    Q_OBJECT
private slots:
    void keepsShortClausesBounded();
    void secondCallOpensFromTheCache();
};

void tst_PhraseCache::keepsShortClausesBounded()
{
    PhraseCache cache(2);
    QVERIFY(cache.cacheable(QStringLiteral("Wonderful,")));
    QVERIFY(cache.cacheable(QStringLiteral("जी, बिल्कुल,")));
    QVERIFY(!cache.cacheable(QStringLiteral("Perfect, I have noted 75 lakh.")));
    QVERIFY(!cache.cacheable(QStringLiteral("  ")));
    const QString a = PhraseCache::key(QStringLiteral("elevenlabs"), 8000, QStringLiteral("en"), QStringLiteral("Wonderful,"));
    const QString b = PhraseCache::key(QStringLiteral("elevenlabs"), 8000, QStringLiteral("en"), QStringLiteral("Perfect,"));
    const QString c = PhraseCache::key(QStringLiteral("elevenlabs"), 8000, QStringLiteral("en"), QStringLiteral("Ji,"));
    QVERIFY(a != PhraseCache::key(QStringLiteral("elevenlabs"), 16000, QStringLiteral("en"), QStringLiteral("Wonderful,")));
    QVERIFY(a != PhraseCache::key(QStringLiteral("offline"), 8000, QStringLiteral("en"), QStringLiteral("Wonderful,")));
    cache.store(a, "aa");
    cache.store(b, "bb");
    QCOMPARE(cache.find(a).value_or(QByteArray()), QByteArray("aa")); // a is used again: b is the oldest
    cache.store(c, "cc");
    QCOMPARE(cache.size(), 2);
    QVERIFY(!cache.find(b));
    QVERIFY(cache.find(a));
    QVERIFY(cache.find(c));
    QCOMPARE(cache.hits(), 3);
    cache.store(a, QByteArray()); // nothing to keep
    QCOMPARE(cache.find(a).value_or(QByteArray()), QByteArray("aa"));
}

void tst_PhraseCache::secondCallOpensFromTheCache()
{
    PhraseCache cache(16, /*maxWords=*/64, /*maxChars=*/400); // so that the greeting itself is kept
    AnsweredCall first(41);
    first.answer([&cache](CallSession &s) { s.setPhraseCache(&cache); });
    QTRY_VERIFY_WITH_TIMEOUT(!first.tts->spoken().isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(cache.size(), 1, 10000); // the vendor's answer is kept once complete
    QVERIFY(first.transport.ofType(QStringLiteral("media")).first().atMs >= 150); // it waited for TTS

    AnsweredCall second(42);
    second.answer([&cache](CallSession &s) { s.setPhraseCache(&cache); });
    QTRY_VERIFY_WITH_TIMEOUT(!second.transport.ofType(QStringLiteral("media")).isEmpty(), 5000);
    QVERIFY(second.tts->spoken().isEmpty()); // said from the cache: no TTS request
    QVERIFY2(second.transport.ofType(QStringLiteral("media")).first().atMs < 100,
             qPrintable(QString::number(second.transport.ofType(QStringLiteral("media")).first().atMs)));
    QVERIFY(second.audioSentWithin(100) >= 600 * 16);
    QCOMPARE(cache.hits(), 1);

    AnsweredCall english(43); // another language is another entry
    english.recorder.context_.leadLanguage = QStringLiteral("English");
    english.answer([&cache](CallSession &s) { s.setPhraseCache(&cache); });
    QTRY_VERIFY_WITH_TIMEOUT(!english.tts->spoken().isEmpty(), 5000);
    QCOMPARE(cache.hits(), 1);
}

QTEST_GUILESS_MAIN(tst_PhraseCache)
#include "tst_phrasecache.moc"
