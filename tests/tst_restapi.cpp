// The REST surface over real loopback HTTP: ServerPool with two workers on one port, the seed's
// curl quick start (create campaign, multipart upload), paging, JSON errors, auth and limits.
#include "campaigns/campaignservice.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "server/requestauth.h"
#include "server/restapi.h"
#include "server/serverpool.h"

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
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
    struct Reply
    {
        int status = 0;
        QJsonObject json;
        QByteArray raw;
    };
    Reply send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
               const QByteArray &contentType = "application/json", QList<QPair<QByteArray, QByteArray>> headers = {});
    Reply upload(qint64 campaignId, const QByteArray &csv);
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_pool->port()).arg(path)); }

    Testing::TestDatabase m_db;
    std::unique_ptr<Testing::FakeClock> m_clock;
    std::unique_ptr<Campaigns::CampaignService> m_service;
    std::unique_ptr<Server::Router> m_router;
    std::unique_ptr<Server::RestApi> m_api;
    std::unique_ptr<Server::RequestAuth> m_auth;
    std::unique_ptr<Server::ServerPool> m_pool;
    QNetworkAccessManager m_nam;
};

void tst_RestApi::init()
{
    m_db = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(m_db.error.isEmpty(), qPrintable(m_db.error));
    m_clock = std::make_unique<Testing::FakeClock>();
    m_service = std::make_unique<Campaigns::CampaignService>(*m_db.db, *m_clock);
    m_router = std::make_unique<Server::Router>();
    m_api = std::make_unique<Server::RestApi>(*m_service, *m_db.db);
    m_api->registerRoutes(*m_router);
    m_auth = std::make_unique<Server::RequestAuth>("test-token-123456");
    m_pool = std::make_unique<Server::ServerPool>(*m_router, *m_auth);
    Server::ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = 2;
    opts.maxBodyBytes = 64 * 1024;
    QVERIFY(m_pool->start(opts).ok());
    QCOMPARE(m_pool->workerCount(), 2);
}

void tst_RestApi::cleanup()
{
    m_pool.reset();
    m_api.reset();
    m_router.reset();
    m_service.reset();
    m_db = {};
}

tst_RestApi::Reply tst_RestApi::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                                     const QByteArray &contentType, QList<QPair<QByteArray, QByteArray>> headers)
{
    QNetworkRequest req(url(path));
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(15000))
        qWarning() << "request timed out" << path;
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.json = QJsonDocument::fromJson(r.raw).object();
    reply->deleteLater();
    return r;
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
    QNetworkReply *reply = m_nam.post(QNetworkRequest(url(QStringLiteral("/campaigns/%1/upload-csv").arg(campaignId))), multi);
    multi->setParent(reply);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(30000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.json = QJsonDocument::fromJson(r.raw).object();
    reply->deleteLater();
    return r;
}

void tst_RestApi::health()
{
    const Reply r = send("GET", QStringLiteral("/health"));
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
    const QJsonObject speech = send("GET", QStringLiteral("/health")).json.value(QStringLiteral("speech")).toObject();
    QCOMPARE(speech.value(QStringLiteral("recognition")).toString(), QStringLiteral("offline"));
    QCOMPARE(speech.value(QStringLiteral("campaigns_running")).toInt(), 1);
    QVERIFY2(speech.value(QStringLiteral("warning")).toString().contains(QStringLiteral("offline speech")),
             qPrintable(QJsonDocument(speech).toJson()));
}

void tst_RestApi::quickStart()
{
    const Reply created = send("POST", QStringLiteral("/campaigns"), R"({"name":"Test"})");
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

    const Reply list = send("GET", QStringLiteral("/campaigns"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json.value(QStringLiteral("campaigns")).toArray().size(), 1);
    const Reply one = send("GET", QStringLiteral("/campaigns/%1").arg(id));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json.value(QStringLiteral("lead_count")).toInt(), expected.value(QStringLiteral("accepted")).toInt());

    const Reply dup = send("POST", QStringLiteral("/campaigns"), R"({"name":"Test"})");
    QCOMPARE(dup.status, 409);
    // Start and pause belong to DialerApi (tst_dialerapi); this router has no such route.
    QCOMPARE(send("POST", QStringLiteral("/campaigns/%1/pause").arg(id)).status, 404);
}

void tst_RestApi::uploadBadEncodingIs422()
{
    const Reply created = send("POST", QStringLiteral("/campaigns"), R"({"name":"Enc"})");
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    const Reply r = upload(id, QByteArray("name,phone\nA,9876543210\nJos\xe9,9876543211\n"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("bad_encoding"));
    QVERIFY(!r.json[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
    const Reply leads = send("GET", QStringLiteral("/campaigns/%1/leads").arg(id));
    QCOMPARE(leads.json.value(QStringLiteral("total")).toInt(), 0);

    const Reply noPhone = upload(id, QByteArray("name,city\nA,Pune\n"));
    QCOMPARE(noPhone.status, 422);
    QCOMPARE(noPhone.json[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("no_phone_column"));
}

void tst_RestApi::leadsPaging()
{
    const Reply created = send("POST", QStringLiteral("/campaigns"), R"({"name":"Paging"})");
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    QByteArray csv = "name,phone\n";
    for (int i = 0; i < 250; ++i)
        csv += "L" + QByteArray::number(i) + ",97" + QByteArray::number(i).rightJustified(8, '0') + "\n";
    QCOMPARE(upload(id, csv).json.value(QStringLiteral("accepted")).toInt(), 250);
    QSet<QString> phones;
    QString after = QStringLiteral("0");
    int pages = 0;
    while (!after.isEmpty()) {
        const Reply page = send("GET", QStringLiteral("/campaigns/%1/leads?limit=100&after=%2").arg(id).arg(after));
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
    const Reply r = send(verb, path, body, path.contains(QLatin1String("upload")) ? "text/csv" : "application/json");
    QCOMPARE(r.status, status);
    QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(), code);
    QVERIFY(!r.json[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
}

void tst_RestApi::bodyLimit()
{
    const Reply r = send("POST", QStringLiteral("/campaigns"), QByteArray(100 * 1024, 'x'));
    QCOMPARE(r.status, 413);
    QCOMPARE(r.json[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("payload_too_large"));
}

void tst_RestApi::proxiedRequestsNeedToken()
{
    const QList<QPair<QByteArray, QByteArray>> proxied{{"X-Forwarded-For", "203.0.113.9"}};
    QCOMPARE(send("GET", QStringLiteral("/campaigns"), {}, "application/json", proxied).status, 401);
    auto wrong = proxied;
    wrong.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer nope")));
    QCOMPARE(send("GET", QStringLiteral("/campaigns"), {}, "application/json", wrong).status, 401);
    auto right = proxied;
    right.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer test-token-123456")));
    QCOMPARE(send("GET", QStringLiteral("/campaigns"), {}, "application/json", right).status, 200);
    // /health stays public for load balancers.
    QCOMPARE(send("GET", QStringLiteral("/health"), {}, "application/json", proxied).status, 200);
}

void tst_RestApi::portInUseIsAClearError()
{
    Server::ServerPool second(*m_router, *m_auth);
    Server::ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = m_pool->port();
    const Status s = second.start(opts);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains(QStringLiteral("--port")), qPrintable(s.error().message));
}

QTEST_GUILESS_MAIN(tst_RestApi)
#include "tst_restapi.moc"
