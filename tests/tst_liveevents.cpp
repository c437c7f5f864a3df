// The live-event schema (engine/core/liveevents.h): the exact wire form of every event type (what
// /events clients and the README see), round trips through fromJson, lenient reading of what an
// older or newer engine may send, and the envelope the console parses.
#include "core/liveevents.h"

#include <QJsonDocument>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Events;

class tst_LiveEvents : public QObject
{
    Q_OBJECT
private slots:
    void typeNamesRoundTrip();
    void wireForm_data();
    void wireForm();
    void roundTrips();
    void lenientReading();
    void envelope();
};

static QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

void tst_LiveEvents::typeNamesRoundTrip()
{
    for (Type t : {Type::CallStarted, Type::CallAnswered, Type::CallStatus, Type::CallActivity, Type::CallTurn, Type::CallEnded,
                   Type::CampaignProgress, Type::ProviderError}) {
        QVERIFY(!typeName(t).isEmpty());
        QCOMPARE(typeNamed(typeName(t)), t);
    }
    QCOMPARE(typeName(Type::CallTurn), QStringLiteral("call.turn"));
    QCOMPARE(typeNamed(QStringLiteral("call.transferred")), Type::Unknown);
}

void tst_LiveEvents::wireForm_data()
{
    QTest::addColumn<QJsonObject>("event");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("call.started") << CallParty{7, 2, 40, QStringLiteral("Asha"), QStringLiteral("+91 98XXX XX321"), 1}.toJson()
                                  << QByteArray(R"({"attempt":1,"call_id":7,"campaign_id":2,"lead_id":40,"lead_name":"Asha","phone":"+91 98XXX XX321"})");
    QTest::newRow("call.status, carrier") << CallStatus{7, 2, 40, QStringLiteral("completed"), QStringLiteral("carrier"), 63}.toJson()
                                          << QByteArray(R"({"call_id":7,"campaign_id":2,"duration_s":63,"lead_id":40,"source":"carrier","status":"completed"})");
    QTest::newRow("call.activity") << CallActivity{7, QStringLiteral("speaking"), QStringLiteral("agent"), QStringLiteral("Namaste")}.toJson()
                                   << QByteArray(R"({"call_id":7,"speaker":"agent","state":"speaking","text":"Namaste"})");
    CallTurn agent;
    agent.callId = 7;
    agent.turn = 2;
    agent.speaker = QStringLiteral("agent");
    agent.text = QStringLiteral("Which budget?");
    agent.language = QStringLiteral("en");
    agent.latencyMs = 640;
    agent.sttMs = 120;
    agent.llmMs = 330;
    agent.ttsMs = 190;
    QTest::newRow("call.turn, agent") << agent.toJson()
                                      << QByteArray(R"({"call_id":7,"interrupted":false,"language":"en","latency_ms":640,"llm_ms":330,"speaker":"agent","stt_ms":120,"text":"Which budget?","tts_ms":190,"turn":2})");
    CallTurn caller = agent;
    caller.speaker = QStringLiteral("caller");
    caller.text = QStringLiteral("80 lakh");
    QTest::newRow("call.turn, caller: no latency") << caller.toJson()
                                                   << QByteArray(R"({"call_id":7,"interrupted":false,"language":"en","speaker":"caller","text":"80 lakh","turn":2})");
    CallEnded media;
    media.callId = 7;
    media.status = QStringLiteral("completed");
    media.source = QStringLiteral("media");
    QTest::newRow("call.ended, session without outcome") << media.toJson()
                                                         << QByteArray(R"({"call_id":7,"outcome":"","source":"media","status":"completed"})");
    CallEnded dialer;
    dialer.callId = 8;
    dialer.campaignId = 2;
    dialer.status = QStringLiteral("not_placed");
    dialer.reason = QStringLiteral("paused");
    dialer.source = QStringLiteral("dialer");
    QTest::newRow("call.ended, dialer") << dialer.toJson()
                                        << QByteArray(R"({"call_id":8,"campaign_id":2,"reason":"paused","source":"dialer","status":"not_placed"})");
    CampaignProgress idle;
    idle.campaignId = 2;
    idle.status = QStringLiteral("running");
    idle.leadsTotal = 10;
    idle.leadsDone = 4;
    idle.leadsPending = 6;
    QTest::newRow("campaign.progress, nothing due") << idle.toJson()
                                                    << QByteArray(R"({"calls_active":0,"campaign_id":2,"leads_done":4,"leads_pending":6,"leads_total":10,"next_due_at":null,"status":"running"})");
    CampaignProgress due = idle;
    due.nextDueAtMs = QDateTime(QDate(2026, 12, 7), QTime(5, 30), QTimeZone::utc()).toMSecsSinceEpoch();
    QTest::newRow("campaign.progress, due") << due.toJson()
                                            << QByteArray(R"({"calls_active":0,"campaign_id":2,"leads_done":4,"leads_pending":6,"leads_total":10,"next_due_at":"2026-12-07T05:30:00+00:00","status":"running"})");
    QTest::newRow("provider.error") << ProviderError{QStringLiteral("telephony"), 0, 2, QStringLiteral("401 from Exotel")}.toJson()
                                    << QByteArray(R"({"campaign_id":2,"message":"401 from Exotel","provider":"telephony"})");
}

void tst_LiveEvents::wireForm()
{
    QFETCH(QJsonObject, event);
    QFETCH(QByteArray, expected);
    QCOMPARE(compact(event), expected);
}

void tst_LiveEvents::roundTrips()
{
    CallTurn t;
    t.callId = 9;
    t.campaignId = 3;
    t.leadId = 12;
    t.turn = 4;
    t.speaker = QStringLiteral("agent");
    t.text = QStringLiteral("Kal shaam?");
    t.language = QStringLiteral("hi");
    t.interrupted = true;
    t.latencyMs = 700;
    t.sttMs = 100;
    t.llmMs = 400;
    t.ttsMs = 200;
    const CallTurn back = CallTurn::fromJson(t.toJson());
    QCOMPARE(compact(back.toJson()), compact(t.toJson()));
    QCOMPARE(back.interrupted, true);
    QCOMPARE(back.latencyMs, 700);

    CampaignProgress p;
    p.campaignId = 3;
    p.status = QStringLiteral("paused");
    p.leadsTotal = 5;
    p.callsActive = 2;
    p.nextDueAtMs = QDateTime(QDate(2026, 12, 8), QTime(4, 30), QTimeZone::utc()).toMSecsSinceEpoch();
    QCOMPARE(compact(CampaignProgress::fromJson(p.toJson()).toJson()), compact(p.toJson()));

    const CallEnded e = CallEnded::fromJson(CallEnded{9, 3, 12, QStringLiteral("completed"), QStringLiteral("qualified"), {},
                                                      QStringLiteral("media"), 42}.toJson());
    QCOMPARE(e.outcome, QStringLiteral("qualified"));
    QCOMPARE(e.durationS, 42);
    QCOMPARE(e.leadId, 12);
}

void tst_LiveEvents::lenientReading()
{
    // Ids as strings, missing and mistyped fields: defaults, never a crash or a guess.
    const QJsonObject o{{QStringLiteral("call_id"), QStringLiteral("15")},
                        {QStringLiteral("campaign_id"), QStringLiteral("x")},
                        {QStringLiteral("turn"), QStringLiteral("3")},
                        {QStringLiteral("speaker"), 5}};
    const CallTurn t = CallTurn::fromJson(o);
    QCOMPARE(t.callId, 15);
    QCOMPARE(t.campaignId, 0);
    QCOMPARE(t.turn, 3);
    QCOMPARE(t.speaker, QStringLiteral("5"));
    QCOMPARE(t.latencyMs, -1);
    QCOMPARE(CampaignProgress::fromJson(QJsonObject{{QStringLiteral("calls_active"), -4}}).callsActive, 0);
    QCOMPARE(CampaignProgress::fromJson(QJsonObject{{QStringLiteral("next_due_at"), QJsonValue::Null}}).nextDueAtMs, 0);
}

void tst_LiveEvents::envelope()
{
    const auto e = Envelope::parse(R"({"type":"call.activity","at":"2026-12-07T05:30:00.250Z","call_id":3,"state":"thinking"})");
    QVERIFY(e);
    QCOMPARE(e->type, Type::CallActivity);
    QCOMPARE(e->at, QDateTime(QDate(2026, 12, 7), QTime(5, 30, 0, 250), QTimeZone::utc()));
    QCOMPARE(CallActivity::fromJson(e->payload).state, QStringLiteral("thinking"));
    QCOMPARE(Envelope::parse(R"({"type":"call.hold","call_id":3})")->type, Type::Unknown);
    QVERIFY(!Envelope::parse("[1,2]"));
    QVERIFY(!Envelope::parse("{not json"));
}

QTEST_GUILESS_MAIN(tst_LiveEvents)
#include "tst_liveevents.moc"
