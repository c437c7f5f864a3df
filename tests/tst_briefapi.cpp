// The project brief over REST and the service behind it, on both databases: 404 no_brief before
// the first save, PUT stores versions 1, 2, ..., an invalid brief is refused with every problem
// and loses nothing, a YAML file is refused with a clear message.
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/httpharness.h"
#include "fakes/testdatabase.h"
#include "projects/briefservice.h"
#include "server/controllers/briefcontroller.h"
#include "storage/analyticsqueries.h"
#include "storage/callrepository.h"
#include "storage/leadrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Leadline;
using Testing::HttpReply;

class tst_BriefApi : public QObject
{
    Q_OBJECT
private slots:
    void versionsOverRest_data() { Testing::addBackendRows(); }
    void versionsOverRest();
    void importFile();
};

// The campaign the brief belongs to.
static auto createCampaign(const Storage::Database &db, const Clock &clock)
{
    return Campaigns::CampaignService(db, clock).create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Greens")}});
}

static QByteArray sampleBrief()
{
    QFile f(QFINDTESTDATA("../resources/demo_brief.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void tst_BriefApi::versionsOverRest()
{
    LEADLINE_OPEN_DB(db);
    Testing::FakeClock clock;
    auto c = createCampaign(*db.db, clock);
    QVERIFY(c);
    Projects::BriefService briefs(*db.db, clock);
    Server::BriefController api(briefs, *db.db);
    Testing::LoopbackServer server;
    api.registerRoutes(server.router);
    QVERIFY(server.start().ok());
    const QString path = QStringLiteral("/campaigns/%1/brief").arg(c->id);

    HttpReply none = server.send("GET", path);
    QCOMPARE(none.status, 404);
    QCOMPARE(none.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("no_brief"));
    QCOMPARE(server.send("GET", QStringLiteral("/campaigns/999/brief")).status, 404);

    HttpReply v1 = server.send("PUT", path, sampleBrief());
    QCOMPARE(v1.status, 200);
    QCOMPARE(v1.json.value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(v1.json.value(QStringLiteral("agent_preview")).toString().contains(QStringLiteral("78 lakh to 92 lakh")));

    QJsonObject changed = QJsonDocument::fromJson(sampleBrief()).object();
    changed.insert(QStringLiteral("possession"), QStringLiteral("March 2028"));
    HttpReply v2 = server.send("PUT", path, QJsonDocument(changed).toJson());
    QCOMPARE(v2.json.value(QStringLiteral("version")).toInt(), 2);

    // Invalid: refused with every problem, the stored brief untouched.
    changed.insert(QStringLiteral("project_name"), QString());
    changed.insert(QStringLiteral("brochure_url"), QStringLiteral("ftp://x"));
    HttpReply bad = server.send("PUT", path, QJsonDocument(changed).toJson());
    QCOMPARE(bad.status, 400);
    const QJsonObject err = bad.json.value(QStringLiteral("error")).toObject();
    QCOMPARE(err.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_brief"));
    QCOMPARE(err.value(QStringLiteral("problems")).toArray().size(), 2);
    QCOMPARE(server.send("PUT", path, "{not json").status, 400);

    HttpReply now = server.send("GET", path);
    QCOMPARE(now.status, 200);
    QCOMPARE(now.json.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(now.json.value(QStringLiteral("brief")).toObject().value(QStringLiteral("possession")).toString(), QStringLiteral("March 2028"));
    // Older versions stay (calls that used them can be explained).
    auto conn = db.db->connection();
    QVERIFY(conn);
    auto old = Storage::BriefRepository(conn.value()).version(c->id, 1);
    QVERIFY(old);
    QCOMPARE(old->brief.value(QStringLiteral("possession")).toString(), QStringLiteral("December 2027"));

    // A call that booked a visit: listed (JSON and CSV, in the lead's zone) and counted.
    Storage::LeadRow lead;
    lead.name = QStringLiteral("Asha, Patil");
    lead.phoneE164 = QStringLiteral("+919876543210");
    QVERIFY(Storage::LeadRepository(conn.value()).insertBatch(c->id, {lead}, 1));
    Storage::CallRow row;
    row.leadId = Storage::LeadRepository(conn.value()).page(c->id, 0, 10)->leads.first().id;
    row.campaignId = c->id;
    row.correlationToken = QStringLiteral("tok1");
    auto call = Storage::CallRepository(conn.value()).create(row, 1);
    QVERIFY(call);
    Storage::CallOutcome o;
    o.outcome = QStringLiteral("site_visit");
    o.siteVisitAt = 1764394200000; // Saturday 29 Nov 2025 11:00 IST
    o.siteVisitVisitors = 2;
    o.siteVisitTurn = 5;
    o.briefVersion = 2;
    QVERIFY(Storage::CallRepository(conn.value()).setOutcome(call->id, o, 2));
    HttpReply visits = server.send("GET", QStringLiteral("/campaigns/%1/site-visits").arg(c->id));
    QCOMPARE(visits.status, 200);
    const QJsonObject v = visits.json.value(QStringLiteral("site_visits")).toArray().at(0).toObject();
    QCOMPARE(v.value(QStringLiteral("local_date")).toString(), QStringLiteral("2025-11-29"));
    QCOMPARE(v.value(QStringLiteral("local_time")).toString(), QStringLiteral("11:00"));
    QCOMPARE(v.value(QStringLiteral("visitors")).toInt(), 2);
    QCOMPARE(v.value(QStringLiteral("turn")).toInt(), 5);
    QCOMPARE(v.value(QStringLiteral("brief_version")).toInt(), 2);
    const HttpReply csv = server.send("GET", QStringLiteral("/campaigns/%1/site-visits.csv").arg(c->id), {}, {});
    QVERIFY(csv.finished);
    const QList<QByteArray> lines = csv.raw.split('\n');
    QVERIFY(lines.at(0).startsWith("call_id,lead_id,name,phone,visit_date,visit_time,time_zone,visitors"));
    QVERIFY2(lines.at(1).contains(",\"Asha, Patil\",+919876543210,2025-11-29,11:00,Asia/Kolkata,2,"), lines.at(1).constData());
    auto a = Storage::AnalyticsQueries(conn.value()).campaign(c->id);
    QVERIFY(a);
    QCOMPARE(a->siteVisitsBooked, 1);
    QCOMPARE(a->qualifiedLeads, 1);
    QCOMPARE(Storage::CostEstimate::of(2, 120, 1, Storage::CostPrices{3, 0, 0, 0}).withVisits(a->siteVisitsBooked).perSiteVisit, 6.0);
}

void tst_BriefApi::importFile()
{
    auto db = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(db.error.isEmpty(), qPrintable(db.error));
    Testing::FakeClock clock;
    auto c = createCampaign(*db.db, clock);
    QVERIFY(c);
    Projects::BriefService briefs(*db.db, clock);
    auto r = briefs.importFile(c->id, QFINDTESTDATA("../resources/demo_brief.json"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->version, 1);
    QTemporaryDir dir;
    QFile yaml(dir.filePath(QStringLiteral("brief.yaml")));
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write("project_name: Greens\n");
    yaml.close();
    auto y = briefs.importFile(c->id, yaml.fileName());
    QVERIFY(!y);
    QVERIFY(y.error().message.contains(QStringLiteral("YAML is not supported")));
    QCOMPARE(briefs.get(c->id)->version, 1);
}

QTEST_GUILESS_MAIN(tst_BriefApi)
#include "tst_briefapi.moc"
