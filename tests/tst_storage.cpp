#include "fakes/testdatabase.h"
#include "storage/callrepository.h"
#include "storage/callstatus.h"
#include "storage/campaignrepository.h"
#include "storage/campaignstatus.h"
#include "storage/handoffstatus.h"
#include "storage/leadstatus.h"
#include "storage/leadrepository.h"

#include <QSqlError>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Storage;

static CampaignRow campaignNamed(const QString &name)
{
    CampaignRow c;
    c.name = name;
    return c;
}

class tst_Storage : public QObject
{
    Q_OBJECT
private slots:
    void databaseUrl_data();
    void databaseUrl();
    void migrationsAreIdempotent_data() { Testing::addBackendRows(); }
    void migrationsAreIdempotent();
    void campaigns_data() { Testing::addBackendRows(); }
    void campaigns();
    void bulkInsertAndPaging_data() { Testing::addBackendRows(); }
    void bulkInsertAndPaging();
    void bulkInsertRollsBack_data() { Testing::addBackendRows(); }
    void bulkInsertRollsBack();
    void dnc_data() { Testing::addBackendRows(); }
    void dnc();
    void callsAndTurns_data() { Testing::addBackendRows(); }
    void callsAndTurns();
    void connectionPerThread_data() { Testing::addBackendRows(); }
    void connectionPerThread();
    void statusConstraints_data() { Testing::addBackendRows(); }
    void statusConstraints();
};

void tst_Storage::databaseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::newRow("empty -> embedded sqlite") << "" << true << false << "" << 5432 << "" << "" << "/default.sqlite";
    QTest::newRow("postgresql://") << "postgresql://lead:pw@db.internal:6543/leadline" << true << true << "db.internal" << 6543 << "lead" << "pw" << "leadline";
    QTest::newRow("postgres://") << "postgres://lead:pw@localhost/leads" << true << true << "localhost" << 5432 << "lead" << "pw" << "leads";
    QTest::newRow("seed's asyncpg form") << "postgresql+asyncpg://voice:s3cret@127.0.0.1:5432/voiceai" << true << true << "127.0.0.1" << 5432 << "voice" << "s3cret" << "voiceai";
    QTest::newRow("percent-encoded password") << "postgresql://u:p%40ss@h/d" << true << true << "h" << 5432 << "u" << "p@ss" << "d";
    QTest::newRow("no database -> user name") << "postgresql://lead@h" << true << true << "h" << 5432 << "lead" << "" << "lead";
    QTest::newRow("sqlite path") << "sqlite:///var/lib/leadline/x.sqlite" << true << false << "" << 5432 << "" << "" << "/var/lib/leadline/x.sqlite";
    QTest::newRow("mysql is refused") << "mysql://u:p@h/d" << false << false << "" << 0 << "" << "" << "";
    QTest::newRow("garbage is refused") << "not a url" << false << false << "" << 0 << "" << "" << "";
}

void tst_Storage::databaseUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QFETCH(bool, postgres);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, database);
    auto cfg = DatabaseConfig::fromUrl(url, QStringLiteral("/default.sqlite"));
    QCOMPARE(cfg.ok(), ok);
    if (!ok) {
        QVERIFY(!cfg.error().message.contains(QStringLiteral(":p@")));
        return;
    }
    QCOMPARE(cfg->kind == DatabaseConfig::Kind::Postgres, postgres);
    QCOMPARE(cfg->databaseName, database);
    if (postgres) {
        QCOMPARE(cfg->host, host);
        QCOMPARE(cfg->port, port);
        QCOMPARE(cfg->user, user);
        QCOMPARE(cfg->password, password);
        QVERIFY(password.isEmpty() || !cfg->describe().contains(password));
    }
}

void tst_Storage::migrationsAreIdempotent()
{
    LEADLINE_OPEN_DB(t);
    auto version = Migrator::currentVersion(t.conn());
    QVERIFY(version.ok());
    QCOMPARE(version.value(), Migrator::all().constLast().version);
    auto again = Migrator::migrate(t.conn());
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(again.value(), 0);
    QSqlQuery q(t.conn());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), Migrator::all().size());
    for (const char *table : {"campaigns", "leads", "calls", "turns", "dnc", "events"})
        QVERIFY2(q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))), table);
    // leads_status_idx is gone: leads_due_idx (campaign_id, status, next_attempt_at) covers it.
    const QString indexQuery = t.conn().driverName() == QLatin1String("QPSQL")
                                   ? QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename = 'leads'")
                                   : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads'");
    QVERIFY(q.exec(indexQuery));
    QStringList indexes;
    while (q.next())
        indexes << q.value(0).toString();
    QVERIFY2(indexes.contains(QStringLiteral("leads_due_idx")), qPrintable(indexes.join(QLatin1Char(' '))));
    QVERIFY2(!indexes.contains(QStringLiteral("leads_status_idx")), qPrintable(indexes.join(QLatin1Char(' '))));
}

void tst_Storage::campaigns()
{
    LEADLINE_OPEN_DB(t);
    CampaignRepository repo(t.conn());
    CampaignRow in;
    in.name = QStringLiteral("Whitefield launch");
    auto created = repo.create(in, 1000);
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    QVERIFY(created->id > 0);
    QCOMPARE(created->windowStart, QStringLiteral("10:00"));
    QCOMPARE(created->windowEnd, QStringLiteral("19:00"));
    QCOMPARE(created->callingDays, QStringLiteral("mon,tue,wed,thu,fri,sat"));
    QCOMPARE(created->timezone, QStringLiteral("Asia/Kolkata"));
    QCOMPARE(created->maxConcurrent, 10);
    QCOMPARE(created->maxAttempts, 3);
    QCOMPARE(created->createdAt, 1000);

    auto dup = repo.create(in, 2000);
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().code, Error::Code::Conflict);

    QVERIFY(repo.setStatus(created->id, CampaignStatus::Paused, 3000).ok());
    auto got = repo.get(created->id);
    QVERIFY(got.ok());
    QCOMPARE(got->status, QStringLiteral("paused"));
    QCOMPARE(got->updatedAt, 3000);
    QCOMPARE(repo.get(created->id + 100).error().code, Error::Code::NotFound);
    QCOMPARE(repo.setStatus(created->id + 100, CampaignStatus::Paused, 1).error().code, Error::Code::NotFound);

    CampaignRow second;
    second.name = QStringLiteral("Second");
    QVERIFY(repo.create(second, 4000).ok());
    auto all = repo.list();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(1).name, QStringLiteral("Second"));

    // The transition table guards the write: a finished campaign is not paused, nor made a draft again.
    QVERIFY(repo.setStatus(created->id, CampaignStatus::Done, 5000).ok());
    const Status refused = repo.setStatus(created->id, CampaignStatus::Paused, 6000);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QCOMPARE(repo.setStatus(created->id, CampaignStatus::Draft, 6000).error().code, Error::Code::Conflict);
    QCOMPARE(repo.get(created->id)->status, QStringLiteral("done"));
    QCOMPARE(repo.get(created->id)->updatedAt, 5000);
    QVERIFY(repo.setStatus(created->id, CampaignStatus::Running, 7000).ok()); // started again
}

static QList<LeadRow> makeLeads(int n, int offset = 0)
{
    QList<LeadRow> rows;
    for (int i = 0; i < n; ++i) {
        LeadRow r;
        r.name = QStringLiteral("Lead\t%1 \"quoted\" \\ back\nslash").arg(i + offset);
        r.phoneE164 = QStringLiteral("+9198%1").arg(i + offset, 8, 10, QLatin1Char('0'));
        r.city = QStringLiteral("बेंगलुरु");
        if (i % 2)
            r.custom = QJsonObject{{QStringLiteral("Lead Source"), QStringLiteral("99acres")}};
        r.sourceLine = i + 2;
        rows.append(r);
    }
    return rows;
}

void tst_Storage::bulkInsertAndPaging()
{
    // On PostgreSQL the bulk path must be COPY, not the row-by-row fallback.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("falls back to INSERT")));
    LEADLINE_OPEN_DB(t);
    auto campaign = CampaignRepository(t.conn()).create(campaignNamed(QStringLiteral("Bulk")), 1);
    QVERIFY(campaign.ok());
    LeadRepository leads(t.conn());
    QVERIFY(t.conn().transaction());
    QVERIFY(leads.lockCampaignForImport(campaign->id).ok());
    const QList<LeadRow> rows = makeLeads(1234);
    Status s = leads.insertBatch(campaign->id, rows, 42);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QVERIFY(t.conn().commit());

    auto count = leads.count(campaign->id);
    QVERIFY(count.ok());
    QCOMPARE(count.value(), 1234);
    auto phones = leads.phonesOfCampaign(campaign->id);
    QVERIFY(phones.ok());
    QCOMPARE(phones->size(), 1234);
    QVERIFY(phones->contains(QStringLiteral("+919800000007")));

    // Keyset paging walks every row exactly once, and special characters survive COPY escaping.
    qint64 after = 0;
    int seen = 0;
    do {
        auto page = leads.page(campaign->id, after, 500);
        QVERIFY(page.ok());
        QCOMPARE(page->total, 1234);
        for (const LeadRow &r : page->leads) {
            QCOMPARE(r.name, rows.at(seen).name);
            QCOMPARE(r.phoneE164, rows.at(seen).phoneE164);
            QCOMPARE(r.city, rows.at(seen).city);
            QCOMPARE(r.custom, rows.at(seen).custom);
            QCOMPARE(r.status, QStringLiteral("pending"));
            QCOMPARE(r.sourceLine, rows.at(seen).sourceLine);
            ++seen;
        }
        after = page->nextAfterId;
    } while (after != 0);
    QCOMPARE(seen, 1234);

    auto filtered = leads.page(campaign->id, 0, 10, QStringLiteral("done"));
    QVERIFY(filtered.ok());
    QCOMPARE(filtered->total, 0);

    // Reading leads again by id: in id order, more ids than one query takes, other campaigns'
    // and unknown ids skipped.
    auto first = leads.page(campaign->id, 0, 1000);
    QVERIFY(first.ok());
    QList<qint64> ids;
    for (int i = int(first->leads.size()) - 1; i >= 0; i -= 2)
        ids << first->leads.at(i).id; // 500 ids, newest first
    ids << 0 << 99999999;
    QVERIFY(ids.size() > LeadRepository::kMaxIdsPerQuery);
    auto other = CampaignRepository(t.conn()).create(campaignNamed(QStringLiteral("Other")), 1);
    QVERIFY(other.ok());
    auto some = leads.byIds(other->id, ids);
    QVERIFY(some.ok());
    QCOMPARE(some->size(), 0);
    some = leads.byIds(campaign->id, ids);
    QVERIFY2(some.ok(), some.ok() ? "" : qPrintable(some.error().message));
    QCOMPARE(some->size(), 500);
    QCOMPARE(some->first().id, first->leads.at(1).id);
    QCOMPARE(some->first().name, rows.at(1).name);
    QCOMPARE(some->first().custom, rows.at(1).custom);
    for (int i = 1; i < some->size(); ++i)
        QVERIFY(some->at(i - 1).id < some->at(i).id);
}

void tst_Storage::bulkInsertRollsBack()
{
    LEADLINE_OPEN_DB(t);
    auto campaign = CampaignRepository(t.conn()).create(campaignNamed(QStringLiteral("Rollback")), 1);
    QVERIFY(campaign.ok());
    LeadRepository leads(t.conn());
    QVERIFY(t.conn().transaction());
    QVERIFY(leads.insertBatch(campaign->id, makeLeads(10), 1).ok());
    // The same numbers again violate UNIQUE(campaign_id, phone_e164): the batch must fail.
    QVERIFY(!leads.insertBatch(campaign->id, makeLeads(3), 1).ok());
    QVERIFY(t.conn().rollback());
    QCOMPARE(leads.count(campaign->id).value(), 0);
}

void tst_Storage::dnc()
{
    LEADLINE_OPEN_DB(t);
    LeadRepository repo(t.conn());
    QVERIFY(repo.addDnc(QStringLiteral("+919811122233"), QStringLiteral("test"), 1).ok());
    QVERIFY(repo.addDnc(QStringLiteral("+919811122233"), QStringLiteral("again"), 2).ok()); // idempotent
    QVERIFY(repo.isOnDnc(QStringLiteral("+919811122233")).value());
    QVERIFY(!repo.isOnDnc(QStringLiteral("+919811122234")).value());
    QCOMPARE(repo.dncPhones().value(), QSet<QString>{QStringLiteral("+919811122233")});
}

void tst_Storage::callsAndTurns()
{
    LEADLINE_OPEN_DB(t);
    auto campaign = CampaignRepository(t.conn()).create(campaignNamed(QStringLiteral("Calls")), 1);
    QVERIFY(campaign.ok());
    LeadRepository leads(t.conn());
    QVERIFY(leads.insertBatch(campaign->id, makeLeads(1), 1).ok());
    const qint64 leadId = leads.page(campaign->id, 0, 1)->leads.at(0).id;

    CallRepository calls(t.conn());
    CallRow in;
    in.leadId = leadId;
    in.campaignId = campaign->id;
    in.correlationToken = QStringLiteral("51af21b4639e01df");
    auto call = calls.create(in, 1000);
    QVERIFY2(call.ok(), call.ok() ? "" : qPrintable(call.error().message));
    QCOMPARE(call->status, QStringLiteral("created"));
    QVERIFY(calls.setProviderSid(call->id, QStringLiteral("3bb4427137fcec2783d354616a53381b"), 1100).ok());
    QCOMPARE(calls.findByToken(in.correlationToken)->id, call->id);
    QCOMPARE(calls.findByProviderSid(QStringLiteral("3bb4427137fcec2783d354616a53381b"))->id, call->id);
    QCOMPARE(calls.findByToken(QStringLiteral("nope")).error().code, Error::Code::NotFound);

    QVERIFY(calls.updateStatus(call->id, QStringLiteral("in-progress"), 2000, 2000).ok());
    QVERIFY(calls.updateStatus(call->id, QStringLiteral("completed"), 65000, 0, 64500).ok());
    // A duplicate terminal update does not move the first timestamps.
    QVERIFY(calls.updateStatus(call->id, QStringLiteral("completed"), 70000, 9999, 69999).ok());
    auto done = calls.get(call->id);
    QCOMPARE(done->answeredAt, 2000);
    QCOMPARE(done->endedAt, 64500);
    QCOMPARE(done->durationS, 62);

    CallOutcome outcome;
    outcome.outcome = QStringLiteral("interested");
    outcome.budgetMin = 5000000;
    outcome.budgetMax = 6000000;
    outcome.budgetText = QStringLiteral("50 to 60 lakh");
    outcome.callbackAt = 1800000000000;
    outcome.fields = QJsonObject{{QStringLiteral("budget"), QJsonObject{{QStringLiteral("turn"), 3}}}};
    QVERIFY(calls.setOutcome(call->id, outcome, 66000).ok());
    done = calls.get(call->id);
    QCOMPARE(done->outcome, QStringLiteral("interested"));
    QCOMPARE(done->budgetMin, 5000000);
    QCOMPARE(done->budgetMax, 6000000);
    QCOMPARE(done->callbackAt, 1800000000000);
    QCOMPARE(done->fields, outcome.fields);

    QList<TurnRow> turns;
    for (int i = 0; i < 3; ++i) {
        TurnRow tr;
        tr.callId = call->id;
        tr.index = i;
        tr.speaker = i % 2 ? QStringLiteral("caller") : QStringLiteral("agent");
        tr.text = QStringLiteral("नमस्ते turn %1").arg(i);
        tr.language = QStringLiteral("hi");
        tr.startedMs = i * 1000;
        tr.endedMs = i * 1000 + 800;
        tr.llmMs = i == 2 ? 321 : -1;
        turns.append(tr);
    }
    QVERIFY(calls.insertTurns(turns).ok());
    QVERIFY(calls.insertTurns(turns).ok()); // retried batch: no duplicates
    auto stored = calls.turns(call->id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), 3);
    QCOMPARE(stored->at(2).text, turns.at(2).text);
    QCOMPARE(stored->at(2).llmMs, 321);
    QCOMPARE(stored->at(1).llmMs, -1);
}

void tst_Storage::connectionPerThread()
{
    LEADLINE_OPEN_DB(t);
    const QString mainName = t.conn().connectionName();
    QString otherName;
    bool otherOk = false;
    QThread thread;
    QObject ctx;
    ctx.moveToThread(&thread);
    QObject::connect(&thread, &QThread::started, &ctx, [&] {
        auto c = t.db->connection();
        otherOk = c.ok() && c->isOpen();
        if (c) {
            otherName = c->connectionName();
            QSqlQuery q(c.value());
            otherOk = otherOk && q.exec(QStringLiteral("SELECT COUNT(*) FROM campaigns")) && q.next();
        }
        thread.quit();
    });
    thread.start();
    QVERIFY(thread.wait(10000));
    QVERIFY(otherOk);
    QVERIFY(otherName != mainName);
    // The finished thread's connection was removed.
    QVERIFY(!QSqlDatabase::contains(otherName));
}

// Migration 12: the database itself refuses a status outside its enum, on insert and update,
// and takes every value of the enum.
void tst_Storage::statusConstraints()
{
    LEADLINE_OPEN_DB(t);
    QSqlDatabase db = t.conn();
    QSqlQuery q(db);
    auto exec = [&](const QString &sql) { return q.exec(sql); };
    QVERIFY2(exec(QStringLiteral("INSERT INTO campaigns (name, created_at, updated_at) VALUES ('c', 1, 1)")), qPrintable(q.lastError().text()));
    QVERIFY(!exec(QStringLiteral("INSERT INTO campaigns (name, status, created_at, updated_at) VALUES ('d', 'finished', 1, 1)")));
    QVERIFY(!exec(QStringLiteral("UPDATE campaigns SET status = 'Running' WHERE name = 'c'")));
    for (const QString &s : statusNames<CampaignStatus>())
        QVERIFY2(exec(QStringLiteral("UPDATE campaigns SET status = '%1' WHERE name = 'c'").arg(s)), qPrintable(s + q.lastError().text()));
    QVERIFY(exec(QStringLiteral("SELECT id FROM campaigns WHERE name = 'c'")) && q.next());
    const qint64 campaign = q.value(0).toLongLong();

    QVERIFY2(exec(QStringLiteral("INSERT INTO leads (campaign_id, phone_e164, created_at) VALUES (%1, '+919800000001', 1)").arg(campaign)),
             qPrintable(q.lastError().text()));
    QVERIFY(!exec(QStringLiteral("INSERT INTO leads (campaign_id, phone_e164, status, created_at) VALUES (%1, '+919800000002', 'queued', 1)")
                      .arg(campaign)));
    QVERIFY(!exec(QStringLiteral("UPDATE leads SET status = '' WHERE campaign_id = %1").arg(campaign)));
    for (const QString &s : statusNames<LeadStatus>())
        QVERIFY2(exec(QStringLiteral("UPDATE leads SET status = '%1' WHERE campaign_id = %2").arg(s).arg(campaign)), qPrintable(s + q.lastError().text()));
    QVERIFY(exec(QStringLiteral("SELECT id FROM leads WHERE campaign_id = %1").arg(campaign)) && q.next());
    const qint64 lead = q.value(0).toLongLong();

    QVERIFY2(exec(QStringLiteral("INSERT INTO calls (lead_id, campaign_id, created_at, updated_at) VALUES (%1, %2, 1, 1)").arg(lead).arg(campaign)),
             qPrintable(q.lastError().text()));
    QVERIFY(!exec(QStringLiteral("INSERT INTO calls (lead_id, campaign_id, status, created_at, updated_at) VALUES (%1, %2, 'no_answer', 1, 1)")
                      .arg(lead).arg(campaign)));
    QVERIFY(!exec(QStringLiteral("UPDATE calls SET status = 'in_progress' WHERE lead_id = %1").arg(lead)));
    for (const QString &s : statusNames<CallStatus>())
        QVERIFY2(exec(QStringLiteral("UPDATE calls SET status = '%1' WHERE lead_id = %2").arg(s).arg(lead)), qPrintable(s + q.lastError().text()));
    // The outcome is not constrained: the language model may name one of its own.
    QVERIFY(exec(QStringLiteral("UPDATE calls SET outcome = 'site_visit_maybe' WHERE lead_id = %1").arg(lead)));

    QVERIFY2(exec(QStringLiteral("INSERT INTO handoffs (call_id, lead_id, campaign_id, requested_at, updated_at) VALUES (1, %1, %2, 1, 1)")
                      .arg(lead).arg(campaign)),
             qPrintable(q.lastError().text()));
    QVERIFY(!exec(QStringLiteral("INSERT INTO handoffs (call_id, lead_id, campaign_id, requested_at, status, updated_at) "
                                 "VALUES (2, %1, %2, 1, 'ringing', 1)").arg(lead).arg(campaign)));
    QVERIFY(!exec(QStringLiteral("UPDATE handoffs SET status = 'done' WHERE call_id = 1")));
    for (const QString &s : statusNames<HandoffStatus>())
        QVERIFY2(exec(QStringLiteral("UPDATE handoffs SET status = '%1' WHERE call_id = 1").arg(s)), qPrintable(s + q.lastError().text()));

    // The refused writes changed nothing.
    QVERIFY(exec(QStringLiteral("SELECT COUNT(*) FROM campaigns")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(exec(QStringLiteral("SELECT status FROM calls WHERE lead_id = %1").arg(lead)) && q.next());
    QCOMPARE(q.value(0).toString(), statusNames<CallStatus>().constLast());
}

QTEST_GUILESS_MAIN(tst_Storage)
#include "tst_storage.moc"
