// The dialer's HTTP surface over real loopback HTTP (ServerPool, two workers): start/pause with
// a running Dialer, the Exotel status webhook (secret, duplicates, out of order, unknown sids,
// bad bodies), analytics checked against a hand count on SQLite and PostgreSQL, call detail,
// transcript, CSV export and /metrics.
#include "campaigns/callingwindow.h"
#include "campaigns/calllifecycle.h"
#include "campaigns/campaigncontrol.h"
#include "campaigns/campaignservice.h"
#include "campaigns/dialer.h"
#include "campaigns/dialerengine.h"
#include "campaigns/exotelcallplacer.h"
#include "fakes/fakecallplacer.h"
#include "fakes/fakeexotelserver.h"
#include "fakes/fakeclock.h"
#include "fakes/httpharness.h"
#include "fakes/recordingeventsink.h"
#include "fakes/testdatabase.h"
#include "server/dialerapi.h"
#include "server/requestauth.h"
#include "server/restapi.h"
#include "server/serverpool.h"
#include "storage/callrepository.h"
#include "storage/dialerqueue.h"
#include "storage/leadrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtTest>
#include <atomic>

using namespace Leadline;
using namespace Leadline::Campaigns;
using Testing::istMs;

class tst_DialerApi : public QObject
{
    Q_OBJECT
private slots:
    void webhookAuthAndBodies();
    void webhookUpdatesCallsIdempotently();
    void durationIsTheCarriersConversationDuration();
    void startOutsideTheWindowSaysWhenItOpens();
    void startAndPauseDriveTheDialer();
    void exotelEndToEnd();
    void campaignOf200AgainstFakeExotel_data() { Testing::addBackendRows(); }
    void campaignOf200AgainstFakeExotel();
    void analyticsMatchHandCount_data() { Testing::addBackendRows(); }
    void analyticsMatchHandCount();
    void callTranscriptExportAndMetrics();
    void csvField_data();
    void csvField();

private:
    using Reply = Testing::HttpReply;
    struct Fixture
    {
        Testing::TestDatabase db;
        std::unique_ptr<Testing::FakeClock> clock;
        std::unique_ptr<Testing::RecordingEventSink> events = std::make_unique<Testing::RecordingEventSink>();
        std::unique_ptr<CampaignService> service;
        std::unique_ptr<CallLifecycle> lifecycle;
        std::unique_ptr<Dialer> dialer;
        std::unique_ptr<CampaignControl> control;
        std::unique_ptr<Server::DialerApi> dialerApi;
        std::unique_ptr<Server::RestApi> restApi;
        std::unique_ptr<Testing::LoopbackServer> server;
        ~Fixture()
        {
            server.reset();
            dialer.reset();
        }
    };
    bool setUp(Fixture &f, const QString &backend, Dialer::PlacerFactory placerFactory = {});
    // A running campaign with two leads (webhook tests); 0 on failure.
    static qint64 runningCampaignOfTwo(Fixture &f, const QString &name);
};

static const char kSecret[] = "whsec-Zq81";

bool tst_DialerApi::setUp(Fixture &f, const QString &backend, Dialer::PlacerFactory placerFactory)
{
    f.db = Testing::openTestDatabase(backend);
    if (!f.db.error.isEmpty() || !f.db.skipReason.isEmpty())
        return false;
    f.clock = std::make_unique<Testing::FakeClock>(istMs(QStringLiteral("2025-11-24T11:00:00")));
    f.service = std::make_unique<CampaignService>(*f.db.db, *f.clock);
    f.lifecycle = std::make_unique<CallLifecycle>(*f.db.db, *f.clock, f.events.get());
    if (placerFactory) {
        DialerOptions opts;
        f.dialer = std::make_unique<Dialer>(*f.db.db, *f.clock, placerFactory, opts, f.events.get(), 60 * 60 * 1000, 60 * 60 * 1000);
    }
    f.control = std::make_unique<CampaignControl>(*f.service, f.dialer.get());
    Server::DialerApiOptions options;
    options.webhookSecret = kSecret;
    options.prices = Storage::CostPrices{0.5, 0.25, 0.1, 1.0};
    f.dialerApi = std::make_unique<Server::DialerApi>(*f.control, *f.lifecycle, *f.db.db, *f.clock, options);
    f.restApi = std::make_unique<Server::RestApi>(*f.service, *f.db.db);
    f.server = std::make_unique<Testing::LoopbackServer>();
    f.dialerApi->registerRoutes(f.server->router);
    f.restApi->registerRoutes(f.server->router);
    if (!f.server->start(2).ok())
        return false;
    if (f.dialer)
        f.dialer->start();
    return true;
}

#define SETUP(f, backend, ...)                                                       \
    Fixture f;                                                                       \
    if (!setUp(f, backend, ##__VA_ARGS__)) {                                         \
        if (!f.db.skipReason.isEmpty())                                              \
            QSKIP(qPrintable(f.db.skipReason));                                      \
        QFAIL(qPrintable(QStringLiteral("setup failed: ") + f.db.error));            \
    }

static qint64 addCampaignWithLeads(CampaignService &service, const Storage::Database &db, const QString &name, int leads,
                                   qint64 nowMs, int maxConcurrent = 10)
{
    auto c = service.create(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("max_concurrent"), maxConcurrent}});
    if (!c)
        return 0;
    QList<Storage::LeadRow> rows;
    for (int i = 0; i < leads; ++i) {
        Storage::LeadRow r;
        r.name = QStringLiteral("Lead %1").arg(i);
        r.phoneE164 = QStringLiteral("+9197%1").arg(i, 8, 10, QLatin1Char('0'));
        rows.append(r);
    }
    QSqlDatabase conn = db.connection().value();
    conn.transaction();
    if (!Storage::LeadRepository(conn).insertBatch(c->id, rows, nowMs))
        return 0;
    conn.commit();
    return c->id;
}

static QByteArray terminalJson(const QString &sid, const QString &status, int conversation, const QString &customField = {})
{
    return QJsonDocument(QJsonObject{
        {QStringLiteral("CallSid"), sid}, {QStringLiteral("EventType"), QStringLiteral("terminal")},
        {QStringLiteral("Status"), status}, {QStringLiteral("DateCreated"), QStringLiteral("2025-11-24 11:00:07")},
        {QStringLiteral("DateUpdated"), QStringLiteral("2025-11-24 11:03:53")}, {QStringLiteral("StartTime"), QStringLiteral("2025-11-24 11:00:07")},
        {QStringLiteral("EndTime"), QStringLiteral("2025-11-24 11:03:51")}, {QStringLiteral("From"), QStringLiteral("09812345678")},
        {QStringLiteral("To"), QString()}, {QStringLiteral("Direction"), QStringLiteral("outbound-api")},
        {QStringLiteral("ConversationDuration"), conversation}, {QStringLiteral("CustomField"), customField},
        {QStringLiteral("RecordingUrl"), status == QLatin1String("completed") ? QStringLiteral("https://recordings.exotel.example/x.mp3") : QString()},
        {QStringLiteral("Legs"), QJsonArray{QJsonObject{{QStringLiteral("OnCallDuration"), conversation + 5}, {QStringLiteral("Status"), status}}}},
    }).toJson(QJsonDocument::Compact);
}

qint64 tst_DialerApi::runningCampaignOfTwo(Fixture &f, const QString &name)
{
    const qint64 id = addCampaignWithLeads(*f.service, *f.db.db, name, 2, f.clock->nowMs());
    return id > 0 && f.service->setStatus(id, QStringLiteral("running")) ? id : 0;
}

void tst_DialerApi::webhookAuthAndBodies()
{
    SETUP(f, QStringLiteral("sqlite"));
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.telephony.warning=false\nleadline.server.warning=false"));
    const QByteArray body = terminalJson(QStringLiteral("nobody"), QStringLiteral("completed"), 10);
    QCOMPARE(f.server->send("POST", QStringLiteral("/webhooks/exotel/status"), body).status, 401);
    QCOMPARE(f.server->send("POST", QStringLiteral("/webhooks/exotel/status?k=wrong"), body).status, 403);
    QCOMPARE(f.server->send("POST", QStringLiteral("/webhooks/exotel/status?k=whsec-Zq8"), body).status, 403); // a prefix is not enough
    const QString hook = QStringLiteral("/webhooks/exotel/status?k=%1").arg(QLatin1String(kSecret));
    const Reply unknown = f.server->send("POST", hook, body);
    QCOMPARE(unknown.status, 200);
    QCOMPARE(unknown.json.value(QStringLiteral("result")).toString(), QStringLiteral("unknown_call"));
    const Reply bad = f.server->send("POST", hook, "{\"Status\":1}");
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("bad_request"));
    // The webhook is public (Exotel has no bearer token) even from a proxied address.
    const Testing::HttpHeaders proxied{{"X-Forwarded-For", "203.0.113.9"}};
    const Reply form = f.server->send("POST", hook, "CallSid=zzz&Status=busy", "application/x-www-form-urlencoded", proxied);
    QVERIFY(form.finished);
    QCOMPARE(form.status, 200);
    // Operator routes still need the token through a proxy.
    const Reply metrics = f.server->send("GET", QStringLiteral("/metrics"), {}, {}, proxied);
    QVERIFY(metrics.finished);
    QCOMPARE(metrics.status, 401);
    QLoggingCategory::setFilterRules(QString());
}

void tst_DialerApi::webhookUpdatesCallsIdempotently()
{
    SETUP(f, QStringLiteral("sqlite"));
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false\nleadline.telephony.warning=false"));
    const qint64 id = runningCampaignOfTwo(f, QStringLiteral("Hook"));
    QVERIFY(id > 0);
    Testing::FakeCallPlacer placer;
    placer.hold = true;
    DialerEngine engine(*f.db.db, *f.clock, placer);
    QCOMPARE(engine.tick().placed, 2);
    placer.releaseHeld();
    const qint64 callA = placer.placed.at(0).callId;
    const qint64 callB = placer.placed.at(1).callId;
    const QString hook = QStringLiteral("/webhooks/exotel/status?k=%1").arg(QLatin1String(kSecret));

    const QByteArray answered = QJsonDocument(QJsonObject{{QStringLiteral("CallSid"), QStringLiteral("fake-%1").arg(callA)},
                                                          {QStringLiteral("EventType"), QStringLiteral("answered")},
                                                          {QStringLiteral("Status"), QStringLiteral("in-progress")},
                                                          {QStringLiteral("DateUpdated"), QStringLiteral("2025-11-24 11:00:20")}})
                                    .toJson(QJsonDocument::Compact);
    QCOMPARE(f.server->send("POST", hook, answered).json.value(QStringLiteral("result")).toString(), QStringLiteral("updated"));
    const QByteArray terminal = terminalJson(QStringLiteral("fake-%1").arg(callA), QStringLiteral("completed"), 201);
    QCOMPARE(f.server->send("POST", hook, terminal).json.value(QStringLiteral("result")).toString(), QStringLiteral("updated"));
    QCOMPARE(f.server->send("POST", hook, terminal).json.value(QStringLiteral("result")).toString(), QStringLiteral("duplicate"));
    QCOMPARE(f.server->send("POST", hook, answered).json.value(QStringLiteral("result")).toString(), QStringLiteral("duplicate"));
    // Consoles heard each change once (duplicates publish nothing): answered, then the end.
    QStringList heard;
    for (const QJsonObject &e : f.events->events())
        if (e.value(QStringLiteral("call_id")).toInteger() == callA)
            heard << e.value(QStringLiteral("type")).toString() + QLatin1Char('=') + e.value(QStringLiteral("status")).toString();
    QCOMPARE(heard, (QStringList{QStringLiteral("call.status=in-progress"), QStringLiteral("call.status=completed"),
                                 QStringLiteral("call.ended=completed")}));

    const Reply call = f.server->send("GET", QStringLiteral("/calls/%1").arg(callA));
    QCOMPARE(call.status, 200);
    QCOMPARE(call.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(call.json.value(QStringLiteral("duration_s")).toInt(), 201);
    QCOMPARE(call.json.value(QStringLiteral("recording_url")).toString(), QStringLiteral("https://recordings.exotel.example/x.mp3"));
    QCOMPARE(call.json.value(QStringLiteral("answered_at")).toString(), QStringLiteral("2025-11-24T05:30:20.000Z"));

    // A terminal webhook that beats the Calls/connect reply: found by CustomField call=<id>.
    QSqlQuery q(f.db.conn());
    QVERIFY(q.exec(QStringLiteral("UPDATE calls SET provider_sid = NULL WHERE id = %1").arg(callB)));
    const Reply early = f.server->send("POST", hook, terminalJson(QStringLiteral("sid-B"), QStringLiteral("busy"), 0,
                                                           QStringLiteral("call=%1;lead=1;lc=x").arg(callB)));
    QCOMPARE(early.json.value(QStringLiteral("result")).toString(), QStringLiteral("updated"));
    const Reply callb = f.server->send("GET", QStringLiteral("/calls/%1").arg(callB));
    QCOMPARE(callb.json.value(QStringLiteral("status")).toString(), QStringLiteral("busy"));
    QCOMPARE(callb.json.value(QStringLiteral("provider_sid")).toString(), QStringLiteral("sid-B"));
    const Reply leads = f.server->send("GET", QStringLiteral("/campaigns/%1/leads?status=retry").arg(id));
    QCOMPARE(leads.json.value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(f.server->send("GET", QStringLiteral("/calls/999999")).status, 404);
    QLoggingCategory::setFilterRules(QString());
}

void tst_DialerApi::durationIsTheCarriersConversationDuration()
{
    SETUP(f, QStringLiteral("sqlite"));
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false\nleadline.telephony.warning=false"));
    QVERIFY(runningCampaignOfTwo(f, QStringLiteral("Talk")) > 0);
    Testing::FakeCallPlacer placer;
    DialerEngine engine(*f.db.db, *f.clock, placer);
    QCOMPARE(engine.tick().placed, 2);
    const QString hook = QStringLiteral("/webhooks/exotel/status?k=%1").arg(QLatin1String(kSecret));
    Storage::CallRepository calls(f.db.conn());
    // Our clock runs three hours ahead of the carrier's (another time zone, a wrong NTP).
    const qint64 ourEnd = istMs(QStringLiteral("2025-11-24T14:03:51"));
    for (int order = 0; order < 2; ++order) {
        const qint64 callId = placer.placed.at(order).callId;
        const QString sid = QStringLiteral("fake-%1").arg(callId);
        const QByteArray answered = QJsonDocument(QJsonObject{{QStringLiteral("CallSid"), sid},
                                                              {QStringLiteral("EventType"), QStringLiteral("answered")},
                                                              {QStringLiteral("Status"), QStringLiteral("in-progress")},
                                                              {QStringLiteral("ConversationDuration"), 0},
                                                              {QStringLiteral("DateUpdated"), QStringLiteral("2025-11-24 11:00:20")}})
                                        .toJson(QJsonDocument::Compact);
        QCOMPARE(f.server->send("POST", hook, answered).status, 200);
        if (order == 0) {
            // The live call ends first, then the carrier's terminal callback arrives.
            QVERIFY(calls.updateStatus(callId, QStringLiteral("completed"), ourEnd, 0, ourEnd));
            QVERIFY(calls.get(callId)->durationS > 3 * 3600); // ours alone: hours off
            QCOMPARE(f.server->send("POST", hook, terminalJson(sid, QStringLiteral("completed"), 211)).status, 200);
        } else {
            // The terminal callback first, then the live call's own end.
            QCOMPARE(f.server->send("POST", hook, terminalJson(sid, QStringLiteral("completed"), 211)).status, 200);
            QVERIFY(calls.updateStatus(callId, QStringLiteral("completed"), ourEnd, 0, ourEnd));
        }
        const Reply call = f.server->send("GET", QStringLiteral("/calls/%1").arg(callId));
        QCOMPARE(call.json.value(QStringLiteral("duration_s")).toInt(), 211);
    }
    QLoggingCategory::setFilterRules(QString());
}

void tst_DialerApi::startOutsideTheWindowSaysWhenItOpens()
{
    // No dialer here: its first pass (which moves the leads to the window's opening) would race
    // the reply. The reply alone must say when calling starts, not "now".
    SETUP(f, QStringLiteral("sqlite"));
    f.clock->setMs(istMs(QStringLiteral("2025-11-24T06:00:00"))); // Monday 06:00 IST; the window opens at 10:00
    const qint64 id = addCampaignWithLeads(*f.service, *f.db.db, QStringLiteral("Early"), 2, f.clock->nowMs());
    QVERIFY(id > 0);
    const Reply started = f.server->send("POST", QStringLiteral("/campaigns/%1/start").arg(id));
    QCOMPARE(started.status, 200);
    QCOMPARE(started.json.value(QStringLiteral("next_due_at")).toString(), QStringLiteral("2025-11-24T04:30:00.000Z"));
    f.clock->setMs(istMs(QStringLiteral("2025-11-24T12:00:00"))); // inside the window: due now
    QCOMPARE(f.server->send("POST", QStringLiteral("/campaigns/%1/start").arg(id)).json.value(QStringLiteral("next_due_at")).toString(),
             QStringLiteral("2025-11-24T06:30:00.000Z"));
}

void tst_DialerApi::startAndPauseDriveTheDialer()
{
    std::atomic<int> placed{0};
    SETUP(f, QStringLiteral("sqlite"), [&placed]() -> std::unique_ptr<CallPlacer> {
        auto p = std::make_unique<Testing::FakeCallPlacer>();
        p->onPlace = [&placed](const PlaceCallRequest &) { ++placed; };
        return p;
    });
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    const qint64 id = addCampaignWithLeads(*f.service, *f.db.db, QStringLiteral("Go"), 10, f.clock->nowMs(), 3);
    QVERIFY(id > 0);
    QTest::qWait(100);
    QCOMPARE(placed.load(), 0); // draft: nothing dialled
    const Reply started = f.server->send("POST", QStringLiteral("/campaigns/%1/start").arg(id));
    QCOMPARE(started.status, 200);
    QCOMPARE(started.json.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QCOMPARE(started.json.value(QStringLiteral("next_due_at")).toString(), QStringLiteral("2025-11-24T05:30:00.000Z"));
    QTRY_COMPARE(placed.load(), 3); // max_concurrent 3; the calls stay live
    QTRY_COMPARE(f.server->send("GET", QStringLiteral("/debug/sessions")).json.value(QStringLiteral("count")).toInt(), 3);
    const QJsonArray sessions = f.server->send("GET", QStringLiteral("/debug/sessions")).json.value(QStringLiteral("sessions")).toArray();
    QCOMPARE(sessions.at(0)[QStringLiteral("campaign")].toString(), QStringLiteral("Go"));
    QVERIFY(sessions.at(0)[QStringLiteral("phone")].toString().contains(QLatin1String("****")));
    QVERIFY(!sessions.at(0)[QStringLiteral("provider_sid")].toString().isEmpty());
    const Reply paused = f.server->send("POST", QStringLiteral("/campaigns/%1/pause").arg(id));
    QCOMPARE(paused.status, 200);
    QCOMPARE(paused.json.value(QStringLiteral("status")).toString(), QStringLiteral("paused"));
    // Live calls finish; the freed lines are not used while paused.
    const QString hook = QStringLiteral("/webhooks/exotel/status?k=%1").arg(QLatin1String(kSecret));
    QSqlQuery q(f.db.conn());
    QVERIFY(q.exec(QStringLiteral("SELECT provider_sid FROM calls")));
    QStringList sids;
    while (q.next())
        sids << q.value(0).toString();
    QCOMPARE(sids.size(), 3);
    for (const QString &sid : sids)
        QCOMPARE(f.server->send("POST", hook, terminalJson(sid, QStringLiteral("no-answer"), 0)).status, 200);
    f.dialer->wake();
    QTest::qWait(200);
    QCOMPARE(placed.load(), 3);
    QCOMPARE(f.server->send("GET", QStringLiteral("/debug/sessions")).json.value(QStringLiteral("count")).toInt(), 0);
    QCOMPARE(f.server->send("POST", QStringLiteral("/campaigns/%1/start").arg(id)).status, 200);
    QTRY_COMPARE(placed.load(), 6);
    QCOMPARE(f.server->send("POST", QStringLiteral("/campaigns/424242/start")).status, 404);
    QLoggingCategory::setFilterRules(QString());
}

void tst_DialerApi::exotelEndToEnd()
{
    // The real Exotel client against a fake Exotel on loopback; the fake's recorded
    // StatusCallback URLs are then called like Exotel would.
    Testing::FakeExotelServer exotel;
    std::atomic<Fixture *> fixture{nullptr};
    const QString exotelBase = exotel.baseUrl();
    SETUP(f, QStringLiteral("sqlite"), [&fixture, exotelBase]() -> std::unique_ptr<CallPlacer> {
        if (!fixture.load()) // the first start, before the server port is known
            return std::make_unique<Testing::FakeCallPlacer>();
        Telephony::ExotelConfig c;
        c.apiBaseUrl = exotelBase;
        c.accountSid = QStringLiteral("leadlinerealty1");
        c.apiKey = QStringLiteral("key");
        c.apiToken = QStringLiteral("token");
        c.callerId = QStringLiteral("08047112233");
        c.ourBaseUrl = QStringLiteral("http://127.0.0.1:%1").arg(fixture.load()->server->pool.port());
        c.webhookSecret = QString::fromLatin1(kSecret);
        c.requestsPerSecond = 100;
        c.burst = 10;
        return std::make_unique<ExotelCallPlacer>(c, Telephony::ExotelDialRequest::Mode::Stream);
    });
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false\nleadline.telephony.info=false"));
    const qint64 id = addCampaignWithLeads(*f.service, *f.db.db, QStringLiteral("E2E"), 5, f.clock->nowMs());
    QVERIFY(id > 0);
    f.dialer->stop(); // restart so the factory sees the server's port
    fixture = &f;
    f.dialer->start();
    QCOMPARE(f.server->send("POST", QStringLiteral("/campaigns/%1/start").arg(id)).status, 200);
    QTRY_COMPARE(exotel.connectCount(), 5);
    QSqlDatabase conn = f.db.conn();
    QTRY_COMPARE_WITH_TIMEOUT([&] {
        QSqlQuery c(conn);
        c.exec(QStringLiteral("SELECT COUNT(*) FROM calls WHERE provider_sid IS NOT NULL"));
        return c.next() ? c.value(0).toInt() : -1;
    }(), 5, 10000);
    const QString hookBase = QStringLiteral("http://127.0.0.1:%1/webhooks/exotel/status?k=%2").arg(f.server->pool.port()).arg(QLatin1String(kSecret));
    Storage::CallRepository calls(conn);
    int i = 0;
    for (const auto &req : std::as_const(exotel.requests)) {
        QCOMPARE(req.authorization, "Basic " + QByteArray("key:token").toBase64());
        const QString custom = req.form.queryItemValue(QStringLiteral("CustomField"), QUrl::FullyDecoded);
        const qint64 callId = custom.section(QLatin1Char(';'), 0, 0).section(QLatin1Char('='), 1).toLongLong();
        auto call = calls.get(callId);
        QVERIFY2(call.ok(), qPrintable(custom));
        QCOMPARE(req.form.queryItemValue(QStringLiteral("StreamUrl"), QUrl::FullyDecoded),
                 QStringLiteral("ws://127.0.0.1:%1/media?sample-rate=8000&lc=%2").arg(f.server->pool.port()).arg(call->correlationToken));
        QCOMPARE(call->correlationToken.size(), 16);
        const QString callback = req.form.queryItemValue(QStringLiteral("StatusCallback"), QUrl::FullyDecoded);
        QCOMPARE(callback, hookBase);
        QCOMPARE(call->status, QStringLiteral("dialing"));
        // Two conversations, two busy, one no-answer; the first is delivered twice.
        const QString status = i < 2 ? QStringLiteral("completed") : (i < 4 ? QStringLiteral("busy") : QStringLiteral("no-answer"));
        if (i < 2) {
            Storage::CallOutcome o;
            o.outcome = QStringLiteral("interested");
            QVERIFY(calls.setOutcome(callId, o, f.clock->nowMs()));
        }
        const QByteArray body = terminalJson(call->providerSid, status, i < 2 ? 95 : 0, custom);
        for (int n = 0; n < (i == 0 ? 2 : 1); ++n) {
            const Reply r = Testing::sendHttp(f.server->nam, "POST", QUrl(callback), body);
            QVERIFY(r.finished);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json.value(QStringLiteral("result")).toString(),
                     n == 0 ? QStringLiteral("updated") : QStringLiteral("duplicate"));
        }
        ++i;
    }
    const Reply a = f.server->send("GET", QStringLiteral("/campaigns/%1/analytics").arg(id));
    QCOMPARE(a.json[QStringLiteral("calls")][QStringLiteral("placed")].toInt(), 5);
    QCOMPARE(a.json[QStringLiteral("calls")][QStringLiteral("connected")].toInt(), 2);
    QCOMPARE(a.json[QStringLiteral("calls")][QStringLiteral("active")].toInt(), 0);
    QCOMPARE(a.json[QStringLiteral("qualified_leads")].toInt(), 2);
    QCOMPARE(a.json[QStringLiteral("talk_time_s")][QStringLiteral("total")].toInt(), 190);
    QCOMPARE(a.json[QStringLiteral("failures_by_reason")].toObject(),
             (QJsonObject{{QStringLiteral("busy"), 2}, {QStringLiteral("no-answer"), 1}}));
    QCOMPARE(a.json[QStringLiteral("leads")][QStringLiteral("by_status")].toObject(),
             (QJsonObject{{QStringLiteral("completed"), 2}, {QStringLiteral("retry"), 3}}));
    QCOMPARE(exotel.connectCount(), 5); // retries wait for retry_delay_s; nothing was dialled twice

    // Exotel refuses the credentials: the campaign pauses and analytics says why.
    const qint64 id2 = addCampaignWithLeads(*f.service, *f.db.db, QStringLiteral("E2E 401"), 1, f.clock->nowMs());
    exotel.pushReply({401, R"({"RestException":{"Status":401,"Message":"Authentication failed"}})", {}});
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false\nleadline.telephony.info=false\n"
                                                    "leadline.campaigns.critical=false\nleadline.telephony.warning=false"));
    QCOMPARE(f.server->send("POST", QStringLiteral("/campaigns/%1/start").arg(id2)).status, 200);
    QTRY_COMPARE(f.server->send("GET", QStringLiteral("/campaigns/%1").arg(id2)).json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("paused"));
    const Reply a2 = f.server->send("GET", QStringLiteral("/campaigns/%1/analytics").arg(id2));
    QCOMPARE(a2.json[QStringLiteral("last_error")][QStringLiteral("reason")].toString(), QStringLiteral("exotel_bad_credentials"));
    QVERIFY(a2.json[QStringLiteral("last_error")][QStringLiteral("message")].toString().contains(QLatin1String("Authentication failed")));
    QCOMPARE(a2.json[QStringLiteral("leads")][QStringLiteral("by_status")].toObject(), (QJsonObject{{QStringLiteral("pending"), 1}}));
    QLoggingCategory::setFilterRules(QString());
}

void tst_DialerApi::campaignOf200AgainstFakeExotel()
{
    // The issue's "done when": 200 leads through the real Exotel client against a fake Exotel,
    // status callbacks played over HTTP, an injected clock; right attempts per lead, no dial
    // outside the lead's window, analytics equal to a count of what was scripted.
    QFETCH(QString, backend);
    SETUP(f, backend);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false\nleadline.telephony.info=false"));
    f.clock->setMs(istMs(QStringLiteral("2025-11-23T12:00:00"))); // a Sunday: closed
    const qint64 id = addCampaignWithLeads(*f.service, *f.db.db, QStringLiteral("Two hundred"), 200, f.clock->nowMs());
    QVERIFY(id > 0);
    QSqlDatabase conn = f.db.conn();
    QSqlQuery q(conn);
    QVERIFY(q.exec(QStringLiteral("UPDATE campaigns SET retry_delay_s = 600, max_attempts = 3 WHERE id = %1").arg(id)));
    QHash<qint64, int> indexOf;
    QHash<qint64, QString> zoneOf;
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM leads WHERE campaign_id = %1 ORDER BY phone_e164").arg(id)));
    QList<qint64> leads;
    while (q.next())
        leads << q.value(0).toLongLong();
    QCOMPARE(leads.size(), 200);
    for (int i = 0; i < leads.size(); ++i) {
        indexOf.insert(leads.at(i), i);
        if (i % 10 == 3) {
            QVERIFY(q.exec(QStringLiteral("UPDATE leads SET timezone = 'Asia/Dubai' WHERE id = %1").arg(leads.at(i))));
            zoneOf.insert(leads.at(i), QStringLiteral("Asia/Dubai"));
        }
    }
    QVERIFY(f.service->setStatus(id, QStringLiteral("running")));

    struct Step { const char *status; const char *outcome; int talk; };
    const QList<QList<Step>> scripts = {
        {{"busy", nullptr, 0}, {"no-answer", nullptr, 0}, {"busy", nullptr, 0}},
        {{"completed", "interested", 120}},
        {{"no-answer", nullptr, 0}, {"completed", "not_interested", 45}},
        {{"failed", nullptr, 0}, {"completed", "callback", 30}, {"completed", "interested", 61}},
        {{"completed", "wrong_number", 10}},
    };
    Testing::FakeExotelServer exotel;
    Telephony::ExotelConfig cfg;
    cfg.apiBaseUrl = exotel.baseUrl();
    cfg.accountSid = QStringLiteral("leadlinerealty1");
    cfg.apiKey = QStringLiteral("key");
    cfg.apiToken = QStringLiteral("token");
    cfg.callerId = QStringLiteral("08047112233");
    cfg.ourBaseUrl = QStringLiteral("http://127.0.0.1:%1").arg(f.server->pool.port());
    cfg.webhookSecret = QString::fromLatin1(kSecret);
    cfg.requestsPerSecond = 5000;
    cfg.burst = 100;
    ExotelCallPlacer placer(cfg, Telephony::ExotelDialRequest::Mode::Stream);
    DialerOptions opts;
    opts.maxPlacerBacklog = 50;
    DialerEngine engine(*f.db.db, *f.clock, placer, opts);
    auto window = CallingWindow::make(QStringLiteral("10:00"), QStringLiteral("19:00"), QStringLiteral("mon,tue,wed,thu,fri,sat"),
                                      QStringLiteral("Asia/Kolkata"));
    QVERIFY(window.ok());
    Storage::CallRepository calls(conn);
    Storage::DialerQueue dq(conn);

    struct Live { qint64 callId; QString callback; QString custom; };
    QList<Live> live;
    int seen = 0, outsideWindow = 0, maxLive = 0, iterations = 0;
    QHash<qint64, int> attemptsOf;
    QMap<QString, int> expectOutcomes, expectFailures;
    int expectConnected = 0, expectTalk = 0;
    QSet<qint64> expectQualified;
    for (; iterations < 5000; ++iterations) {
        engine.tick();
        QDeadlineTimer deadline(10000);
        while (engine.inFlight() > 0 && !deadline.hasExpired())
            QTest::qWait(2);
        QCOMPARE(engine.inFlight(), 0);
        for (; seen < exotel.requests.size(); ++seen) {
            const auto &req = exotel.requests.at(seen);
            if (!req.path.endsWith(QLatin1String("/Calls/connect.json")))
                continue;
            const QString custom = req.form.queryItemValue(QStringLiteral("CustomField"), QUrl::FullyDecoded);
            const qint64 callId = custom.section(QLatin1Char(';'), 0, 0).section(QLatin1Char('='), 1).toLongLong();
            live.append({callId, req.form.queryItemValue(QStringLiteral("StatusCallback"), QUrl::FullyDecoded), custom});
        }
        maxLive = qMax(maxLive, int(live.size()));
        QVERIFY2(dq.activeCalls(id).value() <= 10, "max_concurrent exceeded");
        f.clock->advanceMs(60 * 1000);
        for (const Live &l : std::as_const(live)) {
            auto call = calls.get(l.callId);
            QVERIFY(call.ok());
            if (!window->forLeadZone(zoneOf.value(call->leadId)).isOpen(QDateTime::fromMSecsSinceEpoch(call->startedAt, Qt::UTC)))
                ++outsideWindow;
            attemptsOf[call->leadId] += 1;
            const int idx = indexOf.value(call->leadId);
            const Step step = scripts.at(idx % 5).value(call->attempt - 1, Step{"busy", nullptr, 0});
            const QString status = QString::fromLatin1(step.status);
            if (step.outcome) {
                Storage::CallOutcome o;
                o.outcome = QString::fromLatin1(step.outcome);
                if (o.outcome == QLatin1String("callback"))
                    o.callbackAt = f.clock->nowMs() + 24 * 3600 * 1000LL;
                QVERIFY(calls.setOutcome(l.callId, o, f.clock->nowMs()));
                expectOutcomes[o.outcome] += 1;
                if (o.outcome == QLatin1String("interested"))
                    expectQualified.insert(call->leadId);
            }
            if (status == QLatin1String("completed")) {
                ++expectConnected;
                expectTalk += step.talk;
            } else {
                expectFailures[status] += 1;
            }
            const Reply r =
                Testing::sendHttp(f.server->nam, "POST", QUrl(l.callback), terminalJson(call->providerSid, status, step.talk, l.custom));
            QVERIFY(r.finished);
            QCOMPARE(r.status, 200);
        }
        live.clear();
        f.clock->advanceMs(60 * 1000);
        engine.recover();
        if (dq.openLeads(id).value() == 0)
            break;
        const qint64 next = dq.nextDueAt(id).value();
        if (next > f.clock->nowMs() && dq.activeCalls(id).value() == 0)
            f.clock->setMs(next);
    }
    QVERIFY2(iterations < 5000, "campaign did not finish");
    engine.tick(); // sees nothing left: the campaign is done
    QCOMPARE(outsideWindow, 0);
    QVERIFY(maxLive >= 5);
    int expectedCalls = 0;
    for (int i = 0; i < leads.size(); ++i) {
        const int expected = int(scripts.at(i % 5).size());
        expectedCalls += expected;
        QCOMPARE(attemptsOf.value(leads.at(i)), expected);
    }
    QCOMPARE(exotel.connectCount(), expectedCalls); // 400: no lead was dialled more often than scripted

    const Reply a = f.server->send("GET", QStringLiteral("/campaigns/%1/analytics").arg(id));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json[QStringLiteral("calls")][QStringLiteral("placed")].toInt(), expectedCalls);
    QCOMPARE(a.json[QStringLiteral("calls")][QStringLiteral("connected")].toInt(), expectConnected);
    QCOMPARE(a.json[QStringLiteral("calls")][QStringLiteral("active")].toInt(), 0);
    QCOMPARE(a.json[QStringLiteral("calls")][QStringLiteral("retried")].toInt(), expectedCalls - 200);
    QCOMPARE(a.json[QStringLiteral("qualified_leads")].toInt(), int(expectQualified.size()));
    QCOMPARE(a.json[QStringLiteral("talk_time_s")][QStringLiteral("total")].toInt(), expectTalk);
    QJsonObject outcomes, failures;
    for (auto it = expectOutcomes.cbegin(); it != expectOutcomes.cend(); ++it)
        outcomes.insert(it.key(), it.value());
    for (auto it = expectFailures.cbegin(); it != expectFailures.cend(); ++it)
        failures.insert(it.key(), it.value());
    QCOMPARE(a.json[QStringLiteral("outcomes")].toObject(), outcomes);
    QCOMPARE(a.json[QStringLiteral("failures_by_reason")].toObject(), failures);
    QCOMPARE(a.json[QStringLiteral("leads")][QStringLiteral("by_status")].toObject(),
             (QJsonObject{{QStringLiteral("exhausted"), 40}, {QStringLiteral("completed"), 120}, {QStringLiteral("wrong_number"), 40}}));
    QCOMPARE(a.json[QStringLiteral("status")].toString(), QStringLiteral("done"));
    QLoggingCategory::setFilterRules(QString());
}

void tst_DialerApi::analyticsMatchHandCount()
{
    QFETCH(QString, backend);
    SETUP(f, backend);
    const qint64 now = f.clock->nowMs();
    const qint64 id = addCampaignWithLeads(*f.service, *f.db.db, QStringLiteral("Count"), 6, now);
    QVERIFY(id > 0);
    QSqlDatabase conn = f.db.conn();
    QSqlQuery q(conn);
    QList<qint64> lead;
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM leads ORDER BY phone_e164")));
    while (q.next())
        lead << q.value(0).toLongLong();
    QCOMPARE(lead.size(), 6);
    const QStringList leadStatus = {"completed", "completed", "retry", "retry", "completed", "pending"};
    for (int i = 0; i < 6; ++i)
        QVERIFY(q.exec(QStringLiteral("UPDATE leads SET status = '%1' WHERE id = %2").arg(leadStatus.at(i)).arg(lead.at(i))));
    Storage::CallRepository calls(conn);
    struct C { int lead; int attempt; const char *status; const char *outcome; int duration; bool answered; const char *reason; };
    const QList<C> rows = {
        {0, 1, "busy", nullptr, 0, false, nullptr},
        {0, 2, "completed", "interested", 120, true, nullptr},
        {1, 1, "completed", "not_interested", 61, true, nullptr},
        {2, 1, "no-answer", nullptr, 0, false, nullptr},
        {2, 2, "not_placed", nullptr, 0, false, "exotel_rate_limited"},
        {3, 1, "failed", nullptr, 0, false, "network_error: timeout"},
        {4, 1, "completed", "interested", 30, true, nullptr},
    };
    qint64 firstCompleted = 0;
    for (const C &c : rows) {
        Storage::CallRow r;
        r.leadId = lead.at(c.lead);
        r.campaignId = id;
        r.attempt = c.attempt;
        auto created = calls.create(r, now);
        QVERIFY(created.ok());
        q.prepare(QStringLiteral("UPDATE calls SET status = ?, outcome = ?, duration_s = ?, answered_at = ?, failure_reason = ? WHERE id = ?"));
        q.addBindValue(QString::fromLatin1(c.status));
        q.addBindValue(c.outcome ? QVariant(QString::fromLatin1(c.outcome)) : QVariant(QMetaType::fromType<QString>()));
        q.addBindValue(c.duration ? QVariant(c.duration) : QVariant(QMetaType::fromType<int>()));
        q.addBindValue(c.answered ? QVariant(now) : QVariant(QMetaType::fromType<qint64>()));
        q.addBindValue(c.reason ? QVariant(QString::fromLatin1(c.reason)) : QVariant(QMetaType::fromType<QString>()));
        q.addBindValue(created->id);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        if (!firstCompleted && QByteArray(c.status) == "completed")
            firstCompleted = created->id;
    }
    QList<Storage::TurnRow> turns;
    auto turn = [&](int idx, int stt, int llm, int tts, int reply = -1) {
        Storage::TurnRow t;
        t.callId = firstCompleted;
        t.index = idx;
        t.speaker = idx % 2 ? QStringLiteral("caller") : QStringLiteral("agent");
        t.text = QStringLiteral("turn %1").arg(idx);
        t.sttMs = stt;
        t.llmMs = llm;
        t.ttsMs = tts;
        t.replyMs = reply;
        turns << t;
    };
    turn(0, 100, 300, 50);
    turn(1, 200, 500, -1);
    // Replies as the caller waited for them (agent turns): sorted 500 600 650 700 1000.
    for (int i = 0; i < 5; ++i)
        turn(2 + 2 * i, -1, -1, -1, QList<int>{700, 500, 1000, 650, 600}.at(i));
    QVERIFY(calls.insertTurns(turns));

    const Reply r = f.server->send("GET", QStringLiteral("/campaigns/%1/analytics").arg(id));
    QCOMPARE(r.status, 200);
    const QJsonObject a = r.json;
    QCOMPARE(a[QStringLiteral("leads")][QStringLiteral("total")].toInt(), 6);
    QCOMPARE(a[QStringLiteral("leads")][QStringLiteral("by_status")].toObject(),
             (QJsonObject{{QStringLiteral("completed"), 3}, {QStringLiteral("retry"), 2}, {QStringLiteral("pending"), 1}}));
    const QJsonObject c = a[QStringLiteral("calls")].toObject();
    QCOMPARE(c[QStringLiteral("placed")].toInt(), 6);
    QCOMPARE(c[QStringLiteral("connected")].toInt(), 3);
    QCOMPARE(c[QStringLiteral("active")].toInt(), 0);
    QCOMPARE(c[QStringLiteral("connect_rate")].toDouble(), 0.5);
    QCOMPARE(c[QStringLiteral("retried")].toInt(), 1);
    QCOMPARE(c[QStringLiteral("retry_rate")].toDouble(), 0.1667);
    QCOMPARE(a[QStringLiteral("outcomes")].toObject(),
             (QJsonObject{{QStringLiteral("interested"), 2}, {QStringLiteral("not_interested"), 1}}));
    QCOMPARE(a[QStringLiteral("qualified_leads")].toInt(), 2);
    QCOMPARE(a[QStringLiteral("talk_time_s")][QStringLiteral("total")].toInt(), 211);
    QCOMPARE(a[QStringLiteral("talk_time_s")][QStringLiteral("average")].toDouble(), 70.33);
    QCOMPARE(a[QStringLiteral("failures_by_reason")].toObject(),
             (QJsonObject{{QStringLiteral("busy"), 1}, {QStringLiteral("no-answer"), 1}, {QStringLiteral("failed"), 1}}));
    QCOMPARE(a[QStringLiteral("latency_ms")][QStringLiteral("stt_avg")].toDouble(), 150.0);
    QCOMPARE(a[QStringLiteral("latency_ms")][QStringLiteral("llm_avg")].toDouble(), 400.0);
    QCOMPARE(a[QStringLiteral("latency_ms")][QStringLiteral("tts_avg")].toDouble(), 50.0);
    QCOMPARE(a[QStringLiteral("latency_ms")][QStringLiteral("replies")].toInt(), 5);
    QCOMPARE(a[QStringLiteral("latency_ms")][QStringLiteral("reply_p50")].toDouble(), 650.0); // nearest rank 3 of 5
    QCOMPARE(a[QStringLiteral("latency_ms")][QStringLiteral("reply_p90")].toDouble(), 1000.0); // rank 5 of 5
    QCOMPARE(a[QStringLiteral("latency_ms")][QStringLiteral("reply_avg")].toDouble(), 690.0);
    QVERIFY(calls.turns(firstCompleted).value().at(4).toJson().value(QStringLiteral("reply_ms")).toInt() == 1000);
    const QJsonObject cost = a[QStringLiteral("cost_estimate")].toObject();
    QCOMPARE(cost[QStringLiteral("billable_minutes")].toInt(), 5);   // 2 + 2 + 1 started minutes
    QCOMPARE(cost[QStringLiteral("telephony")].toDouble(), 2.5);     // 5 x 0.50
    QCOMPARE(cost[QStringLiteral("stt")].toDouble(), 0.88);          // 211/60 x 0.25
    QCOMPARE(cost[QStringLiteral("llm")].toDouble(), 0.35);          // 211/60 x 0.10
    QCOMPARE(cost[QStringLiteral("tts")].toDouble(), 3.52);          // 211/60 x 1.00
    QCOMPARE(cost[QStringLiteral("total")].toDouble(), 7.25);
    QCOMPARE(cost[QStringLiteral("per_qualified_lead")].toDouble(), 3.62);
    QVERIFY(a.value(QStringLiteral("last_error")).isNull());
    QCOMPARE(f.server->send("GET", QStringLiteral("/campaigns/999/analytics")).status, 404);
}

void tst_DialerApi::callTranscriptExportAndMetrics()
{
    SETUP(f, QStringLiteral("sqlite"));
    const qint64 now = f.clock->nowMs();
    auto c = f.service->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Export")}});
    QVERIFY(c.ok());
    QSqlDatabase conn = f.db.conn();
    QList<Storage::LeadRow> rows;
    Storage::LeadRow a;
    a.name = QStringLiteral("Sharma, Ravi");
    a.phoneE164 = QStringLiteral("+919812345678");
    a.city = QStringLiteral("=HYPERLINK(\"x\")");
    rows << a;
    Storage::LeadRow b;
    b.name = QStringLiteral("Priya \"P\" N");
    b.phoneE164 = QStringLiteral("+919812345679");
    b.city = QStringLiteral("Pune");
    rows << b;
    conn.transaction();
    QVERIFY(Storage::LeadRepository(conn).insertBatch(c->id, rows, now));
    conn.commit();
    QSqlQuery q(conn);
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM leads ORDER BY id")) && q.next());
    const qint64 leadA = q.value(0).toLongLong();
    Storage::CallRepository calls(conn);
    Storage::CallRow row;
    row.leadId = leadA;
    row.campaignId = c->id;
    auto call = calls.create(row, now);
    QVERIFY(call.ok());
    Storage::CallOutcome o;
    o.outcome = QStringLiteral("interested");
    o.budgetText = QStringLiteral("80 lakh to 1 crore");
    o.budgetMin = 8000000;
    o.budgetMax = 10000000;
    o.property = QStringLiteral("3BHK");
    o.badFrames = 3; // malformed media frames the session dropped: stored on the call, summed on /metrics
    QVERIFY(calls.setOutcome(call->id, o, now));
    QVERIFY(calls.updateStatus(call->id, QStringLiteral("completed"), now, now - 90000, now));
    Storage::TurnRow t1{call->id, 1, QStringLiteral("caller"), QStringLiteral("Haan, 3BHK chahiye"), QStringLiteral("hi-Latn"), 4000, 6000, 180, -1, -1, false};
    Storage::TurnRow t0{call->id, 0, QStringLiteral("agent"), QStringLiteral("Namaste, this is Leadline"), QStringLiteral("en"), 0, 3000, -1, 420, 130, false};
    QVERIFY(calls.insertTurns({t1, t0}));

    const Reply tr = f.server->send("GET", QStringLiteral("/calls/%1/transcript").arg(call->id));
    QCOMPARE(tr.status, 200);
    const QJsonArray turns = tr.json.value(QStringLiteral("turns")).toArray();
    QCOMPARE(turns.size(), 2);
    QCOMPARE(turns.at(0)[QStringLiteral("speaker")].toString(), QStringLiteral("agent"));
    QCOMPARE(tr.json.value(QStringLiteral("text")).toString(),
             QStringLiteral("agent: Namaste, this is Leadline\ncaller: Haan, 3BHK chahiye\n"));
    QCOMPARE(f.server->send("GET", QStringLiteral("/calls/777/transcript")).status, 404);

    const Reply csv = f.server->send("GET", QStringLiteral("/campaigns/%1/export.csv").arg(c->id));
    QCOMPARE(csv.status, 200);
    QVERIFY(csv.header("Content-Type").startsWith("text/csv"));
    const QList<QByteArray> lines = csv.raw.split('\n');
    QCOMPARE(lines.size(), 4); // header, two leads, trailing empty
    QVERIFY(lines.at(0).startsWith("lead_id,name,phone,email,city,"));
    QVERIFY2(lines.at(1).contains(",\"Sharma, Ravi\",+919812345678,,\"'=HYPERLINK(\"\"x\"\")\","), lines.at(1).constData());
    QVERIFY2(lines.at(1).contains(",interested,80 lakh to 1 crore,8000000,10000000,3BHK,"), lines.at(1).constData());
    QVERIFY2(lines.at(2).contains(",\"Priya \"\"P\"\" N\",+919812345679,"), lines.at(2).constData());

    const Reply m = f.server->send("GET", QStringLiteral("/metrics"));
    QCOMPARE(m.status, 200);
    QVERIFY(m.header("Content-Type").startsWith("text/plain"));
    for (const char *line : {"leadline_calls{status=\"completed\"} 1", "leadline_call_outcomes{outcome=\"interested\"} 1",
                             "leadline_active_calls 0", "leadline_dialer_queue_depth 0",
                             "leadline_vendor_latency_ms_bucket{vendor=\"stt\",le=\"200\"} 1",
                             "leadline_vendor_latency_ms_bucket{vendor=\"llm\",le=\"+Inf\"} 1",
                             "leadline_vendor_latency_ms_sum{vendor=\"tts\"} 130",
                             "leadline_webhook_requests_total{result=\"updated\"} 0", "# TYPE leadline_vendor_latency_ms histogram",
                             "leadline_media_bad_frames 3", "leadline_calls_with_bad_frames 1"})
        QVERIFY2(m.raw.contains(line), line);
}

void tst_DialerApi::csvField_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("plain") << "Pune" << QByteArray("Pune");
    QTest::newRow("comma") << "a,b" << QByteArray("\"a,b\"");
    QTest::newRow("quote") << "say \"hi\"" << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << "a\nb" << QByteArray("\"a\nb\"");
    QTest::newRow("formula") << "=1+1" << QByteArray("'=1+1");
    QTest::newRow("at") << "@SUM(A1)" << QByteArray("'@SUM(A1)");
    QTest::newRow("phone keeps its plus") << "+919812345678" << QByteArray("+919812345678");
    QTest::newRow("minus formula") << "-A1" << QByteArray("'-A1");
    QTest::newRow("unicode") << QStringLiteral("बेंगलुरु") << QStringLiteral("बेंगलुरु").toUtf8();
}

void tst_DialerApi::csvField()
{
    QFETCH(QString, in);
    QFETCH(QByteArray, out);
    QCOMPARE(Server::DialerApi::csvField(in), out);
}

QTEST_GUILESS_MAIN(tst_DialerApi)
#include "tst_dialerapi.moc"
