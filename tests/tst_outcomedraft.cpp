// OutcomeDraft: end_call's outcome and fields (with their turn), vendor failures kept (the first
// of a dying stream, the latest otherwise) and their technical_failure outcome, the fallbacks of
// the stored outcome, the closing line after a deciding turn and the final status.
#include "conversation/outcomedraft.h"
#include "conversation/prompts.h"

#include <QtTest>

using namespace Leadline::Conversation;

class tst_OutcomeDraft : public QObject
{
    Q_OBJECT
private slots:
    void endCallGivesOutcomeAndFieldsWithTheirTurn();
    void endCallWithoutOutcomeIsIncomplete();
    void storedOutcomeFallsBackOnWhetherTheCallerSpoke();
    void vendorFailuresAreKept();
    void failureOutcomeKeepsADecidedOne();
    void decideIfOpenNeverOverwrites();
    void closingLineOnlyWhenTheTurnSaidNothing();
    void transferringIsTheFinalStatusOfAHandoff();
};

void tst_OutcomeDraft::endCallGivesOutcomeAndFieldsWithTheirTurn()
{
    OutcomeDraft d;
    QVERIFY(!d.decided());
    d.applyEndCall(QJsonObject{{"outcome", "interested"}, {"budget", " 50 lakh "}, {"property", "2BHK"}}, 3);
    QVERIFY(d.decided());
    QCOMPARE(d.outcome(), QStringLiteral("interested"));
    QVERIFY(!d.fields().contains(QStringLiteral("outcome")));
    QCOMPARE(d.fields().value(QStringLiteral("budget")).toObject(), (QJsonObject{{"value", " 50 lakh "}, {"turn", 3}}));
    QCOMPARE(d.reportedValue(QStringLiteral("budget")), QStringLiteral("50 lakh"));
    QCOMPARE(d.reportedValue(QStringLiteral("timeline")), QString());
    const auto stored = d.toStored(true, QStringLiteral("hi"), 2);
    QCOMPARE(stored.outcome, QStringLiteral("interested"));
    QCOMPARE(stored.language, QStringLiteral("hi"));
    QCOMPARE(stored.badFrames, 2);
    QCOMPARE(stored.fields, d.fields());
    QVERIFY(stored.failureReason.isEmpty());
}

void tst_OutcomeDraft::endCallWithoutOutcomeIsIncomplete()
{
    OutcomeDraft d;
    d.applyEndCall(QJsonObject{}, 0);
    QCOMPARE(d.outcome(), QStringLiteral("incomplete"));
}

void tst_OutcomeDraft::storedOutcomeFallsBackOnWhetherTheCallerSpoke()
{
    OutcomeDraft d;
    QCOMPARE(d.toStored(true, QStringLiteral("en"), 0).outcome, QStringLiteral("incomplete"));
    QCOMPARE(d.toStored(false, QStringLiteral("en"), 0).outcome, QStringLiteral("no_response"));
    d.decide(QStringLiteral("voicemail"));
    QCOMPARE(d.toStored(false, QStringLiteral("en"), 0).outcome, QStringLiteral("voicemail"));
    d.reopen();
    QCOMPARE(d.toStored(false, QStringLiteral("en"), 0).outcome, QStringLiteral("no_response"));
}

void tst_OutcomeDraft::vendorFailuresAreKept()
{
    OutcomeDraft d;
    d.applyEndCall(QJsonObject{{"outcome", "callback"}, {"callback_time", "tomorrow 5 pm"}}, 1);
    d.noteFailure(QStringLiteral("stt"), QStringLiteral("socket closed"), true);
    d.noteFailure(QStringLiteral("stt"), QStringLiteral("close 1006"), true); // the first says most
    QCOMPARE(d.failure(), QStringLiteral("stt: socket closed"));
    d.noteFailure(QStringLiteral("tts"), QStringLiteral("HTTP 500")); // a later stage's failure replaces it
    QCOMPARE(d.failure(), QStringLiteral("tts: HTTP 500"));
    const auto stored = d.toStored(true, QStringLiteral("en"), 0);
    QCOMPARE(stored.failureReason, QStringLiteral("tts: HTTP 500"));
    QCOMPARE(stored.outcome, QStringLiteral("callback")); // the outcome and fields survive the failure
    QVERIFY(stored.fields.contains(QStringLiteral("callback_time")));
    d.removeField(QStringLiteral("failure"));
    QVERIFY(d.failure().isEmpty());
}

void tst_OutcomeDraft::failureOutcomeKeepsADecidedOne()
{
    OutcomeDraft d;
    QCOMPARE(d.failureOutcome(), QStringLiteral("technical_failure"));
    d.decide(QStringLiteral("not_interested"));
    QCOMPARE(d.failureOutcome(), QString()); // endCall keeps not_interested
}

void tst_OutcomeDraft::decideIfOpenNeverOverwrites()
{
    OutcomeDraft d;
    d.decideIfOpen(QStringLiteral("incomplete"));
    QCOMPARE(d.outcome(), QStringLiteral("incomplete"));
    d.decideIfOpen(QStringLiteral("ivr"));
    QCOMPARE(d.outcome(), QStringLiteral("incomplete"));
    d.mergeFields(QJsonObject{{"hung_up_by", "supervisor"}, {"opt_out_phrase", "stop calling"}});
    QCOMPARE(d.fields().size(), 2);
}

void tst_OutcomeDraft::closingLineOnlyWhenTheTurnSaidNothing()
{
    OutcomeDraft d;
    d.decide(QStringLiteral("not_interested"));
    QCOMPARE(d.closingLineAfterTurn(true, QStringLiteral("en")), QString());
    const QString bye = d.closingLineAfterTurn(false, QStringLiteral("en"));
    QVERIFY(!bye.isEmpty());
    QCOMPARE(bye, goodbyeLine(QStringLiteral("not_interested"), QStringLiteral("en")));
}

void tst_OutcomeDraft::transferringIsTheFinalStatusOfAHandoff()
{
    QCOMPARE(OutcomeDraft::finalStatus(QStringLiteral("completed"), false), QStringLiteral("completed"));
    QCOMPARE(OutcomeDraft::finalStatus(QStringLiteral("completed"), true), QStringLiteral("transferring"));
}

QTEST_GUILESS_MAIN(tst_OutcomeDraft)
#include "tst_outcomedraft.moc"
