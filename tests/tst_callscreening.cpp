// CallScreening: a person's verdict lets the conversation go on; voicemail hangs up or waits for
// the beep and leaves the message; an announcement ends with its outcome; an IVR hangs up or is
// navigated with press_digits up to the press budget; the caller's audio is held from the
// conversation once a machine is detected; the verdict's recorded fields.
#include "audio/pcm.h"
#include "conversation/callscreening.h"
#include "conversation/outcomedraft.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Conversation;
using Screening::ScreeningPolicy;
using Step = CallScreening::Step;

namespace {

constexpr int kRate = 8000;

// Feeds `ms` of audio in 20 ms frames; returns the first step that is not None (or None).
Step feed(CallScreening &s, OutcomeDraft &outcome, const QByteArray &pcm)
{
    const qsizetype frame = 20 * Audio::bytesPerMs(kRate);
    for (qsizetype at = 0; at < pcm.size(); at += frame) {
        const Step step = s.feedAudio(pcm.mid(at, frame), kRate, outcome);
        if (step != Step::None)
            return step;
    }
    return Step::None;
}

// Speech-like far-end audio: 200 ms "syllables" of noise whose level changes every frame (not a
// tone, not steady music), 100 ms apart.
QByteArray talking(int ms, quint32 seed = 1)
{
    QByteArray pcm;
    quint32 x = seed;
    auto next = [&x] { x = x * 1664525u + 1013904223u; return x >> 8; };
    const int samplesPerMs = kRate / 1000;
    for (int at = 0; at < ms; at += 20) {
        const bool gap = (at % 300) >= 200;
        const double amp = gap ? 0.0 : 0.15 + 0.25 * ((at / 20) % 3) / 2.0;
        for (int i = 0; i < 20 * samplesPerMs; ++i) {
            const double v = amp * (double(next() % 65536) / 32768.0 - 1.0);
            const qint16 s = qint16(v * 32767);
            pcm.append(char(s & 0xff));
            pcm.append(char((s >> 8) & 0xff));
        }
    }
    return pcm;
}

CallContext context()
{
    CallContext ctx;
    ctx.callId = 9;
    ctx.leadName = QStringLiteral("Asha");
    return ctx;
}

ScreeningPolicy policy(ScreeningPolicy::VoicemailAction vm = ScreeningPolicy::VoicemailAction::HangUp,
                       ScreeningPolicy::IvrAction ivr = ScreeningPolicy::IvrAction::HangUp)
{
    ScreeningPolicy p;
    p.voicemail = vm;
    p.ivr = ivr;
    return p;
}

} // namespace

class tst_CallScreening : public QObject
{
    Q_OBJECT
private slots:
    void disabledDoesNothing();
    void humanVerdictLetsTheConversationGoOn();
    void voicemailHangsUp();
    void voicemailLeavesTheMessageAfterTheBeep();
    void voicemailDecidedByTheBeep();
    void announcementEndsWithItsOutcome();
    void ivrHangsUpByDefault();
    void ivrNavigationPressesWithinItsBudget();
    void callEndingBeforeTheDeadlineIsClassified();
};

void tst_CallScreening::disabledDoesNothing()
{
    ScreeningPolicy p;
    p.enabled = false;
    CallScreening s(p);
    s.start(9, false);
    QVERIFY(!s.enabled());
    OutcomeDraft outcome;
    QCOMPARE(feed(s, outcome, Audio::silence(7000, kRate)), Step::None);
    QCOMPARE(s.feedTranscript(QStringLiteral("please leave a message after the beep"), true, outcome), Step::None);
    QVERIFY(outcome.fields().isEmpty());
    QVERIFY(!s.mayAddToDnc());
}

void tst_CallScreening::humanVerdictLetsTheConversationGoOn()
{
    CallScreening s(policy());
    s.start(9, false);
    QVERIFY(s.enabled());
    OutcomeDraft outcome;
    // Silence: nothing decided before the deadline, then human by default ("unknown").
    QCOMPARE(feed(s, outcome, Audio::silence(5000, kRate)), Step::None);
    QVERIFY(!s.decided());
    QCOMPARE(feed(s, outcome, Audio::silence(1000, kRate)), Step::Converse);
    QVERIFY(s.decided());
    QVERIFY(!s.holdsAudio());
    QVERIFY(!s.awaitingBeep());
    QVERIFY(!s.navigating());
    QVERIFY(!outcome.decided());
    QVERIFY(outcome.failure().isEmpty());
    const QJsonObject rec = outcome.fields().value(QStringLiteral("screening")).toObject();
    QCOMPARE(rec.value(QStringLiteral("class")).toString(), QStringLiteral("unknown"));
    QCOMPARE(rec.value(QStringLiteral("at_ms")).toInteger(), qint64(6000));
    QVERIFY(rec.contains(QStringLiteral("confidence")));
    QVERIFY(!rec.value(QStringLiteral("reason")).toString().isEmpty());
    QVERIFY(!rec.contains(QStringLiteral("announcement")));
    QVERIFY(!s.mayAddToDnc()); // human by default is not evidence
    // After the verdict, the caller's audio and words are conversation; no second verdict.
    QCOMPARE(feed(s, outcome, Audio::silence(2000, kRate)), Step::None);
    QCOMPARE(s.feedTranscript(QStringLiteral("please leave a message after the beep"), true, outcome), Step::None);
    QVERIFY(!s.holdsAudio());
    QCOMPARE(s.label(), QStringLiteral("unknown"));
}

void tst_CallScreening::voicemailHangsUp()
{
    CallScreening s(policy());
    s.start(9, false);
    OutcomeDraft outcome;
    QCOMPARE(feed(s, outcome, Audio::silence(400, kRate)), Step::None);
    const Step step = s.feedTranscript(QStringLiteral("please leave a message after the beep"), false, outcome);
    QCOMPARE(step, Step::HangUp);
    QVERIFY(CallScreening::machineVerdict(step));
    QCOMPARE(outcome.outcome(), QStringLiteral("voicemail"));
    QVERIFY2(outcome.failure().startsWith(QStringLiteral("screened: voicemail (")), qPrintable(outcome.failure()));
    const QJsonObject rec = outcome.fields().value(QStringLiteral("screening")).toObject();
    QCOMPARE(rec.value(QStringLiteral("class")).toString(), QStringLiteral("voicemail"));
    QCOMPARE(rec.value(QStringLiteral("at_ms")).toInteger(), qint64(400));
    QVERIFY(!s.awaitingBeep());
    QVERIFY(!s.mayAddToDnc());
    QCOMPARE(s.label(), QStringLiteral("voicemail"));
}

void tst_CallScreening::voicemailLeavesTheMessageAfterTheBeep()
{
    CallScreening s(policy(ScreeningPolicy::VoicemailAction::LeaveMessage));
    s.start(9, false);
    OutcomeDraft outcome;
    // The greeting goes on after the verdict: wait, holding the audio.
    const QByteArray talk = talking(1500);
    QCOMPARE(feed(s, outcome, talk), Step::None);
    const Step step = s.feedTranscript(QStringLiteral("I can't take your call, leave a message"), false, outcome);
    QCOMPARE(step, Step::AwaitBeep);
    QVERIFY(CallScreening::machineVerdict(step));
    QVERIFY(s.awaitingBeep());
    QVERIFY(s.holdsAudio()); // the caller's audio is not conversation now
    QCOMPARE(outcome.outcome(), QStringLiteral("voicemail"));
    QCOMPARE(s.feedTranscript(QStringLiteral("hello hello"), true, outcome), Step::None);
    QCOMPARE(feed(s, outcome, talking(1500, 2)), Step::None);
    QVERIFY(s.holdsAudio());
    // The beep, then quiet: leave the message.
    const Step beep = feed(s, outcome, Audio::tone(400, kRate, 1000.0, 0.3) + Audio::silence(600, kRate));
    QCOMPARE(beep, Step::LeaveMessage);
    QVERIFY(!CallScreening::machineVerdict(beep)); // the agent stopped talking at the verdict
    const QString message = s.takeVoicemailMessage(QStringLiteral("en"), context(), outcome);
    QVERIFY2(message.contains(QStringLiteral("Asha")), qPrintable(message));
    QVERIFY(!message.contains(QStringLiteral("{name}")));
    QVERIFY(!outcome.decided()); // reopened: the session's endCall says "voicemail"
    QVERIFY(!s.awaitingBeep());
    QVERIFY(!s.holdsAudio());
    // A custom message, and giving up waiting for a beep that never comes.
    ScreeningPolicy p = policy(ScreeningPolicy::VoicemailAction::LeaveMessage);
    p.voicemailMessage = QStringLiteral("Hi {name}, call us back.");
    p.maxWaitForBeepMs = 3000;
    CallScreening w(p);
    w.start(9, false);
    OutcomeDraft o2;
    QCOMPARE(w.feedTranscript(QStringLiteral("leave a message"), true, o2), Step::AwaitBeep);
    QCOMPARE(feed(w, o2, talking(2800)), Step::None);
    QCOMPARE(feed(w, o2, talking(1000, 3)), Step::LeaveMessage);
    QCOMPARE(w.awaitingBeep(), true); // until the session takes the message
    QCOMPARE(w.takeVoicemailMessage(QStringLiteral("en"), context(), o2), QStringLiteral("Hi Asha, call us back."));
}

void tst_CallScreening::voicemailDecidedByTheBeep()
{
    // A beep after a long greeting decides (once the quiet after it is heard); the message is
    // left when the line has stayed quiet (the beep ended before the verdict).
    CallScreening s(policy(ScreeningPolicy::VoicemailAction::LeaveMessage));
    s.start(9, false);
    OutcomeDraft outcome;
    const Step step = feed(s, outcome, talking(3000) + Audio::tone(400, kRate, 1000.0, 0.3) + Audio::silence(600, kRate));
    QVERIFY2(step == Step::AwaitBeep, qPrintable(QString::number(int(step))));
    QCOMPARE(outcome.outcome(), QStringLiteral("voicemail"));
    const QJsonObject rec = outcome.fields().value(QStringLiteral("screening")).toObject();
    QVERIFY2(rec.value(QStringLiteral("reason")).toString().contains(QStringLiteral("beep")), qPrintable(rec.value(QStringLiteral("reason")).toString()));
    QVERIFY(s.holdsAudio());
    QCOMPARE(feed(s, outcome, Audio::silence(2000, kRate)), Step::LeaveMessage);
}

void tst_CallScreening::announcementEndsWithItsOutcome()
{
    CallScreening s(policy());
    s.start(9, false);
    OutcomeDraft outcome;
    QCOMPARE(feed(s, outcome, Audio::silence(400, kRate)), Step::None);
    QCOMPARE(s.feedTranscript(QStringLiteral("the number you have dialled does not exist"), false, outcome), Step::HangUp);
    QCOMPARE(outcome.outcome(), QStringLiteral("invalid_number"));
    const QJsonObject rec = outcome.fields().value(QStringLiteral("screening")).toObject();
    QCOMPARE(rec.value(QStringLiteral("class")).toString(), QStringLiteral("announcement"));
    QCOMPARE(rec.value(QStringLiteral("announcement")).toString(), QStringLiteral("invalid"));
    QVERIFY(outcome.failure().startsWith(QStringLiteral("screened: announcement (")));

    CallScreening off(policy());
    off.start(9, false);
    OutcomeDraft o2;
    QCOMPARE(off.feedTranscript(QStringLiteral("the number you are calling is currently switched off"), true, o2), Step::HangUp);
    QCOMPARE(o2.outcome(), QStringLiteral("unreachable"));
}

void tst_CallScreening::ivrHangsUpByDefault()
{
    CallScreening s(policy());
    s.start(9, false);
    OutcomeDraft outcome;
    QCOMPARE(s.feedTranscript(QStringLiteral("please enter your extension number"), true, outcome), Step::HangUp);
    QCOMPARE(outcome.outcome(), QStringLiteral("ivr"));
    QVERIFY(!s.navigating());
    QVERIFY(s.pressDigits(QJsonObject{{"digits", "1"}}, outcome).isEmpty()); // not navigating
}

void tst_CallScreening::ivrNavigationPressesWithinItsBudget()
{
    ScreeningPolicy p = policy(ScreeningPolicy::VoicemailAction::HangUp, ScreeningPolicy::IvrAction::Navigate);
    p.maxIvrPresses = 2;
    CallScreening s(p);
    s.start(9, false);
    OutcomeDraft outcome;
    QVERIFY(s.pressDigits(QJsonObject{{"digits", "1"}}, outcome).isEmpty()); // before the verdict
    const Step step = s.feedTranscript(QStringLiteral("please enter your extension number"), true, outcome);
    QCOMPARE(step, Step::Navigate);
    QVERIFY(CallScreening::machineVerdict(step));
    QVERIFY(s.navigating());
    QVERIFY(!s.holdsAudio()); // the menu's words reach the LLM
    QVERIFY(!outcome.decided());
    QVERIFY(outcome.failure().isEmpty()); // navigating is not a failure (yet)
    QCOMPARE(outcome.fields().value(QStringLiteral("screening")).toObject().value(QStringLiteral("class")).toString(),
             QStringLiteral("ivr"));
    // Keys: no valid key is no press; a press marks the LLM turn; the budget ends the call.
    QVERIFY(!s.pressedThisTurn());
    QVERIFY(s.pressDigits(QJsonObject{{"digits", "none"}}, outcome).isEmpty());
    QVERIFY(!s.pressedThisTurn());
    QCOMPARE(s.pressDigits(QJsonObject{{"digits", "press 1, then #"}}, outcome), QStringLiteral("1#"));
    QVERIFY(s.pressedThisTurn());
    s.newLlmTurn();
    QVERIFY(!s.pressedThisTurn());
    QCOMPARE(s.pressDigits(QJsonObject{{"digits", "2"}}, outcome), QStringLiteral("2"));
    QCOMPARE(s.presses(), 2);
    QVERIFY(!outcome.decided());
    s.newLlmTurn();
    QVERIFY(s.pressDigits(QJsonObject{{"digits", "3"}}, outcome).isEmpty()); // over the budget
    QVERIFY(!s.pressedThisTurn());
    QCOMPARE(outcome.outcome(), QStringLiteral("ivr"));
    // The call ends while navigating: "ivr" unless an outcome is decided.
    OutcomeDraft open;
    s.finishCall(open);
    QCOMPARE(open.outcome(), QStringLiteral("ivr"));
    OutcomeDraft talked;
    talked.decide(QStringLiteral("interested"));
    s.finishCall(talked);
    QCOMPARE(talked.outcome(), QStringLiteral("interested"));
}

void tst_CallScreening::callEndingBeforeTheDeadlineIsClassified()
{
    // Nothing heard yet: no verdict, nothing recorded.
    CallScreening none(policy());
    none.start(9, false);
    OutcomeDraft o0;
    none.finishCall(o0);
    QVERIFY(o0.fields().isEmpty());
    QVERIFY(!o0.decided());
    // Some silence heard: human by default, recorded, no outcome.
    CallScreening quiet(policy());
    quiet.start(9, false);
    OutcomeDraft o1;
    QCOMPARE(feed(quiet, o1, Audio::silence(2000, kRate)), Step::None);
    quiet.finishCall(o1);
    QVERIFY(quiet.decided());
    QCOMPARE(o1.fields().value(QStringLiteral("screening")).toObject().value(QStringLiteral("class")).toString(),
             QStringLiteral("unknown"));
    QVERIFY(!o1.decided());
    // Weak cues only at the end: not enough to call it a machine, the outcome stays open.
    CallScreening vm(policy());
    vm.start(9, false);
    OutcomeDraft o2;
    QCOMPARE(feed(vm, o2, Audio::silence(1000, kRate)), Step::None);
    QCOMPARE(vm.feedTranscript(QStringLiteral("you have reached, I will call you back"), true, o2), Step::None);
    vm.finishCall(o2);
    const QJsonObject rec = o2.fields().value(QStringLiteral("screening")).toObject();
    QCOMPARE(rec.value(QStringLiteral("class")).toString(), QStringLiteral("unknown"));
    QCOMPARE(rec.value(QStringLiteral("at_ms")).toInteger(), qint64(1000));
    QVERIFY(!o2.decided());
    QVERIFY(o2.failure().isEmpty());
    // After a verdict, the end of the call changes nothing.
    CallScreening done(policy());
    done.start(9, false);
    OutcomeDraft o3;
    QCOMPARE(done.feedTranscript(QStringLiteral("the number you have dialled does not exist"), true, o3), Step::HangUp);
    const QJsonObject before = o3.fields();
    done.finishCall(o3);
    QCOMPARE(o3.fields(), before);
    QCOMPARE(o3.outcome(), QStringLiteral("invalid_number"));
}

QTEST_GUILESS_MAIN(tst_CallScreening)
#include "tst_callscreening.moc"
