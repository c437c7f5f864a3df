// CallHandoff: transfer_to_agent only where handoff is available and once; the desk's request
// (the caller's last words, this call's fields before the CSV's); an agent found -> interested,
// its fields and the connecting line, status "transferring"; nobody free -> a callback at the
// time the caller named or the next calling-window slot; only the first decision counts.
#include "conversation/callhandoff.h"
#include "conversation/outcomedraft.h"
#include "conversation/prompts.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Conversation;
using Providers::ChatMessage;

namespace {

CallContext context()
{
    CallContext ctx;
    ctx.callId = 7;
    ctx.leadId = 70;
    ctx.campaignId = 3;
    ctx.leadName = QStringLiteral("Asha");
    ctx.phoneE164 = QStringLiteral("+919800000001");
    ctx.city = QStringLiteral("Pune");
    ctx.budget = QStringLiteral("40 lakh");
    ctx.propertyType = QStringLiteral("1BHK");
    return ctx;
}

QList<ChatMessage> history(const QStringList &callerLines)
{
    QList<ChatMessage> h{{QStringLiteral("system"), QStringLiteral("prompt")}, {QStringLiteral("assistant"), QStringLiteral("Hello")}};
    for (const QString &l : callerLines)
        h.append({QStringLiteral("user"), l});
    return h;
}

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC); // Monday 15:00 IST

} // namespace

class tst_CallHandoff : public QObject
{
    Q_OBJECT
private slots:
    void transferOnlyWhereAvailableAndOnce();
    void requestSummarisesTheCall();
    void agentFoundConnects();
    void nobodyFreeCallsBackAtTheNamedTime();
    void nobodyFreeCallsBackAtTheNextSlot();
    void onlyTheFirstDecisionCounts();
};

void tst_CallHandoff::transferOnlyWhereAvailableAndOnce()
{
    CallHandoff h;
    QVERIFY(!h.askTransfer(QJsonObject{{"reason", "wants a visit"}}));
    QVERIFY(!h.transferAsked());
    h.setAvailable(true);
    QVERIFY(h.askTransfer(QJsonObject{}));
    QVERIFY(h.transferAsked());
    OutcomeDraft outcome;
    QCOMPARE(h.request(context(), history({}), outcome, QStringLiteral("en")).reason, QStringLiteral("unspecified"));
    QVERIFY(h.requested());
    QVERIFY(!h.askTransfer(QJsonObject{{"reason", "again"}})); // requested already
}

void tst_CallHandoff::requestSummarisesTheCall()
{
    CallHandoff h;
    h.setAvailable(true);
    QVERIFY(h.askTransfer(QJsonObject{{"reason", "ready to buy"}, {"budget", " 60 lakh "}}));
    OutcomeDraft outcome;
    outcome.applyEndCall(QJsonObject{{"outcome", "interested"}, {"property", "2BHK"}, {"budget", "55 lakh"}}, 2);
    const HandoffRequest req = h.request(context(), history({"one", "(the caller pressed 1 on the keypad)", "two", "three", "four", "five"}),
                                         outcome, QStringLiteral("hi"));
    QCOMPARE(req.callId, qint64(7));
    QCOMPARE(req.leadId, qint64(70));
    QCOMPARE(req.campaignId, qint64(3));
    QCOMPARE(req.callerLanguage, QStringLiteral("hi"));
    QCOMPARE(req.reason, QStringLiteral("ready to buy"));
    QCOMPARE(req.summary.value("caller_words").toString(), QStringLiteral("two / three / four / five")); // the last four, no key presses
    QCOMPARE(req.summary.value("budget").toString(), QStringLiteral("60 lakh"));  // transfer args first
    QCOMPARE(req.summary.value("property").toString(), QStringLiteral("2BHK"));   // then this call's fields
    QCOMPARE(req.summary.value("city").toString(), QStringLiteral("Pune"));       // then the CSV
    QCOMPARE(req.summary.value("name").toString(), QStringLiteral("Asha"));
    QVERIFY(!req.summary.contains("timeline"));
}

void tst_CallHandoff::agentFoundConnects()
{
    CallHandoff h;
    h.setAvailable(true);
    h.askTransfer(QJsonObject{{"reason", "site visit"}, {"summary", "wants 2BHK"}});
    OutcomeDraft outcome;
    h.request(context(), history({"yes"}), outcome, QStringLiteral("en"));
    HandoffDecision d;
    d.connected = true;
    d.handoffId = 42;
    d.agentName = QStringLiteral("Ravi");
    const auto ending = h.decide(d, context(), history({"yes"}), kNow, QStringLiteral("en"));
    QVERIFY(ending.has_value());
    QCOMPARE(ending->outcome, QStringLiteral("interested"));
    QCOMPARE(ending->fields.value("handoff").toObject(),
             (QJsonObject{{"handoff_id", 42}, {"agent", "Ravi"}, {"reason", "site visit"}, {"summary", "wants 2BHK"}}));
    QCOMPARE(ending->closingLine, connectingLine(QStringLiteral("Ravi"), QStringLiteral("en")));
    QVERIFY(h.transferring());
    QCOMPARE(OutcomeDraft::finalStatus(QStringLiteral("completed"), h.transferring()), QStringLiteral("transferring"));
}

void tst_CallHandoff::nobodyFreeCallsBackAtTheNamedTime()
{
    CallHandoff h;
    h.setAvailable(true);
    h.askTransfer(QJsonObject{{"reason", "price"}});
    const auto said = history({"call me tomorrow at 10:30 am", "ok"});
    HandoffDecision d; // not connected
    const auto ending = h.decide(d, context(), said, kNow, QStringLiteral("en"));
    QVERIFY(ending.has_value());
    QCOMPARE(ending->outcome, QStringLiteral("callback"));
    QCOMPARE(ending->fields.value("handoff").toObject().value("failure").toString(), QStringLiteral("no_agent_available"));
    QCOMPARE(ending->fields.value("callback_time").toString(), QStringLiteral("call me tomorrow at 10:30 am"));
    QCOMPARE(h.callbackAtMs(), qint64(0)); // the outcome's extraction stores the named time
    QVERIFY(!ending->closingLine.isEmpty());
    QVERIFY(!h.transferring());
}

void tst_CallHandoff::nobodyFreeCallsBackAtTheNextSlot()
{
    CallHandoff h;
    const auto ending = h.decide(Error::make(Error::Code::Unavailable, QStringLiteral("handoff desk did not answer in time")),
                                 context(), history({"yes please"}), kNow, QStringLiteral("en"));
    QVERIFY(ending.has_value());
    QCOMPARE(ending->outcome, QStringLiteral("callback"));
    QCOMPARE(ending->fields.value("handoff").toObject().value("failure").toString(), QStringLiteral("handoff desk did not answer in time"));
    QVERIFY(!ending->fields.contains("callback_time"));
    // An hour from now, inside Monday's 10:00-19:00 window: 16:00 IST.
    QCOMPARE(h.callbackAtMs(), QDateTime(QDate(2026, 11, 23), QTime(10, 30), Qt::UTC).toMSecsSinceEpoch());
}

void tst_CallHandoff::onlyTheFirstDecisionCounts()
{
    CallHandoff h;
    HandoffDecision d;
    d.connected = true;
    d.agentName = QStringLiteral("Ravi");
    QVERIFY(h.decide(d, context(), history({}), kNow, QStringLiteral("en")).has_value());
    QVERIFY(h.decided());
    // The 4 s timeout fires after the desk answered: ignored.
    QVERIFY(!h.decide(Error::make(Error::Code::Unavailable, QStringLiteral("late")), context(), history({}), kNow, QStringLiteral("en")).has_value());
    QVERIFY(h.transferring());
}

QTEST_GUILESS_MAIN(tst_CallHandoff)
#include "tst_callhandoff.moc"
