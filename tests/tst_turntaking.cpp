// Turn-taking on a virtual clock: the caller's words so far (finals + the latest interim), when a
// speculative reply is due (silence after the last word, stable words, not tried, no backchannel
// or opt-out), its held events replayed in order once the turn is confirmed with the same words,
// its first-token time exact, and what dropped speculations cost.
#include "conversation/turntaking.h"
#include "fakes/virtualtimers.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Conversation;
using Leadline::Testing::VirtualTimerSource;

class tst_TurnTaking : public QObject
{
    Q_OBJECT
private slots:
    void callerWordsSoFar();
    void dueAfterSilenceOnStableWords();
    void notDueOnBackchannelOptOutOrTheSameWordsAgain();
    void confirmedReplyReplaysHeldEventsInOrder();
    void otherWordsOrNoReplyDropIt();
    void droppedSpeculationCountsItsWaste();
    void disabledNeverDue();
};

void tst_TurnTaking::callerWordsSoFar()
{
    CallerTurn t;
    QVERIFY(t.isEmpty());
    t.setInterim(QStringLiteral(" I want "));
    QCOMPARE(t.wordsSoFar(), QStringLiteral("I want"));
    QVERIFY(t.isEmpty()); // an interim is not a final
    t.addFinal(QStringLiteral(" I want a flat "));
    QCOMPARE(t.wordsSoFar(), QStringLiteral("I want a flat")); // the final replaced its interims
    t.setInterim(QStringLiteral("in Pune"));
    QCOMPARE(t.wordsSoFar(), QStringLiteral("I want a flat in Pune"));
    t.addFinal(QStringLiteral("in Pune."));
    QCOMPARE(t.finals(), QStringLiteral("I want a flat in Pune."));
    t.noteTranscriptAt(1500);
    QCOMPARE(t.lastTranscriptAtMs(), qint64(1500));
    QCOMPARE(t.take(), QStringLiteral("I want a flat in Pune."));
    QVERIFY(t.isEmpty());
    t.appendFinal(QStringLiteral("bye")); // draining: the interim stays apart
    t.setInterim(QStringLiteral("now"));
    t.appendFinal(QStringLiteral("then"));
    QCOMPARE(t.wordsSoFar(), QStringLiteral("bye then now"));
}

void tst_TurnTaking::dueAfterSilenceOnStableWords()
{
    VirtualTimerSource time;
    SpeculationStats stats;
    Speculation spec(time, stats, 120, [] {});
    const QString said = QStringLiteral("I want a 2BHK in Baner");
    // Last word at 1000 ms (VAD position); a transcript after it at 1050.
    QVERIFY(!(spec.due(1000, 1119, 1050) && spec.worthTrying(said))); // 119 ms of silence: not yet
    QVERIFY((spec.due(1000, 1120, 1050) && spec.worthTrying(said)));  // 120 ms: due
    QVERIFY(!(spec.due(1000, 1500, 1000) && spec.worthTrying(said))); // no transcript after the last word: words not stable
    QVERIFY(!(spec.due(-1, 1500, 1050) && spec.worthTrying(said)));   // the caller has not spoken
    QVERIFY(!(spec.due(1000, 1500, 1050) && spec.worthTrying(QString())));
}

void tst_TurnTaking::notDueOnBackchannelOptOutOrTheSameWordsAgain()
{
    VirtualTimerSource time;
    SpeculationStats stats;
    int cancels = 0;
    Speculation spec(time, stats, 120, [&] { ++cancels; });
    QVERIFY(!(spec.due(1000, 2000, 1050) && spec.worthTrying(QStringLiteral("haan"))));
    QVERIFY(!(spec.due(1000, 2000, 1050) && spec.worthTrying(QStringLiteral("please do not call me again"))));
    const QString said = QStringLiteral("tell me about the price");
    QVERIFY((spec.due(1000, 2000, 1050) && spec.worthTrying(said)));
    spec.start(said, 1000);
    QVERIFY(!(spec.due(1000, 2000, 1050) && spec.worthTrying(said))); // running
    spec.drop();
    QCOMPARE(cancels, 1);
    QVERIFY(!(spec.due(1000, 2000, 1050) && spec.worthTrying(said))); // never twice on the same words
    QVERIFY((spec.due(1000, 2000, 1050) && spec.worthTrying(said + QStringLiteral(" and size"))));
}

void tst_TurnTaking::confirmedReplyReplaysHeldEventsInOrder()
{
    VirtualTimerSource time;
    SpeculationStats stats;
    int cancels = 0;
    Speculation spec(time, stats, 120, [&] { ++cancels; });
    time.advanceMs(5000);
    QVERIFY(!spec.hold([] {})); // nothing running: events go through
    spec.start(QStringLiteral("Yes, tell me more."), 4880);
    QCOMPARE(spec.lastWordMs(), qint64(4880));
    QCOMPARE(stats.speculativeRequests, 1);
    QStringList replayed;
    time.advanceMs(180);
    spec.noteToken(QStringLiteral("Wonderful,"));
    QVERIFY(spec.hold([&] { replayed << QStringLiteral("token"); }));
    time.advanceMs(40);
    spec.noteToken(QStringLiteral(" the flats"));
    QVERIFY(spec.hold([&] { replayed << QStringLiteral("token2"); }));
    QVERIFY(spec.hold([&] { replayed << QStringLiteral("finished"); }));
    QVERIFY(replayed.isEmpty()); // held: nothing said, no tool run
    QVERIFY(!spec.answersOtherWords(QStringLiteral("yes tell me more")));
    QVERIFY(spec.answersOtherWords(QStringLiteral("yes tell me more about Baner")));

    // The turn ends with the same words (case and punctuation aside).
    const auto confirmed = spec.confirm(QStringLiteral("yes tell me more"), true);
    QVERIFY(confirmed.has_value());
    QCOMPARE(confirmed->startedUs, qint64(5000) * 1000);
    QCOMPARE(confirmed->firstTokenUs - confirmed->startedUs, qint64(180) * 1000); // exact, on virtual time
    for (const auto &e : confirmed->held)
        e();
    QCOMPARE(replayed, (QStringList{"token", "token2", "finished"}));
    QVERIFY(!spec.running());
    QCOMPARE(cancels, 0);
    QCOMPARE(stats.speculativeDropped, 0);
    QVERIFY((spec.due(6000, 6200, 6100) && spec.worthTrying(QStringLiteral("Yes, tell me more.")))); // a new turn may try them again
}

void tst_TurnTaking::otherWordsOrNoReplyDropIt()
{
    VirtualTimerSource time;
    SpeculationStats stats;
    int cancels = 0;
    Speculation spec(time, stats, 120, [&] { ++cancels; });
    spec.start(QStringLiteral("is it ready"), 100);
    QVERIFY(!spec.confirm(QStringLiteral("is it ready to move in"), true).has_value());
    QCOMPARE(cancels, 1);
    QVERIFY(!spec.running());
    spec.start(QStringLiteral("what is the price"), 900);
    QVERIFY(!spec.confirm(QStringLiteral("what is the price"), false).has_value()); // the call is ending
    QCOMPARE(cancels, 2);
    QCOMPARE(stats.speculativeDropped, 2);
    QVERIFY(!spec.confirm(QStringLiteral("anything"), true).has_value()); // none running: answer anew
    QCOMPARE(cancels, 2);
}

void tst_TurnTaking::droppedSpeculationCountsItsWaste()
{
    VirtualTimerSource time;
    SpeculationStats stats;
    Speculation spec(time, stats, 120, [] {});
    spec.start(QStringLiteral("ok so the budget is"), 100);
    spec.noteToken(QStringLiteral("Great, ")); // 7 characters
    spec.noteToken(QStringLiteral("what budget")); // 11
    spec.drop();
    QCOMPARE(stats.speculativeRequests, 1);
    QCOMPARE(stats.speculativeDropped, 1);
    QCOMPARE(stats.speculativeWastedTokens, (18 + 3) / 4); // about 4 characters a token
    spec.drop(); // not running: nothing more
    QCOMPARE(stats.speculativeDropped, 1);
    spec.noteToken(QStringLiteral("late token")); // after the drop: not counted
    spec.start(QStringLiteral("fifty lakh"), 200);
    spec.drop();
    QCOMPARE(stats.speculativeWastedTokens, (18 + 3) / 4);
}

void tst_TurnTaking::disabledNeverDue()
{
    VirtualTimerSource time;
    SpeculationStats stats;
    Speculation spec(time, stats, 0, [] {});
    QVERIFY(!spec.enabled());
    QVERIFY(!(spec.due(1000, 9000, 1050) && spec.worthTrying(QStringLiteral("tell me more"))));
}

QTEST_GUILESS_MAIN(tst_TurnTaking)
#include "tst_turntaking.moc"
