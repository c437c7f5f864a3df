// CampaignService on both databases: validation, and CSV import end to end into storage with the
// shared fixtures (tests/data/leads), including the whole-file rollback.
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "storage/leadrepository.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Campaigns;

class tst_CampaignService : public QObject
{
    Q_OBJECT
private slots:
    void createValidation_data();
    void createValidation();
    void importFixtures_data();
    void importFixtures();
    void badEncodingStoresNothing_data() { Testing::addBackendRows(); }
    void badEncodingStoresNothing();
    void reimportSkipsExisting_data() { Testing::addBackendRows(); }
    void reimportSkipsExisting();
    void startGuardKeepsCampaignStopped();
};

void tst_CampaignService::createValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("name only") << QByteArray(R"({"name":"Test"})") << true << "";
    QTest::newRow("full") << QByteArray(R"({"name":"Full","calling_window":{"start":"09:30","end":"18:00","days":["mon","tue"]},"timezone":"Asia/Kolkata","max_concurrent":5,"max_attempts":2,"retry_delay_s":600})") << true << "";
    QTest::newRow("missing name") << QByteArray(R"({})") << false << "name";
    QTest::newRow("blank name") << QByteArray(R"({"name":"   "})") << false << "name";
    QTest::newRow("name not a string") << QByteArray(R"({"name":5})") << false << "name";
    QTest::newRow("window reversed") << QByteArray(R"({"name":"W","calling_window":{"start":"19:00","end":"10:00"}})") << false << "before";
    QTest::newRow("window not a time") << QByteArray(R"({"name":"W","calling_window":{"start":"10am"}})") << false << "HH:MM";
    QTest::newRow("unknown day") << QByteArray(R"({"name":"W","calling_window":{"days":"mon,funday"}})") << false << "funday";
    QTest::newRow("bad timezone") << QByteArray(R"({"name":"W","timezone":"Mars/Olympus"})") << false << "time zone";
    QTest::newRow("zero concurrency") << QByteArray(R"({"name":"W","max_concurrent":0})") << false << "max_concurrent";
    QTest::newRow("fractional attempts") << QByteArray(R"({"name":"W","max_attempts":2.5})") << false << "integer";
    QTest::newRow("tiny retry delay") << QByteArray(R"({"name":"W","retry_delay_s":5})") << false << "retry_delay_s";
}

void tst_CampaignService::createValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QString, messagePart);
    auto t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    CampaignService service(*t.db, clock);
    auto created = service.create(QJsonDocument::fromJson(body).object());
    QCOMPARE(created.ok(), ok);
    if (!ok) {
        QCOMPARE(created.error().code, Error::Code::Validation);
        QVERIFY2(created.error().message.contains(messagePart), qPrintable(created.error().message));
        QCOMPARE(service.list().value().size(), 0);
    } else {
        QCOMPARE(created->createdAt, clock.nowMs());
    }
}

static QString leadsDir() { return QStringLiteral(LEADLINE_TESTDATA_DIR "/leads"); }

void tst_CampaignService::importFixtures_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("fixture");
    const QStringList files = QDir(leadsDir()).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), "no lead fixtures found");
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")})
        for (const QString &f : files)
            QTest::newRow(qPrintable(backend + QLatin1Char('/') + f)) << backend << f;
}

void tst_CampaignService::importFixtures()
{
    QFETCH(QString, fixture);
    LEADLINE_OPEN_DB(t);
    QFile expectedFile(leadsDir() + QLatin1Char('/') + QString(fixture).replace(QLatin1String(".csv"), QLatin1String(".expected.json")));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();

    Testing::FakeClock clock;
    CampaignService service(*t.db, clock);
    auto campaign = service.create(QJsonObject{{QStringLiteral("name"), fixture}});
    QVERIFY(campaign.ok());

    // Preconditions: DNC numbers and leads the campaign already had.
    Storage::LeadRepository repo(t.conn());
    const QJsonObject pre = expected.value(QStringLiteral("preconditions")).toObject();
    for (const QJsonValue &v : pre.value(QStringLiteral("dnc")).toArray())
        QVERIFY(repo.addDnc(v.toString(), QStringLiteral("test"), 1).ok());
    QList<Storage::LeadRow> existing;
    for (const QJsonValue &v : pre.value(QStringLiteral("existing_leads")).toArray()) {
        Storage::LeadRow r;
        r.phoneE164 = v.toString();
        existing.append(r);
    }
    QVERIFY(repo.insertBatch(campaign->id, existing, 1).ok());

    QFile csv(leadsDir() + QLatin1Char('/') + fixture);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    auto report = service.importCsv(campaign->id, csv);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QCOMPARE(report->accepted, expected.value(QStringLiteral("accepted")).toInt());

    const QJsonArray expRejected = expected.value(QStringLiteral("rejected")).toArray();
    QCOMPARE(report->rejected.size(), expRejected.size());
    for (int i = 0; i < expRejected.size(); ++i) {
        const QJsonObject e = expRejected.at(i).toObject();
        QCOMPARE(report->rejected.at(i).line, e.value(QStringLiteral("line")).toInt());
        QCOMPARE(report->rejected.at(i).reason, e.value(QStringLiteral("reason")).toString());
        QVERIFY(!report->rejected.at(i).detail.isEmpty());
    }

    // What landed in the database is exactly the accepted rows, in file order.
    auto page = repo.page(campaign->id, 0, 1000);
    QVERIFY(page.ok());
    QList<Storage::LeadRow> stored;
    for (const auto &l : page->leads)
        if (l.sourceLine > 0)
            stored.append(l);
    const QJsonArray expRows = expected.value(QStringLiteral("accepted_rows")).toArray();
    QCOMPARE(stored.size(), expRows.size());
    for (int i = 0; i < expRows.size(); ++i) {
        const QJsonObject e = expRows.at(i).toObject();
        QCOMPARE(stored.at(i).sourceLine, e.value(QStringLiteral("line")).toInt());
        QCOMPARE(stored.at(i).phoneE164, e.value(QStringLiteral("phone")).toString());
        QCOMPARE(stored.at(i).name, e.value(QStringLiteral("name")).toString());
        if (e.contains(QStringLiteral("custom")))
            QCOMPARE(stored.at(i).custom, e.value(QStringLiteral("custom")).toObject());
    }
}

void tst_CampaignService::badEncodingStoresNothing()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    CampaignService service(*t.db, clock);
    auto campaign = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Latin-1")}});
    QVERIFY(campaign.ok());
    // 20,000 good rows (several sink batches), then one Latin-1 byte: nothing may be stored.
    QByteArray csv = "name,phone\n";
    for (int i = 0; i < 20000; ++i)
        csv += "Lead " + QByteArray::number(i) + ",+9198" + QByteArray::number(i).rightJustified(8, '0') + "\n";
    const qsizetype badOffset = csv.size() + 3; // "Jos" then the bad byte
    csv += "Jos\xe9,9876543210\n";
    QBuffer buf(&csv);
    buf.open(QIODevice::ReadOnly);
    auto report = service.importCsv(campaign->id, buf);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::BadEncoding);
    QCOMPARE(report.error().codeName(), QStringLiteral("bad_encoding"));
    QVERIFY2(report.error().message.contains(QString::number(badOffset)), qPrintable(report.error().message));
    QCOMPARE(Storage::LeadRepository(t.conn()).count(campaign->id).value(), 0);
}

void tst_CampaignService::reimportSkipsExisting()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    CampaignService service(*t.db, clock);
    auto campaign = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Twice")}});
    QVERIFY(campaign.ok());
    for (int round = 0; round < 2; ++round) {
        QFile csv(leadsDir() + QStringLiteral("/basic_clean.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        auto report = service.importCsv(campaign->id, csv);
        QVERIFY(report.ok());
        if (round == 0) {
            QVERIFY(report->accepted > 0);
            QVERIFY(report->rejected.isEmpty());
        } else {
            QCOMPARE(report->accepted, 0);
            QVERIFY(!report->rejected.isEmpty());
            for (const auto &r : report->rejected)
                QCOMPARE(r.reason, QStringLiteral("duplicate_existing"));
        }
    }
    auto unknown = service.importCsv(campaign->id + 99, *new QBuffer(this));
    QCOMPARE(unknown.error().code, Error::Code::NotFound);
}

QTEST_GUILESS_MAIN(tst_CampaignService)
void tst_CampaignService::startGuardKeepsCampaignStopped()
{
    // ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS: the guard's refusal reaches the caller and nothing starts.
    auto t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    CampaignService service(*t.db, clock);
    auto campaign = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Guarded")}});
    QVERIFY(campaign.ok());
    bool allow = false;
    service.setStartGuard([&allow]() -> Status {
        if (allow)
            return okStatus();
        return Error::make(Error::Code::Unprocessable, QStringLiteral("set ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS"));
    });
    auto refused = service.setStatus(campaign->id, QStringLiteral("running"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Unprocessable);
    QCOMPARE(service.get(campaign->id)->status, QStringLiteral("draft"));
    QVERIFY(service.setStatus(campaign->id, QStringLiteral("paused")).ok()); // only starting is guarded
    allow = true;
    QCOMPARE(service.setStatus(campaign->id, QStringLiteral("running"))->status, QStringLiteral("running"));
}

#include "tst_campaignservice.moc"
