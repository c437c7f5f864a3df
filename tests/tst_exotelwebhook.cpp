// Exotel status callback parsing: the reference section 3 fixtures as JSON, urlencoded form and
// multipart bodies, key-case and type drift, answered vs terminal, and malformed bodies.
#include "telephony/exotelwebhook.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Telephony;

class tst_ExotelWebhook : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void timestampsAreIst();
};

// Reference 3.3, verbatim shape.
static const QByteArray kTerminalJson = R"({
  "CallSid": "3f9e2d1c0b8a47e6a5d4c3b2a1908f7e", "EventType": "terminal", "Status": "completed",
  "DateCreated": "2025-03-10 11:02:07", "DateUpdated": "2025-03-10 11:05:53",
  "StartTime": "2025-03-10 11:02:07", "EndTime": "2025-03-10 11:05:51",
  "From": "09812345678", "To": "", "PhoneNumberSid": "08047112233",
  "Direction": "outbound-api", "ConversationDuration": 201, "CustomField": "call=5521;lead=901",
  "RecordingUrl": "https://recordings.exotel.example/leadlinerealty1/3f9e...e.mp3",
  "Legs": [{"OnCallDuration": 212, "Status": "completed"}]
})";

void tst_ExotelWebhook::parse_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("sid");
    QTest::addColumn<QString>("eventType");
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("conversation");
    QTest::addColumn<qint64>("callId");
    QTest::addColumn<QString>("recording");
    QTest::addColumn<int>("legs");
    QTest::addColumn<QString>("answeredBy");

    QTest::newRow("reference 3.3 terminal JSON") << QByteArray("application/json") << kTerminalJson
        << "3f9e2d1c0b8a47e6a5d4c3b2a1908f7e" << "terminal" << true << "completed" << 201 << qint64(5521)
        << "https://recordings.exotel.example/leadlinerealty1/3f9e...e.mp3" << 1 << "";
    QTest::newRow("unanswered no-answer JSON") << QByteArray("application/json; charset=utf-8")
        << QByteArray(R"({"CallSid":"s2","EventType":"terminal","Status":"no-answer","ConversationDuration":0,"RecordingUrl":"","CustomField":"call=7;lead=9","Legs":[{"OnCallDuration":0,"Status":"no-answer"}]})")
        << "s2" << "terminal" << true << "no-answer" << 0 << qint64(7) << "" << 1 << "";
    QTest::newRow("busy leg, strings for numbers") << QByteArray("application/json")
        << QByteArray(R"({"CallSid":"s3","EventType":"terminal","Status":"busy","ConversationDuration":"0","RecordingUrl":null,"Legs":[{"OnCallDuration":"0","Status":"busy"}]})")
        << "s3" << "terminal" << true << "busy" << 0 << qint64(0) << "" << 1 << "";
    QTest::newRow("answered intermediate") << QByteArray("application/json")
        << QByteArray(R"({"CallSid":"s4","EventType":"answered","Status":"in-progress","DateUpdated":"2025-03-10 11:02:20"})")
        << "s4" << "answered" << false << "in-progress" << -1 << qint64(0) << "" << 0 << "";
    QTest::newRow("default four only (no EventType) = terminal") << QByteArray("application/json")
        << QByteArray(R"({"CallSid":"s5","Status":"failed","RecordingUrl":null,"DateUpdated":"2025-03-10 11:02:20"})")
        << "s5" << "" << true << "failed" << -1 << qint64(0) << "" << 0 << "";
    QTest::newRow("lower-cased keys, AnsweredBy HUMAN") << QByteArray("application/json")
        << QByteArray(R"({"callsid":"s6","eventtype":"Terminal","status":"Completed","legs":[{"Leg":{"Status":"completed","OnCallDuration":40,"AnsweredBy":"HUMAN"}}]})")
        << "s6" << "terminal" << true << "completed" << -1 << qint64(0) << "" << 1 << "human";
    QTest::newRow("urlencoded form") << QByteArray("application/x-www-form-urlencoded")
        << QByteArray("CallSid=s7&EventType=terminal&Status=completed&ConversationDuration=33&CustomField=call%3D42%3Blead%3D1"
                      "&RecordingUrl=https%3A%2F%2Frec.example%2Fa.mp3&DateUpdated=2025-03-10+11%3A05%3A53"
                      "&Legs%5B0%5D%5BStatus%5D=completed&Legs%5B0%5D%5BOnCallDuration%5D=35")
        << "s7" << "terminal" << true << "completed" << 33 << qint64(42) << "https://rec.example/a.mp3" << 1 << "";
    QTest::newRow("multipart form") << QByteArray("multipart/form-data; boundary=XyZ")
        << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"CallSid\"\r\n\r\ns8\r\n"
                      "--XyZ\r\nContent-Disposition: form-data; name=\"Status\"\r\n\r\nbusy\r\n"
                      "--XyZ\r\nContent-Disposition: form-data; name=\"EventType\"\r\n\r\nterminal\r\n"
                      "--XyZ\r\nContent-Disposition: form-data; name=\"CustomField\"\r\n\r\ncall=99;lead=3\r\n"
                      "--XyZ--\r\n")
        << "s8" << "terminal" << true << "busy" << -1 << qint64(99) << "" << 0 << "";
    QTest::newRow("JSON without content type") << QByteArray() << QByteArray(R"({"CallSid":"s9","Status":"completed"})")
        << "s9" << "" << true << "completed" << -1 << qint64(0) << "" << 0 << "";
}

void tst_ExotelWebhook::parse()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, sid);
    QFETCH(QString, eventType);
    QFETCH(bool, terminal);
    QFETCH(QString, status);
    QFETCH(int, conversation);
    QFETCH(qint64, callId);
    QFETCH(QString, recording);
    QFETCH(int, legs);
    QFETCH(QString, answeredBy);
    auto e = parseExotelStatusCallback(contentType, body);
    QVERIFY2(e.ok(), e.ok() ? "" : qPrintable(e.error().message));
    QCOMPARE(e->callSid, sid);
    QCOMPARE(e->eventType, eventType);
    QCOMPARE(e->isTerminal(), terminal);
    QCOMPARE(e->status, status);
    QCOMPARE(e->conversationDurationS, conversation);
    QCOMPARE(e->customCallId, callId);
    QCOMPARE(e->recordingUrl, recording);
    QCOMPARE(e->legs.size(), legs);
    QCOMPARE(e->answeredBy(), answeredBy);
}

void tst_ExotelWebhook::rejects_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no CallSid") << QByteArray("application/json") << QByteArray(R"({"Status":"completed"})");
    QTest::newRow("broken JSON") << QByteArray("application/json") << QByteArray(R"({"CallSid":)");
    QTest::newRow("JSON array") << QByteArray("application/json") << QByteArray("[1,2]");
    QTest::newRow("empty form") << QByteArray("application/x-www-form-urlencoded") << QByteArray();
    QTest::newRow("multipart without boundary") << QByteArray("multipart/form-data") << QByteArray("x");
}

void tst_ExotelWebhook::rejects()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    auto e = parseExotelStatusCallback(contentType, body);
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, Error::Code::BadRequest);
}

void tst_ExotelWebhook::timestampsAreIst()
{
    auto e = parseExotelStatusCallback("application/json", kTerminalJson);
    QVERIFY(e.ok());
    QCOMPARE(e->startTime, QDateTime(QDate(2025, 3, 10), QTime(5, 32, 7), Qt::UTC));
    QCOMPARE(e->endTime, QDateTime(QDate(2025, 3, 10), QTime(5, 35, 51), Qt::UTC));
    QCOMPARE(e->legs.first().onCallDurationS, 212);
}

QTEST_GUILESS_MAIN(tst_ExotelWebhook)
#include "tst_exotelwebhook.moc"
