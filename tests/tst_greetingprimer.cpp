// GreetingPrimer: the greeting is synthesised while the phone rings and a session plays that audio
// at once (its own TTS is never asked for it); a greeting not ready in time is said live; an
// unanswered call's audio is dropped (told, or after keepMs), but kept as a spare that the lead's
// next attempt rings with (no second TTS request), for spareMs within spareBytes.
#include "conversation/greetingprimer.h"
#include "conversation/prompts.h"
#include "fakes/answeredcall.h"
#include "fakes/virtualtimers.h"
#include "providers/fake/fakeproviderfactory.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Conversation;
using namespace Leadline::Testing;

class tst_GreetingPrimer : public QObject
{
    Q_OBJECT
private slots:
    void greetingStartsFromPreparedAudio();
    void notReadyIsSaidLive();
    void unansweredCallIsDropped();
    void retryRingsWithTheUnansweredAttemptsAudio();
    void greetingPrimeSetting();
    void openingPhrasesAreReadyBeforeTheFirstCall();
};

void tst_GreetingPrimer::greetingStartsFromPreparedAudio()
{
    AnsweredCall call;
    Providers::FakeProviderFactory vendors({}, Providers::FakeLatencies{0, 0, 0, 150, 25});
    GreetingPrimer primer(vendors, call.recorder, call.clock);
    primer.dialing(42, QStringLiteral("0123456789abcdef")); // the dialer rings the lead
    QTRY_COMPARE_WITH_TIMEOUT(primer.ready(), 1, 10000);
    QCOMPARE(call.recorder.lastKey.token, QStringLiteral("0123456789abcdef"));

    call.answer([&primer](CallSession &s) { s.setGreetingPrimer(&primer); });
    // The first media frame goes out as the call is matched: no TTS wait.
    QTRY_VERIFY_WITH_TIMEOUT(!call.transport.ofType(QStringLiteral("media")).isEmpty(), 5000);
    QVERIFY2(call.transport.ofType(QStringLiteral("media")).first().atMs < 100,
             qPrintable(QString::number(call.transport.ofType(QStringLiteral("media")).first().atMs)));
    QVERIFY(call.tts->spoken().isEmpty()); // the session's own TTS was never asked for the greeting
    QCOMPARE(primer.pending(), 0);         // taken
    // The line's audio was all there: the player's lead (600 ms ahead) went out at once.
    QVERIFY2(call.audioSentWithin(100) >= 600 * 16, qPrintable(QString::number(call.audioSentWithin(100))));
    QVERIFY(greeting(call.recorder.context_, QStringLiteral("hi")).startsWith(QStringLiteral("नमस्ते Aarav")));
}

void tst_GreetingPrimer::notReadyIsSaidLive()
{
    AnsweredCall call;
    Providers::FakeProviderFactory slow({}, Providers::FakeLatencies{0, 0, 0, 60000, 25}); // still synthesising
    GreetingPrimer primer(slow, call.recorder, call.clock);
    primer.dialing(42, QStringLiteral("0123456789abcdef"));
    QTRY_COMPARE(primer.pending(), 1); // being prepared...
    QCOMPARE(primer.ready(), 0);       // ...and not ready when the call is answered
    call.answer([&primer](CallSession &s) { s.setGreetingPrimer(&primer); });
    QTRY_VERIFY_WITH_TIMEOUT(!call.tts->spoken().isEmpty(), 5000);
    QVERIFY(call.tts->spoken().first().startsWith(QStringLiteral("नमस्ते Aarav")));
    QTRY_VERIFY_WITH_TIMEOUT(!call.transport.ofType(QStringLiteral("media")).isEmpty(), 5000);
    QCOMPARE(primer.pending(), 0); // the late audio is not kept
}

void tst_GreetingPrimer::unansweredCallIsDropped()
{
    FakeCallRecorder recorder;
    recorder.context_.callId = 7;
    FakeClock clock;
    Providers::FakeProviderFactory vendors({}, Providers::FakeLatencies{});
    GreetingPrimer::Options options;
    options.keepMs = 60000;
    GreetingPrimer primer(vendors, recorder, clock, options);
    primer.dialing(7, QStringLiteral("00000000000000a7"));
    QTRY_COMPARE_WITH_TIMEOUT(primer.ready(), 1, 10000);
    primer.notAnswered(7); // busy, no answer, not placed
    QCOMPARE(primer.pending(), 0);
    QVERIFY(!primer.take(7));

    recorder.context_.callId = 8;
    primer.dialing(8, QStringLiteral("00000000000000a8"));
    QTRY_COMPARE_WITH_TIMEOUT(primer.ready(), 1, 10000);
    clock.advanceMs(60001); // never answered, never reported: it does not stay
    QVERIFY(!primer.take(8));
    QCOMPARE(primer.pending(), 0);

    // A lookup that finds no call prepares nothing.
    recorder.known = false;
    primer.dialing(9, QStringLiteral("00000000000000a9"));
    QTRY_COMPARE_WITH_TIMEOUT(primer.pending(), 0, 5000);
}

void tst_GreetingPrimer::retryRingsWithTheUnansweredAttemptsAudio()
{
    FakeCallRecorder recorder;
    recorder.context_.callId = 7;
    recorder.context_.leadName = QStringLiteral("Aarav Sharma");
    FakeClock clock;
    Providers::FakeProviderFactory vendors({}, Providers::FakeLatencies{});
    GreetingPrimer::Options options;
    options.spareMs = 3 * 3600 * 1000;
    GreetingPrimer primer(vendors, recorder, clock, options);
    primer.dialing(7, QStringLiteral("00000000000000a7"));
    QTRY_COMPARE_WITH_TIMEOUT(primer.ready(), 1, 10000);
    primer.notAnswered(7);
    QCOMPARE(primer.counts().synthesised, 1);

    // Two hours later the lead's second attempt rings: the same line, no TTS request.
    clock.advanceMs(2 * 3600 * 1000);
    recorder.context_.callId = 17;
    primer.dialing(17, QStringLiteral("00000000000000b7"));
    QTRY_COMPARE_WITH_TIMEOUT(primer.ready(), 1, 10000);
    QCOMPARE(primer.counts().synthesised, 1);
    QCOMPARE(primer.counts().reused, 1);
    const auto played = primer.take(17);
    QVERIFY(played && !played->pcm.isEmpty());
    QVERIFY(played->text.contains(QStringLiteral("Aarav")));
    QCOMPARE(primer.counts().played, 1);

    // Another lead's line is synthesised (a spare is only for the same words).
    recorder.context_.callId = 18;
    recorder.context_.leadName = QStringLiteral("Priya Iyer");
    primer.dialing(18, QStringLiteral("00000000000000b8"));
    QTRY_COMPARE_WITH_TIMEOUT(primer.ready(), 1, 10000);
    QCOMPARE(primer.counts().synthesised, 2);
    primer.notAnswered(18);

    // A spare older than spareMs goes, counted as wasted; the next attempt synthesises again.
    clock.advanceMs(options.spareMs + 1);
    recorder.context_.callId = 28;
    primer.dialing(28, QStringLiteral("00000000000000c8"));
    QTRY_COMPARE_WITH_TIMEOUT(primer.ready(), 1, 10000);
    QCOMPARE(primer.counts().synthesised, 3);
    QCOMPARE(primer.counts().wasted, 1);
    const QByteArray metrics = primer.prometheus();
    QVERIFY2(metrics.contains("leadline_greetings_total{result=\"reused\"} 1\n"), metrics.constData());
    QVERIFY2(metrics.contains("leadline_greetings_total{result=\"synthesised\"} 3\n"), metrics.constData());

    // The spares' memory is bounded: with room for one, the older is pushed out (wasted).
    GreetingPrimer::Options tight;
    tight.spareBytes = 1;
    GreetingPrimer small(vendors, recorder, clock, tight);
    small.dialing(28, QStringLiteral("00000000000000c8"));
    QTRY_COMPARE_WITH_TIMEOUT(small.ready(), 1, 10000);
    small.notAnswered(28); // larger than the whole budget: not kept
    recorder.context_.callId = 29;
    small.dialing(29, QStringLiteral("00000000000000c9"));
    QTRY_COMPARE_WITH_TIMEOUT(small.ready(), 1, 10000);
    QCOMPARE(small.counts().synthesised, 2);
    QCOMPARE(small.counts().reused, 0);
}

// At start the lines replies open with are synthesised into the phrase cache: the first call's
// reply that opens with one plays it at once, and only the rest goes to the TTS.
void tst_GreetingPrimer::openingPhrasesAreReadyBeforeTheFirstCall()
{
    FakeCallRecorder recorder;
    FakeClock clock;
    Providers::FakeProviderFactory vendors({}, Providers::FakeLatencies{0, 0, 0, 150, 25});
    GreetingPrimer primer(vendors, recorder, clock);
    PhraseCache cache;
    int expected = 0;
    for (const QString &lang : {QStringLiteral("en"), QStringLiteral("hi")}) {
        const QStringList lines = openingAcknowledgements(lang) << thinkingFillerLine(lang);
        for (const QString &line : lines)
            expected += cache.cacheable(line) ? 1 : 0;
    }
    QVERIFY(expected >= 12);
    primer.warmPhrases(cache);
    QTRY_COMPARE_WITH_TIMEOUT(cache.size(), expected, 20000);
    QVERIFY(systemPrompt(CallContext{}, QStringLiteral("en")).contains(QStringLiteral("Sure, Great,"))); // the prompt asks for them

    VirtualTimerSource timers;
    AnsweredCall call;
    call.virtualTime = &timers;
    call.recorder.context_.leadLanguage = QStringLiteral("English");
    call.sttScript = {QStringLiteral("Yes, I am interested.")};
    call.llm = std::make_unique<Providers::FakeLlm>(
        [](const Providers::LlmRequest &) { return Providers::FakeReply{QStringLiteral("Sure, what budget do you have in mind?"), {}, {}}; },
        /*firstTokenMs=*/300, /*tokenIntervalMs=*/20);
    call.answer([&cache](CallSession &s) { s.setPhraseCache(&cache); });
    QVERIFY(runUntil(timers, [&] { return !call.tts->spoken().isEmpty(); }, 2000)); // the greeting
    call.say(1200, 1500);
    QVERIFY(runUntil(timers, [&] { return call.tts->spoken().join(QLatin1Char(' ')).contains(QStringLiteral("what budget")); }, 5000));
    QVERIFY2(!call.tts->spoken().contains(QStringLiteral("Sure,")), qPrintable(call.tts->spoken().join(QLatin1Char('|'))));
    QVERIFY(cache.hits() >= 1);
}

// GREETING_PRIME=off: the composition root does not hand the primer to the dialer.
void tst_GreetingPrimer::greetingPrimeSetting()
{
    QVERIFY(GreetingPrimer::enabledBy(Settings::defaults()));
    for (const char *off : {"off", "OFF", " no", "0", "false"}) {
        const Settings s = Settings::resolve({{QStringLiteral("GREETING_PRIME"), QString::fromLatin1(off)}}, QProcessEnvironment(), QString());
        QVERIFY2(!GreetingPrimer::enabledBy(s), off);
    }
    const Settings on = Settings::resolve({{QStringLiteral("GREETING_PRIME"), QStringLiteral("on")}}, QProcessEnvironment(), QString());
    QVERIFY(GreetingPrimer::enabledBy(on));
}

QTEST_GUILESS_MAIN(tst_GreetingPrimer)
#include "tst_greetingprimer.moc"
