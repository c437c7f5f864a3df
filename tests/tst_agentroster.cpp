// Sales-agent roster and agent choice for hot-lead handoffs, on SQLite and PostgreSQL: the
// repository round trip, working hours (per agent zone, days, past-midnight shifts), language
// match, fewest active handoffs below the maximum, round-robin among ties (deterministic with an
// injected clock), the lead's named agent (CSV "agent" column), and StorageHandoffDesk recording
// one handoff per call.
#include "handoff/agentselector.h"
#include "handoff/storagehandoffdesk.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "storage/callrepository.h"
#include "storage/campaignrepository.h"
#include "handoff/handoffrepository.h"
#include "storage/leadrepository.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Handoff;
using Handoff::SalesAgentRow;

using Testing::istMs;
static QDateTime ist(const QString &local) { return QDateTime::fromMSecsSinceEpoch(istMs(local), Qt::UTC); }

static SalesAgentRow agent(const QString &name, const QString &phone, QStringList langs, int max = 1)
{
    SalesAgentRow a;
    a.name = name;
    a.phoneE164 = phone;
    a.languages = std::move(langs);
    a.maxHandoffs = max;
    return a;
}

class tst_AgentRoster : public QObject
{
    Q_OBJECT
private slots:
    void workingHours();
    void namedAgentColumn();
    void choicePureRules();
    void repositoryAndSelection_data() { Testing::addBackendRows(); }
    void repositoryAndSelection();
    void deskRecordsOneHandoffPerCall_data() { Testing::addBackendRows(); }
    void deskRecordsOneHandoffPerCall();

private:
    // A campaign, `n` leads and one call per lead; returns the call ids.
    static QList<qint64> seedCalls(QSqlDatabase db, int n, qint64 *campaignId, QList<qint64> *leadIds,
                                   const QString &leadCustomJson = {});
};

void tst_AgentRoster::workingHours()
{
    SalesAgentRow a = agent(QStringLiteral("Priya"), QStringLiteral("+919800000001"), {QStringLiteral("hi")});
    // Default 10:00-19:00 Mon-Sat, Asia/Kolkata. 2025-11-24 is a Monday.
    QVERIFY(AgentSelector::inWorkingHours(a, ist(QStringLiteral("2025-11-24T10:00:00"))));
    QVERIFY(AgentSelector::inWorkingHours(a, ist(QStringLiteral("2025-11-24T18:59:00"))));
    QVERIFY(!AgentSelector::inWorkingHours(a, ist(QStringLiteral("2025-11-24T19:00:00")))); // end exclusive
    QVERIFY(!AgentSelector::inWorkingHours(a, ist(QStringLiteral("2025-11-24T09:59:00"))));
    QVERIFY(!AgentSelector::inWorkingHours(a, ist(QStringLiteral("2025-11-23T12:00:00")))); // Sunday
    // The agent's own zone: 10:00 in Dubai is 11:30 in India.
    a.timezone = QStringLiteral("Asia/Dubai");
    QVERIFY(!AgentSelector::inWorkingHours(a, ist(QStringLiteral("2025-11-24T11:00:00"))));
    QVERIFY(AgentSelector::inWorkingHours(a, ist(QStringLiteral("2025-11-24T11:30:00"))));
    // A night shift past midnight belongs to the day it started.
    SalesAgentRow n = agent(QStringLiteral("Night"), QStringLiteral("+919800000009"), {QStringLiteral("en")});
    n.workStart = QStringLiteral("20:00");
    n.workEnd = QStringLiteral("02:00");
    n.workDays = QStringLiteral("fri");
    QVERIFY(AgentSelector::inWorkingHours(n, ist(QStringLiteral("2025-11-28T23:00:00"))));  // Friday night
    QVERIFY(AgentSelector::inWorkingHours(n, ist(QStringLiteral("2025-11-29T01:30:00"))));  // early Saturday, Friday's shift
    QVERIFY(!AgentSelector::inWorkingHours(n, ist(QStringLiteral("2025-11-29T23:00:00")))); // Saturday night
}

void tst_AgentRoster::namedAgentColumn()
{
    QCOMPARE(AgentSelector::namedAgent(QJsonObject{{QStringLiteral("Agent"), QStringLiteral(" Priya ")}}), QStringLiteral("Priya"));
    QCOMPARE(AgentSelector::namedAgent(QJsonObject{{QStringLiteral("sales_agent"), QStringLiteral("Rahul")}}), QStringLiteral("Rahul"));
    QCOMPARE(AgentSelector::namedAgent(QJsonObject{{QStringLiteral("Agent Phone"), QStringLiteral("98000 00002")}}),
             QStringLiteral("98000 00002"));
    QCOMPARE(AgentSelector::namedAgent(QJsonObject{{QStringLiteral("agency"), QStringLiteral("X")}}), QString());
    QCOMPARE(AgentSelector::namedAgent(QJsonObject{{QStringLiteral("agent"), QStringLiteral("")}}), QString());
}

void tst_AgentRoster::choicePureRules()
{
    const QDateTime mon11 = ist(QStringLiteral("2025-11-24T11:00:00"));
    SalesAgentRow priya = agent(QStringLiteral("Priya Sharma"), QStringLiteral("+919800000001"), {QStringLiteral("hi"), QStringLiteral("en")}, 2);
    priya.id = 1;
    SalesAgentRow rahul = agent(QStringLiteral("Rahul Verma"), QStringLiteral("+919800000002"), {QStringLiteral("en")}, 1);
    rahul.id = 2;
    SalesAgentRow anita = agent(QStringLiteral("Anita Rao"), QStringLiteral("+919800000003"), {QStringLiteral("en")}, 1);
    anita.id = 3;
    const QList<SalesAgentRow> roster{priya, rahul, anita};

    // Language: a Hindi caller goes to the only Hindi speaker even though she is the busiest.
    QList<Handoff::AgentLoad> loads{{1, 1, 100}};
    auto c = AgentSelector::choose(roster, loads, QStringLiteral("hi"), {}, mon11);
    QVERIFY(c);
    QCOMPARE(c->agent.id, qint64(1));
    // English: fewest active handoffs; Priya has one, Rahul and Anita none; tie -> the one whose
    // last handoff is oldest (never = 0) -> Rahul (lower id among the never-used).
    c = AgentSelector::choose(roster, loads, QStringLiteral("en"), {}, mon11);
    QCOMPARE(c->agent.id, qint64(2));
    // Round-robin: Rahul just had one (finished, so no load) -> Anita next.
    loads = {{1, 1, 100}, {2, 0, 200}};
    QCOMPARE(AgentSelector::choose(roster, loads, QStringLiteral("en"), {}, mon11)->agent.id, qint64(3));
    loads = {{1, 1, 100}, {2, 0, 200}, {3, 0, 300}};
    QCOMPARE(AgentSelector::choose(roster, loads, QStringLiteral("en"), {}, mon11)->agent.id, qint64(2));
    // At their maximum: Rahul and Anita busy (1 of 1) -> Priya (1 of 2) even with more load.
    loads = {{1, 1, 100}, {2, 1, 200}, {3, 1, 300}};
    QCOMPARE(AgentSelector::choose(roster, loads, QStringLiteral("en"), {}, mon11)->agent.id, qint64(1));
    loads = {{1, 2, 100}, {2, 1, 200}, {3, 1, 300}};
    QVERIFY(!AgentSelector::choose(roster, loads, QStringLiteral("en"), {}, mon11));
    // Not available / removed / outside hours: skipped.
    QList<SalesAgentRow> r2 = roster;
    r2[1].available = false;
    r2[2].active = false;
    QCOMPARE(AgentSelector::choose(r2, {}, QStringLiteral("en"), {}, mon11)->agent.id, qint64(1));
    QVERIFY(!AgentSelector::choose(roster, {}, QStringLiteral("en"), {}, ist(QStringLiteral("2025-11-24T20:00:00"))));
    // Nobody speaks Tamil.
    QVERIFY(!AgentSelector::choose(roster, {}, QStringLiteral("ta"), {}, mon11));
    // The lead's named agent wins over language and load when she can take the call...
    c = AgentSelector::choose(roster, {{3, 0, 999}}, QStringLiteral("hi"), QStringLiteral("anita"), mon11);
    QCOMPARE(c->agent.id, qint64(3));
    QVERIFY(c->namedByLead);
    c = AgentSelector::choose(roster, {}, QStringLiteral("en"), QStringLiteral("+91 98000 00003"), mon11);
    QCOMPARE(c->agent.id, qint64(3));
    // ... and when she cannot, the usual rules apply.
    c = AgentSelector::choose(roster, {{3, 1, 999}}, QStringLiteral("hi"), QStringLiteral("Anita Rao"), mon11);
    QCOMPARE(c->agent.id, qint64(1));
    QVERIFY(!c->namedByLead);
}

QList<qint64> tst_AgentRoster::seedCalls(QSqlDatabase db, int n, qint64 *campaignId, QList<qint64> *leadIds, const QString &custom)
{
    Storage::CampaignRow camp;
    camp.name = QStringLiteral("Handoff %1").arg(QDateTime::currentMSecsSinceEpoch());
    auto c = Storage::CampaignRepository(db).create(camp, 1000);
    *campaignId = c ? c->id : 0;
    QList<qint64> calls;
    for (int i = 0; i < n; ++i) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO leads (campaign_id, name, phone_e164, custom, created_at) VALUES (?,?,?,?,1000)"));
        q.addBindValue(*campaignId);
        q.addBindValue(QStringLiteral("Lead %1").arg(i));
        q.addBindValue(QStringLiteral("+9197000000%1").arg(i, 2, 10, QLatin1Char('0')));
        q.addBindValue(custom.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(custom));
        if (!q.exec())
            qWarning() << q.lastError().text();
        q.prepare(QStringLiteral("SELECT id FROM leads WHERE campaign_id = ? AND phone_e164 = ?"));
        q.addBindValue(*campaignId);
        q.addBindValue(QStringLiteral("+9197000000%1").arg(i, 2, 10, QLatin1Char('0')));
        q.exec();
        q.next();
        const qint64 leadId = q.value(0).toLongLong();
        leadIds->append(leadId);
        Storage::CallRow call;
        call.leadId = leadId;
        call.campaignId = *campaignId;
        call.status = QStringLiteral("in-progress");
        call.providerSid = QStringLiteral("sid%1").arg(i);
        auto row = Storage::CallRepository(db).create(call, 1000);
        calls.append(row ? row->id : 0);
    }
    return calls;
}

void tst_AgentRoster::repositoryAndSelection()
{
    LEADLINE_OPEN_DB(t);
    QSqlDatabase db = t.conn();
    Handoff::HandoffRepository repo(db);
    auto priya = repo.createAgent(agent(QStringLiteral("Priya Sharma"), QStringLiteral("+919800000001"), {QStringLiteral("hi"), QStringLiteral("en")}), 1000);
    QVERIFY2(priya, qPrintable(priya ? QString() : priya.error().message));
    auto rahul = repo.createAgent(agent(QStringLiteral("Rahul Verma"), QStringLiteral("+919800000002"), {QStringLiteral("en")}), 1000);
    QVERIFY(rahul);
    auto dup = repo.createAgent(agent(QStringLiteral("Other"), QStringLiteral("+919800000002"), {QStringLiteral("en")}), 1000);
    QVERIFY(!dup);
    QCOMPARE(dup.error().code, Error::Code::Conflict);
    QCOMPARE(priya->languages, (QStringList{QStringLiteral("hi"), QStringLiteral("en")}));
    QCOMPARE(priya->workDays, QStringLiteral("mon,tue,wed,thu,fri,sat"));

    // Update, availability, removal.
    SalesAgentRow changed = rahul.value();
    changed.maxHandoffs = 2;
    changed.workStart = QStringLiteral("09:30");
    auto saved = repo.updateAgent(changed, 2000);
    QVERIFY(saved);
    QCOMPARE(saved->maxHandoffs, 2);
    QCOMPARE(saved->workStart, QStringLiteral("09:30"));
    QVERIFY(repo.setAgentAvailable(rahul->id, false, 2000));
    QCOMPARE(repo.agent(rahul->id)->available, false);
    QVERIFY(repo.setAgentAvailable(rahul->id, true, 2000));
    auto temp = repo.createAgent(agent(QStringLiteral("Temp"), QStringLiteral("+919800000005"), {QStringLiteral("en")}), 1000);
    QVERIFY(repo.deactivateAgent(temp->id, 3000));
    QCOMPARE(repo.agents()->size(), 2);
    QCOMPARE(repo.agents(true)->size(), 3);
    QVERIFY(!repo.deactivateAgent(temp->id, 3000)); // already removed: 404

    // Loads from real handoff rows drive the choice: three English calls in a row.
    qint64 campaignId = 0;
    QList<qint64> leads;
    const QList<qint64> calls = seedCalls(db, 4, &campaignId, &leads);
    QVERIFY(campaignId > 0);
    const QDateTime mon11 = ist(QStringLiteral("2025-11-24T11:00:00"));
    const qint64 now = mon11.toMSecsSinceEpoch();
    QList<qint64> chosen;
    for (int i = 0; i < 3; ++i) {
        auto c = AgentSelector::choose(repo.agents().value(), repo.loads(now - 1800000).value(), QStringLiteral("en"), {}, mon11);
        QVERIFY(c);
        chosen << c->agent.id;
        Handoff::HandoffRow h;
        h.callId = calls.at(i);
        h.leadId = leads.at(i);
        h.campaignId = campaignId;
        h.agentId = c->agent.id;
        h.requestedAt = now + i;
        QVERIFY(repo.insertHandoff(h, now + i));
    }
    // Priya max 1, Rahul max 2: Priya (tie at 0, lower id), Rahul (Priya is full), Rahul (1 of 2).
    QCOMPARE(chosen, (QList<qint64>{priya->id, rahul->id, rahul->id}));
    auto loads = repo.loads(now - 1800000);
    QCOMPARE(loads->size(), 2);
    // Everyone is full now.
    QVERIFY(!AgentSelector::choose(repo.agents().value(), loads.value(), QStringLiteral("en"), {}, mon11));
    // The final status callback frees Priya: answered, once.
    QCOMPARE(repo.finishHandoff(calls.at(0), true, now + 60000).value(), true);
    QCOMPARE(repo.finishHandoff(calls.at(0), false, now + 90000).value(), false); // duplicate: no change
    QCOMPARE(repo.handoffForCall(calls.at(0))->status, QStringLiteral("answered"));
    QCOMPARE(AgentSelector::choose(repo.agents().value(), repo.loads(now - 1800000).value(), QStringLiteral("en"), {}, mon11)->agent.id,
             priya->id);
    // Stale pending handoffs (older than the window) stop counting as load.
    QVERIFY(AgentSelector::choose(repo.agents().value(), repo.loads(now + 10).value(), QStringLiteral("en"), {}, mon11));
    // Lookup by the call's Exotel CallSid, and the stats for analytics.
    QCOMPARE(repo.handoffForProviderSid(QStringLiteral("sid1"))->agentName, QStringLiteral("Rahul Verma"));
    QVERIFY(!repo.handoffForProviderSid(QStringLiteral("nope")));
    QVERIFY(repo.finishHandoff(calls.at(1), false, now + 60000).value());
    auto stats = repo.stats(campaignId);
    QCOMPARE(stats->handoffs, qint64(3));
    QCOMPARE(stats->answered, qint64(1));
    QCOMPARE(stats->notAnswered, qint64(1));
    QCOMPARE(stats->answerRate(), 0.5);
    // Campaign switch.
    QCOMPARE(repo.campaignHandoffEnabled(campaignId).value(), false);
    QVERIFY(repo.setCampaignHandoffEnabled(campaignId, true, 5000));
    QCOMPARE(repo.campaignHandoffEnabled(campaignId).value(), true);
}

void tst_AgentRoster::deskRecordsOneHandoffPerCall()
{
    LEADLINE_OPEN_DB(t);
    QSqlDatabase db = t.conn();
    Handoff::HandoffRepository repo(db);
    QVERIFY(repo.createAgent(agent(QStringLiteral("Priya Sharma"), QStringLiteral("+919800000001"), {QStringLiteral("hi")}), 1000));
    auto rahul = repo.createAgent(agent(QStringLiteral("Rahul Verma"), QStringLiteral("+919800000002"), {QStringLiteral("en")}, 3), 1000);
    qint64 campaignId = 0;
    QList<qint64> leads;
    // The leads name Rahul in their CSV "Agent" column.
    const QList<qint64> calls = seedCalls(db, 3, &campaignId, &leads, QStringLiteral("{\"Agent\": \"Rahul\"}"));
    QVERIFY(repo.setCampaignHandoffEnabled(campaignId, true, 1000));

    Testing::FakeClock clock(istMs(QStringLiteral("2025-11-24T11:00:00")));
    HandoffDeskOptions opts;
    opts.flowMode = true;
    StorageHandoffDesk desk(*t.db, clock, opts);
    QSignalSpy recorded(&desk, &StorageHandoffDesk::handoffRequested);
    QObject ctx;

    bool enabled = false, answered = false;
    desk.checkEnabled(campaignId, &ctx, [&](bool on) { enabled = on; answered = true; });
    QTRY_VERIFY(answered);
    QVERIFY(enabled);

    // A Hindi caller whose lead names Rahul: the named agent wins.
    HandoffRequest req;
    req.callId = calls.at(0);
    req.leadId = leads.at(0);
    req.campaignId = campaignId;
    req.callerLanguage = QStringLiteral("hi");
    req.reason = QStringLiteral("asked_for_person");
    req.summary = QJsonObject{{QStringLiteral("name"), QStringLiteral("Lead 0")}, {QStringLiteral("budget"), QStringLiteral("80 lakh")}};
    std::optional<Result<HandoffDecision>> got;
    desk.requestHandoff(req, &ctx, [&](Result<HandoffDecision> d) { got = d; });
    QTRY_VERIFY(got.has_value());
    QVERIFY(got->ok());
    QVERIFY(got->value().connected);
    QCOMPARE(got->value().agentName, QStringLiteral("Rahul Verma"));
    const qint64 first = got->value().handoffId;
    // Asking again for the same call returns the same handoff (idempotent).
    got.reset();
    desk.requestHandoff(req, &ctx, [&](Result<HandoffDecision> d) { got = d; });
    QTRY_VERIFY(got.has_value());
    QCOMPARE(got->value().handoffId, first);
    QCOMPARE(recorded.size(), 1);
    auto row = repo.handoffForCall(calls.at(0));
    QCOMPARE(row->status, QStringLiteral("pending"));
    QCOMPARE(row->summary.value(QStringLiteral("budget")).toString(), QStringLiteral("80 lakh"));
    QCOMPARE(row->summary.value(QStringLiteral("named_agent")).toString(), QStringLiteral("Rahul"));
    QCOMPARE(row->smsStatus, QStringLiteral("not_configured"));

    // Rahul unavailable, a Tamil caller: nobody -> a failed handoff row, not connected.
    QVERIFY(repo.setAgentAvailable(rahul->id, false, 2000));
    req.callId = calls.at(1);
    req.leadId = leads.at(1);
    req.callerLanguage = QStringLiteral("ta");
    got.reset();
    desk.requestHandoff(req, &ctx, [&](Result<HandoffDecision> d) { got = d; });
    QTRY_VERIFY(got.has_value());
    QVERIFY(got->ok());
    QVERIFY(!got->value().connected);
    QCOMPARE(repo.handoffForCall(calls.at(1))->status, QStringLiteral("failed"));
    QCOMPARE(repo.stats(campaignId)->noAgent, qint64(1));

    // Direct mode: never enabled, whatever the campaign says.
    HandoffDeskOptions direct;
    StorageHandoffDesk directDesk(*t.db, clock, direct);
    answered = false;
    enabled = true;
    directDesk.checkEnabled(campaignId, &ctx, [&](bool on) { enabled = on; answered = true; });
    QTRY_VERIFY(answered);
    QVERIFY(!enabled);
}

QTEST_GUILESS_MAIN(tst_AgentRoster)
#include "tst_agentroster.moc"
