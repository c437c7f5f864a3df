// CRM webhooks: the signed outbox and its delivery worker against a loopback receiver
// (QAbstractHttpServer in this test), on SQLite and PostgreSQL. Signature verifiable by the
// receiver, payload content, retries with backoff on 500 then success (on a fake clock), dead
// after max attempts, nothing lost or doubled across a restart (graceful stop mid-send, and a
// node that died holding a lease), idempotent enqueue; the secret sealing; the REST surface.
#include "campaigns/calllifecycle.h"
#include "fakes/fakeclock.h"
#include "fakes/httpharness.h"
#include "fakes/testdatabase.h"
#include "server/controllers/crmwebhookscontroller.h"
#include "storage/callrepository.h"
#include "storage/campaignrepository.h"
#include "storage/dialerqueue.h"
#include "webhooks/webhookcrypto.h"
#include "webhooks/webhookdispatcher.h"
#include "webhooks/webhookoutbox.h"
#include "webhooks/webhookpayload.h"
#include "webhooks/webhookstore.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QtTest>
#include <deque>
#include <memory>

using namespace Leadline;
using namespace Leadline::Webhooks;

namespace {

const QByteArray kSecret = "crm-shared-secret-0123456789";
const QByteArray kKey = "test-webhook-secret-key";

// Loopback CRM: records every request; answers with the scripted status codes in order (then
// 200). Status 0 = hold the request without answering (a receiver that hangs).
class Receiver : public QAbstractHttpServer
{
public:
    struct Request
    {
        QByteArray body;
        QByteArray signature;
        QByteArray event;
        QByteArray delivery;
        QByteArray attempt;
        QByteArray contentType;
        bool verified = false;
    };
    Receiver()
    {
        auto *tcp = new QTcpServer(this);
        tcp->listen(QHostAddress::LocalHost, 0);
        m_port = tcp->serverPort();
        bind(tcp);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/crm/hook").arg(m_port); }
    std::deque<int> script;
    QList<Request> requests;
    int countFor(const QByteArray &eventId) const
    {
        int n = 0;
        for (const auto &r : requests)
            n += r.delivery == eventId ? 1 : 0;
        return n;
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        Request r;
        r.body = request.body();
        r.signature = request.value("x-leadline-signature");
        r.event = request.value("x-leadline-event");
        r.delivery = request.value("x-leadline-delivery");
        r.attempt = request.value("x-leadline-attempt");
        r.contentType = request.value("content-type");
        // What a CRM does: recompute the HMAC over "<t>.<raw body>" with the shared secret.
        r.verified = verifySignature(kSecret, r.signature, r.body, QDateTime::currentSecsSinceEpoch());
        requests.append(r);
        int status = 200;
        if (!script.empty()) {
            status = script.front();
            script.pop_front();
        }
        if (status == 0)
            return true; // hold: never answer
        QHttpServerResponder responder = makeResponder(request, socket);
        const QByteArray body = "{}";
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        responder.writeHeader("Content-Type", "application/json");
        responder.writeHeader("Content-Length", QByteArray::number(body.size()));
        responder.writeBody(body);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    quint16 m_port = 0;
};

} // namespace

class tst_WebhookOutbox : public QObject
{
    Q_OBJECT
private slots:
    void signature();
    void secretBox();
    void backoff_data();
    void backoff();
    void deliversSignedPayload_data() { Testing::addBackendRows(); }
    void deliversSignedPayload();
    void nonConnectedCallAndIdempotentEnqueue_data() { Testing::addBackendRows(); }
    void nonConnectedCallAndIdempotentEnqueue();
    void sweepQueuesBacklogInRounds_data() { Testing::addBackendRows(); }
    void sweepQueuesBacklogInRounds();
    void carrierSettlementIsSent_data() { Testing::addBackendRows(); }
    void carrierSettlementIsSent();
    void retriesWithBackoffThenSucceeds_data() { Testing::addBackendRows(); }
    void retriesWithBackoffThenSucceeds();
    void timeoutIsRetried();
    void deadAfterMaxAttempts_data() { Testing::addBackendRows(); }
    void deadAfterMaxAttempts();
    void survivesRestartWithDeliveriesPending_data() { Testing::addBackendRows(); }
    void survivesRestartWithDeliveriesPending();
    void leaseOfDeadNodeExpires_data() { Testing::addBackendRows(); }
    void leaseOfDeadNodeExpires();
    void twoNodesShareTheOutbox_data() { Testing::addBackendRows(); }
    void twoNodesShareTheOutbox();
    void handoffEvent_data() { Testing::addBackendRows(); }
    void handoffEvent();
    void disabledHoldsRemovedKills();
    void restApi();

private:
    struct Fixture
    {
        qint64 campaignId = 0;
        QList<qint64> callIds;
    };
    // A campaign with `calls` finished calls (settled), and a webhook to `url`.
    static Fixture seed(Storage::Database &db, Testing::FakeClock &clock, const QString &url, int calls,
                        const QStringList &events = {QStringLiteral("call_ended")});
    static qint64 addCall(Storage::Database &db, qint64 campaignId, int n, qint64 nowMs, bool connected);
    static WebhookOptions options(int maxAttempts = 5)
    {
        WebhookOptions o;
        o.retry.baseMs = 10 * 1000;
        o.retry.capMs = 60 * 1000;
        o.retry.maxAttempts = maxAttempts;
        o.timeoutMs = 5000;
        o.leaseMs = 60 * 1000;
        o.pollMs = 20;
        o.sweepMs = 30;
        o.batch = 10;
        o.secretKey = kKey;
        o.baseUrl = QStringLiteral("https://leadline.example.com/");
        o.prices.telephonyPerMin = 1.5;
        o.prices.llmPerMin = 2.0;
        return o;
    }
    static QList<DeliveryRow> log(Storage::Database &db, qint64 campaignId)
    {
        auto page = WebhookStore(db.connection().value()).deliveries(campaignId, 0, 500);
        return page ? page->deliveries : QList<DeliveryRow>{};
    }
    static OutboxRow row(Storage::Database &db, const QString &eventId)
    {
        QSqlQuery q(db.connection().value());
        q.prepare(QStringLiteral("SELECT id FROM webhook_outbox WHERE event_id = ?"));
        q.addBindValue(eventId);
        if (!q.exec() || !q.next())
            return {};
        auto r = WebhookStore(db.connection().value()).outboxRow(q.value(0).toLongLong());
        return r ? r.value() : OutboxRow{};
    }
};

void tst_WebhookOutbox::signature()
{
    const QByteArray body = "{\"event\":\"call_ended\",\"event_id\":\"call_ended.7\"}";
    const qint64 now = 1763884800;
    const QByteArray header = signatureHeader(kSecret, now, body);
    QVERIFY(header.startsWith("t=1763884800,v1="));
    // The documented recipe: hex HMAC-SHA256 of "<t>.<body>".
    QCOMPARE(header.mid(header.indexOf("v1=") + 3),
             QMessageAuthenticationCode::hash("1763884800." + body, kSecret, QCryptographicHash::Sha256).toHex());
    QVERIFY(verifySignature(kSecret, header, body, now + 10));
    QVERIFY(!verifySignature(kSecret, header, body + " ", now));
    QVERIFY(!verifySignature("another-secret-0000000000", header, body, now));
    QVERIFY(!verifySignature(kSecret, header, body, now + 3600)); // replayed an hour later
    QVERIFY(!verifySignature(kSecret, "v1=" + signatureHex(kSecret, now, body), body, now)); // no timestamp
}

void tst_WebhookOutbox::secretBox()
{
    const SecretBox box(kKey);
    const QString sealed = box.seal(kSecret, "12");
    QVERIFY(sealed.startsWith(QLatin1String("v1:")));
    QVERIFY(!sealed.contains(QString::fromLatin1(kSecret)));
    QVERIFY(!QByteArray::fromBase64(sealed.mid(3).toLatin1()).contains(kSecret));
    QCOMPARE(box.open(sealed, "12").value(), kSecret);
    QVERIFY(box.seal(kSecret, "12") != sealed); // random nonce
    QVERIFY(!box.open(sealed, "13"));           // bound to its campaign row
    QVERIFY(!SecretBox("another-key").open(sealed, "12"));
    QString tampered = sealed;
    tampered[10] = tampered.at(10) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QVERIFY(!box.open(tampered, "12"));
    QVERIFY(!SecretBox().isUsable());
}

void tst_WebhookOutbox::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("u");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("first failure, no jitter draw high") << 1 << 1.0 << qint64(30000);
    QTest::newRow("first failure, jitter low half") << 1 << 0.0 << qint64(15000);
    QTest::newRow("second failure doubles") << 2 << 1.0 << qint64(60000);
    QTest::newRow("fourth failure") << 4 << 1.0 << qint64(240000);
    QTest::newRow("capped") << 10 << 1.0 << qint64(600000);
    QTest::newRow("capped, jitter") << 30 << 0.5 << qint64(450000);
}

void tst_WebhookOutbox::backoff()
{
    QFETCH(int, attempt);
    QFETCH(double, u);
    QFETCH(qint64, expected);
    RetryPolicy p{30000, 600000, 5};
    QCOMPARE(p.delayMs(attempt, u), expected);
    QVERIFY(!p.exhausted(4));
    QVERIFY(p.exhausted(5));
}

qint64 tst_WebhookOutbox::addCall(Storage::Database &db, qint64 campaignId, int n, qint64 now, bool connected)
{
    QSqlDatabase conn = db.connection().value();
    QSqlQuery q(conn);
    q.prepare(QStringLiteral("INSERT INTO leads (campaign_id, name, phone_e164, email, city, budget, property_type, language, "
                             "status, created_at) VALUES (?, ?, ?, 'asha@example.com', 'Pune', '80 lakh', '2BHK', 'hi', 'completed', ?)"));
    q.addBindValue(campaignId);
    q.addBindValue(QStringLiteral("Asha Patil %1").arg(n));
    q.addBindValue(QStringLiteral("+9198765432%1").arg(n, 2, 10, QLatin1Char('0')));
    q.addBindValue(now);
    if (!q.exec())
        qFatal("insert lead: %s", qPrintable(q.lastError().text()));
    const qint64 leadId = q.lastInsertId().toLongLong() > 0 ? q.lastInsertId().toLongLong() : 0;
    qint64 lead = leadId;
    if (lead == 0) {
        QSqlQuery l(conn);
        l.exec(QStringLiteral("SELECT MAX(id) FROM leads"));
        l.next();
        lead = l.value(0).toLongLong();
    }
    Storage::CallRepository calls(conn);
    Storage::CallRow c;
    c.leadId = lead;
    c.campaignId = campaignId;
    c.correlationToken = QStringLiteral("tok-%1-%2").arg(campaignId).arg(n);
    auto created = calls.create(c, now - 300000);
    if (!created)
        qFatal("create call: %s", qPrintable(created.error().message));
    const qint64 callId = created->id;
    if (connected) {
        Storage::CallOutcome o;
        o.outcome = QStringLiteral("interested");
        o.budgetMin = 7500000;
        o.budgetMax = 8500000;
        o.budgetText = QStringLiteral("80 lakh");
        o.property = QStringLiteral("2 BHK apartment");
        o.timeline = QStringLiteral("within_3_months");
        o.language = QStringLiteral("hi");
        o.fields = QJsonObject{{QStringLiteral("summary"), QStringLiteral("Wants a 2BHK in Baner, visit on Saturday")},
                               {QStringLiteral("budget"), QStringLiteral("80 lakh")}};
        o.siteVisitAt = 1764394200000; // 2025-11-29T05:30:00Z: Saturday 11:00 IST
        o.siteVisitVisitors = 2;
        o.siteVisitTurn = 4;
        o.questionForAdvisor = QStringLiteral("stamp duty");
        o.briefVersion = 3;
        if (Status s = calls.setOutcome(callId, o, now); !s)
            qFatal("outcome: %s", qPrintable(s.error().message));
    }
    QSqlQuery u(conn);
    u.prepare(QStringLiteral("UPDATE calls SET status = ?, provider_sid = ?, started_at = ?, answered_at = ?, ended_at = ?, "
                             "duration_s = ?, conversation_s = ?, settled_at = ? WHERE id = ?"));
    u.addBindValue(connected ? QStringLiteral("completed") : QStringLiteral("busy"));
    u.addBindValue(QStringLiteral("sid%1").arg(callId));
    u.addBindValue(now - 240000);
    u.addBindValue(connected ? QVariant(now - 230000) : QVariant(QMetaType::fromType<qint64>()));
    u.addBindValue(now - 1000);
    u.addBindValue(connected ? 125 : 0);
    u.addBindValue(connected ? 120 : 0);
    u.addBindValue(now);
    u.addBindValue(callId);
    if (!u.exec())
        qFatal("settle call: %s", qPrintable(u.lastError().text()));
    return callId;
}

tst_WebhookOutbox::Fixture tst_WebhookOutbox::seed(Storage::Database &db, Testing::FakeClock &clock, const QString &url, int calls,
                                                   const QStringList &events)
{
    Fixture f;
    Storage::CampaignRow c;
    c.name = QStringLiteral("Baner 2BHK launch");
    auto created = Storage::CampaignRepository(db.connection().value()).create(c, clock.nowMs());
    if (!created)
        qFatal("campaign: %s", qPrintable(created.error().message));
    f.campaignId = created->id;
    WebhookConfig cfg;
    cfg.campaignId = f.campaignId;
    cfg.url = url;
    cfg.events = events;
    cfg.secretSealed = SecretBox(kKey).seal(kSecret, QByteArray::number(f.campaignId));
    if (!WebhookStore(db.connection().value()).putConfig(cfg, clock.nowMs() - 1))
        qFatal("webhook config");
    for (int i = 0; i < calls; ++i)
        f.callIds << addCall(db, f.campaignId, i, clock.nowMs(), true);
    return f;
}

void tst_WebhookOutbox::deliversSignedPayload()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    Receiver crm;
    const Fixture f = seed(*t.db, clock, crm.url(), 1);
    WebhookDispatcher dispatcher(*t.db, clock, options());
    dispatcher.start(); // the sweep finds the settled call and queues it
    QTRY_COMPARE_WITH_TIMEOUT(crm.requests.size(), 1, 10000);
    const Receiver::Request &r = crm.requests.first();
    QVERIFY2(r.verified, r.signature.constData());
    QCOMPARE(r.event, QByteArray("call_ended"));
    const QString eventId = callEndedEventId(f.callIds.first());
    QCOMPARE(r.delivery, eventId.toUtf8());
    QCOMPARE(r.attempt, QByteArray("1"));
    QVERIFY(r.contentType.startsWith("application/json"));

    const QJsonObject p = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(p.value("event").toString(), QStringLiteral("call_ended"));
    QCOMPARE(p.value("event_id").toString(), eventId);
    const QJsonObject lead = p.value("lead").toObject();
    QCOMPARE(lead.value("name").toString(), QStringLiteral("Asha Patil 0"));
    QCOMPARE(lead.value("phone").toString(), QStringLiteral("+919876543200"));
    QCOMPARE(lead.value("campaign").toObject().value("id").toInteger(), f.campaignId);
    QCOMPARE(lead.value("campaign").toObject().value("name").toString(), QStringLiteral("Baner 2BHK launch"));
    QCOMPARE(p.value("outcome").toString(), QStringLiteral("interested"));
    const QJsonObject fields = p.value("fields").toObject();
    QCOMPARE(fields.value("budget").toObject().value("min_inr").toInteger(), 7500000);
    QCOMPARE(fields.value("property").toString(), QStringLiteral("2 BHK apartment"));
    QCOMPARE(fields.value("timeline").toString(), QStringLiteral("within_3_months"));
    QVERIFY(fields.contains("callback_at"));
    QCOMPARE(p.value("summary").toString(), QStringLiteral("Wants a 2BHK in Baner, visit on Saturday"));
    // The site visit the agent booked, and what it left for an advisor (project brief version 3).
    const QJsonObject visit = p.value("site_visit").toObject();
    QCOMPARE(visit.value("at").toString(), QStringLiteral("2025-11-29T05:30:00.000Z"));
    QCOMPARE(visit.value("visitors").toInt(), 2);
    QCOMPARE(visit.value("turn").toInt(), 4);
    QCOMPARE(fields.value("question_for_advisor").toString(), QStringLiteral("stamp duty"));
    QCOMPARE(fields.value("brief_version").toInt(), 3);
    QCOMPARE(p.value("transcript_url").toString(),
             QStringLiteral("https://leadline.example.com/calls/%1/transcript").arg(f.callIds.first()));
    const QJsonObject call = p.value("call").toObject();
    QCOMPARE(call.value("status").toString(), QStringLiteral("completed"));
    QCOMPARE(call.value("duration_s").toInt(), 125);
    QVERIFY(call.value("connected").toBool());
    QVERIFY(!call.value("ended_at").toString().isEmpty());
    // 125 s = 3 started minutes of telephony at 1.5; 2 talk minutes of LLM at 2.0.
    const QJsonObject cost = p.value("cost").toObject();
    QCOMPARE(cost.value("telephony").toDouble(), 4.5);
    QCOMPARE(cost.value("llm").toDouble(), 4.0);
    QCOMPARE(cost.value("total").toDouble(), 8.5);
    QCOMPARE(cost.value("currency").toString(), QStringLiteral("INR"));

    QTRY_COMPARE(row(*t.db, eventId).status, QStringLiteral("delivered"));
    const auto entries = log(*t.db, f.campaignId);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().statusCode, 200);
    QCOMPARE(entries.first().result, QStringLiteral("delivered"));
    QCOMPARE(entries.first().url, crm.url());
    dispatcher.stop();
    QCOMPARE(crm.requests.size(), 1);
}

void tst_WebhookOutbox::nonConnectedCallAndIdempotentEnqueue()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    Receiver crm;
    const Fixture f = seed(*t.db, clock, crm.url(), 0);
    const qint64 busy = addCall(*t.db, f.campaignId, 5, clock.nowMs(), false);
    WebhookOutbox outbox(*t.db, clock, options());
    QCOMPARE(outbox.callEnded(busy).value(), true);
    QCOMPARE(outbox.callEnded(busy).value(), false); // same event id: nothing new
    QCOMPARE(outbox.sweep(0).value(), 0);
    auto rows = WebhookStore(t.conn()).outboxRows(f.campaignId);
    QCOMPARE(rows->size(), 1);
    const QJsonObject p = QJsonDocument::fromJson(rows->first().payload).object();
    QCOMPARE(p.value("call").toObject().value("status").toString(), QStringLiteral("busy"));
    QVERIFY(!p.value("call").toObject().value("connected").toBool());
    QVERIFY(p.value("outcome").isNull());
    QCOMPARE(p.value("cost").toObject().value("total").toDouble(), 0.0);

    // A call that is not final yet is not sent; a campaign without a webhook sends nothing.
    QSqlQuery q(t.conn());
    QVERIFY(q.exec(QStringLiteral("UPDATE calls SET settled_at = NULL WHERE id = %1").arg(busy)));
    QVERIFY(q.exec(QStringLiteral("DELETE FROM webhook_outbox")));
    QCOMPARE(outbox.callEnded(busy).error().code, Error::Code::Conflict);
    QVERIFY(WebhookStore(t.conn()).deleteConfig(f.campaignId).ok());
    QVERIFY(q.exec(QStringLiteral("UPDATE calls SET settled_at = 1 WHERE id = %1").arg(busy)));
    QCOMPARE(outbox.callEnded(busy).value(), false);
}

void tst_WebhookOutbox::sweepQueuesBacklogInRounds()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    const Fixture f = seed(*t.db, clock, QStringLiteral("https://crm.example.com/hook"), 5);
    // One call finished before the webhook was configured: not sent.
    QSqlQuery q(t.conn());
    QVERIFY(q.exec(QStringLiteral("UPDATE calls SET settled_at = 5 WHERE id = %1").arg(f.callIds.first())));
    WebhookOutbox outbox(*t.db, clock, options());
    bool complete = true;
    QCOMPARE(outbox.sweep(0, &complete, 2, 1).value(), 2);
    QVERIFY(!complete); // a backlog is left
    QCOMPARE(outbox.sweep(0, &complete, 2, 5).value(), 2);
    QVERIFY(complete);
    QCOMPARE(outbox.sweep(0, &complete, 2, 5).value(), 0);
    auto rows = WebhookStore(t.conn()).outboxRows(f.campaignId);
    QCOMPARE(rows->size(), 4);
    for (const OutboxRow &r : rows.value())
        QVERIFY(r.callId != f.callIds.first());
    // Calls settled before the window are left alone.
    QVERIFY(q.exec(QStringLiteral("DELETE FROM webhook_outbox")));
    QCOMPARE(outbox.sweep(clock.nowMs() + 1).value(), 0);
}

void tst_WebhookOutbox::carrierSettlementIsSent()
{
    // The real "call is final" path: Exotel's terminal status callback -> CallLifecycle settles
    // the call (retry policy, settled_at) -> the sweep queues call_ended.
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    const Fixture f = seed(*t.db, clock, QStringLiteral("https://crm.example.com/hook"), 0);
    QSqlQuery q(t.conn());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO leads (campaign_id, name, phone_e164, status, attempts, created_at) "
                                  "VALUES (%1, 'Vikram', '+919811122233', 'calling', 1, %2)").arg(f.campaignId).arg(clock.nowMs())));
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM leads WHERE phone_e164 = '+919811122233'")) && q.next());
    Storage::CallRow c;
    c.leadId = q.value(0).toLongLong();
    c.campaignId = f.campaignId;
    c.correlationToken = QStringLiteral("tok-busy");
    q.finish();
    auto created = Storage::CallRepository(t.conn()).create(c, clock.nowMs());
    QVERIFY(created.ok());
    QVERIFY(Storage::DialerQueue(t.conn()).setPlaced(created->id, QStringLiteral("sid-busy-1"), clock.nowMs()).ok());
    WebhookOutbox outbox(*t.db, clock, options());
    QCOMPARE(outbox.sweep(0).value(), 0); // still ringing: not final
    QCOMPARE(outbox.callEnded(created->id).error().code, Error::Code::Conflict);

    clock.advanceMs(30 * 1000);
    Campaigns::CallLifecycle lifecycle(*t.db, clock);
    Campaigns::CallStatusReport r;
    r.providerSid = QStringLiteral("sid-busy-1");
    r.carrierStatus = QStringLiteral("busy");
    QVERIFY(lifecycle.report(r).ok());
    QCOMPARE(outbox.sweep(0).value(), 1);
    QCOMPARE(outbox.sweep(0).value(), 0);
    auto rows = WebhookStore(t.conn()).outboxRows(f.campaignId);
    QCOMPARE(rows->size(), 1);
    const QJsonObject p = QJsonDocument::fromJson(rows->first().payload).object();
    QCOMPARE(p.value("call").toObject().value("status").toString(), QStringLiteral("busy"));
    QCOMPARE(p.value("lead").toObject().value("name").toString(), QStringLiteral("Vikram"));
    // A duplicate status callback changes nothing.
    QVERIFY(lifecycle.report(r).ok());
    QCOMPARE(outbox.sweep(0).value(), 0);
}

void tst_WebhookOutbox::retriesWithBackoffThenSucceeds()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    Receiver crm;
    crm.script = {500, 503};
    const Fixture f = seed(*t.db, clock, crm.url(), 1);
    const QString eventId = callEndedEventId(f.callIds.first());
    WebhookDispatcher dispatcher(*t.db, clock, options());
    dispatcher.start();
    QTRY_COMPARE_WITH_TIMEOUT(log(*t.db, f.campaignId).size(), 1, 10000);
    OutboxRow r = row(*t.db, eventId);
    QCOMPARE(r.status, QStringLiteral("pending"));
    QCOMPARE(r.attempts, 1);
    // First retry: base 10 s with jitter in [50 %, 100 %].
    qint64 delay = r.nextAttemptAt - clock.nowMs();
    QVERIFY2(delay >= 5000 && delay <= 10000, qPrintable(QString::number(delay)));
    QTest::qWait(200);
    QCOMPARE(crm.requests.size(), 1); // not before it is due

    clock.advanceMs(delay);
    dispatcher.wake();
    QTRY_COMPARE_WITH_TIMEOUT(log(*t.db, f.campaignId).size(), 2, 10000);
    r = row(*t.db, eventId);
    QCOMPARE(r.attempts, 2);
    delay = r.nextAttemptAt - clock.nowMs();
    QVERIFY2(delay >= 10000 && delay <= 20000, qPrintable(QString::number(delay))); // doubled

    clock.advanceMs(delay);
    QTRY_COMPARE_WITH_TIMEOUT(row(*t.db, eventId).status, QStringLiteral("delivered"), 10000);
    const auto entries = log(*t.db, f.campaignId); // newest first
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(2).statusCode, 500);
    QCOMPARE(entries.at(2).result, QStringLiteral("retry"));
    QCOMPARE(entries.at(2).error, QStringLiteral("HTTP 500"));
    QCOMPARE(entries.at(1).statusCode, 503);
    QCOMPARE(entries.at(0).statusCode, 200);
    QCOMPARE(entries.at(0).result, QStringLiteral("delivered"));
    QCOMPARE(entries.at(0).attempt, 3);
    QCOMPARE(crm.requests.size(), 3);
    QCOMPARE(crm.requests.at(2).attempt, QByteArray("3"));
    // Same body, same event id on every attempt (the receiver dedupes on it); each signed.
    QCOMPARE(crm.requests.at(0).body, crm.requests.at(2).body);
    for (const auto &req : std::as_const(crm.requests))
        QVERIFY(req.verified);
}

void tst_WebhookOutbox::timeoutIsRetried()
{
    Testing::TestDatabase t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    Receiver crm;
    crm.script = {0}; // the first request is never answered
    const Fixture f = seed(*t.db, clock, crm.url(), 1);
    WebhookOptions o = options();
    o.timeoutMs = 300;
    WebhookDispatcher dispatcher(*t.db, clock, o);
    dispatcher.start();
    QTRY_COMPARE_WITH_TIMEOUT(log(*t.db, f.campaignId).size(), 1, 10000);
    const DeliveryRow first = log(*t.db, f.campaignId).first();
    QCOMPARE(first.result, QStringLiteral("retry"));
    QCOMPARE(first.statusCode, 0);
    QCOMPARE(first.error, QStringLiteral("timeout after 300 ms"));
    QVERIFY(first.durationMs >= 250);
    clock.advanceMs(60 * 1000);
    QTRY_COMPARE_WITH_TIMEOUT(row(*t.db, callEndedEventId(f.callIds.first())).status, QStringLiteral("delivered"), 10000);
    QCOMPARE(crm.requests.size(), 2);
}

void tst_WebhookOutbox::deadAfterMaxAttempts()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    Receiver crm;
    crm.script = {500, 500, 500, 500, 500, 500};
    const Fixture f = seed(*t.db, clock, crm.url(), 1);
    const QString eventId = callEndedEventId(f.callIds.first());
    WebhookDispatcher dispatcher(*t.db, clock, options(3));
    dispatcher.start();
    for (int attempt = 1; attempt <= 3; ++attempt) {
        QTRY_COMPARE_WITH_TIMEOUT(log(*t.db, f.campaignId).size(), attempt, 10000);
        clock.advanceMs(120 * 1000); // past any backoff
    }
    QTRY_COMPARE(row(*t.db, eventId).status, QStringLiteral("dead"));
    clock.advanceMs(3600 * 1000);
    dispatcher.wake();
    QTest::qWait(300);
    QCOMPARE(crm.requests.size(), 3);
    const auto entries = log(*t.db, f.campaignId);
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.first().result, QStringLiteral("dead"));
    auto counts = WebhookStore(t.conn()).outboxCounts(f.campaignId);
    QCOMPARE(counts->value(QStringLiteral("dead")), 1);
    QCOMPARE(counts->value(QStringLiteral("pending")), 0);
}

void tst_WebhookOutbox::survivesRestartWithDeliveriesPending()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    Receiver crm;
    crm.script = {200, 0, 0}; // the CRM then hangs: the worker goes away with requests in flight
    const Fixture f = seed(*t.db, clock, crm.url(), 3);
    WebhookOptions o = options();
    o.batch = 2;
    {
        WebhookDispatcher first(*t.db, clock, o);
        first.start();
        QTRY_COMPARE_WITH_TIMEOUT(crm.requests.size(), 3, 10000);
        QTRY_COMPARE(log(*t.db, f.campaignId).size(), 1);
    } // destroyed mid-way: the hung requests are abandoned
    auto counts = WebhookStore(t.conn()).outboxCounts(f.campaignId);
    QCOMPARE(counts->value(QStringLiteral("delivered")), 1);
    QCOMPARE(counts->value(QStringLiteral("pending")), 2);
    const QByteArray delivered = crm.requests.at(0).delivery;

    WebhookDispatcher second(*t.db, clock, o);
    second.start();
    QTRY_COMPARE_WITH_TIMEOUT(WebhookStore(t.conn()).outboxCounts(f.campaignId)->value(QStringLiteral("delivered")), 3, 10000);
    QTest::qWait(200);
    // Every event reached the CRM; the one delivered before the restart was not sent again,
    // the two that hung exactly once more each.
    for (qint64 id : f.callIds) {
        const QByteArray ev = callEndedEventId(id).toUtf8();
        QCOMPARE(crm.countFor(ev), ev == delivered ? 1 : 2);
    }
    QCOMPARE(crm.requests.size(), 5);
    int deliveredLog = 0;
    for (const auto &d : log(*t.db, f.campaignId))
        deliveredLog += d.result == QLatin1String("delivered") ? 1 : 0;
    QCOMPARE(deliveredLog, 3);
}

void tst_WebhookOutbox::leaseOfDeadNodeExpires()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    Receiver crm;
    const Fixture f = seed(*t.db, clock, crm.url(), 2);
    WebhookOutbox outbox(*t.db, clock, options());
    QCOMPARE(outbox.sweep(0).value(), 2);
    // A node claims both and dies without releasing them (kill -9 mid-send).
    auto claimed = WebhookStore(t.conn()).claim(QStringLiteral("node-that-died"), clock.nowMs(), 60 * 1000, 10);
    QCOMPARE(claimed->size(), 2);
    QCOMPARE(WebhookStore(t.conn()).claim(QStringLiteral("other"), clock.nowMs(), 60 * 1000, 10)->size(), 0);

    WebhookDispatcher survivor(*t.db, clock, options());
    survivor.start();
    QTest::qWait(300);
    QCOMPARE(crm.requests.size(), 0); // still leased
    clock.advanceMs(61 * 1000);
    QTRY_COMPARE_WITH_TIMEOUT(WebhookStore(t.conn()).outboxCounts(f.campaignId)->value(QStringLiteral("delivered")), 2, 10000);
    QCOMPARE(crm.requests.size(), 2);
}

void tst_WebhookOutbox::twoNodesShareTheOutbox()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    Receiver crm;
    const Fixture f = seed(*t.db, clock, crm.url(), 20);
    QCOMPARE(WebhookOutbox(*t.db, clock, options()).sweep(0).value(), 20);
    WebhookOptions o = options();
    o.batch = 3;
    // Two nodes (own threads, own connections) on one database: each event goes out once.
    WebhookDispatcher a(*t.db, clock, o);
    WebhookDispatcher b(*t.db, clock, o);
    QVERIFY(a.nodeId() != b.nodeId());
    QSignalSpy byA(&a, &WebhookDispatcher::attemptFinished);
    QSignalSpy byB(&b, &WebhookDispatcher::attemptFinished);
    a.start();
    b.start();
    QTRY_COMPARE_WITH_TIMEOUT(WebhookStore(t.conn()).outboxCounts(f.campaignId)->value(QStringLiteral("delivered")), 20, 20000);
    QTest::qWait(200);
    QCOMPARE(crm.requests.size(), 20);
    for (qint64 id : f.callIds)
        QCOMPARE(crm.countFor(callEndedEventId(id).toUtf8()), 1);
    QCOMPARE(byA.size() + byB.size(), 20);
}

void tst_WebhookOutbox::handoffEvent()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    Receiver crm;
    const Fixture f = seed(*t.db, clock, crm.url(), 1, {QStringLiteral("call_ended"), QStringLiteral("handoff")});
    WebhookDispatcher dispatcher(*t.db, clock, options());
    dispatcher.start();
    dispatcher.handoff(f.callIds.first(), QJsonObject{{QStringLiteral("agent"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Ravi")}}},
                                                      {QStringLiteral("reason"), QStringLiteral("wants to talk now")}});
    QTRY_COMPARE_WITH_TIMEOUT(crm.requests.size(), 2, 10000);
    bool sawHandoff = false;
    for (const auto &r : std::as_const(crm.requests)) {
        QVERIFY(r.verified);
        if (r.event == "handoff") {
            sawHandoff = true;
            const QJsonObject p = QJsonDocument::fromJson(r.body).object();
            QCOMPARE(p.value("handoff").toObject().value("agent").toObject().value("name").toString(), QStringLiteral("Ravi"));
            QCOMPARE(p.value("lead").toObject().value("name").toString(), QStringLiteral("Asha Patil 0"));
            QCOMPARE(r.delivery, handoffEventId(f.callIds.first()).toUtf8());
        }
    }
    QVERIFY(sawHandoff);
}

void tst_WebhookOutbox::disabledHoldsRemovedKills()
{
    Testing::TestDatabase t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    Receiver crm;
    const Fixture f = seed(*t.db, clock, crm.url(), 1);
    WebhookOutbox outbox(*t.db, clock, options());
    QCOMPARE(outbox.sweep(0).value(), 1);
    WebhookStore store(t.conn());
    WebhookConfig cfg = store.config(f.campaignId).value();
    cfg.enabled = false;
    QVERIFY(store.putConfig(cfg, clock.nowMs()).ok());
    WebhookDispatcher dispatcher(*t.db, clock, options());
    dispatcher.start();
    QTest::qWait(300);
    QCOMPARE(crm.requests.size(), 0); // paused: held, no attempt counted
    const QString eventId = callEndedEventId(f.callIds.first());
    QCOMPARE(row(*t.db, eventId).status, QStringLiteral("pending"));
    QCOMPARE(row(*t.db, eventId).attempts, 0);
    QVERIFY(store.deleteConfig(f.campaignId).ok());
    clock.advanceMs(61 * 1000);
    dispatcher.wake();
    QTRY_COMPARE_WITH_TIMEOUT(row(*t.db, eventId).status, QStringLiteral("dead"), 10000);
    QCOMPARE(crm.requests.size(), 0);
    QCOMPARE(log(*t.db, f.campaignId).first().error, QStringLiteral("the campaign's webhook was removed"));
}

void tst_WebhookOutbox::restApi()
{
    Testing::TestDatabase t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    Server::CrmWebhooksController api(*t.db, clock, kKey);
    Testing::LoopbackServer server;
    api.registerRoutes(server.router);
    QVERIFY(server.start().ok());
    const Fixture f = seed(*t.db, clock, QStringLiteral("https://crm.example.com/old"), 0);
    QVERIFY(WebhookStore(t.conn()).deleteConfig(f.campaignId).ok());
    const QString base = QStringLiteral("/campaigns/%1/webhook").arg(f.campaignId);

    QCOMPARE(server.send("GET", base).status, 404);
    QCOMPARE(server.send("PUT", base, "{\"url\":\"http://crm.example.com/hook\",\"secret\":\"0123456789abcdefXYZ\"}").status, 400); // not https
    QCOMPARE(server.send("PUT", base, "{\"url\":\"https://crm.example.com/hook\",\"secret\":\"short\"}").status, 400);
    QCOMPARE(server.send("PUT", base, "{\"url\":\"https://crm.example.com/hook\",\"events\":[\"call_ended\",\"sms\"]}").status, 400);
    QCOMPARE(server.send("PUT", QStringLiteral("/campaigns/999/webhook"), "{\"url\":\"https://crm.example.com/hook\"}").status, 404);
    auto created = server.send("PUT", base, "{\"url\":\"https://crm.example.com/hook\",\"secret\":\"0123456789abcdefXYZ\",\"events\":[\"call_ended\",\"handoff\"]}");
    QCOMPARE(created.status, 201);
    QVERIFY(!created.raw.contains("0123456789abcdef"));
    auto got = server.send("GET", base);
    QCOMPARE(got.status, 200);
    const QJsonObject cfg = got.json;
    QCOMPARE(cfg.value("url").toString(), QStringLiteral("https://crm.example.com/hook"));
    QCOMPARE(cfg.value("secret").toString(), QStringLiteral("****fXYZ"));
    QCOMPARE(cfg.value("events").toArray().size(), 2);
    QVERIFY(!got.raw.contains("0123456789abcdef"));
    // Not in clear in the database either.
    QSqlQuery q(t.conn());
    QVERIFY(q.exec(QStringLiteral("SELECT secret_enc FROM campaign_webhooks")) && q.next());
    QVERIFY(!q.value(0).toString().contains(QStringLiteral("0123456789abcdef")));
    QCOMPARE(SecretBox(kKey).open(q.value(0).toString(), QByteArray::number(f.campaignId)).value(), QByteArray("0123456789abcdefXYZ"));
    q.finish(); // SQLite: an open read keeps an old snapshot, and this connection writes below
    // Updating the URL keeps the secret.
    QCOMPARE(server.send("PUT", base, "{\"url\":\"https://crm.example.com/v2\"}").status, 200);
    QCOMPARE(server.send("GET", base).json.value("secret").toString(), QStringLiteral("****fXYZ"));

    // The delivery log, newest first, paged.
    WebhookStore store(t.conn());
    auto queued = store.enqueue(QStringLiteral("call_ended.1"), QStringLiteral("call_ended"), f.campaignId, 0, "{}", clock.nowMs());
    QVERIFY2(queued.ok(), qPrintable(queued.ok() ? QString() : queued.error().message));
    QVERIFY(queued.value());
    const OutboxRow r = store.outboxRows(f.campaignId)->first();
    for (int i = 1; i <= 5; ++i) {
        DeliveryRow d;
        d.attempt = i;
        d.url = QStringLiteral("https://crm.example.com/v2");
        d.statusCode = i < 5 ? 500 : 200;
        d.result = i < 5 ? QStringLiteral("retry") : QStringLiteral("delivered");
        d.attemptedAt = clock.nowMs() + i;
        QVERIFY(store.recordAttempt(r, d, clock.nowMs(), clock.nowMs()).ok());
    }
    auto page1 = server.send("GET", base + QStringLiteral("/deliveries?limit=3"));
    QCOMPARE(page1.status, 200);
    const QJsonObject p1 = page1.json;
    QCOMPARE(p1.value("deliveries").toArray().size(), 3);
    QCOMPARE(p1.value("deliveries").toArray().first().toObject().value("attempt").toInt(), 5);
    QCOMPARE(p1.value("deliveries").toArray().first().toObject().value("status_code").toInt(), 200);
    const qint64 next = p1.value("next_before").toInteger();
    QVERIFY(next > 0);
    const QJsonObject p2 = server.send("GET", base + QStringLiteral("/deliveries?limit=3&before=%1").arg(next)).json;
    QCOMPARE(p2.value("deliveries").toArray().size(), 2);
    QCOMPARE(p2.value("deliveries").toArray().last().toObject().value("attempt").toInt(), 1);
    QVERIFY(p2.value("next_before").isNull());
    const QJsonObject all = server.send("GET", QStringLiteral("/webhooks/deliveries?campaign_id=%1").arg(f.campaignId)).json;
    QCOMPARE(all.value("deliveries").toArray().size(), 5);
    QCOMPARE(server.send("GET", base).json.value("outbox").toObject().value("delivered").toInt(), 1);

    QCOMPARE(server.send("DELETE", base).status, 204);
    QCOMPARE(server.send("GET", base).status, 404);
    server.pool.stop();
}

QTEST_GUILESS_MAIN(tst_WebhookOutbox)
#include "tst_webhookoutbox.moc"
