// Exotel media-stream frames: every event in the spellings the reference lists (snake/camel
// case, numbers as strings or ints, "Event"), bad input as errors, and outbound frames.
#include "telephony/mediaprotocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Telephony;

class tst_MediaProtocol : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void outbound();
};

void tst_MediaProtocol::parse_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("streamSid");
    QTest::addColumn<QString>("detail");   // call sid / digit / mark name / reason
    QTest::addColumn<qint64>("number");    // sequence / chunk / duration / rate
    using T = MediaEvent::Type;
    QTest::newRow("connected") << QByteArray(R"({"event":"connected"})") << int(T::Connected) << "" << "" << qint64(-1);
    QTest::newRow("start, string numbers")
        << QByteArray(R"({"event":"start","sequence_number":"1","stream_sid":"S1","start":{"stream_sid":"S1","call_sid":"C1","account_sid":"acct","from":"0981","to":"080","custom_parameters":{"lc":"7f3a"},"media_format":{"encoding":"base64","sample_rate":"8000","bit_rate":"128kbps"}}})")
        << int(T::Start) << "S1" << "C1" << qint64(8000);
    QTest::newRow("start, camelCase, int rate, Hz")
        << QByteArray(R"({"Event":"start","streamSid":"S2","start":{"streamSid":"S2","callSid":"C2","customParameters":{},"mediaFormat":{"sampleRate":"16000Hz"}}})")
        << int(T::Start) << "S2" << "C2" << qint64(16000);
    QTest::newRow("start, stream sid only inside") << QByteArray(R"({"event":"start","start":{"stream_sid":"S3","call_sid":"C3","media_format":{"sample_rate":24000}}})")
                                                  << int(T::Start) << "S3" << "C3" << qint64(24000);
    QTest::newRow("media, int chunk") << QByteArray(R"({"event":"media","sequence_number":2,"stream_sid":"S","media":{"chunk":1,"timestamp":"0","payload":"AAABAA=="}})")
                                      << int(T::Media) << "S" << "" << qint64(1);
    QTest::newRow("media, string chunk") << QByteArray(R"({"event":"media","stream_sid":"S","media":{"chunk":"41","timestamp":"4100","payload":"AAABAA=="}})")
                                         << int(T::Media) << "S" << "" << qint64(41);
    QTest::newRow("dtmf") << QByteArray(R"({"event":"dtmf","stream_sid":"S","dtmf":{"digit":"9","duration":"160"}})") << int(T::Dtmf) << "S" << "9" << qint64(160);
    QTest::newRow("mark") << QByteArray(R"({"event":"mark","stream_sid":"S","mark":{"name":"s4"}})") << int(T::Mark) << "S" << "s4" << qint64(-1);
    QTest::newRow("stop") << QByteArray(R"({"event":"stop","stream_sid":"S","stop":{"call_sid":"C","reason":"callended"}})") << int(T::Stop) << "S" << "callended" << qint64(-1);
    QTest::newRow("unknown event") << QByteArray(R"({"event":"transcription","x":1})") << int(T::Unknown) << "" << "" << qint64(-1);
    QTest::newRow("upper-case event") << QByteArray(R"({"event":"STOP","stop":{"reason":"stopped"}})") << int(T::Stop) << "" << "stopped" << qint64(-1);
}

void tst_MediaProtocol::parse()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, type);
    QFETCH(QString, streamSid);
    QFETCH(QString, detail);
    QFETCH(qint64, number);
    auto e = parseMediaEvent(frame);
    QVERIFY2(e.ok(), e.ok() ? "" : qPrintable(e.error().message));
    QCOMPARE(int(e->type), type);
    QCOMPARE(e->streamSid, streamSid);
    switch (MediaEvent::Type(type)) {
    case MediaEvent::Type::Start:
        QCOMPARE(e->callSid, detail);
        QCOMPARE(qint64(e->sampleRate), number);
        break;
    case MediaEvent::Type::Media:
        QCOMPARE(e->chunk, number);
        QCOMPARE(e->pcm, QByteArray::fromHex("00000100"));
        break;
    case MediaEvent::Type::Dtmf:
        QCOMPARE(e->digit, detail);
        QCOMPARE(qint64(e->durationMs), number);
        break;
    case MediaEvent::Type::Mark:
        QCOMPARE(e->markName, detail);
        break;
    case MediaEvent::Type::Stop:
        QCOMPARE(e->reason, detail);
        break;
    default:
        break;
    }
}

void tst_MediaProtocol::rejects_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("not json") << QByteArray("{event: media");
    QTest::newRow("array") << QByteArray("[1,2]");
    QTest::newRow("no event") << QByteArray(R"({"stream_sid":"S"})");
    QTest::newRow("bad base64") << QByteArray(R"({"event":"media","media":{"payload":"!!notbase64!!"}})");
    QTest::newRow("empty") << QByteArray();
}

void tst_MediaProtocol::rejects()
{
    QFETCH(QByteArray, frame);
    auto e = parseMediaEvent(frame);
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, Error::Code::BadRequest);
    QVERIFY(!e.error().message.isEmpty());
}

void tst_MediaProtocol::outbound()
{
    const QByteArray pcm(640, '\x11');
    const QJsonObject m = QJsonDocument::fromJson(mediaFrame(QStringLiteral("S"), pcm, 12, 2400)).object();
    QCOMPARE(m.value(QStringLiteral("event")).toString(), QStringLiteral("media"));
    QCOMPARE(m.value(QStringLiteral("stream_sid")).toString(), QStringLiteral("S"));
    QCOMPARE(m[QStringLiteral("media")][QStringLiteral("chunk")].toString(), QStringLiteral("12"));
    QCOMPARE(QByteArray::fromBase64(m[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()), pcm);
    // The hand-written frame is byte for byte what QJsonDocument writes, also for stream ids
    // that need escaping.
    for (const QString &sid : {QStringLiteral("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"), QStringLiteral("q\"uote\\back\nline"), QStringLiteral("हिंदी")}) {
        const QByteArray expected = QJsonDocument(QJsonObject{
            {QStringLiteral("event"), QStringLiteral("media")},
            {QStringLiteral("stream_sid"), sid},
            {QStringLiteral("media"), QJsonObject{{QStringLiteral("chunk"), QStringLiteral("-7")},
                                                  {QStringLiteral("timestamp"), QStringLiteral("1234567890123")},
                                                  {QStringLiteral("payload"), QString::fromLatin1(QByteArray(321, '\x42').toBase64())}}},
        }).toJson(QJsonDocument::Compact);
        QCOMPARE(mediaFrame(sid, QByteArray(321, '\x42'), -7, 1234567890123), expected);
    }
    // Round trip through our own parser.
    auto back = parseMediaEvent(mediaFrame(QStringLiteral("S"), pcm, 1, 0));
    QVERIFY(back.ok());
    QCOMPARE(back->pcm, pcm);
    QCOMPARE(QJsonDocument::fromJson(markFrame(QStringLiteral("S"), QStringLiteral("s3"))).object()[QStringLiteral("mark")][QStringLiteral("name")].toString(),
             QStringLiteral("s3"));
    QCOMPARE(QJsonDocument::fromJson(clearFrame(QStringLiteral("S"))).object().value(QStringLiteral("event")).toString(), QStringLiteral("clear"));
}

QTEST_GUILESS_MAIN(tst_MediaProtocol)
#include "tst_mediaprotocol.moc"
