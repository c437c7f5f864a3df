// CallSession with fake vendors, fed the shared Exotel fixtures at the fixtures' pace: turn-taking,
// barge-in (clear within one frame), backchannels, DTMF, opt-out, the end_call tool closing the
// call, vendor failure mid-call, unknown calls and malformed frames. Every call runs on a virtual
// clock (VirtualTimerSource): the session's timers, the fakes' delays, the replayer's pacing and
// the transport's timestamps all move only when the test advances time, so a 10 s call takes
// milliseconds and its times are exact.
#include "conversation/callsession.h"
#include "core/clock.h"
#include "fakes/answeredcall.h"
#include "fakes/fakecallrecorder.h"
#include "fakes/fixturereplayer.h"
#include "fakes/recordingtransport.h"
#include "fakes/virtualtimers.h"
#include "providers/fake/fakeproviders.h"
#include "providers/local/scripteddialog.h"
#include "audio/pcm.h"
#include "screening/tonedetector.h"
#include "telephony/mediaprotocol.h"

#include <QJsonDocument>

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Conversation;
using namespace Leadline::Testing;

#define VTRY_VERIFY(timers, cond, limitMs) QVERIFY2(runUntil(timers, [&] { return bool(cond); }, limitMs), #cond)
#define VTRY_COMPARE(timers, actual, expected, limitMs)                                  \
    do {                                                                                 \
        runUntil(timers, [&] { return (actual) == (expected); }, limitMs);               \
        QCOMPARE(actual, expected);                                                      \
    } while (false)

class tst_CallSession : public QObject
{
    Q_OBJECT
private slots:
    void interestedEndsWithOutcome();
    void bargeInClearsWithinOneFrameAndBackchannelDoesNot();
    void switchesToHindiWhenTheCallerDoes();
    void hindiLeadStaysHindiWhenTheRecogniserIsEnglishOnly();
    void dtmfIsRecorded();
    void notInterested();
    void leaveTakingClosesTheCall();
    void optOutGoesOnDnc();
    void grammarOptOutNeverGoesOnDnc();
    void llmFailureApologisesAndEnds();
    void slowReplySaysAFiller();
    void unknownCallIsClosed();
    void malformedFramesAreSurvived();
    void voicemailBeepEndsTheCall();
    void voicemailMessageIsLeftAfterTheBeep();
    void humanIsConversedWith();
    void carrierAnnouncementEndsAsUnreachable();
    void ivrIsNavigatedWithInBandDtmf();
    void callerAudioWhileMatchingIsKept();
    void speculativeReplyIsHeldUntilTheTurnIsConfirmed();
    void abruptEndKeepsTheCallersLastWords();
    void invalidDtmfIsDroppedAndBadFramesAreLoggedWithTheCall();

private:
    struct Harness
    {
        VirtualTimerSource timers;
        RecordingTransport transport{&timers};
        FakeCallRecorder recorder;
        SystemClock clock;
        Providers::FakeLlm *fakeLlm = nullptr;
        Providers::FakeTts *tts = nullptr;
        std::unique_ptr<CallSession> session;
        std::unique_ptr<FixtureReplayer> replayer;
        qint64 audioSentMs = 0;

        QStringList sttLanguages;
        QString leadLanguage = QStringLiteral("English");
        Screening::ScreeningPolicy screening;
        std::unique_ptr<Providers::SpeechToText> sttOverride; // instead of FakeStt(sttScript)
        int badFrameLogIntervalMs = 10000;
        bool sttGrammar = false; // the recogniser returns grammar phrases only (offline)
        void build(QStringList sttScript, std::unique_ptr<Providers::LanguageModel> llm)
        {
            recorder.context_.callId = 42;
            recorder.context_.leadId = 7;
            recorder.context_.leadName = QStringLiteral("Aarav Sharma");
            recorder.context_.phoneE164 = QStringLiteral("+919876543210");
            recorder.context_.city = QStringLiteral("Pune");
            recorder.context_.propertyType = QStringLiteral("2BHK");
            recorder.context_.leadLanguage = leadLanguage;
            auto stt = std::make_unique<Providers::FakeStt>(sttScript);
            stt->useTimers(timers);
            if (auto *fake = qobject_cast<Providers::FakeLlm *>(llm.get()))
                fake->useTimers(timers);
            stt->setLanguages(sttLanguages);
            stt->setGrammarConstrained(sttGrammar);
            auto t = std::make_unique<Providers::FakeTts>();
            t->useTimers(timers);
            tts = t.get();
            SessionConfig cfg;
            cfg.goodbyeGraceMs = 300;
            cfg.screening = screening;
            cfg.badFrameLogIntervalMs = badFrameLogIntervalMs;
            std::unique_ptr<Providers::SpeechToText> recogniser = sttOverride ? std::move(sttOverride) : std::move(stt);
            session = std::make_unique<CallSession>(transport, recorder, clock, timers, std::move(recogniser), std::move(llm), std::move(t), cfg);
        }
        // Echo marks like Exotel's player: once the audio queued before them has played.
        void echoMarks()
        {
            const int n = transport.sent.size();
            const auto &s = transport.sent.last();
            Q_UNUSED(n);
            const QString ev = s.json.value(QStringLiteral("event")).toString();
            if (ev == QLatin1String("media")) {
                audioSentMs += QByteArray::fromBase64(s.json[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size() / 16;
            } else if (ev == QLatin1String("clear")) {
                audioSentMs = transport.clock.elapsed();
            }
        }
        void play(const QString &fixture, bool sendStop = true, QList<QByteArray> extra = {})
        {
            QList<QByteArray> frames = readFixture(fixture);
            QVERIFY2(!frames.isEmpty(), qPrintable(fixture));
            for (const QByteArray &e : extra)
                frames.insert(3, e);
            replay(frames, sendStop);
        }
        void replay(const QList<QByteArray> &frames, bool sendStop)
        {
            CallSession *s = session.get();
            replayer = std::make_unique<FixtureReplayer>(frames, [s](const QByteArray &f) { s->onTextFrame(f); }, sendStop, &timers);
            transport.clock.restart();
            replayer->start();
        }
    };
};

static QString outcomeField(const Storage::CallOutcome &o, const char *key)
{
    const QJsonValue v = o.fields.value(QLatin1String(key));
    return (v.isObject() ? v.toObject().value(QStringLiteral("value")) : v).toString();
}

void tst_CallSession::interestedEndsWithOutcome()
{
    Harness h;
    h.build({QStringLiteral("Yes, I am interested."), QStringLiteral("Please call me tomorrow evening.")},
            std::make_unique<Providers::ScriptedDialog>());
    h.play(QStringLiteral("interested.jsonl"), /*sendStop=*/false);
    // No stop frame: the session must end the call itself after its goodbye (end_call tool).
    VTRY_VERIFY(h.timers, h.transport.closed, 20000);
    QCOMPARE(h.transport.closeCode, 1000);
    QCOMPARE(h.recorder.finished, QList<qint64>{42});
    QCOMPARE(h.recorder.answered, QList<qint64>{42});
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("interested"));
    QCOMPARE(outcomeField(h.recorder.outcome, "callback_time"), QStringLiteral("tomorrow evening"));
    QCOMPARE(h.recorder.texts(QStringLiteral("caller")),
             (QStringList{QStringLiteral("Yes, I am interested."), QStringLiteral("Please call me tomorrow evening.")}));
    // The greeting was spoken (and cut by the caller's "Yes", so its stored text is what was heard).
    QVERIFY(h.tts->spoken().first().startsWith(QStringLiteral("Namaste Aarav")));
    QCOMPARE(h.recorder.lastKey.customToken, QStringLiteral("51af21b4639e01df"));
    // A reply's turn stores what the caller waited for it (analytics' reply latency); the
    // greeting is no reply.
    QCOMPARE(h.recorder.turns.first().replyMs, -1);
    QVERIFY(std::any_of(h.recorder.turns.cbegin(), h.recorder.turns.cend(),
                        [](const Storage::TurnRow &t) { return t.speaker == QLatin1String("agent") && t.replyMs > 0; }));
    // Outbound audio: 320-byte multiples, marks after sentences.
    const auto media = h.transport.ofType(QStringLiteral("media"));
    QVERIFY(media.size() > 5);
    for (const auto &m : media) {
        const int bytes = QByteArray::fromBase64(m.json[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size();
        QVERIFY2(bytes > 0 && bytes % 320 == 0 && bytes <= 3200, qPrintable(QString::number(bytes)));
        QCOMPARE(m.json.value(QStringLiteral("stream_sid")).toString(), QStringLiteral("69e11ba507c9f394bb049e21b1320b3f"));
    }
    QVERIFY(!h.transport.ofType(QStringLiteral("mark")).isEmpty());
    // At least 3.2 kB per chunk (Exotel's minimum), except a reply's last: that one is followed
    // by its mark, and there is at most one per agent turn.
    int shortChunks = 0;
    for (int i = 0; i < h.transport.sent.size(); ++i) {
        const QJsonObject &f = h.transport.sent.at(i).json;
        if (f.value(QStringLiteral("event")).toString() != QLatin1String("media"))
            continue;
        const int bytes = QByteArray::fromBase64(f[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size();
        if (bytes >= 3200)
            continue;
        ++shortChunks;
        QVERIFY2(i + 1 < h.transport.sent.size()
                     && h.transport.sent.at(i + 1).json.value(QStringLiteral("event")).toString() == QLatin1String("mark"),
                 qPrintable(QStringLiteral("short chunk of %1 B at frame %2 is not a reply's last").arg(bytes).arg(i)));
    }
    QVERIFY2(shortChunks <= h.recorder.texts(QStringLiteral("agent")).size(), qPrintable(QString::number(shortChunks)));
    // Turn indexes are dense and ordered.
    for (int i = 0; i < h.recorder.turns.size(); ++i)
        QCOMPARE(h.recorder.turns.at(i).index, i);
    QCOMPARE(h.session->stats().responseLatencyUs.size(), 2);
    // stt_ms is the real end-of-speech wait: the fake recogniser ends a turn 450 ms after the
    // caller's last loud frame (its endpointing), so each caller turn waited about that long.
    for (const auto &t : std::as_const(h.recorder.turns))
        if (t.speaker == QLatin1String("caller"))
            QVERIFY2(t.sttMs >= 400 && t.sttMs < 1500, qPrintable(QString::number(t.sttMs)));
    const SessionStats &stats = h.session->stats();
    QCOMPARE(stats.endOfSpeechWaitUs.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(stats.endOfSpeechWaitUs.at(i) >= 400000);
        QVERIFY(stats.responseLatencyUs.at(i) >= stats.endOfSpeechWaitUs.at(i)); // counted from the last word
    }
    QCOMPARE(stats.ttsFirstAudioUs.size(), 2);
}

void tst_CallSession::bargeInClearsWithinOneFrameAndBackchannelDoesNot()
{
    Harness h;
    int llmRequests = 0;
    auto llm = std::make_unique<Providers::FakeLlm>([&llmRequests](const Providers::LlmRequest &) {
        ++llmRequests;
        return Providers::FakeReply{QStringLiteral("Sorry to disturb you while you are driving. I am calling from Leadline about the flat "
                                                   "you enquired about. When would be a good time to call you back?"), {}, {}};
    });
    h.build({QStringLiteral("Hello? Yes, who is calling? I am driving right now."), QStringLiteral("हाँ")}, std::move(llm));
    h.play(QStringLiteral("barge_in.jsonl"));
    VTRY_VERIFY(h.timers, h.recorder.finished.size() == 1, 20000);
    const auto clears = h.transport.ofType(QStringLiteral("clear"));
    QCOMPARE(clears.size(), 1); // the greeting was cut; "haan" during the reply was not
    // The caller speaks from 320 ms; 400 ms of speech is barge-in: audio time 720 ms, in the
    // frame that covers 700-720 ms and arrives at 700 ms (virtual time: exact). The clear goes
    // out as that frame is handled, within the frame.
    QCOMPARE(clears.first().atMs, qint64(700));
    QCOMPARE(llmRequests, 1);
    QVERIFY(h.recorder.texts(QStringLiteral("caller")).contains(QStringLiteral("हाँ")));
    // The interrupted greeting is stored as interrupted, with the sentence the caller cut off.
    const Storage::TurnRow *cut = nullptr;
    for (const auto &t : h.recorder.turns)
        if (t.speaker == QLatin1String("agent") && t.interrupted && !cut)
            cut = &t;
    QVERIFY(cut);
    QVERIFY2(cut->text.startsWith(h.tts->spoken().first().left(12)) && cut->text.endsWith(QChar(0x2026)), qPrintable(cut->text));
    QVERIFY2(!cut->text.contains(QStringLiteral(".\u2026")), qPrintable(cut->text));
}

void tst_CallSession::switchesToHindiWhenTheCallerDoes()
{
    Harness h;
    QStringList languagesAsked;
    auto llm = std::make_unique<Providers::FakeLlm>([&languagesAsked](const Providers::LlmRequest &r) {
        const QString lang = r.context.value(QStringLiteral("language")).toString();
        languagesAsked << lang;
        const bool hindiPrompt = r.messages.first().content.contains(QStringLiteral("Devanagari"));
        return Providers::FakeReply{lang == QLatin1String("hi") && hindiPrompt ? QStringLiteral("ठीक है, आपका बजट 50 लाख है। हम कल शाम को कॉल करेंगे।")
                                                                               : QStringLiteral("Great, when should we call?"),
                                    {}, {}};
    });
    h.build({QStringLiteral("Yes, I am interested."), QStringLiteral("मुझे कल शाम को कॉल कीजिए।")}, std::move(llm));
    h.play(QStringLiteral("interested.jsonl"));
    VTRY_VERIFY(h.timers, h.recorder.finished.size() == 1, 20000);
    QCOMPARE(languagesAsked, (QStringList{QStringLiteral("en"), QStringLiteral("hi")}));
    QStringList callerLanguages;
    for (const auto &t : h.recorder.turns)
        if (t.speaker == QLatin1String("caller"))
            callerLanguages << t.language;
    QCOMPARE(callerLanguages, (QStringList{QStringLiteral("en"), QStringLiteral("hi")}));
    // Sentence by sentence (split at ।), amounts spoken the Indian way, transcript as written.
    QVERIFY2(h.tts->spoken().contains(QStringLiteral("हम कल शाम को कॉल करेंगे।")), qPrintable(h.tts->spoken().join(QLatin1Char('|'))));
    const QString budgetLine = h.tts->spoken().filter(QStringLiteral("बजट")).value(0);
    QVERIFY2(budgetLine.contains(QStringLiteral("पचास लाख")) && !budgetLine.contains(QStringLiteral("50")), qPrintable(budgetLine));
    QCOMPARE(h.recorder.outcome.language, QStringLiteral("hi"));
}

void tst_CallSession::hindiLeadStaysHindiWhenTheRecogniserIsEnglishOnly()
{
    // The offline recogniser has only an English model: on a Hindi caller it returns English-ish
    // words, which must not switch the agent to English.
    Harness h;
    h.leadLanguage = QStringLiteral("Hindi");
    h.sttLanguages = {QStringLiteral("en")};
    h.build({QStringLiteral("hello yes please"), QStringLiteral("call me tomorrow evening")}, std::make_unique<Providers::ScriptedDialog>());
    h.play(QStringLiteral("interested.jsonl"), /*sendStop=*/false);
    VTRY_VERIFY(h.timers, h.transport.closed, 20000);
    for (const auto &t : h.recorder.turns)
        if (t.speaker == QLatin1String("agent"))
            QCOMPARE(t.language, QStringLiteral("hi"));
    QVERIFY(h.tts->spoken().first().startsWith(QStringLiteral("नमस्ते")));
    const QString closing = h.recorder.texts(QStringLiteral("agent")).last();
    QVERIFY2(closing.contains(QStringLiteral("धन्यवाद")), qPrintable(closing)); // closed in Hindi
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("interested"));
}

void tst_CallSession::dtmfIsRecorded()
{
    Harness h;
    h.build({QStringLiteral("Hello?")}, std::make_unique<Providers::ScriptedDialog>());
    h.play(QStringLiteral("dtmf.jsonl"));
    VTRY_VERIFY(h.timers, h.recorder.finished.size() == 1, 20000);
    QCOMPARE(h.recorder.texts(QStringLiteral("dtmf")), (QStringList{QStringLiteral("1"), QStringLiteral("5")}));
}

void tst_CallSession::notInterested()
{
    Harness h;
    h.build({QStringLiteral("No, I am not interested."), QStringLiteral("I have already bought a flat."), QStringLiteral("Thank you.")},
            std::make_unique<Providers::ScriptedDialog>());
    h.play(QStringLiteral("not_interested.jsonl"));
    VTRY_VERIFY(h.timers, h.recorder.finished.size() == 1, 20000);
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("not_interested"));
    QVERIFY(h.recorder.dnc.isEmpty());
}

void tst_CallSession::leaveTakingClosesTheCall()
{
    // "No, I am busy." - "When should I call you back?" - "Thank you.": the caller is taking
    // leave; the agent closes politely instead of asking to hear it again.
    Harness h;
    h.build({QStringLiteral("No, I am busy."), QStringLiteral("Thank you."), QStringLiteral("Hello?")},
            std::make_unique<Providers::ScriptedDialog>());
    h.play(QStringLiteral("not_interested.jsonl"));
    VTRY_VERIFY(h.timers, h.recorder.finished.size() == 1, 20000);
    const QStringList agent = h.recorder.texts(QStringLiteral("agent"));
    QVERIFY2(agent.size() == 3, qPrintable(agent.join(QLatin1Char('\n')))); // greeting, when-free question, close
    QVERIFY2(!agent.last().contains(QStringLiteral("again")), qPrintable(agent.last()));
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("not_interested"));
    QVERIFY(h.recorder.dnc.isEmpty());
}

void tst_CallSession::optOutGoesOnDnc()
{
    Harness h;
    h.build({QStringLiteral("Please don't call me again."), QStringLiteral("Bye.")}, std::make_unique<Providers::ScriptedDialog>());
    h.play(QStringLiteral("interested.jsonl"));
    VTRY_VERIFY(h.timers, h.recorder.finished.size() == 1, 20000);
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("do_not_call"));
    QCOMPARE(h.recorder.dnc, QStringList{QStringLiteral("+919876543210")});
}

void tst_CallSession::llmFailureApologisesAndEnds()
{
    Harness h;
    auto llm = std::make_unique<Providers::FakeLlm>([](const Providers::LlmRequest &) { return Providers::FakeReply{QStringLiteral("ok"), {}, {}}; });
    llm->failNextWith(Error::make(Error::Code::Unavailable, QStringLiteral("HTTP 503 from the LLM")));
    h.build({QStringLiteral("Yes, I am interested."), QStringLiteral("Please call me tomorrow evening.")}, std::move(llm));
    h.play(QStringLiteral("interested.jsonl"), /*sendStop=*/false);
    VTRY_VERIFY(h.timers, h.transport.closed, 20000);
    QVERIFY(h.recorder.texts(QStringLiteral("agent")).join(QLatin1Char(' ')).contains(QStringLiteral("technical problem")));
    QVERIFY2(h.recorder.outcome.failureReason.contains(QStringLiteral("503")), qPrintable(h.recorder.outcome.failureReason));
}

void tst_CallSession::slowReplySaysAFiller()
{
    VirtualTimerSource timers;
    AnsweredCall call;
    call.virtualTime = &timers;
    call.recorder.context_.leadLanguage = QStringLiteral("English");
    call.sttScript = {QStringLiteral("No, I am not interested.")};
    // The model answers 2.5 s after the turn (as after a retry): the caller hears a filler first.
    call.llm = std::make_unique<Providers::FakeLlm>(
        [](const Providers::LlmRequest &) { return Providers::FakeReply{QStringLiteral("Wonderful, what budget do you have in mind?"), {}, {}}; },
        /*firstTokenMs=*/2500);
    call.answer();
    VTRY_VERIFY(timers, !call.tts->spoken().isEmpty(), 5000); // the greeting
    call.say(1000, 2000); // the caller talks over it, then waits
    const QString filler = QStringLiteral("One moment, please.");
    VTRY_VERIFY(timers, call.tts->spoken().contains(filler), 5000);
    VTRY_VERIFY(timers, call.tts->spoken().join(QLatin1Char(' ')).contains(QStringLiteral("what budget")), 10000);
    const QStringList spoken = call.tts->spoken();
    QCOMPARE(spoken.count(filler), 1); // once a turn
    QVERIFY(spoken.indexOf(filler) < spoken.indexOf(QStringLiteral("Wonderful,")));
}

void tst_CallSession::unknownCallIsClosed()
{
    Harness h;
    h.build({}, std::make_unique<Providers::ScriptedDialog>());
    h.recorder.known = false;
    h.play(QStringLiteral("dtmf.jsonl"));
    VTRY_VERIFY(h.timers, h.transport.closed, 5000);
    QCOMPARE(h.transport.closeCode, 1008);
    QVERIFY(h.recorder.finished.isEmpty());
    QVERIFY(h.transport.ofType(QStringLiteral("media")).isEmpty());
}

void tst_CallSession::malformedFramesAreSurvived()
{
    Harness h;
    h.build({QStringLiteral("No, I am not interested.")}, std::make_unique<Providers::ScriptedDialog>());
    h.play(QStringLiteral("not_interested.jsonl"), true,
           {QByteArray("{not json"), QByteArray(R"({"event":"media","media":{"payload":"@@@notbase64@@@"}})"),
            QByteArray(R"({"event":"surprise","x":1})"), QByteArray(R"({"no_event":true})"), QByteArray(300 * 1024, 'x')});
    VTRY_VERIFY(h.timers, h.recorder.finished.size() == 1, 20000);
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("not_interested"));
    QCOMPARE(h.session->stats().malformedFrames, 4); // bad JSON, bad base64, no event, oversized
    QCOMPARE(h.recorder.outcome.badFrames, 4);        // stored on the call
}

// ---------------------------------------------------------------- call screening

// A call of our own making: the fixture's connected/start frames, then `pcm` as inbound media in
// 20 ms frames (paced by the replayer like Exotel).
static QList<QByteArray> callWithAudio(const QByteArray &pcm)
{
    QList<QByteArray> frames = readFixture(QStringLiteral("interested.jsonl")).mid(0, 2);
    for (qsizetype off = 0, n = 1; off < pcm.size(); off += 320, ++n) {
        const QJsonObject media{{QStringLiteral("chunk"), qint64(n)}, {QStringLiteral("timestamp"), QString::number(off / 16)},
                                {QStringLiteral("payload"), QString::fromLatin1(pcm.mid(off, 320).toBase64())}};
        frames << QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("media")},
                                            {QStringLiteral("sequence_number"), qint64(n + 1)},
                                            {QStringLiteral("stream_sid"), QStringLiteral("69e11ba507c9f394bb049e21b1320b3f")},
                                            {QStringLiteral("media"), media}})
                      .toJson(QJsonDocument::Compact);
    }
    return frames;
}

// Speech-like audio: noise bursts of syllable length with short gaps (not a tone, pauses shorter
// than a turn's end).
static QByteArray babble(int ms, quint32 seed)
{
    QByteArray out;
    quint32 x = seed;
    while (Audio::durationMs(out.size(), 8000) < ms) {
        QByteArray syllable(2 * 8 * 220, Qt::Uninitialized);
        for (int i = 0; i < syllable.size() / 2; ++i) {
            x = x * 1664525u + 1013904223u;
            const auto v = qint16(int(x >> 20) - 2048); // +-2048 white noise
            syllable[2 * i] = char(quint16(v) & 0xff);
            syllable[2 * i + 1] = char(quint16(v) >> 8);
        }
        out += syllable + Audio::silence(80, 8000);
    }
    return out.left(ms * 16);
}

static QJsonObject screeningRecord(const Storage::CallOutcome &o)
{
    return o.fields.value(QStringLiteral("screening")).toObject();
}

void tst_CallSession::voicemailBeepEndsTheCall()
{
    // A 2.5 s greeting the recogniser could not make out, then a beep: voicemail, the agent stops
    // and the call ends at once with outcome voicemail; the LLM is never asked.
    Harness h;
    int llmRequests = 0;
    h.build({}, std::make_unique<Providers::FakeLlm>([&llmRequests](const Providers::LlmRequest &) {
                ++llmRequests;
                return Providers::FakeReply{QStringLiteral("Hello, are you there?"), {}, {}};
            }));
    const QByteArray pcm = Audio::silence(300, 8000) + babble(2500, 11) + Audio::silence(300, 8000)
                           + Audio::tone(400, 8000, 1000.0, 0.3) + Audio::silence(8000, 8000);
    h.replay(callWithAudio(pcm), false);
    VTRY_VERIFY(h.timers, h.transport.closed, 10000);
    QCOMPARE(h.recorder.finished, QList<qint64>{42});
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("voicemail"));
    const QJsonObject rec = screeningRecord(h.recorder.outcome);
    QCOMPARE(rec.value(QStringLiteral("class")).toString(), QStringLiteral("voicemail"));
    QVERIFY2(rec.value(QStringLiteral("reason")).toString().contains(QStringLiteral("beep")), qPrintable(rec.value(QStringLiteral("reason")).toString()));
    QVERIFY2(h.recorder.outcome.failureReason.startsWith(QStringLiteral("screened: voicemail")), qPrintable(h.recorder.outcome.failureReason));
    // Ended right after the beep (3.1 s of audio + 150 ms to qualify), not at the silence timeout.
    QVERIFY2(h.replayer->elapsedMs() < 4500, qPrintable(QString::number(h.replayer->elapsedMs())));
    QCOMPARE(llmRequests, 0);
    QVERIFY(h.tts->spoken().size() == 1); // the greeting only; nothing after the verdict
}

void tst_CallSession::grammarOptOutNeverGoesOnDnc()
{
    // A machine talking on (a menu or announcement with no telling tone) heard through the offline
    // recogniser, whose grammar turns it into "don't call me again": the call ends, but the
    // number does not go on the permanent DNC list.
    Harness h;
    h.sttGrammar = true;
    h.build({QStringLiteral("Please don't call me again.")}, std::make_unique<Providers::ScriptedDialog>());
    const QByteArray pcm = Audio::silence(300, 8000) + babble(5000, 21) + Audio::silence(6000, 8000);
    h.replay(callWithAudio(pcm), false);
    VTRY_VERIFY(h.timers, h.recorder.finished.size() == 1, 20000);
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("do_not_call"));
    QVERIFY2(h.recorder.dnc.isEmpty(), qPrintable(h.recorder.dnc.join(QLatin1Char(','))));
    QVERIFY(h.recorder.outcome.fields.contains(QStringLiteral("dnc_skipped")));
}

void tst_CallSession::voicemailMessageIsLeftAfterTheBeep()
{
    Harness h;
    h.screening.voicemail = Screening::ScreeningPolicy::VoicemailAction::LeaveMessage;
    h.screening.voicemailMessage = QStringLiteral("Hello {name}, we will call you again soon.");
    h.build({}, std::make_unique<Providers::ScriptedDialog>());
    const QByteArray pcm = Audio::silence(300, 8000) + babble(2500, 12) + Audio::silence(300, 8000)
                           + Audio::tone(400, 8000, 1400.0, 0.3) + Audio::silence(15000, 8000);
    h.replay(callWithAudio(pcm), false);
    VTRY_VERIFY(h.timers, h.transport.closed, 15000);
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("voicemail"));
    QCOMPARE(h.tts->spoken().last(), QStringLiteral("Hello Aarav, we will call you again soon."));
    QCOMPARE(h.recorder.texts(QStringLiteral("agent")).last(), QStringLiteral("Hello Aarav, we will call you again soon."));
}

void tst_CallSession::humanIsConversedWith()
{
    // "Hello?" then a pause, then an answer: screened as human, and the conversation goes on.
    Harness h;
    int llmRequests = 0;
    h.build({QStringLiteral("Hello?"), QStringLiteral("Yes, I am interested.")},
            std::make_unique<Providers::FakeLlm>([&llmRequests](const Providers::LlmRequest &r) {
                ++llmRequests;
                if (r.messages.last().content.contains(QStringLiteral("interested")))
                    return Providers::FakeReply{QStringLiteral("Wonderful, thank you."), QStringLiteral("end_call"),
                                                QJsonObject{{QStringLiteral("outcome"), QStringLiteral("interested")}}};
                return Providers::FakeReply{QStringLiteral("This is Leadline calling about the flat you enquired about."), {}, {}};
            }));
    const QByteArray pcm = Audio::silence(300, 8000) + babble(600, 13) + Audio::silence(4500, 8000) + babble(1200, 14)
                           + Audio::silence(6000, 8000);
    h.replay(callWithAudio(pcm), false);
    VTRY_VERIFY(h.timers, h.transport.closed, 20000);
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("interested"));
    QCOMPARE(screeningRecord(h.recorder.outcome).value(QStringLiteral("class")).toString(), QStringLiteral("human"));
    QVERIFY(h.recorder.outcome.failureReason.isEmpty());
    QCOMPARE(llmRequests, 2);
    QCOMPARE(h.recorder.texts(QStringLiteral("caller")), (QStringList{QStringLiteral("Hello?"), QStringLiteral("Yes, I am interested.")}));
}

void tst_CallSession::carrierAnnouncementEndsAsUnreachable()
{
    // "आप जिस नंबर पर कॉल कर रहे हैं वह अभी बंद है" as Deepgram would transcribe it: ends at once,
    // outcome unreachable (retried per policy), the announcement kind recorded.
    Harness h;
    h.leadLanguage = QStringLiteral("Hindi");
    int llmRequests = 0;
    h.build({QStringLiteral("आप जिस नंबर पर कॉल कर रहे हैं वह अभी बंद है")},
            std::make_unique<Providers::FakeLlm>([&llmRequests](const Providers::LlmRequest &) {
                ++llmRequests;
                return Providers::FakeReply{QStringLiteral("जी?"), {}, {}};
            }));
    const QByteArray pcm = Audio::silence(200, 8000) + babble(3000, 15) + Audio::silence(8000, 8000);
    h.replay(callWithAudio(pcm), false);
    VTRY_VERIFY(h.timers, h.transport.closed, 10000);
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("unreachable"));
    const QJsonObject rec = screeningRecord(h.recorder.outcome);
    QCOMPARE(rec.value(QStringLiteral("class")).toString(), QStringLiteral("announcement"));
    QCOMPARE(rec.value(QStringLiteral("announcement")).toString(), QStringLiteral("switched_off"));
    QVERIFY2(h.replayer->elapsedMs() < 5000, qPrintable(QString::number(h.replayer->elapsedMs())));
    QCOMPARE(llmRequests, 0);
}

void tst_CallSession::ivrIsNavigatedWithInBandDtmf()
{
    // SCREENING_IVR=navigate: the menu is recognised, the LLM gets press_digits (and "ivr" as an
    // end_call outcome), its key press goes out as DTMF tones in the call audio.
    Harness h;
    h.screening.ivr = Screening::ScreeningPolicy::IvrAction::Navigate;
    QList<Providers::LlmRequest> requests;
    h.build({QStringLiteral("Welcome to Sunrise Realty. For sales, press 1. For support, press 2.")},
            std::make_unique<Providers::FakeLlm>([&requests](const Providers::LlmRequest &r) {
                requests << r;
                return Providers::FakeReply{QString(), QStringLiteral("press_digits"),
                                            QJsonObject{{QStringLiteral("digits"), QStringLiteral("1")}, {QStringLiteral("reason"), QStringLiteral("sales")}}};
            }));
    const QByteArray pcm = Audio::silence(200, 8000) + babble(3000, 16) + Audio::silence(1500, 8000);
    h.replay(callWithAudio(pcm) << QByteArray(R"({"event":"stop","stop":{"reason":"callended"}})"), true);
    VTRY_VERIFY(h.timers, h.recorder.finished.size() == 1, 15000);
    QCOMPARE(requests.size(), 1);
    const QJsonDocument tools(requests.first().tools);
    QVERIFY(tools.toJson().contains("press_digits"));
    QVERIFY(tools.toJson().contains("\"ivr\""));
    QVERIFY(requests.first().messages.first().content.contains(QStringLiteral("automated phone menu")));
    QVERIFY(h.recorder.texts(QStringLiteral("agent")).contains(QStringLiteral("(pressed 1)")));
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("ivr"));
    QCOMPARE(screeningRecord(h.recorder.outcome).value(QStringLiteral("class")).toString(), QStringLiteral("ivr"));
    // The key went out in band: a frame with both of "1"'s tones (697 + 1209 Hz), nothing else.
    bool dtmf = false;
    for (const auto &m : h.transport.ofType(QStringLiteral("media"))) {
        const QByteArray out = QByteArray::fromBase64(m.json[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1());
        for (int off = 0; off + 320 <= out.size() && !dtmf; off += 320) {
            QList<float> f;
            for (int i = 0; i < 160; ++i)
                f << float(Audio::sampleAt(out.mid(off, 320), i));
            const double low = Screening::ToneDetector::purity(f.constData(), 160, 8000, 697.0);
            const double high = Screening::ToneDetector::purity(f.constData(), 160, 8000, 1209.0);
            dtmf = low > 0.3 && high > 0.3;
        }
    }
    QVERIFY(dtmf);
}

namespace {
// Counts what reaches the recogniser.
class CountingStt final : public Providers::SpeechToText
{
public:
    QString name() const override { return QStringLiteral("counting"); }
    void start(const Providers::SttOptions &) override { started = true; }
    void pushAudio(const QByteArray &pcm) override { bytes += pcm.size(); }
    void finalize() override {}
    void stop() override {}
    bool started = false;
    qint64 bytes = 0;
};
} // namespace

// Audio that arrives while the call is matched to its row (a database lookup) reaches the
// recogniser once the call is live: the caller's first words are not cut.
void tst_CallSession::callerAudioWhileMatchingIsKept()
{
    VirtualTimerSource timers;
    RecordingTransport transport{&timers};
    FakeCallRecorder recorder;
    recorder.context_.callId = 5;
    recorder.context_.leadName = QStringLiteral("Aarav Sharma");
    SystemClock clock;
    auto stt = std::make_unique<CountingStt>();
    CountingStt *counting = stt.get();
    CallSession session(transport, recorder, clock, timers, std::move(stt), std::make_unique<Providers::ScriptedDialog>(),
                        std::make_unique<Providers::FakeTts>(), SessionConfig{});
    const QList<QByteArray> frames = readFixture(QStringLiteral("interested.jsonl"));
    QVERIFY(frames.size() > 10);
    qint64 early = 0;
    // connected, start and five media frames before the lookup can answer (it is queued).
    for (int i = 0; i < 7; ++i) {
        session.onTextFrame(frames.at(i));
        const QJsonObject o = QJsonDocument::fromJson(frames.at(i)).object();
        if (o.value(QStringLiteral("event")).toString() == QLatin1String("media"))
            early += QByteArray::fromBase64(o[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size();
    }
    QVERIFY(early >= 5 * 320);
    QCOMPARE(counting->bytes, 0);
    VTRY_COMPARE(timers, recorder.answered, QList<qint64>{5}, 1000);
    QVERIFY(counting->started);
    QCOMPARE(counting->bytes, early);
}

namespace {
// A recogniser the test drives by hand (the session's own VAD still hears the audio).
class ManualStt final : public Providers::SpeechToText
{
public:
    QString name() const override { return QStringLiteral("manual"); }
    void start(const Providers::SttOptions &) override {}
    void pushAudio(const QByteArray &) override {}
    void finalize() override {}
    void stop() override {}
    void interim(const QString &t) { emit transcript(t, false, QStringLiteral("en")); }
    void final(const QString &t)
    {
        emit transcript(t, true, QStringLiteral("en"));
        emit endOfSpeech();
    }
};
} // namespace

// Speculation: after a short local silence the LLM starts on the caller's words so far; its
// reply is held (nothing said, no tool run) until the turn ends with the same words; when the
// caller goes on it is dropped (and its end_call never applied), and the confirmed turn asks again.
void tst_CallSession::speculativeReplyIsHeldUntilTheTurnIsConfirmed()
{
    VirtualTimerSource timers;
    RecordingTransport transport{&timers};
    FakeCallRecorder recorder;
    recorder.context_.callId = 9;
    recorder.context_.leadName = QStringLiteral("Aarav Sharma");
    recorder.context_.leadLanguage = QStringLiteral("English");
    SystemClock clock;
    auto sttOwned = std::make_unique<ManualStt>();
    ManualStt *stt = sttOwned.get();
    QList<QString> asked; // the last user message of each LLM request
    auto llm = std::make_unique<Providers::FakeLlm>([&asked](const Providers::LlmRequest &r) {
        asked << r.messages.last().content;
        if (r.messages.last().content.contains(QStringLiteral("call me"), Qt::CaseInsensitive))
            return Providers::FakeReply{QStringLiteral("Sure, talk soon."), QStringLiteral("end_call"),
                                        QJsonObject{{QStringLiteral("outcome"), QStringLiteral("callback")},
                                                    {QStringLiteral("callback_time"), r.messages.last().content}}};
        return Providers::FakeReply{QStringLiteral("Wonderful, what budget do you have in mind?"), {}, {}};
    });
    llm->useTimers(timers);
    auto ttsOwned = std::make_unique<Providers::FakeTts>();
    ttsOwned->useTimers(timers);
    Providers::FakeTts *tts = ttsOwned.get();
    SessionConfig cfg;
    cfg.goodbyeGraceMs = 300;
    cfg.screening.enabled = false;
    cfg.speculateAfterSilenceMs = 100;
    CallSession session(transport, recorder, clock, timers, std::move(sttOwned), std::move(llm), std::move(ttsOwned), cfg);
    const QList<QByteArray> frames = readFixture(QStringLiteral("interested.jsonl"));
    session.onTextFrame(frames.at(0));
    session.onTextFrame(frames.at(1)); // start
    VTRY_COMPARE(timers, recorder.answered, QList<qint64>{9}, 1000);
    const QString sid = QJsonDocument::fromJson(frames.at(1)).object().value(QStringLiteral("stream_sid")).toString();
    qint64 chunk = 0;
    auto send = [&](bool speech, int ms) {
        for (int t = 0; t < ms; t += 20) {
            ++chunk;
            session.onTextFrame(Telephony::mediaFrame(sid, speech ? Audio::tone(20, 8000, 200.0, 0.3) : Audio::silence(20, 8000), chunk, chunk * 20));
            QCoreApplication::processEvents();
        }
    };
    // Media flows all the time (silence while the caller listens), as Exotel sends it.
    auto listen = [&] {
        const qint64 until = timers.nowMs() + 15000;
        while (session.state() != QLatin1String("listening") && timers.nowMs() < until) {
            send(false, 20);
            runFor(timers, 20);
        }
        send(false, 400);
    };
    // The greeting plays out first (the caller listens).
    listen();
    QCOMPARE(session.state(), QStringLiteral("listening"));

    // Turn 1: an interim that came before the last word is not stable: no speculation on it.
    send(true, 600);
    stt->interim(QStringLiteral("yes I am"));
    send(false, 140);
    QCOMPARE(asked.size(), 0);
    // The recogniser catches up after the caller stopped, and the silence is long enough.
    stt->interim(QStringLiteral("yes I am interested"));
    QCOMPARE(asked, QList<QString>{QStringLiteral("yes I am interested")});
    runFor(timers, 50); // the held reply has streamed in full: nothing of it was said
    QCOMPARE(tts->spoken().size(), 1);
    stt->final(QStringLiteral("Yes, I am interested."));
    QCOMPARE(asked.size(), 1); // confirmed: no second request
    VTRY_VERIFY(timers, tts->spoken().join(QLatin1Char(' ')).contains(QStringLiteral("what budget")), 5000);
    QCOMPARE(tts->spoken().at(1), QStringLiteral("Wonderful,")); // the first clause went first
    QCOMPARE(session.stats().speculativeRequests, 1);
    QCOMPARE(session.stats().speculativeDropped, 0);
    listen();
    QCOMPARE(session.state(), QStringLiteral("listening"));

    // Turn 2: a pause mid-sentence starts a speculation whose reply ends the call; the caller
    // goes on, so it is dropped and its end_call never runs.
    send(true, 500);
    send(false, 60);
    stt->interim(QStringLiteral("call me"));
    QCOMPARE(asked.size(), 1);
    send(false, 80);
    QCOMPARE(asked.size(), 2);
    runFor(timers, 50);
    send(true, 400);
    QCOMPARE(session.stats().speculativeDropped, 1);
    QVERIFY(!transport.closed);
    QVERIFY(recorder.finished.isEmpty());
    stt->interim(QStringLiteral("call me tomorrow evening please"));
    stt->final(QStringLiteral("Call me tomorrow evening please."));
    QCOMPARE(asked.size(), 3);
    QCOMPARE(asked.last(), QStringLiteral("Call me tomorrow evening please."));
    VTRY_VERIFY(timers, !recorder.finished.isEmpty(), 15000);
    QCOMPARE(recorder.outcome.outcome, QStringLiteral("callback"));
    QCOMPARE(outcomeField(recorder.outcome, "callback_time"), QStringLiteral("Call me tomorrow evening please."));
    QCOMPARE(recorder.texts(QStringLiteral("caller")),
             (QStringList{QStringLiteral("Yes, I am interested."), QStringLiteral("Call me tomorrow evening please.")}));
}

// A recogniser like Deepgram when the line drops: it gives the caller's words only when asked to
// finalize after the audio stopped, a moment later; once stopped it says nothing.
class LateFinalStt final : public Providers::SpeechToText
{
public:
    LateFinalStt(TimerSource &timers, QString text) : m_text(std::move(text)), m_late(timers.createTimer(this, [this] {
        if (!m_stopped)
            emit transcript(m_text, true, QStringLiteral("en-IN"));
    })) {}
    QString name() const override { return QStringLiteral("late-final"); }
    void start(const Providers::SttOptions &) override {}
    void pushAudio(const QByteArray &pcm) override { m_heardMs += pcm.size() / 16; }
    void finalize() override
    {
        if (m_heardMs < 1000 || m_asked)
            return;
        m_asked = true;
        m_late->start(400);
    }
    void stop() override { m_stopped = true; }

private:
    QString m_text;
    qint64 m_heardMs = 0;
    bool m_asked = false;
    bool m_stopped = false;
    std::unique_ptr<OneShotTimer> m_late;
};

void tst_CallSession::abruptEndKeepsTheCallersLastWords()
{
    // 3 s of caller speech, then the TCP connection drops (no "stop"). The recogniser is
    // finalized before the call is closed: the words are stored and the caller is not no_response.
    Harness h;
    h.screening.enabled = false;
    h.sttOverride = std::make_unique<LateFinalStt>(h.timers, QStringLiteral("Yes, I am interested."));
    h.build({}, std::make_unique<Providers::ScriptedDialog>());
    h.replay(callWithAudio(Audio::silence(200, 8000) + babble(3000, 23)), false);
    VTRY_VERIFY(h.timers, h.replayer->done(), 10000);
    QVERIFY(h.recorder.finished.isEmpty());
    const qint64 droppedAt = h.timers.nowMs();
    h.session->onTransportClosed(); // the socket dropped
    QVERIFY(h.recorder.finished.isEmpty()); // waits for the recogniser
    VTRY_COMPARE(h.timers, h.recorder.finished.size(), 1, 5000);
    // The final came 400 ms after Finalize; a split utterance's next piece is given 250 ms more.
    QCOMPARE(h.timers.nowMs() - droppedAt, 400 + 250);
    QCOMPARE(h.recorder.texts(QStringLiteral("caller")), QStringList{QStringLiteral("Yes, I am interested.")});
    QVERIFY2(h.recorder.outcome.outcome != QLatin1String("no_response"), qPrintable(h.recorder.outcome.outcome));
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("incomplete"));

    // A recogniser that never answers: the call still closes, after sttDrainMs.
    Harness quiet;
    quiet.screening.enabled = false;
    quiet.sttOverride = std::make_unique<LateFinalStt>(quiet.timers, QString());
    quiet.build({}, std::make_unique<Providers::ScriptedDialog>());
    quiet.replay(callWithAudio(babble(2000, 5)), false);
    VTRY_VERIFY(quiet.timers, quiet.replayer->done(), 10000);
    const qint64 quietDroppedAt = quiet.timers.nowMs();
    quiet.session->onTransportClosed();
    VTRY_COMPARE(quiet.timers, quiet.recorder.finished.size(), 1, 5000);
    QCOMPARE(quiet.timers.nowMs() - quietDroppedAt, qint64(SessionConfig{}.sttDrainMs)); // the bound, exactly
}

static QStringList g_warnings;
static void keepWarnings(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    if (type == QtWarningMsg && QLatin1String(ctx.category) == QLatin1String("leadline.conversation"))
        g_warnings << msg;
}

void tst_CallSession::invalidDtmfIsDroppedAndBadFramesAreLoggedWithTheCall()
{
    // "X" is no keypad key: dropped (never a turn, never in the LLM's history), counted and
    // logged. Bad frames are logged with the call's id throughout the call, at most once per
    // interval; one before "start" is logged as such, not as "call 0 stream """.
    Harness h;
    h.badFrameLogIntervalMs = 60 * 60 * 1000;
    QStringList llmSaw;
    h.build({QStringLiteral("Hello?")}, std::make_unique<Providers::FakeLlm>([&llmSaw](const Providers::LlmRequest &r) {
        for (const auto &m : r.messages)
            llmSaw << m.content;
        return Providers::FakeReply{QStringLiteral("Okay."), {}, {}};
    }));
    QList<QByteArray> frames = readFixture(QStringLiteral("dtmf.jsonl"));
    QVERIFY(frames.size() > 10);
    const QByteArray sid = "457a65ba3d32ff35b760b132a548b23f";
    const QByteArray badDigit = R"({"event":"dtmf","stream_sid":")" + sid + R"(","dtmf":{"duration":"100","digit":"X"}})";
    const QByteArray longDigit = R"({"event":"dtmf","stream_sid":")" + sid + R"(","dtmf":{"duration":"100","digit":"12"}})";
    frames.insert(1, QByteArray("{before start")); // after "connected"
    frames.insert(40, badDigit);
    frames.insert(60, QByteArray("{not json"));
    frames.insert(80, longDigit);
    g_warnings.clear();
    const QtMessageHandler previous = qInstallMessageHandler(keepWarnings);
    h.replay(frames, true);
    VTRY_VERIFY(h.timers, h.recorder.finished.size() == 1, 20000);
    qInstallMessageHandler(previous);
    QCOMPARE(h.recorder.texts(QStringLiteral("dtmf")), (QStringList{QStringLiteral("1"), QStringLiteral("5")}));
    for (const QString &m : std::as_const(llmSaw))
        QVERIFY2(!m.contains(QLatin1String("pressed X")) && !m.contains(QLatin1String("pressed 12")), qPrintable(m));
    QCOMPARE(h.session->stats().malformedFrames, 4);
    QCOMPARE(h.recorder.outcome.badFrames, 4);
    QStringList bad;
    for (const QString &w : std::as_const(g_warnings))
        if (w.contains(QLatin1String("bad frame")))
            bad << w;
    QCOMPARE(bad.size(), 2); // the one before start, then the first of the call (rate-limited)
    QVERIFY2(bad.at(0).contains(QLatin1String("before start")) && !bad.at(0).contains(QLatin1String("call 0")), qPrintable(bad.at(0)));
    QVERIFY2(bad.at(1).contains(QLatin1String("call 42 stream ") + QLatin1String(sid)) && bad.at(1).contains(QLatin1String("DTMF")),
             qPrintable(bad.at(1)));

    // With a short interval every bad frame of the call is logged, each with the call's id.
    Harness chatty;
    chatty.badFrameLogIntervalMs = 0;
    chatty.build({QStringLiteral("Hello?")}, std::make_unique<Providers::ScriptedDialog>());
    g_warnings.clear();
    const QtMessageHandler prev2 = qInstallMessageHandler(keepWarnings);
    chatty.replay(frames, true);
    VTRY_VERIFY(chatty.timers, chatty.recorder.finished.size() == 1, 20000);
    qInstallMessageHandler(prev2);
    int withCall = 0;
    for (const QString &w : std::as_const(g_warnings))
        withCall += w.contains(QLatin1String("bad frame")) && w.contains(QLatin1String("call 42 ")) ? 1 : 0;
    QCOMPARE(withCall, 3);
}

QTEST_GUILESS_MAIN(tst_CallSession)
#include "tst_callsession.moc"
