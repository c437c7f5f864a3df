// CallSession with fake vendors, fed the shared Exotel fixtures at real pace: turn-taking,
// barge-in (clear within one frame), backchannels, DTMF, opt-out, the end_call tool closing the
// call, vendor failure mid-call, unknown calls and malformed frames.
#include "conversation/callsession.h"
#include "core/clock.h"
#include "fakes/fakecallrecorder.h"
#include "fakes/fixturereplayer.h"
#include "fakes/recordingtransport.h"
#include "providers/fake/fakeproviders.h"
#include "providers/local/scripteddialog.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Conversation;
using namespace Leadline::Testing;

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
    void optOutGoesOnDnc();
    void llmFailureApologisesAndEnds();
    void unknownCallIsClosed();
    void malformedFramesAreSurvived();

private:
    struct Harness
    {
        RecordingTransport transport;
        FakeCallRecorder recorder;
        SystemClock clock;
        Providers::FakeLlm *fakeLlm = nullptr;
        Providers::FakeTts *tts = nullptr;
        std::unique_ptr<CallSession> session;
        std::unique_ptr<FixtureReplayer> replayer;
        qint64 audioSentMs = 0;

        QStringList sttLanguages;
        QString leadLanguage = QStringLiteral("English");
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
            stt->setLanguages(sttLanguages);
            auto t = std::make_unique<Providers::FakeTts>();
            tts = t.get();
            SessionConfig cfg;
            cfg.goodbyeGraceMs = 300;
            session = std::make_unique<CallSession>(transport, recorder, clock, std::move(stt), std::move(llm), std::move(t), cfg);
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
            CallSession *s = session.get();
            replayer = std::make_unique<FixtureReplayer>(frames, [s](const QByteArray &f) { s->onTextFrame(f); }, sendStop);
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
    QTRY_VERIFY_WITH_TIMEOUT(h.transport.closed, 20000);
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
    // Outbound audio: 320-byte multiples, marks after sentences.
    const auto media = h.transport.ofType(QStringLiteral("media"));
    QVERIFY(media.size() > 5);
    for (const auto &m : media) {
        const int bytes = QByteArray::fromBase64(m.json[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size();
        QVERIFY2(bytes > 0 && bytes % 320 == 0 && bytes <= 3200, qPrintable(QString::number(bytes)));
        QCOMPARE(m.json.value(QStringLiteral("stream_sid")).toString(), QStringLiteral("69e11ba507c9f394bb049e21b1320b3f"));
    }
    QVERIFY(!h.transport.ofType(QStringLiteral("mark")).isEmpty());
    // Turn indexes are dense and ordered.
    for (int i = 0; i < h.recorder.turns.size(); ++i)
        QCOMPARE(h.recorder.turns.at(i).index, i);
    QCOMPARE(h.session->stats().responseLatencyUs.size(), 2);
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
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.finished.size() == 1, 20000);
    const auto clears = h.transport.ofType(QStringLiteral("clear"));
    QCOMPARE(clears.size(), 1); // the greeting was cut; "haan" during the reply was not
    // The caller speaks from 320 ms; 400 ms of speech is barge-in: audio time 720 ms.
    // One frame is 20 ms; allow one more for timer granularity.
    QVERIFY2(clears.first().atMs >= 700 && clears.first().atMs <= 760, qPrintable(QString::number(clears.first().atMs)));
    QCOMPARE(llmRequests, 1);
    QVERIFY(h.recorder.texts(QStringLiteral("caller")).contains(QStringLiteral("हाँ")));
    // The interrupted greeting is stored as interrupted.
    bool interrupted = false;
    for (const auto &t : h.recorder.turns)
        interrupted = interrupted || (t.speaker == QLatin1String("agent") && t.interrupted);
    QVERIFY(interrupted);
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
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.finished.size() == 1, 20000);
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
    QTRY_VERIFY_WITH_TIMEOUT(h.transport.closed, 20000);
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
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.finished.size() == 1, 20000);
    QCOMPARE(h.recorder.texts(QStringLiteral("dtmf")), (QStringList{QStringLiteral("1"), QStringLiteral("5")}));
}

void tst_CallSession::notInterested()
{
    Harness h;
    h.build({QStringLiteral("No, I am not interested."), QStringLiteral("I have already bought a flat."), QStringLiteral("Thank you.")},
            std::make_unique<Providers::ScriptedDialog>());
    h.play(QStringLiteral("not_interested.jsonl"));
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.finished.size() == 1, 20000);
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("not_interested"));
    QVERIFY(h.recorder.dnc.isEmpty());
}

void tst_CallSession::optOutGoesOnDnc()
{
    Harness h;
    h.build({QStringLiteral("Please don't call me again."), QStringLiteral("Bye.")}, std::make_unique<Providers::ScriptedDialog>());
    h.play(QStringLiteral("interested.jsonl"));
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.finished.size() == 1, 20000);
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
    QTRY_VERIFY_WITH_TIMEOUT(h.transport.closed, 20000);
    QVERIFY(h.recorder.texts(QStringLiteral("agent")).join(QLatin1Char(' ')).contains(QStringLiteral("technical problem")));
    QVERIFY2(h.recorder.outcome.failureReason.contains(QStringLiteral("503")), qPrintable(h.recorder.outcome.failureReason));
}

void tst_CallSession::unknownCallIsClosed()
{
    Harness h;
    h.build({}, std::make_unique<Providers::ScriptedDialog>());
    h.recorder.known = false;
    h.play(QStringLiteral("dtmf.jsonl"));
    QTRY_VERIFY_WITH_TIMEOUT(h.transport.closed, 5000);
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
    QTRY_VERIFY_WITH_TIMEOUT(h.recorder.finished.size() == 1, 20000);
    QCOMPARE(h.recorder.outcome.outcome, QStringLiteral("not_interested"));
    QCOMPARE(h.session->stats().malformedFrames, 4); // bad JSON, bad base64, no event, oversized
}

QTEST_GUILESS_MAIN(tst_CallSession)
#include "tst_callsession.moc"
