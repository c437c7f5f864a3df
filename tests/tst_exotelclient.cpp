// ExotelClient against a fake Exotel on loopback: the exact form fields of both modes, Basic
// auth, JSON parsing (also lower-cased keys), error mapping, 429 backoff and the token bucket.
#include "fakes/fakeexotelserver.h"
#include "fakes/streamingserver.h"
#include "telephony/exotelclient.h"

#include <QSignalSpy>
#include <QtTest>
#include <optional>

using namespace Leadline;
using namespace Leadline::Telephony;
using Testing::FakeExotelServer;

class tst_ExotelClient : public QObject
{
    Q_OBJECT
private slots:
    void streamModeForm();
    void flowModeForm();
    void connectOverHttp();
    void errors_data();
    void errors();
    void parseLenient_data();
    void parseLenient();
    void backsOffOn429();
    void tokenBucketPaces();
    void cancelQueued();
    void callDetails();
    void networkError();
    void connectIsPlacedAtMostOnce_data();
    void connectIsPlacedAtMostOnce();

private:
    ExotelConfig config(const FakeExotelServer &s) const
    {
        ExotelConfig c;
        c.apiBaseUrl = s.baseUrl() + QLatin1Char('/');
        c.accountSid = QStringLiteral("leadlinerealty1");
        c.apiKey = QStringLiteral("key123");
        c.apiToken = QStringLiteral("tok+en/secret");
        c.callerId = QStringLiteral("08047112233");
        c.exophloId = QStringLiteral("445566");
        c.ourBaseUrl = QStringLiteral("https://leadline.example.in/");
        c.webhookSecret = QStringLiteral("s3cr&t");
        c.requestsPerSecond = 1000;
        c.burst = 1000;
        c.backoffBaseMs = 50;
        c.backoffMaxMs = 400;
        return c;
    }
    static std::optional<Result<ExotelCall>> run(const std::function<void(ExotelClient::CallCallback)> &start, int timeoutMs = 10000)
    {
        std::optional<Result<ExotelCall>> out;
        start([&](Result<ExotelCall> r) { out.emplace(std::move(r)); });
        QDeadlineTimer deadline(timeoutMs);
        while (!out && !deadline.hasExpired())
            QTest::qWait(5);
        if (!out)
            out.emplace(Error::make(Error::Code::Internal, QStringLiteral("test: no callback within %1 ms").arg(timeoutMs)));
        return out;
    }
};

void tst_ExotelClient::streamModeForm()
{
    ExotelConfig c;
    c.accountSid = QStringLiteral("acc");
    c.callerId = QStringLiteral("08047112233");
    c.ourBaseUrl = QStringLiteral("https://leadline.example.in");
    c.webhookSecret = QStringLiteral("SECRET");
    ExotelDialRequest r{ExotelDialRequest::Mode::Stream, QStringLiteral("+919812345678"), QStringLiteral("7f3a9c2e41d84b0f"), 5521, 901};
    const auto f = ExotelClient::connectForm(c, r);
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("From")), QStringLiteral("+919812345678"));
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("CallerId")), QStringLiteral("08047112233"));
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("StreamUrl")), QStringLiteral("wss://leadline.example.in/media?sample-rate=8000&lc=7f3a9c2e41d84b0f"));
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("StreamType")), QStringLiteral("bidirectional"));
    QVERIFY(ExotelClient::formValue(f, QStringLiteral("Url")).isEmpty());
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("StatusCallback")), QStringLiteral("https://leadline.example.in/webhooks/exotel/status?k=SECRET"));
    QCOMPARE(ExotelClient::formValues(f, QStringLiteral("StatusCallbackEvents[]")), (QStringList{QStringLiteral("answered"), QStringLiteral("terminal")}));
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("StatusCallbackContentType")), QStringLiteral("application/json"));
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("TimeLimit")), QStringLiteral("600"));
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("Record")), QStringLiteral("true"));
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("CustomField")), QStringLiteral("call=5521;lead=901;lc=7f3a9c2e41d84b0f"));
}

void tst_ExotelClient::flowModeForm()
{
    ExotelConfig c;
    c.accountSid = QStringLiteral("acc");
    c.exophloId = QStringLiteral("445566");
    c.ourBaseUrl = QStringLiteral("https://leadline.example.in");
    c.record = false;
    ExotelDialRequest r{ExotelDialRequest::Mode::Flow, QStringLiteral("+919812345678"), QStringLiteral("aa"), 1, 2};
    const auto f = ExotelClient::connectForm(c, r);
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("Url")), QStringLiteral("http://my.exotel.com/acc/exoml/start_voice/445566"));
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("CallType")), QStringLiteral("trans"));
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("TimeOut")), QStringLiteral("30"));
    QCOMPARE(ExotelClient::formValue(f, QStringLiteral("Record")), QStringLiteral("false"));
    QVERIFY(ExotelClient::formValue(f, QStringLiteral("StreamUrl")).isEmpty());
    QVERIFY(ExotelClient::formValue(f, QStringLiteral("StreamType")).isEmpty());
}

void tst_ExotelClient::connectOverHttp()
{
    FakeExotelServer server;
    QNetworkAccessManager nam;
    ExotelClient client(nam, config(server));
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("queue Calls/connect.*")));
    auto r = run([&](auto cb) {
        client.connectCall({ExotelDialRequest::Mode::Stream, QStringLiteral("+919812345678"), QStringLiteral("00112233aabbccdd"), 7, 8}, cb);
    });
    QVERIFY2(r->ok(), r->ok() ? "" : qPrintable(r->error().message));
    QVERIFY(r->value().sid.startsWith(QLatin1String("fake")));
    QCOMPARE(r->value().status, QStringLiteral("in-progress"));
    QCOMPARE(server.requests.size(), 1);
    const auto &req = server.requests.first();
    QCOMPARE(req.method, QByteArray("POST"));
    QCOMPARE(req.path, QStringLiteral("/v1/Accounts/leadlinerealty1/Calls/connect.json"));
    QCOMPARE(req.authorization, "Basic " + QByteArray("key123:tok+en/secret").toBase64());
    QVERIFY(req.contentType.startsWith("application/x-www-form-urlencoded"));
    // '+' in the phone number must survive form encoding; '&' in the secret must not split fields.
    QCOMPARE(req.form.queryItemValue(QStringLiteral("From"), QUrl::FullyDecoded), QStringLiteral("+919812345678"));
    QVERIFY2(req.body.contains("&StatusCallback=https%3A%2F%2Fleadline.example.in%2Fwebhooks%2Fexotel%2Fstatus%3Fk%3Ds3cr%2526t&"),
             req.body.constData());
    QCOMPARE(req.form.allQueryItemValues(QStringLiteral("StatusCallbackEvents[]")).size(), 2);
    QVERIFY(!req.body.contains("tok+en")); // the token travels only in the header
}

void tst_ExotelClient::errors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("400 RestException") << 400 << QByteArray(R"({"RestException": {"Status": 400, "Code": 34001, "Message": "From number is not a valid phone number"}})")
                                       << "exotel_bad_request" << false << "From number is not a valid phone number";
    QTest::newRow("401 bad credentials") << 401 << QByteArray(R"({"RestException":{"Status":401,"Message":"Authentication failed"}})")
                                         << "exotel_bad_credentials" << false << "EXOTEL_API_KEY";
    QTest::newRow("402 plan limit") << 402 << QByteArray("{}") << "exotel_payment_required" << false << "402";
    QTest::newRow("403 not enabled") << 403 << QByteArray(R"({"RestException":{"Status":403,"Code":"X","Message":"Feature not enabled"}})")
                                     << "exotel_forbidden" << false << "Feature not enabled";
    QTest::newRow("404 no account") << 404 << QByteArray() << "exotel_not_found" << false << "EXOTEL_ACCOUNT_SID";
    QTest::newRow("500 html body") << 500 << QByteArray("<html>oops</html>") << "exotel_server_error" << true << "500";
    QTest::newRow("503") << 503 << QByteArray("{}") << "exotel_server_error" << true << "503";
    QTest::newRow("lower-case restexception") << 400 << QByteArray(R"({"restexception":{"message":"bad CallerId"}})")
                                              << "exotel_bad_request" << false << "bad CallerId";
    QTest::newRow("200 but XML") << 200 << QByteArray("<TwilioResponse><Call><Sid>x</Sid></Call></TwilioResponse>")
                                 << "exotel_bad_reply" << true << ".json";
}

void tst_ExotelClient::errors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, detail);
    QFETCH(bool, retryable);
    QFETCH(QString, messagePart);
    FakeExotelServer server;
    server.pushReply({status, body.isEmpty() ? QByteArray(" ") : body, {}});
    QNetworkAccessManager nam;
    ExotelClient client(nam, config(server));
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("queue Calls/connect.*")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("POST .* failed:.*")));
    auto r = run([&](auto cb) { client.connectCall({ExotelDialRequest::Mode::Stream, QStringLiteral("+91981"), QStringLiteral("t"), 1, 1}, cb); });
    QVERIFY(!r->ok());
    QCOMPARE(r->error().codeName(), detail);
    QCOMPARE(r->error().retryable, retryable);
    QVERIFY2(r->error().message.contains(messagePart), qPrintable(r->error().message));
    QVERIFY(!r->error().message.contains(QLatin1String("tok+en")));
}

void tst_ExotelClient::parseLenient_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("sid");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("duration");
    QTest::addColumn<int>("conversation");
    QTest::newRow("reference 2.4 success") << FakeExotelServer::callJson(QStringLiteral("3f9e2d1c0b8a47e6a5d4c3b2a1908f7e"), QStringLiteral("in-progress"))
                                           << "3f9e2d1c0b8a47e6a5d4c3b2a1908f7e" << "in-progress" << -1 << -1;
    QTest::newRow("reference 2.6 details") << QByteArray(R"({"Call":{"Sid":"3f9e","Status":"completed","Duration":"224","Price":"1.800",
        "EndTime":"2025-03-10 11:05:51","Details":{"ConversationDuration":201,"Leg1Status":"completed"}}})")
                                           << "3f9e" << "completed" << 224 << 201;
    QTest::newRow("lower-cased keys") << QByteArray(R"({"call":{"sid":"abc","status":"queued"}})") << "abc" << "queued" << -1 << -1;
    QTest::newRow("numbers as numbers") << QByteArray(R"({"Call":{"Sid":"n1","Status":"completed","Duration":30}})") << "n1" << "completed" << 30 << -1;
}

void tst_ExotelClient::parseLenient()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, sid);
    QFETCH(QString, status);
    QFETCH(int, duration);
    QFETCH(int, conversation);
    auto r = ExotelClient::parseCallReply(200, body);
    QVERIFY(r.ok());
    QCOMPARE(r->sid, sid);
    QCOMPARE(r->status, status);
    QCOMPARE(r->durationS, duration);
    QCOMPARE(r->conversationDurationS, conversation);
    QVERIFY(!ExotelClient::parseCallReply(200, R"({"Call":{"Status":"x"}})").ok()); // no Sid
    QCOMPARE(ExotelClient::parseExotelTime(QStringLiteral("2025-03-10 11:05:51")),
             QDateTime(QDate(2025, 3, 10), QTime(5, 35, 51), Qt::UTC));
}

void tst_ExotelClient::backsOffOn429()
{
    FakeExotelServer server;
    const QByteArray limited = R"({"RestException":{"Status":429,"Message":"Too many requests"}})";
    server.pushReply({429, limited, {}});
    server.pushReply({429, limited, {}});
    QNetworkAccessManager nam;
    ExotelClient client(nam, config(server)); // backoff 50 ms, then 100 ms
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("queue Calls/connect.*")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Exotel rate limit \\(429\\).*retry 1")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Exotel rate limit \\(429\\).*retry 2")));
    auto r = run([&](auto cb) { client.connectCall({ExotelDialRequest::Mode::Stream, QStringLiteral("+91981"), QStringLiteral("t"), 1, 1}, cb); });
    QVERIFY2(r->ok(), r->ok() ? "" : qPrintable(r->error().message));
    QCOMPARE(server.requests.size(), 3);
    QVERIFY(server.requests.at(1).atMs - server.requests.at(0).atMs >= 45);
    QVERIFY(server.requests.at(2).atMs - server.requests.at(1).atMs >= 95);

    // Exhausting the retries surfaces the 429 as a retryable error.
    ExotelConfig c = config(server);
    c.max429Retries = 1;
    ExotelClient strict(nam, c);
    server.pushReply({429, limited, {}});
    server.pushReply({429, limited, {}});
    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("queue Calls/connect.*")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Exotel rate limit \\(429\\).*")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("POST .* failed:.*429.*")));
    auto r2 = run([&](auto cb) { strict.connectCall({ExotelDialRequest::Mode::Stream, QStringLiteral("+91981"), QStringLiteral("t"), 1, 1}, cb); });
    QVERIFY(!r2->ok());
    QCOMPARE(r2->error().codeName(), QStringLiteral("exotel_rate_limited"));
    QVERIFY(r2->error().retryable);
}

void tst_ExotelClient::tokenBucketPaces()
{
    FakeExotelServer server;
    ExotelConfig c = config(server);
    c.requestsPerSecond = 20; // 50 ms apart after a burst of 2
    c.burst = 2;
    QNetworkAccessManager nam;
    ExotelClient client(nam, c);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.telephony.info=false"));
    int done = 0;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < 8; ++i)
        client.connectCall({ExotelDialRequest::Mode::Stream, QStringLiteral("+91981"), QStringLiteral("t"), i, i}, [&](Result<ExotelCall> r) { done += r.ok(); });
    QTRY_COMPARE_WITH_TIMEOUT(done, 8, 10000);
    // 8 requests, 2 free, 6 at 20/s: at least ~300 ms.
    QVERIFY2(t.elapsed() >= 250, qPrintable(QString::number(t.elapsed())));
    QVERIFY(server.requests.last().atMs - server.requests.first().atMs >= 250);
    QLoggingCategory::setFilterRules(QString());
}

void tst_ExotelClient::cancelQueued()
{
    FakeExotelServer server;
    ExotelConfig c = config(server);
    c.requestsPerSecond = 2;
    c.burst = 1;
    QNetworkAccessManager nam;
    ExotelClient client(nam, c);
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.telephony.info=false"));
    int done = 0;
    client.connectCall({ExotelDialRequest::Mode::Stream, QStringLiteral("+91981"), QStringLiteral("t"), 1, 1}, [&](auto) { ++done; });
    const quint64 second = client.connectCall({ExotelDialRequest::Mode::Stream, QStringLiteral("+91982"), QStringLiteral("t"), 2, 2}, [&](auto) { ++done; });
    QCOMPARE(client.queuedCount(), 1);
    QVERIFY(client.cancelQueued(second));
    QVERIFY(!client.cancelQueued(second));
    QTRY_COMPARE(done, 1);
    QTest::qWait(700);
    QCOMPARE(done, 1);
    QCOMPARE(server.connectCount(), 1);
    QLoggingCategory::setFilterRules(QString());
}

void tst_ExotelClient::callDetails()
{
    FakeExotelServer server;
    server.setCallStatus(QStringLiteral("sid-1"), QStringLiteral("completed"));
    QNetworkAccessManager nam;
    ExotelClient client(nam, config(server));
    auto r = run([&](auto cb) { client.callDetails(QStringLiteral("sid-1"), cb); });
    QVERIFY(r->ok());
    QCOMPARE(r->value().status, QStringLiteral("completed"));
    QCOMPARE(r->value().durationS, 224);
    QCOMPARE(server.requests.last().method, QByteArray("GET"));
    QCOMPARE(server.requests.last().path, QStringLiteral("/v1/Accounts/leadlinerealty1/Calls/sid-1.json"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("GET .* failed:.*404.*")));
    auto missing = run([&](auto cb) { client.callDetails(QStringLiteral("nope"), cb); });
    QVERIFY(!missing->ok());
    QCOMPARE(missing->error().code, Error::Code::NotFound);
}

void tst_ExotelClient::networkError()
{
    quint16 deadPort = 0;
    {
        FakeExotelServer s;
        deadPort = s.port();
    }
    ExotelConfig c;
    c.apiBaseUrl = QStringLiteral("http://127.0.0.1:%1").arg(deadPort);
    c.accountSid = QStringLiteral("a");
    QNetworkAccessManager nam;
    ExotelClient client(nam, c);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("GET .* failed:.*")));
    auto r = run([&](auto cb) { client.callDetails(QStringLiteral("x"), cb); });
    QVERIFY(!r->ok());
    QCOMPARE(r->error().codeName(), QStringLiteral("exotel_network"));
    QVERIFY(r->error().retryable);
}

void tst_ExotelClient::connectIsPlacedAtMostOnce_data()
{
    QTest::addColumn<int>("drop");
    QTest::newRow("closed after reading") << int(Testing::StreamingServer::Response::Drop::Close);
    QTest::newRow("reset after reading") << int(Testing::StreamingServer::Response::Drop::Reset);
}

// Exotel took the Calls/connect and the connection died before the reply: the phone may be
// ringing. Qt's HTTP stack would send the POST again on its own (a second call to the same
// person); the client must place it once and report a network error (counted as an attempt).
void tst_ExotelClient::connectIsPlacedAtMostOnce()
{
    QFETCH(int, drop);
    Testing::StreamingServer server;
    Testing::StreamingServer::Response r;
    r.drop = Testing::StreamingServer::Response::Drop(drop);
    for (int i = 0; i < 5; ++i)
        server.push(r);
    ExotelConfig c;
    c.apiBaseUrl = server.baseUrl();
    c.accountSid = QStringLiteral("a");
    c.apiKey = QStringLiteral("k");
    c.apiToken = QStringLiteral("t");
    c.ourBaseUrl = QStringLiteral("https://leadline.example.in");
    QNetworkAccessManager nam;
    ExotelClient client(nam, c);
    ExotelDialRequest req;
    req.to = QStringLiteral("+919876543210");
    req.correlationToken = QStringLiteral("0123456789abcdef");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("POST .* failed:.*")));
    auto result = run([&](auto cb) { client.connectCall(req, cb); });
    QVERIFY(!result->ok());
    QCOMPARE(result->error().codeName(), QStringLiteral("exotel_network"));
    QTest::qWait(300); // a re-send would arrive by now
    QCOMPARE(server.requests.size(), 1);
    QVERIFY(server.requests.first().head.startsWith("POST /v1/Accounts/a/Calls/connect.json"));
    QVERIFY(server.requests.first().body.contains("From=%2B919876543210"));
}

QTEST_GUILESS_MAIN(tst_ExotelClient)
#include "tst_exotelclient.moc"
