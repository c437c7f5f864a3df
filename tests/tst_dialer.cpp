// The dialer end to end over a real database (SQLite and PostgreSQL rows), with a fake clock and
// a fake placer: 200 leads complete with the right number of attempts each and never a dial
// outside the lead's calling window or above max_concurrent; pause withdraws queued dials;
// crash recovery reconciles in-flight calls; two engines on one PostgreSQL never dial a lead
// twice.
#include "campaigns/callingwindow.h"
#include "campaigns/calllifecycle.h"
#include "campaigns/campaignservice.h"
#include "campaigns/dialer.h"
#include "campaigns/dialerengine.h"
#include "fakes/fakecallplacer.h"
#include "fakes/fakeclock.h"
#include "fakes/recordingeventsink.h"
#include "fakes/testdatabase.h"
#include "storage/callrepository.h"
#include "storage/leadrepository.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>
#include <atomic>

using namespace Leadline;
using namespace Leadline::Campaigns;
using Testing::FakeCallPlacer;
using Testing::FakeClock;

static qint64 istMs(const QString &local)
{
    const QDateTime naive = QDateTime::fromString(local, Qt::ISODate);
    return QDateTime(naive.date(), naive.time(), QTimeZone("Asia/Kolkata")).toMSecsSinceEpoch();
}

static int scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        qWarning() << "query failed" << sql << q.lastError().text();
        return -1;
    }
    return q.value(0).toInt();
}

class tst_Dialer : public QObject
{
    Q_OBJECT
private slots:
    void campaignOf200Leads_data() { Testing::addBackendRows(); }
    void campaignOf200Leads();
    void pauseWithdrawsQueuedDials_data() { Testing::addBackendRows(); }
    void pauseWithdrawsQueuedDials();
    void carrierErrors_data() { Testing::addBackendRows(); }
    void carrierErrors();
    void recoveryAfterCrash_data() { Testing::addBackendRows(); }
    void recoveryAfterCrash();
    void webhookIdempotence_data() { Testing::addBackendRows(); }
    void webhookIdempotence();
    void liveEngineFinishesFirst_data() { Testing::addBackendRows(); }
    void liveEngineFinishesFirst();
    void twoCarrierFailuresMeanUnreachable_data() { Testing::addBackendRows(); }
    void twoCarrierFailuresMeanUnreachable();
    void threadedDialerRuns();
    void twoEnginesOnePostgres();

private:
    static qint64 makeCampaign(const Storage::Database &db, const Clock &clock, const QJsonObject &body);
    static QList<qint64> addLeads(const Storage::Database &db, qint64 campaignId, int n, qint64 nowMs);
};

qint64 tst_Dialer::makeCampaign(const Storage::Database &db, const Clock &clock, const QJsonObject &body)
{
    CampaignService service(db, clock);
    auto c = service.create(body);
    if (!c) {
        qWarning() << c.error().message;
        return 0;
    }
    if (!service.setStatus(c->id, QStringLiteral("running")))
        return 0;
    return c->id;
}

QList<qint64> tst_Dialer::addLeads(const Storage::Database &db, qint64 campaignId, int n, qint64 nowMs)
{
    QSqlDatabase conn = db.connection().value();
    QList<Storage::LeadRow> rows;
    for (int i = 0; i < n; ++i) {
        Storage::LeadRow r;
        r.name = QStringLiteral("Lead %1").arg(i);
        r.phoneE164 = QStringLiteral("+9198%1").arg(i, 8, 10, QLatin1Char('0'));
        r.sourceLine = i + 2;
        rows.append(r);
    }
    conn.transaction();
    if (!Storage::LeadRepository(conn).insertBatch(campaignId, rows, nowMs)) {
        conn.rollback();
        return {};
    }
    conn.commit();
    QList<qint64> ids;
    QSqlQuery q(conn);
    q.exec(QStringLiteral("SELECT id FROM leads WHERE campaign_id = %1 ORDER BY phone_e164").arg(campaignId));
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

void tst_Dialer::campaignOf200Leads()
{
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock; // Sunday 2025-11-23 13:30 IST: a closed day
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{
        {QStringLiteral("name"), QStringLiteral("Whitefield")},
        {QStringLiteral("calling_window"), QJsonObject{{QStringLiteral("start"), QStringLiteral("10:00")},
                                                       {QStringLiteral("end"), QStringLiteral("19:00")},
                                                       {QStringLiteral("days"), QStringLiteral("mon,tue,wed,thu,fri,sat")}}},
        {QStringLiteral("max_concurrent"), 10}, {QStringLiteral("max_attempts"), 3}, {QStringLiteral("retry_delay_s"), 600}});
    QVERIFY(campaignId > 0);
    const QList<qint64> leads = addLeads(*t.db, campaignId, 200, clock.nowMs());
    QCOMPARE(leads.size(), 200);
    QSqlDatabase conn = t.conn();
    QSqlQuery q(conn);
    QHash<qint64, QString> zoneOf;
    QHash<qint64, int> indexOf;
    for (int i = 0; i < leads.size(); ++i) {
        indexOf.insert(leads.at(i), i);
        if (i % 10 == 3) { // some NRI leads in Dubai (UTC+4)
            QVERIFY(q.exec(QStringLiteral("UPDATE leads SET timezone = 'Asia/Dubai' WHERE id = %1").arg(leads.at(i))));
            zoneOf.insert(leads.at(i), QStringLiteral("Asia/Dubai"));
        }
        if (i % 20 == 7) // on the DNC list since the import
            QVERIFY(Storage::LeadRepository(conn).addDnc(QStringLiteral("+9198%1").arg(i, 8, 10, QLatin1Char('0')), QStringLiteral("test"), clock.nowMs()));
    }

    // Per lead (by index % 5) the carrier results of its successive attempts.
    struct Step { QString status; QString outcome; };
    const QList<QList<Step>> scripts = {
        {{"busy", ""}, {"busy", ""}, {"no-answer", ""}},                                        // 3 attempts, exhausted
        {{"completed", "interested"}},                                                          // 1, completed
        {{"no-answer", ""}, {"completed", ""}},                                                 // 2, completed
        {{"failed", ""}, {"completed", "callback"}, {"completed", "not_interested"}},           // 3, completed
        {{"completed", "wrong_number"}},                                                        // 1, wrong_number
    };
    const QStringList finalStatus = {"exhausted", "completed", "completed", "completed", "wrong_number"};

    FakeCallPlacer placer;
    auto window = CallingWindow::make(QStringLiteral("10:00"), QStringLiteral("19:00"), QStringLiteral("mon,tue,wed,thu,fri,sat"), QStringLiteral("Asia/Kolkata"));
    QVERIFY(window.ok());
    int outsideWindow = 0;
    QHash<qint64, int> attemptsOf;
    placer.onPlace = [&](const PlaceCallRequest &r) {
        const QDateTime now = clock.now();
        if (!window->forLeadZone(zoneOf.value(r.leadId)).isOpen(now)) {
            ++outsideWindow;
            qWarning() << "dialled lead" << r.leadId << "outside its window at" << now;
        }
        attemptsOf[r.leadId] += 1;
    };
    DialerOptions opts;
    opts.globalMaxConcurrent = 50;
    DialerEngine engine(*t.db, clock, placer, opts);
    CallLifecycle lifecycle(*t.db, clock);
    Storage::CallRepository calls(conn);

    QList<PlaceCallRequest> live;
    int maxLive = 0;
    int placedBefore = 0;
    int iterations = 0;
    for (; iterations < 20000; ++iterations) {
        engine.tick();
        const QList<PlaceCallRequest> fresh = placer.placed.mid(placedBefore);
        placedBefore = placer.placed.size();
        live += fresh;
        maxLive = qMax(maxLive, int(live.size()));
        QVERIFY2(live.size() <= 10, "max_concurrent exceeded");
        // Finish the calls of this pass at the next minute (they overlap with the next tick).
        clock.advanceMs(60 * 1000);
        for (const PlaceCallRequest &r : std::as_const(live)) {
            const int idx = indexOf.value(r.leadId);
            const Step step = scripts.at(idx % 5).value(r.attempt - 1, Step{"busy", ""});
            if (!step.outcome.isEmpty()) {
                Storage::CallOutcome o;
                o.outcome = step.outcome;
                if (step.outcome == QLatin1String("callback")) // "call me tomorrow at 9:30 pm" -> next window
                    o.callbackAt = clock.nowMs() + 24 * 3600 * 1000LL;
                QVERIFY(calls.setOutcome(r.callId, o, clock.nowMs()));
            }
            CallStatusReport rep;
            rep.providerSid = QStringLiteral("fake-%1").arg(r.callId);
            rep.eventType = QStringLiteral("terminal");
            rep.carrierStatus = step.status;
            rep.durationS = step.status == QLatin1String("completed") ? 60 : 0;
            auto applied = lifecycle.report(rep);
            QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
            QCOMPARE(int(applied.value()), int(CallLifecycle::Applied::Updated));
        }
        live.clear();
        clock.advanceMs(60 * 1000);
        engine.recover(); // settles "completed" calls whose outcome never came, after the grace
        if (fresh.isEmpty()) {
            // Idle: jump to the next due lead (or stop when none is left).
            Storage::DialerQueue dq(conn);
            if (dq.openLeads(campaignId).value() == 0)
                break;
            const qint64 next = dq.nextDueAt(campaignId).value();
            if (next > clock.nowMs())
                clock.setMs(next);
        }
    }
    engine.tick(); // notices there is nothing left
    QVERIFY2(iterations < 20000, "campaign did not finish");
    QCOMPARE(outsideWindow, 0);
    QVERIFY(maxLive >= 5); // the concurrency was used

    int expectedCalls = 0;
    for (int i = 0; i < leads.size(); ++i) {
        const qint64 id = leads.at(i);
        const bool dnc = i % 20 == 7;
        const int expected = dnc ? 0 : int(scripts.at(i % 5).size());
        expectedCalls += expected;
        QVERIFY(q.exec(QStringLiteral("SELECT status, attempts FROM leads WHERE id = %1").arg(id)) && q.next());
        const QString status = q.value(0).toString();
        QCOMPARE(q.value(1).toInt(), expected);
        QCOMPARE(attemptsOf.value(id), expected);
        QCOMPARE(status, dnc ? QStringLiteral("do_not_call") : finalStatus.at(i % 5));
        QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE lead_id = %1").arg(id)), expected);
    }
    QCOMPARE(int(placer.placed.size()), expectedCalls);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE settled_at IS NULL")), 0);
    // Wrong numbers are never called again but are not DNC; the 10 DNC leads stay DNC.
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'do_not_call'")), 10);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM campaigns WHERE status = 'done'")), 1);
    // The callback leads' third call happened a day later, inside the window.
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::pauseWithdrawsQueuedDials()
{
    LEADLINE_OPEN_DB(t);
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("P")}});
    QVERIFY(campaignId > 0);
    QCOMPARE(addLeads(*t.db, campaignId, 20, clock.nowMs()).size(), 20);
    FakeCallPlacer placer;
    placer.hold = true;
    DialerOptions opts;
    opts.maxPlacerBacklog = 4;
    DialerEngine engine(*t.db, clock, placer, opts);
    QCOMPARE(engine.tick().placed, 4);
    QCOMPARE(engine.tick().placed, 0); // the backlog is full
    QCOMPARE(placer.backlog(), 4);
    QSqlDatabase conn = t.conn();
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 4);

    QVERIFY(CampaignService(*t.db, clock).setStatus(campaignId, QStringLiteral("paused")).ok());
    engine.pauseCampaign(campaignId);
    QCOMPARE(placer.backlog(), 0);
    placer.releaseHeld();
    QCOMPARE(placer.placed.size(), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT SUM(attempts) FROM leads")), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE status = 'not_placed'")), 4);
    placer.hold = false;
    QCOMPARE(engine.tick().placed, 0); // paused: nothing new
    QVERIFY(CampaignService(*t.db, clock).setStatus(campaignId, QStringLiteral("running")).ok());
    QCOMPARE(engine.tick().placed, 4);

    // Paused by another node (only the database says so): the next tick withdraws queued dials.
    placer.hold = true;
    QCOMPARE(engine.tick().placed, 4);
    QCOMPARE(placer.backlog(), 4);
    QVERIFY(CampaignService(*t.db, clock).setStatus(campaignId, QStringLiteral("paused")).ok());
    QCOMPARE(engine.tick().placed, 0);
    QCOMPARE(placer.backlog(), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE status = 'not_placed'")), 8);
}

void tst_Dialer::carrierErrors()
{
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("E")},
                                                                     {QStringLiteral("max_concurrent"), 1}});
    QVERIFY(campaignId > 0);
    QCOMPARE(addLeads(*t.db, campaignId, 3, clock.nowMs()).size(), 3);
    QSqlDatabase conn = t.conn();
    FakeCallPlacer placer;
    DialerEngine engine(*t.db, clock, placer);

    // 429: not an attempt, the lead comes back after the API retry delay.
    placer.behaviour = [](const PlaceCallRequest &) -> Result<PlacedCall> {
        Error e = Error::make(Error::Code::Unavailable, QStringLiteral("Exotel rate limit reached (HTTP 429)"), QStringLiteral("exotel_rate_limited"));
        return e;
    };
    QCOMPARE(engine.tick().placed, 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT SUM(attempts) FROM leads")), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE status = 'not_placed'")), 1);

    // Network error: counted, the lead is retried per policy.
    placer.behaviour = [](const PlaceCallRequest &) -> Result<PlacedCall> {
        return Error::make(Error::Code::Unavailable, QStringLiteral("cannot reach Exotel"), QStringLiteral("exotel_network"));
    };
    QCOMPARE(engine.tick().placed, 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'retry' AND attempts = 1")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE last_outcome = 'network_error'")), 1);

    // 401: the campaign pauses with the reason recorded; the lead keeps its attempts.
    placer.behaviour = [](const PlaceCallRequest &) -> Result<PlacedCall> {
        return Error::make(Error::Code::Unauthorized, QStringLiteral("Exotel rejected the credentials (HTTP 401)"), QStringLiteral("exotel_bad_credentials"));
    };
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("pausing campaign .*credentials.*")));
    QCOMPARE(engine.tick().placed, 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM campaigns WHERE status = 'paused'")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = 'campaign_paused'")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 0);
    QCOMPARE(engine.tick().placed, 0);
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::recoveryAfterCrash()
{
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false\nleadline.campaigns.warning=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("R")}});
    QVERIFY(campaignId > 0);
    QCOMPARE(addLeads(*t.db, campaignId, 4, clock.nowMs()).size(), 4);
    QSqlDatabase conn = t.conn();
    QList<PlaceCallRequest> sent;
    {
        // The node that "crashes": dials four leads, learns two sids, and dies.
        FakeCallPlacer placer;
        placer.hold = true;
        DialerEngine engine(*t.db, clock, placer);
        QCOMPARE(engine.tick().placed, 4);
        placer.releaseHeld();
        sent = placer.placed;
    }
    QCOMPARE(sent.size(), 4);
    QSqlQuery q(conn);
    // call 0: claimed but never sent; call 1: sent, no sid; call 2: sid, completed at the
    // carrier; call 3: sid, carrier details unavailable.
    QVERIFY(q.exec(QStringLiteral("UPDATE calls SET status = 'created', provider_sid = NULL WHERE id = %1").arg(sent.at(0).callId)));
    QVERIFY(q.exec(QStringLiteral("UPDATE calls SET provider_sid = NULL WHERE id = %1").arg(sent.at(1).callId)));

    clock.advanceMs(2 * 60 * 1000);
    FakeCallPlacer placer2;
    placer2.statuses.insert(QStringLiteral("fake-%1").arg(sent.at(2).callId), ProviderCallStatus{QStringLiteral("completed"), true, 0, clock.nowMs(), 42, {}});
    DialerEngine restarted(*t.db, clock, placer2);
    QCOMPARE(restarted.recover(), 0); // nothing is old enough yet
    clock.advanceMs(20 * 60 * 1000);
    QCOMPARE(restarted.recover(), 4);

    auto status = [&](int i) -> QString {
        QSqlQuery s(conn);
        s.exec(QStringLiteral("SELECT c.status, l.status, l.attempts FROM calls c JOIN leads l ON l.id = c.lead_id WHERE c.id = %1").arg(sent.at(i).callId));
        s.next();
        return s.value(0).toString() + QLatin1Char('/') + s.value(1).toString() + QLatin1Char('/') + s.value(2).toString();
    };
    QCOMPARE(status(0), QStringLiteral("not_placed/pending/0"));
    QCOMPARE(status(1), QStringLiteral("unknown/retry/1"));
    // Completed without a conversation outcome: the lead waits for the outcome, then a grace.
    QCOMPARE(status(2), QStringLiteral("completed/calling/1"));
    QCOMPARE(status(3), QStringLiteral("unknown/retry/1"));
    clock.advanceMs(3 * 60 * 1000);
    restarted.recover();
    QCOMPARE(status(2), QStringLiteral("completed/completed/1"));
    // A late terminal webhook corrects an "unknown" call and re-runs the policy.
    CallLifecycle lifecycle(*t.db, clock);
    CallStatusReport rep;
    rep.providerSid = QStringLiteral("fake-%1").arg(sent.at(3).callId);
    rep.carrierStatus = QStringLiteral("completed");
    auto a = lifecycle.report(rep);
    QVERIFY(a.ok());
    QCOMPARE(status(3), QStringLiteral("completed/completed/1"));
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::webhookIdempotence()
{
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("W")}});
    QCOMPARE(addLeads(*t.db, campaignId, 1, clock.nowMs()).size(), 1);
    FakeCallPlacer placer;
    DialerEngine engine(*t.db, clock, placer);
    QCOMPARE(engine.tick().placed, 1);
    const QString sid = QStringLiteral("fake-%1").arg(placer.placed.first().callId);
    CallLifecycle lc(*t.db, clock);
    auto send = [&](const QString &event, const QString &status) {
        CallStatusReport r;
        r.providerSid = sid;
        r.eventType = event;
        r.carrierStatus = status;
        auto a = lc.report(r);
        return a.ok() ? int(a.value()) : -1;
    };
    using A = CallLifecycle::Applied;
    QCOMPARE(send(QStringLiteral("answered"), QStringLiteral("in-progress")), int(A::Updated));
    QCOMPARE(send(QStringLiteral("answered"), QStringLiteral("in-progress")), int(A::Duplicate));
    QCOMPARE(send(QStringLiteral("terminal"), QStringLiteral("busy")), int(A::Updated));
    QCOMPARE(send(QStringLiteral("terminal"), QStringLiteral("busy")), int(A::Duplicate));
    QCOMPARE(send(QStringLiteral("terminal"), QStringLiteral("completed")), int(A::Duplicate));
    QCOMPARE(send(QStringLiteral("ringing"), QStringLiteral("ringing")), int(A::NoChange)); // late, out of order
    CallStatusReport unknown;
    unknown.providerSid = QStringLiteral("nope");
    QCOMPARE(int(lc.report(unknown).value()), int(A::UnknownCall));
    QSqlDatabase conn = t.conn();
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE status = 'busy' AND answered_at IS NOT NULL")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT attempts FROM leads")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'retry'")), 1);
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::liveEngineFinishesFirst()
{
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("L")}});
    QCOMPARE(addLeads(*t.db, campaignId, 2, clock.nowMs()).size(), 2);
    FakeCallPlacer placer;
    DialerEngine engine(*t.db, clock, placer);
    QCOMPARE(engine.tick().placed, 2);
    QSqlDatabase conn = t.conn();
    Storage::CallRepository calls(conn);
    // Call 1: the session ends with "call me back at 17:00" before Exotel's terminal webhook.
    const qint64 c1 = placer.placed.at(0).callId;
    Storage::CallOutcome o;
    o.outcome = QStringLiteral("callback");
    o.callbackAt = istMs(QStringLiteral("2025-11-24T17:00:00"));
    QVERIFY(calls.setOutcome(c1, o, clock.nowMs()));
    QVERIFY(calls.updateStatus(c1, QStringLiteral("completed"), clock.nowMs(), clock.nowMs() - 60000, clock.nowMs()));
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 2);
    CallLifecycle lc(*t.db, clock);
    CallStatusReport rep;
    rep.providerSid = QStringLiteral("fake-%1").arg(c1);
    rep.carrierStatus = QStringLiteral("completed");
    rep.recordingUrl = QStringLiteral("https://rec.example/1.mp3");
    rep.durationS = 58;
    auto a = lc.report(rep);
    QVERIFY(a.ok());
    QCOMPARE(int(a.value()), int(CallLifecycle::Applied::NoChange));
    QVERIFY(calls.get(c1)->recordingUrl == QStringLiteral("https://rec.example/1.mp3"));
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'callback' AND next_attempt_at = %1")
                              .arg(istMs(QStringLiteral("2025-11-24T17:00:00")))), 1);
    // Call 2: carrier says completed, no outcome ever arrives: settled by recovery after the grace.
    const qint64 c2 = placer.placed.at(1).callId;
    rep.providerSid = QStringLiteral("fake-%1").arg(c2);
    QVERIFY(lc.report(rep).ok());
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 1);
    engine.recover();
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 1);
    clock.advanceMs(3 * 60 * 1000);
    engine.recover();
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'completed'")), 1);
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::twoCarrierFailuresMeanUnreachable()
{
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("U")},
                                                                     {QStringLiteral("max_attempts"), 5},
                                                                     {QStringLiteral("retry_delay_s"), 60}});
    QCOMPARE(addLeads(*t.db, campaignId, 1, clock.nowMs()).size(), 1);
    FakeCallPlacer placer;
    DialerEngine engine(*t.db, clock, placer);
    CallLifecycle lc(*t.db, clock);
    QSqlDatabase conn = t.conn();
    for (int attempt = 1; attempt <= 2; ++attempt) {
        QCOMPARE(engine.tick().placed, 1);
        CallStatusReport rep;
        rep.providerSid = QStringLiteral("fake-%1").arg(placer.placed.last().callId);
        rep.carrierStatus = QStringLiteral("failed");
        QVERIFY(lc.report(rep).ok());
        clock.advanceMs(5 * 60 * 1000);
    }
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'unreachable' AND attempts = 2")), 1);
    clock.advanceMs(60 * 60 * 1000);
    QCOMPARE(engine.tick().placed, 0);
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::threadedDialerRuns()
{
    auto t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY(t.error.isEmpty());
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("T")}});
    QCOMPARE(addLeads(*t.db, campaignId, 5, clock.nowMs()).size(), 5);
    std::atomic<int> placed{0};
    std::atomic<bool> onDialerThread{true};
    Testing::RecordingEventSink events;
    Dialer dialer(*t.db, clock, [&]() -> std::unique_ptr<CallPlacer> {
        auto p = std::make_unique<FakeCallPlacer>();
        p->onPlace = [&](const PlaceCallRequest &) {
            if (QThread::currentThread()->objectName() != QLatin1String("leadline-dialer"))
                onDialerThread = false;
            ++placed;
        };
        return p;
    }, DialerOptions{}, &events, 20, 1000);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    dialer.start();
    QVERIFY(dialer.isRunning());
    QTRY_COMPARE(placed.load(), 5);
    // Consoles hear of every dial (lead name, masked phone) and of the campaign's progress.
    const auto started = events.events(QStringLiteral("call.started"));
    QCOMPARE(started.size(), 5);
    for (const QJsonObject &e : started) {
        QCOMPARE(e.value(QStringLiteral("campaign_id")).toInteger(), campaignId);
        QVERIFY(e.value(QStringLiteral("call_id")).toInteger() > 0);
        QVERIFY(!e.value(QStringLiteral("lead_name")).toString().isEmpty());
        const QString phone = e.value(QStringLiteral("phone")).toString();
        QVERIFY2(phone.contains(QLatin1String("XXX")), qPrintable(phone));
    }
    QTRY_VERIFY(!events.events(QStringLiteral("campaign.progress")).isEmpty());
    const QJsonObject progress = events.events(QStringLiteral("campaign.progress")).last();
    QCOMPARE(progress.value(QStringLiteral("leads_total")).toInt(), 5);
    QCOMPARE(progress.value(QStringLiteral("leads_pending")).toInt() + progress.value(QStringLiteral("leads_done")).toInt(), 5);
    QCOMPARE(progress.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    dialer.pauseCampaign(campaignId);
    dialer.wake();
    dialer.stop();
    QVERIFY(!dialer.isRunning());
    QVERIFY(onDialerThread.load());
    QCOMPARE(scalar(t.conn(), QStringLiteral("SELECT COUNT(*) FROM calls WHERE provider_sid IS NOT NULL")), 5);
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::twoEnginesOnePostgres()
{
    auto t = Testing::openTestDatabase(QStringLiteral("postgres"));
    if (!t.skipReason.isEmpty())
        QSKIP(qPrintable(t.skipReason));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("Two nodes")},
                                                                     {QStringLiteral("max_concurrent"), 8}});
    QVERIFY(campaignId > 0);
    const int kLeads = 300;
    QCOMPARE(addLeads(*t.db, campaignId, kLeads, clock.nowMs()).size(), kLeads);

    std::atomic<int> capViolations{0};
    std::atomic<int> errors{0};
    auto node = [&](std::atomic<int> &placedCount) {
        // A separate Database object: its own connection, like another process.
        Storage::Database db(t.db->config());
        FakeCallPlacer placer;
        DialerOptions opts;
        opts.globalMaxConcurrent = 8;
        opts.claimBatch = 3;
        DialerEngine engine(db, clock, placer, opts);
        CallLifecycle lifecycle(db, clock);
        QElapsedTimer timer;
        timer.start();
        int done = 0;
        while (timer.elapsed() < 60000) {
            engine.tick();
            auto conn = db.connection();
            if (!conn) {
                ++errors;
                return;
            }
            Storage::DialerQueue q(conn.value());
            if (q.activeCalls(0).value() > 8)
                ++capViolations;
            for (; done < placer.placed.size(); ++done) {
                Storage::CallOutcome o;
                o.outcome = QStringLiteral("interested");
                if (!Storage::CallRepository(conn.value()).setOutcome(placer.placed.at(done).callId, o, clock.nowMs()))
                    ++errors;
                CallStatusReport rep;
                rep.providerSid = QStringLiteral("fake-%1").arg(placer.placed.at(done).callId);
                rep.carrierStatus = QStringLiteral("completed");
                if (!lifecycle.report(rep))
                    ++errors;
            }
            placedCount = int(placer.placed.size());
            if (q.openLeads(campaignId).value() == 0)
                break;
        }
    };
    std::atomic<int> placedA{0}, placedB{0};
    std::unique_ptr<QThread> a(QThread::create([&] { node(placedA); }));
    std::unique_ptr<QThread> b(QThread::create([&] { node(placedB); }));
    a->start();
    b->start();
    QVERIFY(a->wait(90000));
    QVERIFY(b->wait(90000));
    QCOMPARE(errors.load(), 0);
    QCOMPARE(capViolations.load(), 0);
    QSqlDatabase conn = t.conn();
    qInfo() << "node A dialled" << placedA.load() << "node B dialled" << placedB.load();
    QCOMPARE(placedA.load() + placedB.load(), kLeads);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls")), kLeads);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(DISTINCT lead_id) FROM calls")), kLeads);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'completed' AND attempts = 1")), kLeads);
    QLoggingCategory::setFilterRules(QString());
}

QTEST_GUILESS_MAIN(tst_Dialer)
#include "tst_dialer.moc"
