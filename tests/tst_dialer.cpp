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
#include "conversation/storagecallrecorder.h"
#include "fakes/fakecallplacer.h"
#include "fakes/fakeclock.h"
#include "fakes/recordingeventsink.h"
#include "fakes/testdatabase.h"
#include "storage/callrepository.h"
#include "storage/dialerqueue.h"
#include "storage/leadrepository.h"
#include "storage/noderegistry.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>
#include <QRandomGenerator>
#include <atomic>

using namespace Leadline;
using namespace Leadline::Campaigns;
using Testing::istMs;
using Testing::FakeCallPlacer;
using Testing::FakeClock;

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
    void statusChangesAreAtomic_data() { Testing::addBackendRows(); }
    void statusChangesAreAtomic();
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
    void settlesWhicheverHalfComesSecond_data() { Testing::addBackendRows(); }
    void settlesWhicheverHalfComesSecond();
    void racingHalvesSettleOnce_data() { Testing::addBackendRows(); }
    void racingHalvesSettleOnce();
    void cutOffCallIsRetried_data() { Testing::addBackendRows(); }
    void cutOffCallIsRetried();
    void peerTakesOverDeadNode_data() { Testing::addBackendRows(); }
    void peerTakesOverDeadNode();
    void restartedNodeTakesOverAtOnce_data() { Testing::addBackendRows(); }
    void restartedNodeTakesOverAtOnce();
    void threeNodesOneKilled();

private:
    // The real outcome writer of a node, settling like the live call engine does (app/main.cpp).
    static std::unique_ptr<Conversation::StorageCallRecorder> settlingRecorder(const Storage::Database &db, const Clock &clock,
                                                                             const QString &nodeId = {});
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

std::unique_ptr<Conversation::StorageCallRecorder> tst_Dialer::settlingRecorder(const Storage::Database &db, const Clock &clock,
                                                                                const QString &nodeId)
{
    auto r = std::make_unique<Conversation::StorageCallRecorder>(db);
    r->setSettler([&clock](QSqlDatabase &conn, qint64 callId, bool resettle) {
        return CallLifecycle::settleWithin(conn, callId, clock.nowMs(), resettle);
    });
    r->setNodeId(nodeId);
    return r;
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
        {{"no-answer", ""}, {"completed", ""}, {"completed", "interested"}},                    // 3, cut off once, completed
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
        engine.recover(); // "completed" calls whose outcome never came: cut off, retried (technical_failure)
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

// A status change and its audit event are one transaction: when the event cannot be written,
// the campaign is not paused and the call not released behind its back. Settling refuses a
// lead status outside the enum instead of writing it.
void tst_Dialer::statusChangesAreAtomic()
{
    LEADLINE_OPEN_DB(t);
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("A")}});
    QVERIFY(campaignId > 0);
    QCOMPARE(addLeads(*t.db, campaignId, 2, clock.nowMs()).size(), 2);
    QSqlDatabase conn = t.conn();
    Storage::DialerQueue queue(conn);
    int token = 0;
    auto claimed = queue.claim(campaignId, 10, 2, clock.nowMs(), {}, [&token] { return QStringLiteral("tok-%1").arg(++token); });
    QVERIFY2(claimed.ok(), claimed.ok() ? "" : qPrintable(claimed.error().message));
    QCOMPARE(claimed->claimed.size(), 2);
    const qint64 refused = claimed->claimed.at(0).callId;
    const qint64 settled = claimed->claimed.at(1).callId;

    QSqlQuery q(conn);
    QVERIFY(q.exec(QStringLiteral("ALTER TABLE events RENAME TO events_gone")));
    const Status s = queue.releaseAndPause(refused, campaignId, QStringLiteral("exotel_bad_credentials: 401"), clock.nowMs(),
                                           Storage::AuditEvent{QStringLiteral("campaign_paused"), refused, QStringLiteral("{}")});
    QVERIFY(!s.ok());
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM campaigns WHERE status = 'running'")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE status = 'created'")), 2);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 2);
    QVERIFY(q.exec(QStringLiteral("ALTER TABLE events_gone RENAME TO events")));
    QVERIFY(queue.releaseAndPause(refused, campaignId, QStringLiteral("exotel_bad_credentials: 401"), clock.nowMs(),
                                  Storage::AuditEvent{QStringLiteral("campaign_paused"), refused, QStringLiteral("{}")}).ok());
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM campaigns WHERE status = 'paused'")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = 'campaign_paused' AND call_id = %1").arg(refused)), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE status = 'not_placed'")), 1);
    // A finished campaign is not paused: Conflict, and the event is not written either.
    QVERIFY(queue.setCampaignStatus(campaignId, Storage::CampaignStatus::Done, clock.nowMs()).ok());
    const Status again = queue.setCampaignStatus(campaignId, Storage::CampaignStatus::Paused, clock.nowMs(),
                                                 Storage::AuditEvent{QStringLiteral("campaign_paused"), 0, {}});
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM events WHERE kind = 'campaign_paused'")), 1);

    // Settling: a decision naming no lead status is an error, and the lead keeps its status.
    QVERIFY(q.exec(QStringLiteral("UPDATE calls SET status = 'busy' WHERE id = %1").arg(settled)));
    auto bogus = queue.settle(settled, clock.nowMs(), [](const Storage::SettleInput &) {
        Storage::SettleOutput out;
        out.leadStatus = QStringLiteral("finished");
        return out;
    });
    QVERIFY(!bogus.ok());
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE id = %1 AND settled_at IS NULL").arg(settled)), 1);
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
    struct Preparer final : CallPreparer // told of each dial (greeting prepared while it rings)
    {
        QList<qint64> dialled, dropped;
        QStringList tokens;
        void dialing(qint64 callId, const QString &token) override { dialled.append(callId); tokens.append(token); }
        void notAnswered(qint64 callId) override { dropped.append(callId); }
    } preparer;
    DialerOptions options;
    options.preparer = &preparer;
    DialerEngine engine(*t.db, clock, placer, options);

    // 429: not an attempt, the lead comes back after the API retry delay.
    placer.behaviour = [](const PlaceCallRequest &) -> Result<PlacedCall> {
        Error e = Error::make(Error::Code::Unavailable, QStringLiteral("Exotel rate limit reached (HTTP 429)"), QStringLiteral("exotel_rate_limited"));
        return e;
    };
    QCOMPARE(engine.tick().placed, 1);
    QCOMPARE(preparer.dialled.size(), 1);
    QCOMPARE(preparer.dropped, preparer.dialled); // not placed: its greeting is dropped
    QCOMPARE(preparer.tokens.first().size(), 16);
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
    // The conversation was lost on our side: retried as a technical failure, the reason on the call.
    QCOMPARE(status(2), QStringLiteral("completed/retry/1"));
    QVERIFY(Storage::CallRepository(conn).get(sent.at(2).callId)->failureReason.startsWith(QStringLiteral("cut off:")));
    // A late terminal webhook corrects an "unknown" call and re-runs the policy: answered and no
    // outcome is still a conversation we lost.
    CallLifecycle lifecycle(*t.db, clock);
    CallStatusReport rep;
    rep.providerSid = QStringLiteral("fake-%1").arg(sent.at(3).callId);
    rep.carrierStatus = QStringLiteral("completed");
    auto a = lifecycle.report(rep);
    QVERIFY(a.ok());
    QCOMPARE(status(3), QStringLiteral("completed/retry/1"));
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE last_outcome = 'technical_failure'")), 2);
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
    // Call 2: carrier says completed, no outcome ever arrives: settled by recovery after the grace,
    // as a conversation cut off on our side (retried).
    const qint64 c2 = placer.placed.at(1).callId;
    rep.providerSid = QStringLiteral("fake-%1").arg(c2);
    QVERIFY(lc.report(rep).ok());
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 1);
    engine.recover();
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 1);
    clock.advanceMs(DialerOptions().settleGraceMs + 1000);
    engine.recover();
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'retry' AND last_outcome = 'technical_failure'")), 1);
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


// What a lead and its call say after a call: lead status / next attempt / call settled_at.
static QString settlement(QSqlDatabase conn, qint64 callId)
{
    QSqlQuery q(conn);
    q.exec(QStringLiteral("SELECT l.status, l.next_attempt_at, c.settled_at, l.last_outcome FROM calls c JOIN leads l ON l.id = c.lead_id "
                          "WHERE c.id = %1").arg(callId));
    if (!q.next())
        return QStringLiteral("(no call %1)").arg(callId);
    return QStringLiteral("%1/%2/%3/%4").arg(q.value(0).toString()).arg(q.value(1).toLongLong())
        .arg(q.value(2).isNull() ? QStringLiteral("unsettled") : q.value(2).toString(), q.value(3).toString());
}

void tst_Dialer::settlesWhicheverHalfComesSecond()
{
    // A finished call has two halves: the conversation outcome (written by the live call engine
    // with its own final status) and Exotel's terminal status callback. Whichever comes second
    // settles the lead, once; duplicates of either change nothing.
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("Halves")}});
    QCOMPARE(addLeads(*t.db, campaignId, 2, clock.nowMs()).size(), 2);
    FakeCallPlacer placer;
    DialerEngine engine(*t.db, clock, placer);
    QCOMPARE(engine.tick().placed, 2);
    QSqlDatabase conn = t.conn();
    CallLifecycle lc(*t.db, clock);
    auto recorder = settlingRecorder(*t.db, clock);
    auto terminal = [&](qint64 callId) {
        CallStatusReport r;
        r.providerSid = QStringLiteral("fake-%1").arg(callId);
        r.carrierStatus = QStringLiteral("completed");
        r.durationS = 40;
        auto a = lc.report(r);
        return a.ok() ? int(a.value()) : -1;
    };
    auto outcome = [&](qint64 callId, const Storage::CallOutcome &o) {
        recorder->finishCall(callId, o, QStringLiteral("completed"), clock.nowMs());
        recorder->flush();
    };
    using A = CallLifecycle::Applied;
    const qint64 at17 = istMs(QStringLiteral("2025-11-24T17:00:00"));

    // Status first, outcome second (the race that stranded leads until crash recovery).
    const qint64 c1 = placer.placed.at(0).callId;
    QCOMPARE(terminal(c1), int(A::Updated));
    QCOMPARE(settlement(conn, c1), QStringLiteral("calling/0/unsettled/"));
    QCOMPARE(terminal(c1), int(A::Duplicate));
    QCOMPARE(settlement(conn, c1), QStringLiteral("calling/0/unsettled/"));
    clock.advanceMs(1500);
    Storage::CallOutcome callback;
    callback.outcome = QStringLiteral("callback");
    callback.callbackAt = at17;
    outcome(c1, callback);
    const QString settled1 = QStringLiteral("callback/%1/%2/callback").arg(at17).arg(clock.nowMs());
    QCOMPARE(settlement(conn, c1), settled1);
    clock.advanceMs(1000);
    outcome(c1, callback); // the outcome delivered twice
    QCOMPARE(terminal(c1), int(A::Duplicate));
    QCOMPARE(settlement(conn, c1), settled1);

    // Outcome first, status second: the outcome carries the session's own final status, so the
    // lead settles with it; Exotel's callback then only adds what the carrier knows.
    const qint64 c2 = placer.placed.at(1).callId;
    clock.advanceMs(1000);
    Storage::CallOutcome no;
    no.outcome = QStringLiteral("not_interested");
    outcome(c2, no);
    const QString settled2 = QStringLiteral("completed/0/%1/not_interested").arg(clock.nowMs());
    QCOMPARE(settlement(conn, c2), settled2);
    clock.advanceMs(1000);
    outcome(c2, no);
    QCOMPARE(settlement(conn, c2), settled2);
    QCOMPARE(terminal(c2), int(A::NoChange));
    QCOMPARE(terminal(c2), int(A::Duplicate));
    QCOMPARE(settlement(conn, c2), settled2);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT duration_s FROM calls WHERE id = %1").arg(c2)) >= 0, true);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 0);
    QCOMPARE(recorder->droppedWrites(), 0);
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::racingHalvesSettleOnce()
{
    // Both halves at the same moment from two threads (the recorder's and this one), many times,
    // in random order: every lead settles, from the right outcome, exactly once.
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("Race")},
                                                                     {QStringLiteral("max_concurrent"), 40}});
    const int kLeads = 40;
    QCOMPARE(addLeads(*t.db, campaignId, kLeads, clock.nowMs()).size(), kLeads);
    FakeCallPlacer placer;
    DialerOptions opts;
    opts.globalMaxConcurrent = kLeads;
    opts.claimBatch = kLeads;
    opts.maxPlacerBacklog = kLeads;
    DialerEngine engine(*t.db, clock, placer, opts);
    QCOMPARE(engine.tick().placed, kLeads);
    CallLifecycle lc(*t.db, clock);
    auto recorder = settlingRecorder(*t.db, clock);
    QRandomGenerator rng(23);
    for (const PlaceCallRequest &r : std::as_const(placer.placed)) {
        Storage::CallOutcome o;
        o.outcome = r.callId % 2 ? QStringLiteral("interested") : QStringLiteral("not_interested");
        CallStatusReport rep;
        rep.providerSid = QStringLiteral("fake-%1").arg(r.callId);
        rep.carrierStatus = QStringLiteral("completed");
        if (rng.bounded(2)) {
            recorder->finishCall(r.callId, o, QStringLiteral("completed"), clock.nowMs());
            QVERIFY(lc.report(rep).ok());
        } else {
            QVERIFY(lc.report(rep).ok());
            recorder->finishCall(r.callId, o, QStringLiteral("completed"), clock.nowMs());
        }
    }
    recorder->flush();
    QSqlDatabase conn = t.conn();
    QCOMPARE(recorder->droppedWrites(), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE settled_at IS NULL")), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads l JOIN calls c ON c.lead_id = l.id WHERE l.status = 'completed' "
                                         "AND l.last_outcome = c.outcome")), kLeads);
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::cutOffCallIsRetried()
{
    // Answered, and the conversation's outcome never comes (our node crashed, or restarted, or a
    // vendor outage killed the session): not a finished conversation. The lead is retried as a
    // technical failure with the reason on the call; a late outcome still corrects it.
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("Cut")},
                                                                     {QStringLiteral("retry_delay_s"), 300}});
    QCOMPARE(addLeads(*t.db, campaignId, 2, clock.nowMs()).size(), 2);
    FakeCallPlacer placer;
    DialerOptions opts;
    opts.settleGraceMs = 10 * 1000;
    DialerEngine engine(*t.db, clock, placer, opts);
    QCOMPARE(engine.tick().placed, 2);
    QSqlDatabase conn = t.conn();
    CallLifecycle lc(*t.db, clock);
    for (const PlaceCallRequest &r : std::as_const(placer.placed)) {
        CallStatusReport rep;
        rep.providerSid = QStringLiteral("fake-%1").arg(r.callId);
        rep.carrierStatus = QStringLiteral("completed");
        rep.durationS = 75;
        QVERIFY(lc.report(rep).ok());
    }
    const qint64 c1 = placer.placed.at(0).callId;
    const qint64 c2 = placer.placed.at(1).callId;
    clock.advanceMs(9 * 1000);
    engine.recover();
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 2); // within the grace
    clock.advanceMs(2 * 1000);
    engine.recover();
    const qint64 retryAt = clock.nowMs() + 300 * 1000;
    QCOMPARE(settlement(conn, c1), QStringLiteral("retry/%1/%2/technical_failure").arg(retryAt).arg(clock.nowMs()));
    QCOMPARE(Storage::CallRepository(conn).get(c1)->failureReason, QStringLiteral("cut off: no conversation outcome within 10 s"));
    QCOMPARE(Storage::CallRepository(conn).get(c1)->status, QStringLiteral("completed"));

    // Call 2's outcome was only late (a database outage on the node that ran it): it corrects the lead.
    auto recorder = settlingRecorder(*t.db, clock);
    clock.advanceMs(5000);
    Storage::CallOutcome o;
    o.outcome = QStringLiteral("interested");
    recorder->finishCall(c2, o, QStringLiteral("completed"), clock.nowMs());
    recorder->flush();
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'completed' AND last_outcome = 'interested'")), 1);

    // The retry is dialled when due, as attempt 2.
    QCOMPARE(engine.tick().placed, 0);
    clock.setMs(retryAt);
    QCOMPARE(engine.tick().placed, 1);
    QCOMPARE(placer.placed.last().attempt, 2);
    QCOMPARE(placer.placed.last().leadId, placer.placed.at(0).leadId);
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::peerTakesOverDeadNode()
{
    // Node A dials five leads and dies (no more heartbeats). Node B does not wait for A to come
    // back nor for the long staleness bound: once A's heartbeat is older than the dead-after
    // bound, its next recovery pass takes A's calls over (one peer each) and settles them.
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("Peers")}});
    QCOMPARE(addLeads(*t.db, campaignId, 5, clock.nowMs()).size(), 5);
    auto nodeOptions = [](const QString &name) {
        DialerOptions o;
        o.nodeName = name;
        o.nodeId = name + QStringLiteral("#1");
        return o;
    };
    QSqlDatabase conn = t.conn();
    QList<PlaceCallRequest> sent;
    const qint64 diedAt = clock.nowMs();
    {
        FakeCallPlacer placerA;
        DialerEngine a(*t.db, clock, placerA, nodeOptions(QStringLiteral("a")));
        QCOMPARE(a.tick().placed, 5);
        sent = placerA.placed;
    }
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE node_id = 'a#1'")), 5);
    QSqlQuery q(conn);
    // call 3: claimed, never sent; call 4: Exotel's terminal callback reached a peer, and the
    // outcome never will (the conversation ran on A).
    QVERIFY(q.exec(QStringLiteral("UPDATE calls SET status = 'created', provider_sid = NULL WHERE id = %1").arg(sent.at(3).callId)));
    CallLifecycle lc(*t.db, clock);
    CallStatusReport rep;
    rep.providerSid = QStringLiteral("fake-%1").arg(sent.at(4).callId);
    rep.carrierStatus = QStringLiteral("completed");
    QVERIFY(lc.report(rep).ok());

    // What Exotel says: call 0 answered and ended when A's media socket dropped, call 1 busy,
    // call 2 still talking (its session runs on a node that is alive).
    FakeCallPlacer placerB;
    placerB.statuses.insert(QStringLiteral("fake-%1").arg(sent.at(0).callId), ProviderCallStatus{QStringLiteral("completed"), true, diedAt, diedAt + 1000, 30, {}});
    placerB.statuses.insert(QStringLiteral("fake-%1").arg(sent.at(1).callId), ProviderCallStatus{QStringLiteral("busy"), true, 0, diedAt, 0, {}});
    placerB.statuses.insert(QStringLiteral("fake-%1").arg(sent.at(2).callId), ProviderCallStatus{QStringLiteral("in-progress"), false, diedAt, 0, -1, {}});
    DialerEngine b(*t.db, clock, placerB, nodeOptions(QStringLiteral("b")));
    FakeCallPlacer placerC;
    DialerEngine c(*t.db, clock, placerC, nodeOptions(QStringLiteral("c")));
    clock.advanceMs(10 * 1000);
    QCOMPARE(b.recover(), 0); // A might only be slow
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 5);
    clock.advanceMs(6 * 1000); // A silent for 16 s > NODE_DEAD_AFTER_S
    QCOMPARE(b.recover(), 4);
    QCOMPARE(c.recover(), 0); // taken over once: C finds nothing left
    auto status = [&](int i) {
        QSqlQuery s(conn);
        s.exec(QStringLiteral("SELECT c.status, l.status, l.last_outcome, COALESCE(c.node_id, '') FROM calls c JOIN leads l ON l.id = c.lead_id "
                              "WHERE c.id = %1").arg(sent.at(i).callId));
        s.next();
        return QStringList{s.value(0).toString(), s.value(1).toString(), s.value(2).toString(), s.value(3).toString()}.join(QLatin1Char('/'));
    };
    QCOMPARE(status(0), QStringLiteral("completed/retry/technical_failure/b#1"));
    QCOMPARE(Storage::CallRepository(conn).get(sent.at(0).callId)->failureReason, QStringLiteral("cut off: node a#1 stopped"));
    QCOMPARE(status(1), QStringLiteral("busy/retry/busy/b#1"));
    QCOMPARE(status(2), QStringLiteral("dialing/calling//b#1")); // B owns it now; its webhook finishes it
    QCOMPARE(status(3), QStringLiteral("not_placed/pending//b#1"));
    QCOMPARE(status(4), QStringLiteral("completed/retry/technical_failure/a#1"));
    QCOMPARE(Storage::CallRepository(conn).get(sent.at(4).callId)->failureReason, QStringLiteral("cut off: node a#1 stopped"));
    QCOMPARE(placerB.placed.size() + placerC.placed.size(), 0); // recovery dials nobody
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::restartedNodeTakesOverAtOnce()
{
    // kill -9 and restart under the same name: the new run retires the old one and settles its
    // calls on its first recovery pass, without waiting for the old heartbeat to expire.
    LEADLINE_OPEN_DB(t);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("Restart")}});
    QCOMPARE(addLeads(*t.db, campaignId, 2, clock.nowMs()).size(), 2);
    DialerOptions opts;
    opts.nodeName = QStringLiteral("host:8000");
    opts.nodeId = DialerOptions::makeNodeId(opts.nodeName);
    QList<PlaceCallRequest> sent;
    {
        FakeCallPlacer placer;
        DialerEngine first(*t.db, clock, placer, opts);
        QCOMPARE(first.tick().placed, 2);
        sent = placer.placed;
    }
    clock.advanceMs(2000);
    FakeCallPlacer placer2;
    placer2.statuses.insert(QStringLiteral("fake-%1").arg(sent.at(0).callId), ProviderCallStatus{QStringLiteral("completed"), true, 0, clock.nowMs(), 20, {}});
    placer2.statuses.insert(QStringLiteral("fake-%1").arg(sent.at(1).callId), ProviderCallStatus{QStringLiteral("no-answer"), true, 0, clock.nowMs(), 0, {}});
    DialerOptions again = opts;
    again.nodeId = DialerOptions::makeNodeId(opts.nodeName);
    QVERIFY(again.nodeId != opts.nodeId);
    DialerEngine second(*t.db, clock, placer2, again);
    QCOMPARE(second.recover(), 2);
    QSqlDatabase conn = t.conn();
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'retry'")), 2);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE last_outcome = 'technical_failure'")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM nodes WHERE stopped_at IS NOT NULL")), 1);
    QLoggingCategory::setFilterRules(QString());
}

void tst_Dialer::threeNodesOneKilled()
{
    // Three nodes on one PostgreSQL, each with its own dialer, carrier client, webhook handler and
    // live call engine (the real StorageCallRecorder, settling as in app/main.cpp), on one fake
    // clock. Calls end with the outcome and Exotel's callback in either order (some delivered
    // twice, the callback reaching any node). Node "c" is killed mid-campaign: its live calls are
    // cut (Exotel ends them; some callbacks are lost) and it never comes back. Every lead settles
    // within 30 s of its call ending or its node dying, none stays "calling", no lead is ever in
    // two calls at once, and each cut call's lead is called once more (and only once).
    auto t = Testing::openTestDatabase(QStringLiteral("postgres"));
    if (!t.skipReason.isEmpty())
        QSKIP(qPrintable(t.skipReason));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.campaigns.info=false\nleadline.conversation.info=false"));
    FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    const qint64 campaignId = makeCampaign(*t.db, clock, QJsonObject{{QStringLiteral("name"), QStringLiteral("Three nodes")},
                                                                     {QStringLiteral("max_concurrent"), 9},
                                                                     {QStringLiteral("retry_delay_s"), 60}});
    QVERIFY(campaignId > 0);
    const int kLeads = 36;
    QCOMPARE(addLeads(*t.db, campaignId, kLeads, clock.nowMs()).size(), kLeads);

    struct Node
    {
        QString id;
        std::unique_ptr<Storage::Database> db;
        FakeCallPlacer placer;
        std::unique_ptr<DialerEngine> engine;
        std::unique_ptr<CallLifecycle> lifecycle;
        std::unique_ptr<Conversation::StorageCallRecorder> recorder;
        int seen = 0;
        bool alive = true;
    };
    std::vector<std::unique_ptr<Node>> nodes;
    for (const char *name : {"a", "b", "c"}) {
        auto n = std::make_unique<Node>();
        DialerOptions o;
        o.globalMaxConcurrent = 9;
        o.claimBatch = 2;
        o.nodeName = QLatin1String(name);
        o.nodeId = DialerOptions::makeNodeId(o.nodeName);
        n->id = o.nodeId;
        n->db = std::make_unique<Storage::Database>(t.db->config()); // its own connections, like another process
        n->engine = std::make_unique<DialerEngine>(*n->db, clock, n->placer, o);
        n->lifecycle = std::make_unique<CallLifecycle>(*n->db, clock);
        n->recorder = settlingRecorder(*n->db, clock, o.nodeId);
        nodes.push_back(std::move(n));
    }
    struct Call
    {
        qint64 callId = 0;
        qint64 leadId = 0;
        int node = 0;
        qint64 endAt = 0;
        qint64 endedMs = 0;  // 0 while live
        bool cut = false;
        qint64 settleFrom = 0; // the call's end, or its node's death when later
    };
    QList<Call> calls;
    QRandomGenerator rng(2323);
    auto setCarrier = [&](qint64 callId, const QString &status, qint64 endedMs) {
        for (auto &n : nodes)
            n->placer.statuses.insert(QStringLiteral("fake-%1").arg(callId), ProviderCallStatus{status, true, 0, endedMs, 30, {}});
    };
    auto anyAlive = [&]() -> Node & {
        QList<Node *> alive;
        for (auto &n : nodes)
            if (n->alive)
                alive << n.get();
        return *alive.at(int(rng.bounded(quint32(alive.size()))));
    };
    QSqlDatabase conn = t.conn();
    const QString active = QStringLiteral("'created','dialing','queued','ringing','in-progress','answered','transferring'");
    int killStep = -1; // the first moment after 20 s with node c in two calls or more
    qint64 killedAt = 0;
    int doubleCalls = 0;
    int step = 0;
    for (; step < 3000; ++step) {
        clock.advanceMs(1000);
        const qint64 now = clock.nowMs();
        int liveOnC = 0;
        for (const Call &c : std::as_const(calls))
            liveOnC += c.node == 2 && c.endedMs == 0 ? 1 : 0;
        if (killStep < 0 && step >= 20 && liveOnC >= 2) { // kill -9 of node c: nothing of it runs any more
            killStep = step;
            nodes.at(2)->alive = false;
            killedAt = now;
            for (Call &c : calls) {
                if (c.node == 2 && c.endedMs == 0) {
                    c.cut = true;
                    c.endAt = now + 1000; // Exotel ends the call when the media socket drops
                }
            }
        }
        for (int k = 0; k < int(nodes.size()); ++k) {
            const int i = (k + step) % int(nodes.size()); // each node gets to claim first in turn
            Node &n = *nodes.at(i);
            if (!n.alive)
                continue;
            n.engine->tick();
            for (; n.seen < n.placer.placed.size(); ++n.seen) {
                const PlaceCallRequest &r = n.placer.placed.at(n.seen);
                n.recorder->callAnswered(r.callId, QString(), QString(), now); // the session runs on the dialling node
                calls.append(Call{r.callId, r.leadId, i, now + 4000 + qint64(rng.bounded(12)) * 1000, 0, false, 0});
            }
        }
        for (Call &c : calls) {
            if (c.endedMs != 0 || c.endAt > now)
                continue;
            c.endedMs = now;
            c.settleFrom = c.cut ? qMax(now, killedAt) : now;
            setCarrier(c.callId, QStringLiteral("completed"), now);
            CallStatusReport rep;
            rep.providerSid = QStringLiteral("fake-%1").arg(c.callId);
            rep.carrierStatus = QStringLiteral("completed");
            rep.durationS = 30;
            if (c.cut) {
                if (rng.bounded(3) != 0) // some callbacks are lost: recovery asks Exotel instead
                    QVERIFY(anyAlive().lifecycle->report(rep).ok());
                continue;
            }
            Storage::CallOutcome o;
            o.outcome = QStringLiteral("interested");
            Node &own = *nodes.at(c.node);
            const bool outcomeFirst = rng.bounded(2) == 0;
            const int deliveries = rng.bounded(4) == 0 ? 2 : 1; // duplicates of both halves
            for (int d = 0; d < deliveries; ++d) {
                if (outcomeFirst) {
                    own.recorder->finishCall(c.callId, o, QStringLiteral("completed"), now);
                    own.recorder->flush();
                }
                QVERIFY(anyAlive().lifecycle->report(rep).ok());
                if (!outcomeFirst) {
                    own.recorder->finishCall(c.callId, o, QStringLiteral("completed"), now);
                    own.recorder->flush();
                }
            }
        }
        if (step % 5 == 0) {
            for (auto &n : nodes)
                if (n->alive)
                    n->engine->recover();
        }
        doubleCalls += scalar(conn, QStringLiteral("SELECT COUNT(*) FROM (SELECT lead_id FROM calls WHERE status IN (%1) "
                                                   "GROUP BY lead_id HAVING COUNT(*) > 1) x").arg(active));
        // Every finished call is settled within 30 s of its end (or its node's death).
        for (const Call &c : std::as_const(calls)) {
            if (c.endedMs == 0 || now - c.settleFrom <= 30000)
                continue;
            QSqlQuery q(conn);
            QVERIFY(q.exec(QStringLiteral("SELECT settled_at FROM calls WHERE id = %1").arg(c.callId)) && q.next());
            QVERIFY2(!q.value(0).isNull(), qPrintable(QStringLiteral("call %1 (node %2%3) not settled %4 s after it ended")
                                                      .arg(c.callId).arg(c.node).arg(c.cut ? ", cut" : "").arg((now - c.settleFrom) / 1000)));
            QVERIFY2(q.value(0).toLongLong() - c.settleFrom <= 30000, qPrintable(QStringLiteral("call %1 settled after %2 ms")
                                                                             .arg(c.callId).arg(q.value(0).toLongLong() - c.settleFrom)));
        }
        if (killStep >= 0 && step > killStep && Storage::DialerQueue(conn).openLeads(campaignId).value() == 0)
            break;
    }
    QVERIFY2(step < 3000, "the campaign did not finish");
    for (auto &n : nodes)
        if (n->alive)
            QCOMPARE(n->recorder->droppedWrites(), 0);
    QCOMPARE(doubleCalls, 0);
    QHash<qint64, int> cutOf;
    int cutCalls = 0;
    for (const Call &c : std::as_const(calls)) {
        cutOf[c.leadId] += c.cut ? 1 : 0;
        cutCalls += c.cut ? 1 : 0;
    }
    QHash<int, int> perNode;
    for (const Call &c : std::as_const(calls))
        perNode[c.node] += 1;
    qInfo() << "calls" << calls.size() << "cut by the kill" << cutCalls << "finished after" << step << "simulated seconds"
            << "calls per node" << perNode;
    QVERIFY(cutCalls >= 1); // the kill did hit live calls
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE settled_at IS NULL")), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'completed' AND last_outcome = 'interested'")), kLeads);
    QCOMPARE(int(calls.size()), kLeads + cutCalls);
    QSqlQuery q(conn);
    QVERIFY(q.exec(QStringLiteral("SELECT id, attempts FROM leads WHERE campaign_id = %1").arg(campaignId)));
    while (q.next()) // once, plus once more for each call our crash cut off
        QCOMPARE(q.value(1).toInt(), 1 + cutOf.value(q.value(0).toLongLong()));
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE failure_reason LIKE 'cut off: node c#%'")), cutCalls);
    QLoggingCategory::setFilterRules(QString());
}

QTEST_GUILESS_MAIN(tst_Dialer)
#include "tst_dialer.moc"
