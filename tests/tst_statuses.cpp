// Typed statuses (engine/storage/*status.h): one string mapping per enum, and the allowed
// transitions in one table per status type.
#include "storage/callstatus.h"
#include "storage/campaignstatus.h"
#include "storage/handoffstatus.h"
#include "storage/leadstatus.h"

#include <QSet>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Storage;

namespace {

// Every value maps to a distinct, non-empty string that parses back to it; other text does not parse.
template<typename E, bool hasTransitions = true>
void checkMapping(int expectedCount)
{
    const QList<E> all = allStatuses<E>();
    QCOMPARE(all.size(), expectedCount);
    QSet<QString> seen;
    for (E v : all) {
        const QString name = statusName(v);
        QVERIFY2(!name.isEmpty(), StatusNames<E>::kind);
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
        QCOMPARE(parseStatus<E>(name), std::optional<E>(v));
        QVERIFY(!parseStatus<E>(name.toUpper()));
        if constexpr (hasTransitions)
            QVERIFY(canTransition(v, v)); // staying is always allowed (idempotent writes)
    }
    QVERIFY(!parseStatus<E>(u""));
    QVERIFY(!parseStatus<E>(u"bogus"));
    QVERIFY(!requireStatus<E>(u"bogus").ok());
    QCOMPARE(requireStatus<E>(u"bogus").error().code, Error::Code::Validation);
}

template<typename E>
QString transitionsOf()
{
    // The whole table as "from>to" pairs, for readable failures.
    QStringList out;
    for (E from : allStatuses<E>())
        for (E to : allStatuses<E>())
            if (from != to && canTransition(from, to))
                out << statusName(from) + QLatin1Char('>') + statusName(to);
    return out.join(QLatin1Char(' '));
}

void addTransitionColumns()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("allowed");
}

// One row of a *Transitions_data table against canTransition.
template<typename E>
void checkTransitionRow()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, allowed);
    const std::optional<E> f = parseStatus<E>(from);
    const std::optional<E> t = parseStatus<E>(to);
    QVERIFY(f && t);
    QVERIFY2(canTransition(*f, *t) == allowed, qPrintable(transitionsOf<E>()));
}

} // namespace

class tst_Statuses : public QObject
{
    Q_OBJECT
private slots:
    void mappings();
    void storedNamesAreStable();
    void campaignTransitions_data();
    void campaignTransitions();
    void leadTransitions_data();
    void leadTransitions();
    void callTransitions_data();
    void callTransitions();
    void handoffTransitions();
    void groups();
    void illegalTransitionIsAConflict();
    void sqlLists();
};

void tst_Statuses::mappings()
{
    checkMapping<CampaignStatus>(4);
    checkMapping<LeadStatus>(12);
    checkMapping<CallStatus>(14);
    checkMapping<ConversationOutcome, false>(15);
    checkMapping<HandoffStatus>(5);
}

void tst_Statuses::storedNamesAreStable()
{
    // These strings are in databases, REST clients and CRM webhooks: they must never change.
    QCOMPARE(statusNames<CampaignStatus>().join(QLatin1Char(',')), QStringLiteral("draft,running,paused,done"));
    QCOMPARE(statusNames<LeadStatus>().join(QLatin1Char(',')),
             QStringLiteral("pending,calling,retry,callback,completed,exhausted,unreachable,do_not_call,wrong_number,"
                            "unschedulable,invalid_number,ivr"));
    QCOMPARE(statusNames<CallStatus>().join(QLatin1Char(',')),
             QStringLiteral("created,dialing,queued,ringing,in-progress,answered,transferring,completed,busy,no-answer,"
                            "failed,canceled,unknown,not_placed"));
    QCOMPARE(statusNames<HandoffStatus>().join(QLatin1Char(',')), QStringLiteral("pending,connecting,answered,not_answered,failed"));
    QCOMPARE(statusName(ConversationOutcome::NotInterested), QStringLiteral("not_interested"));
    QCOMPARE(statusName(ConversationOutcome::TechnicalFailure), QStringLiteral("technical_failure"));
}

void tst_Statuses::campaignTransitions_data()
{
    addTransitionColumns();
    QTest::newRow("draft>running") << "draft" << "running" << true;
    QTest::newRow("running>paused") << "running" << "paused" << true;
    QTest::newRow("paused>running") << "paused" << "running" << true;
    QTest::newRow("running>done (dialer)") << "running" << "done" << true;
    QTest::newRow("done>running (restart)") << "done" << "running" << true;
    QTest::newRow("done>paused") << "done" << "paused" << false;
    QTest::newRow("running>draft") << "running" << "draft" << false;
    QTest::newRow("paused>draft (editor)") << "paused" << "draft" << true;
    QTest::newRow("done>draft") << "done" << "draft" << false;
}

void tst_Statuses::campaignTransitions() { checkTransitionRow<CampaignStatus>(); }

void tst_Statuses::leadTransitions_data()
{
    addTransitionColumns();
    QTest::newRow("pending>calling (claim)") << "pending" << "calling" << true;
    QTest::newRow("retry>calling") << "retry" << "calling" << true;
    QTest::newRow("callback>calling") << "callback" << "calling" << true;
    QTest::newRow("pending>do_not_call (DNC at claim)") << "pending" << "do_not_call" << true;
    QTest::newRow("retry>unschedulable (no window)") << "retry" << "unschedulable" << true;
    QTest::newRow("calling>pending (not placed)") << "calling" << "pending" << true;
    QTest::newRow("calling>retry") << "calling" << "retry" << true;
    QTest::newRow("calling>completed") << "calling" << "completed" << true;
    QTest::newRow("calling>exhausted") << "calling" << "exhausted" << true;
    QTest::newRow("retry>completed (late outcome)") << "retry" << "completed" << true;
    QTest::newRow("pending>completed") << "pending" << "completed" << false;
    QTest::newRow("pending>retry") << "pending" << "retry" << false;
    QTest::newRow("completed>calling") << "completed" << "calling" << false;
    QTest::newRow("exhausted>calling") << "exhausted" << "calling" << false;
    QTest::newRow("completed>pending") << "completed" << "pending" << false;
    QTest::newRow("calling>calling") << "calling" << "calling" << true;
}

void tst_Statuses::leadTransitions() { checkTransitionRow<LeadStatus>(); }

void tst_Statuses::callTransitions_data()
{
    addTransitionColumns();
    QTest::newRow("created>dialing") << "created" << "dialing" << true;
    QTest::newRow("dialing>ringing") << "dialing" << "ringing" << true;
    QTest::newRow("ringing>in-progress") << "ringing" << "in-progress" << true;
    QTest::newRow("in-progress>transferring") << "in-progress" << "transferring" << true;
    QTest::newRow("transferring>completed") << "transferring" << "completed" << true;
    QTest::newRow("dialing>failed") << "dialing" << "failed" << true;
    QTest::newRow("created>not_placed") << "created" << "not_placed" << true;
    QTest::newRow("dialing>not_placed") << "dialing" << "not_placed" << true;
    QTest::newRow("ringing>not_placed") << "ringing" << "not_placed" << false;
    QTest::newRow("unknown>completed (carrier corrects)") << "unknown" << "completed" << true;
    QTest::newRow("unknown>ringing") << "unknown" << "ringing" << false;
    QTest::newRow("completed>busy") << "completed" << "busy" << false;
    QTest::newRow("completed>in-progress") << "completed" << "in-progress" << false;
    QTest::newRow("not_placed>dialing") << "not_placed" << "dialing" << false;
    QTest::newRow("dialing>created") << "dialing" << "created" << false;
}

void tst_Statuses::callTransitions() { checkTransitionRow<CallStatus>(); }

void tst_Statuses::handoffTransitions()
{
    QCOMPARE(transitionsOf<HandoffStatus>(),
             QStringLiteral("pending>connecting pending>answered pending>not_answered connecting>answered connecting>not_answered"));
}

void tst_Statuses::groups()
{
    QCOMPARE(statusNames(dueLeadStatuses()).join(QLatin1Char(',')), QStringLiteral("pending,retry,callback"));
    QCOMPARE(statusNames(openLeadStatuses()).join(QLatin1Char(',')), QStringLiteral("pending,retry,callback,calling"));
    QCOMPARE(statusNames(activeCallStatuses()).join(QLatin1Char(',')),
             QStringLiteral("created,dialing,queued,ringing,in-progress,answered,transferring"));
    QCOMPARE(statusNames(openHandoffStatuses()).join(QLatin1Char(',')), QStringLiteral("pending,connecting"));
    // The guard of a conditional UPDATE comes from the same table.
    QCOMPARE(statusNames(allowedFrom(LeadStatus::Calling)).join(QLatin1Char(',')), QStringLiteral("pending,calling,retry,callback"));
    QCOMPARE(statusNames(allowedFrom(HandoffStatus::Connecting)).join(QLatin1Char(',')), QStringLiteral("pending,connecting"));
    QCOMPARE(statusNames(allowedFrom(CampaignStatus::Paused)).join(QLatin1Char(',')), QStringLiteral("draft,running,paused"));
}

void tst_Statuses::illegalTransitionIsAConflict()
{
    QVERIFY(checkTransition(LeadStatus::Calling, LeadStatus::Completed).ok());
    const Status refused = checkTransition(LeadStatus::Completed, LeadStatus::Calling);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QCOMPARE(refused.error().message, QStringLiteral("lead status cannot change from completed to calling"));
}

void tst_Statuses::sqlLists()
{
    QCOMPARE(sqlInList(QList<CallStatus>{CallStatus::Busy, CallStatus::NoAnswer}), QStringLiteral("'busy','no-answer'"));
}

QTEST_GUILESS_MAIN(tst_Statuses)
#include "tst_statuses.moc"
