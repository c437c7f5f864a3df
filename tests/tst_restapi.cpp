// The REST surface over real loopback HTTP: ServerPool with two workers on one port, the seed's
// curl quick start (create campaign, multipart upload), paging, JSON errors, auth and limits.
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/httpharness.h"
#include "fakes/testdatabase.h"
#include "server/requestauth.h"
#include "server/restapi.h"
#include "server/serverpool.h"

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace Leadline;

class tst_RestApi : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void health();
    void quickStart();
    void uploadBadEncodingIs422();
    void leadsPaging();
    void errorsAreJson_data();
    void errorsAreJson();
    void bodyLimit();
    void proxiedRequestsNeedToken();
    void portInUseIsAClearError();

private:
    using Reply = Testing::HttpReply;
    Reply upload(qint64 campaignId, const QByteArray &csv);

    Testing::TestDatabase m_db;
    std::unique_ptr<Testing::FakeClock> m_clock;
    std::unique_ptr<Campaigns::CampaignService> m_service;
    std::unique_ptr<Server::RestApi> m_api;
    std::unique_ptr<Testing::LoopbackServer> m_server;
};

void tst_RestApi::init()
{
    m_db = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(m_db.error.isEmpty(), qPrintable(m_db.error));
    m_clock = std::make_unique<Testing::FakeClock>();
    m_service = std::make_unique<Campaigns::CampaignService>(*m_db.db, *m_clock);
    m_api = std::make_unique<Server::RestApi>(*m_service, *m_db.db);
    m_server = std::make_unique<Testing::LoopbackServer>();
    m_api->registerRoutes(m_server->router);
    QVERIFY(m_server->start(2, 64 * 1024).ok());
    QCOMPARE(m_server->pool.workerCount(), 2);
}

void tst_RestApi::cleanup()
{
    m_server.reset();
    m_api.reset();
    m_service.reset();
    m_db = {};
}

tst_RestApi::Reply tst_RestApi::upload(qint64 campaignId, const QByteArray &csv)
{
    // Exactly what curl -F "file=@leads.csv" sends.
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader, QStringLiteral("form-data; name=\"file\"; filename=\"leads.csv\""));
    part.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("text/csv"));
    part.setBody(csv);
    multi->append(part);
    const QUrl url = m_server->url(QStringLiteral("/campaigns/%1/upload-csv").arg(campaignId));
    QNetworkReply *reply = m_server->nam.post(QNetworkRequest(url), multi);
    multi->setParent(reply);
    return Testing::waitForReply(reply, 30000);
}

void tst_RestApi::health()
{
    const Reply r = m_server->send("GET", QStringLiteral("/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(r.json.value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
    QCOMPARE(r.json.value(QStringLiteral("version")).toString(), QStringLiteral(LEADLINE_VERSION));
    // With the speech policy set, /health says when campaigns run on offline speech recognition.
    Screening::OfflineSpeechPolicy offline;
    offline.offlineSpeech = true;
    m_api->setSpeechPolicy(offline);
    auto c = m_service->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Offline")}});
    QVERIFY(c.ok());
    QVERIFY(m_service->setStatus(c->id, QStringLiteral("running")).ok());
    const QJsonObject speech = m_server->send("GET", QStringLiteral("/health")).json.value(QStringLiteral("speech")).toObject();
    QCOMPARE(speech.value(QStringLiteral("recognition")).toString(), QStringLiteral("offline"));
    QCOMPARE(speech.value(QStringLiteral("campaigns_running")).toInt(), 1);
    QVERIFY2(speech.value(QStringLiteral("warning")).toString().contains(QStringLiteral("offline speech")),
             qPrintable(QJsonDocument(speech).toJson()));
}

void tst_RestApi::quickStart()
{
    const Reply created = m_server->send("POST", QStringLiteral("/campaigns"), R"({"name":"Test"})");
    QCOMPARE(created.status, 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(created.json.value(QStringLiteral("max_concurrent")).toInt(), 10);
    QCOMPARE(created.json.value(QStringLiteral("calling_window")).toObject().value(QStringLiteral("start")).toString(), QStringLiteral("10:00"));

    QFile csv(QStringLiteral(LEADLINE_TESTDATA_DIR "/leads/phone_variants.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QFile expFile(QStringLiteral(LEADLINE_TESTDATA_DIR "/leads/phone_variants.expected.json"));
    QVERIFY(expFile.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(expFile.readAll()).object();
    const Reply report = upload(id, csv.readAll());
    QCOMPARE(report.status, 200);
    QCOMPARE(report.json.value(QStringLiteral("accepted")).toInt(), expected.value(QStringLiteral("accepted")).toInt());
    const QJsonArray rejected = report.json.value(QStringLiteral("rejected")).toArray();
    QCOMPARE(rejected.size(), expected.value(QStringLiteral("rejected")).toArray().size());
    for (int i = 0; i < rejected.size(); ++i) {
        QCOMPARE(rejected.at(i)[QStringLiteral("line")].toInt(), expected[QStringLiteral("rejected")][i][QStringLiteral("line")].toInt());
        QCOMPARE(rejected.at(i)[QStringLiteral("reason")].toString(), expected[QStringLiteral("rejected")][i][QStringLiteral("reason")].toString());
    }

    const Reply list = m_server->send("GET", QStringLiteral("/campaigns"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json.value(QStringLiteral("campaigns")).toArray().size(), 1);
    const Reply one = m_server->send("GET", QStringLiteral("/campaigns/%1").arg(id));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json.value(QStringLiteral("lead_count")).toInt(), expected.value(QStringLiteral("accepted")).toInt());

    const Reply dup = m_server->send("POST", QStringLiteral("/campaigns"), R"({"name":"Test"})");
    QCOMPARE(dup.status, 409);
    // Start and pause belong to DialerApi (tst_dialerapi); this router has no such route.
    QCOMPARE(m_server->send("POST", QStringLiteral("/campaigns/%1/pause").arg(id)).status, 404);
}

void tst_RestApi::uploadBadEncodingIs422()
{
    const Reply created = m_server->send("POST", QStringLiteral("/campaigns"), R"({"name":"Enc"})");
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    const Reply r = upload(id, QByteArray("name,phone\nA,9876543210\nJos\xe9,9876543211\n"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("bad_encoding"));
    QVERIFY(!r.json[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
    const Reply leads = m_server->send("GET", QStringLiteral("/campaigns/%1/leads").arg(id));
    QCOMPARE(leads.json.value(QStringLiteral("total")).toInt(), 0);

    const Reply noPhone = upload(id, QByteArray("name,city\nA,Pune\n"));
    QCOMPARE(noPhone.status, 422);
    QCOMPARE(noPhone.json[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("no_phone_column"));
}

void tst_RestApi::leadsPaging()
{
    const Reply created = m_server->send("POST", QStringLiteral("/campaigns"), R"({"name":"Paging"})");
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    QByteArray csv = "name,phone\n";
    for (int i = 0; i < 250; ++i)
        csv += "L" + QByteArray::number(i) + ",97" + QByteArray::number(i).rightJustified(8, '0') + "\n";
    QCOMPARE(upload(id, csv).json.value(QStringLiteral("accepted")).toInt(), 250);
    QSet<QString> phones;
    QString after = QStringLiteral("0");
    int pages = 0;
    while (!after.isEmpty()) {
        const Reply page = m_server->send("GET", QStringLiteral("/campaigns/%1/leads?limit=100&after=%2").arg(id).arg(after));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(QStringLiteral("total")).toInt(), 250);
        for (const QJsonValue &l : page.json.value(QStringLiteral("leads")).toArray())
            phones.insert(l[QStringLiteral("phone")].toString());
        const QJsonValue next = page.json.value(QStringLiteral("next_after"));
        after = next.isNull() ? QString() : QString::number(next.toInteger());
        ++pages;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(phones.size(), 250);
}

void tst_RestApi::errorsAreJson_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown path") << QByteArray("GET") << "/nope" << QByteArray() << 404 << "not_found";
    QTest::newRow("unknown campaign") << QByteArray("GET") << "/campaigns/999" << QByteArray() << 404 << "not_found";
    QTest::newRow("non-numeric id") << QByteArray("GET") << "/campaigns/abc" << QByteArray() << 404 << "not_found";
    QTest::newRow("wrong method") << QByteArray("DELETE") << "/campaigns" << QByteArray() << 405 << "method_not_allowed";
    QTest::newRow("invalid json") << QByteArray("POST") << "/campaigns" << QByteArray("{name:") << 400 << "bad_request";
    QTest::newRow("validation") << QByteArray("POST") << "/campaigns" << QByteArray(R"({"name":"x","max_attempts":0})") << 400 << "validation_failed";
    QTest::newRow("upload to unknown campaign") << QByteArray("POST") << "/campaigns/999/upload-csv" << QByteArray("phone\n9876543210\n") << 404 << "not_found";
}

void tst_RestApi::errorsAreJson()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const Reply r = m_server->send(verb, path, body, path.contains(QLatin1String("upload")) ? "text/csv" : "application/json");
    QCOMPARE(r.status, status);
    QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(), code);
    QVERIFY(!r.json[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
}

void tst_RestApi::bodyLimit()
{
    const Reply r = m_server->send("POST", QStringLiteral("/campaigns"), QByteArray(100 * 1024, 'x'));
    QCOMPARE(r.status, 413);
    QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("payload_too_large"));
}

void tst_RestApi::proxiedRequestsNeedToken()
{
    const QList<QPair<QByteArray, QByteArray>> proxied{{"X-Forwarded-For", "203.0.113.9"}};
    QCOMPARE(m_server->send("GET", QStringLiteral("/campaigns"), {}, "application/json", proxied).status, 401);
    auto wrong = proxied;
    wrong.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer nope")));
    QCOMPARE(m_server->send("GET", QStringLiteral("/campaigns"), {}, "application/json", wrong).status, 401);
    auto right = proxied;
    right.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer test-token-123456")));
    QCOMPARE(m_server->send("GET", QStringLiteral("/campaigns"), {}, "application/json", right).status, 200);
    // /health stays public for load balancers.
    QCOMPARE(m_server->send("GET", QStringLiteral("/health"), {}, "application/json", proxied).status, 200);
}

void tst_RestApi::portInUseIsAClearError()
{
    Server::ServerPool second(m_server->router, m_server->auth);
    Server::ServerOptions opts = Testing::loopbackOptions();
    opts.port = m_server->pool.port();
    const Status s = second.start(opts);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains(QStringLiteral("--port")), qPrintable(s.error().message));
}

QTEST_GUILESS_MAIN(tst_RestApi)
#include "tst_restapi.moc"
