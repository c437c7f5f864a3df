// Input limits everywhere, over real loopback HTTP and WebSockets: request body size (413),
// header count and size (431), JSON nesting depth (400 json_too_deep), CSV row count, header
// width and record size (413 too_many_rows / too_many_columns / record_too_large, nothing
// imported), and the WebSocket frame/message cap on /events and /media (close 1009). Each
// refusal carries a JSON error with a code and a message that names the limit.
#include "campaigns/campaignservice.h"
#include "conversation/mediaendpoint.h"
#include "fakes/fakecallrecorder.h"
#include "fakes/fakeclock.h"
#include "fakes/httpharness.h"
#include "fakes/testdatabase.h"
#include "providers/fake/fakeproviderfactory.h"
#include "server/eventhub.h"
#include "server/requestlimits.h"
#include "server/restapi.h"
#include "server/serverpool.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QWebSocket>
#include <QtTest>

using namespace Leadline;

class tst_InputLimits : public QObject
{
    Q_OBJECT
private slots:
    void jsonDepth_data();
    void jsonDepth();
    void settingsFeedTheLimits();
    void httpLimits();
    void csvLimits_data();
    void csvLimits();
    void webSocketLimits();
    void init();
    void cleanup();

private:
    // The harness's reply with its JSON error's code and message.
    struct Reply : Testing::HttpReply
    {
        explicit Reply(Testing::HttpReply r)
            : Testing::HttpReply(std::move(r)), code(json[QStringLiteral("error")][QStringLiteral("code")].toString()),
              message(json[QStringLiteral("error")][QStringLiteral("message")].toString())
        {
        }
        QString code;
        QString message;
    };
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const Testing::HttpHeaders &headers = {}, const QByteArray &type = "application/json");

    Testing::TestDatabase m_db;
    std::unique_ptr<Testing::FakeClock> m_clock;
    std::unique_ptr<Campaigns::CampaignService> m_service;
    std::unique_ptr<Server::RestApi> m_api;
    std::unique_ptr<Server::EventHub> m_events;
    std::unique_ptr<Providers::FakeProviderFactory> m_providers;
    std::unique_ptr<Testing::FakeCallRecorder> m_recorder;
    std::unique_ptr<Conversation::MediaEndpoint> m_media;
    std::unique_ptr<Testing::LoopbackServer> m_server;
};

void tst_InputLimits::jsonDepth_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("depth");
    QTest::newRow("scalar") << QByteArray("42") << 0;
    QTest::newRow("flat object") << QByteArray(R"({"a":1,"b":"x"})") << 1;
    QTest::newRow("nested") << QByteArray(R"({"a":[{"b":[1,2]}]})") << 4;
    QTest::newRow("brackets inside strings do not count") << QByteArray(R"({"a":"[[[{{{","b":"\"]]"})") << 1;
    QTest::newRow("siblings") << QByteArray(R"([[1],[2],[[3]]])") << 3;
    QTest::newRow("deep") << QByteArray(100, '[') + QByteArray(100, ']') << 100;
}

void tst_InputLimits::jsonDepth()
{
    QFETCH(QByteArray, json);
    QFETCH(int, depth);
    QCOMPARE(Server::jsonNestingDepth(json), depth);
}

void tst_InputLimits::settingsFeedTheLimits()
{
    Settings s = Settings::defaults();
    const Server::RequestLimits defaults = Server::RequestLimits::fromSettings(s);
    QCOMPARE(defaults.maxHeaderCount, 64);
    QCOMPARE(defaults.maxJsonDepth, 32);
    s.set(QStringLiteral("MAX_HEADER_COUNT"), QStringLiteral("10"));
    s.set(QStringLiteral("MAX_HEADER_BYTES"), QStringLiteral("2048"));
    s.set(QStringLiteral("MAX_JSON_DEPTH"), QStringLiteral("5"));
    s.set(QStringLiteral("MAX_WS_MESSAGE_BYTES"), QStringLiteral("4096"));
    s.set(QStringLiteral("MAX_CSV_ROWS"), QStringLiteral("7"));
    s.set(QStringLiteral("MAX_CSV_COLUMNS"), QStringLiteral("not a number")); // falls back to the default
    const Server::RequestLimits l = Server::RequestLimits::fromSettings(s);
    QCOMPARE(l.maxHeaderCount, 10);
    QCOMPARE(l.maxHeaderBytes, 2048);
    QCOMPARE(l.maxJsonDepth, 5);
    QCOMPARE(l.maxWebSocketMessageBytes, 4096);
    const Campaigns::ImportLimits i = Campaigns::ImportLimits::fromSettings(s);
    QCOMPARE(i.maxRows, 7);
    QCOMPARE(i.maxColumns, 256);
}

void tst_InputLimits::init()
{
    m_db = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(m_db.error.isEmpty(), qPrintable(m_db.error));
    m_clock = std::make_unique<Testing::FakeClock>();
    m_service = std::make_unique<Campaigns::CampaignService>(*m_db.db, *m_clock);
    Campaigns::ImportLimits il;
    il.maxRows = 5;
    il.maxColumns = 12;
    il.maxRecordBytes = 2048;
    m_service->setImportLimits(il);
    m_api = std::make_unique<Server::RestApi>(*m_service, *m_db.db);
    m_events = std::make_unique<Server::EventHub>("test-token-123456");
    m_providers = std::make_unique<Providers::FakeProviderFactory>(QStringList{}, Providers::FakeLatencies{});
    m_recorder = std::make_unique<Testing::FakeCallRecorder>();
    Conversation::MediaAuthConfig media;
    media.maxMessageBytes = 8 * 1024; // lower than the server-wide cap: the lower one wins
    m_media = std::make_unique<Conversation::MediaEndpoint>(*m_providers, *m_recorder, *m_clock, media, Conversation::SessionConfig{});
    m_server = std::make_unique<Testing::LoopbackServer>();
    m_api->registerRoutes(m_server->router);
    m_server->router.addWebSocketPath(QStringLiteral("/events"));
    m_server->router.addWebSocketPath(QStringLiteral("/media"));
    m_server->pool.setWebSocketHandler([this](std::unique_ptr<QWebSocket> ws, QObject *worker) {
        if (ws->requestUrl().path() == QLatin1String("/events"))
            m_events->handle(std::move(ws), worker);
        else
            m_media->handle(std::move(ws), worker);
    });
    Server::ServerOptions opts = Testing::loopbackOptions(1, 64 * 1024);
    opts.limits.maxHeaderCount = 30;
    opts.limits.maxHeaderBytes = 8 * 1024;
    opts.limits.maxJsonDepth = 8;
    opts.limits.maxWebSocketMessageBytes = 16 * 1024;
    QVERIFY(m_server->pool.start(opts).ok());
}

void tst_InputLimits::cleanup()
{
    m_server.reset();
    m_media.reset();
    m_events.reset();
    m_api.reset();
    m_service.reset();
    m_db = {};
}

tst_InputLimits::Reply tst_InputLimits::send(const QByteArray &method, const QString &path, const QByteArray &body,
                                             const Testing::HttpHeaders &headers, const QByteArray &type)
{
    return Reply(m_server->send(method, path, body, body.isEmpty() ? QByteArray() : type, headers));
}

void tst_InputLimits::httpLimits()
{
    // Within every limit: works.
    Reply ok = send("POST", QStringLiteral("/campaigns"), R"({"name":"Limits","calling_window":{"start":"10:00","end":"19:00"}})");
    QCOMPARE(ok.status, 201);

    // Body size.
    Reply big = send("POST", QStringLiteral("/campaigns"), "{\"name\":\"" + QByteArray(70 * 1024, 'x') + "\"}");
    QCOMPARE(big.status, 413);
    QCOMPARE(big.code, QStringLiteral("payload_too_large"));

    // Header count: 29 custom headers + Qt's own exceed 30.
    QList<QPair<QByteArray, QByteArray>> many;
    for (int i = 0; i < 29; ++i)
        many.append({"X-Filler-" + QByteArray::number(i), "1"});
    Reply count = send("GET", QStringLiteral("/campaigns"), {}, many);
    QCOMPARE(count.status, 431);
    QCOMPARE(count.code, QStringLiteral("too_many_headers"));
    QVERIFY2(count.message.contains(QStringLiteral("at most 30")), qPrintable(count.message));
    // Header size.
    Reply size = send("GET", QStringLiteral("/campaigns"), {}, {{"X-Big", QByteArray(9 * 1024, 'a')}});
    QCOMPARE(size.status, 431);
    QCOMPARE(size.code, QStringLiteral("headers_too_large"));
    // A few ordinary headers pass.
    QCOMPARE(send("GET", QStringLiteral("/campaigns"), {}, {{"X-Request-Id", "abc"}, {"Accept", "application/json"}}).status, 200);

    // JSON depth: 8 levels pass the limit (the handler then judges the body), 9 are refused before it.
    auto nested = [](int levels) -> QByteArray {
        QByteArray inner = "1";
        for (int i = 1; i < levels; ++i)
            inner = "[" + inner + "]";
        return "{\"name\":\"Deep " + QByteArray::number(levels) + "\",\"x\":" + inner + "}";
    };
    QCOMPARE(send("POST", QStringLiteral("/campaigns"), nested(8)).status, 201);
    Reply deep = send("POST", QStringLiteral("/campaigns"), nested(9));
    QCOMPARE(deep.status, 400);
    QCOMPARE(deep.code, QStringLiteral("json_too_deep"));
    QVERIFY2(deep.message.contains(QStringLiteral("9 levels")) && deep.message.contains(QStringLiteral("at most 8")), qPrintable(deep.message));
    // Also when the client does not say it is JSON.
    Reply sneaky = send("POST", QStringLiteral("/campaigns"), QByteArray(5000, '[') + QByteArray(5000, ']'), {}, "text/plain");
    QCOMPARE(sneaky.status, 400);
    QCOMPARE(sneaky.code, QStringLiteral("json_too_deep"));
}

void tst_InputLimits::csvLimits_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("accepted");
    const QByteArray header = "name,phone,city\n";
    auto rows = [](int n) -> QByteArray {
        QByteArray out;
        for (int i = 0; i < n; ++i)
            out += "Lead " + QByteArray::number(i) + ",98765" + QByteArray::number(10000 + i) + ",Pune\n";
        return out;
    };
    QTest::newRow("5 rows: at the limit") << header + rows(5) << 200 << QString() << 5;
    QTest::newRow("6 rows: over the row limit") << header + rows(6) << 413 << QStringLiteral("too_many_rows") << 0;
    QByteArray wide = "name,phone";
    for (int i = 0; i < 11; ++i)
        wide += ",extra" + QByteArray::number(i);
    QTest::newRow("13 columns: over the width limit") << wide + "\n" + rows(1) << 413 << QStringLiteral("too_many_columns") << 0;
    QTest::newRow("a 3 KiB record: over the record limit")
        << header + rows(1) + "\"Big " + QByteArray(3000, 'x') + "\",9876512345,Pune\n" << 413 << QStringLiteral("record_too_large") << 0;
}

void tst_InputLimits::csvLimits()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(int, accepted);
    Reply c = send("POST", QStringLiteral("/campaigns"), R"({"name":"CSV"})");
    QCOMPARE(c.status, 201);
    const qint64 id = c.json.value(QStringLiteral("id")).toInteger();
    Reply r = send("POST", QStringLiteral("/campaigns/%1/upload-csv").arg(id), csv, {}, "text/csv");
    QVERIFY2(r.status == status, qPrintable(QStringLiteral("%1 %2 %3").arg(r.status).arg(r.code, r.message)));
    if (!code.isEmpty()) {
        QCOMPARE(r.code, code);
        QVERIFY(!r.message.isEmpty());
    } else {
        QCOMPARE(r.json.value(QStringLiteral("accepted")).toInt(), accepted);
    }
    QSqlQuery q(m_db.conn());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM leads WHERE campaign_id = %1").arg(id)) && q.next());
    QCOMPARE(q.value(0).toInt(), accepted); // a refused file imports nothing
}

void tst_InputLimits::webSocketLimits()
{
    struct Case { QString path; int bytes; bool refused; };
    const QList<Case> cases = {
        {QStringLiteral("/events"), 8 * 1024, false},   // under the 16 KiB server cap
        {QStringLiteral("/events"), 20 * 1024, true},   // over it
        {QStringLiteral("/media?lc=0123456789abcdef"), 12 * 1024, true}, // over the media endpoint's own 8 KiB
    };
    for (const Case &c : cases) {
        QWebSocket ws;
        QSignalSpy connected(&ws, &QWebSocket::connected);
        QSignalSpy closed(&ws, &QWebSocket::disconnected);
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_server->pool.port()).arg(c.path)));
        QVERIFY2(connected.wait(5000), qPrintable(c.path));
        QTest::qWait(100); // the handler has taken the socket
        const QString payload = QStringLiteral("{\"event\":\"x\",\"pad\":\"%1\"}").arg(QString(c.bytes, QLatin1Char('a')));
        ws.sendTextMessage(payload);
        const bool gone = closed.wait(c.refused ? 5000 : 1000);
        QVERIFY2(gone == c.refused, qPrintable(QStringLiteral("%1 with %2 bytes").arg(c.path).arg(c.bytes)));
        if (c.refused)
            QVERIFY2(ws.closeCode() == QWebSocketProtocol::CloseCodeTooMuchData,
                     qPrintable(QStringLiteral("%1: close code %2").arg(c.path).arg(int(ws.closeCode()))));
        ws.abort();
    }
}

QTEST_GUILESS_MAIN(tst_InputLimits)
#include "tst_inputlimits.moc"
