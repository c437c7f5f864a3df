// Exotel media-stream frames: every event in the spellings the reference lists (snake/camel
// case, numbers as strings or ints, "Event"), bad input as errors, and outbound frames.
#include "telephony/mediaprotocol.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>
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
    void plainScannerTakesExotelFrames();
    void plainScannerDeclinesOddFrames_data();
    void plainScannerDeclinesOddFrames();
    void plainScannerAgreesOnMangledFrames();
};

// Every field of two parsed events, compared (QCOMPARE inside: call through QVERIFY(!failed)).
static void compareEvents(const MediaEvent &a, const MediaEvent &b, const QByteArray &frame)
{
    const QByteArray what = frame.left(120);
    QVERIFY2(a.type == b.type, what.constData());
    QVERIFY2(a.rawType == b.rawType, what.constData());
    QVERIFY2(a.sequenceNumber == b.sequenceNumber, what.constData());
    QVERIFY2(a.streamSid == b.streamSid, what.constData());
    QVERIFY2(a.callSid == b.callSid, what.constData());
    QVERIFY2(a.accountSid == b.accountSid, what.constData());
    QVERIFY2(a.from == b.from && a.to == b.to, what.constData());
    QVERIFY2(a.customParameters == b.customParameters, what.constData());
    QVERIFY2(a.sampleRate == b.sampleRate, what.constData());
    QVERIFY2(a.chunk == b.chunk && a.timestampMs == b.timestampMs, what.constData());
    QVERIFY2(a.pcm == b.pcm, what.constData());
    QVERIFY2(a.digit == b.digit && a.durationMs == b.durationMs, what.constData());
    QVERIFY2(a.markName == b.markName && a.reason == b.reason, what.constData());
}

// The scanner either declines a frame or reads it exactly as QJsonDocument does; and
// parseMediaEvent answers as the QJsonDocument parser does, error or not.
static void checkAgreement(const QByteArray &frame, int *plainCount = nullptr)
{
    const auto plain = parsePlainMediaEvent(frame);
    const auto json = parseMediaEventJson(frame);
    if (plain) {
        QVERIFY2(json.ok(), frame.left(120).constData());
        compareEvents(*plain, json.value(), frame);
        if (plainCount)
            ++*plainCount;
    }
    const auto both = parseMediaEvent(frame);
    QVERIFY2(both.ok() == json.ok(), frame.left(120).constData());
    if (both.ok())
        compareEvents(both.value(), json.value(), frame);
    else
        QCOMPARE(both.error().message, json.error().message);
}

static QList<QByteArray> fixtureFrames()
{
    QList<QByteArray> frames;
    for (const char *name : {"interested", "not_interested", "barge_in", "dtmf"}) {
        QFile f(QStringLiteral(LEADLINE_TESTDATA_DIR "/exotel/%1.jsonl").arg(QLatin1String(name)));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        for (const QByteArray &l : f.readAll().split('\n'))
            if (!l.trimmed().isEmpty())
                frames.append(l.trimmed());
    }
    return frames;
}

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

void tst_MediaProtocol::plainScannerTakesExotelFrames()
{
    // Every frame Exotel sends in the recorded calls (connected, start, media, dtmf, mark,
    // stop) and our own outbound frames are read without QJsonDocument, with the same result.
    QList<QByteArray> frames = fixtureFrames();
    QVERIFY(frames.size() > 100);
    frames << mediaFrame(QStringLiteral("S"), QByteArray(3200, '\x05'), 7, 1400) << markFrame(QStringLiteral("S"), QStringLiteral("s3"))
           << QByteArray(R"({"event":"mark","sequence_number":9,"stream_sid":"S","mark":{"name":"s4"}})")
           << QByteArray(R"( { "Event" : "Media" , "streamSid":"S", "media" : { "chunk" : -0, "timestamp":" 4100ms", "payload":"AAABAA==" } } )")
           << QByteArray(R"({"event":"start","start":{"callSid":"C","customParameters":{"lc":"7f","n":12,"ok":true,"x":null,"o":{"a":"b"}},"mediaFormat":{"sampleRate":8000}}})");
    QSet<int> types;
    for (const QByteArray &f : std::as_const(frames)) {
        const auto plain = parsePlainMediaEvent(f);
        QVERIFY2(plain.has_value(), f.left(120).constData());
        types.insert(int(plain->type));
        checkAgreement(f);
        if (QTest::currentTestFailed())
            return;
    }
    using T = MediaEvent::Type;
    QCOMPARE(types, (QSet<int>{int(T::Connected), int(T::Start), int(T::Media), int(T::Dtmf), int(T::Mark), int(T::Stop)}));
}

void tst_MediaProtocol::plainScannerDeclinesOddFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("valid"); // parseMediaEvent still reads it
    QTest::newRow("escaped quote") << QByteArray(R"({"event":"mark","mark":{"name":"a\"b"}})") << true;
    QTest::newRow("unicode escape") << QByteArray(R"({"event":"m\u0061rk","mark":{"name":"s1"}})") << true;
    QTest::newRow("non-ASCII") << QByteArray(R"({"event":"mark","mark":{"name":"हिंदी"}})") << true;
    QTest::newRow("array value") << QByteArray(R"({"event":"mark","mark":{"name":"s1"},"tags":[1,2]})") << true;
    QTest::newRow("fraction") << QByteArray(R"({"event":"media","media":{"chunk":1.5,"payload":""}})") << true;
    QTest::newRow("exponent") << QByteArray(R"({"event":"media","media":{"chunk":1e2,"payload":""}})") << true;
    QTest::newRow("16 digits") << QByteArray(R"({"event":"media","media":{"chunk":1234567890123456,"payload":""}})") << true;
    QTest::newRow("duplicate key") << QByteArray(R"({"event":"mark","event":"stop"})") << true;
    QTest::newRow("deep") << QByteArray(R"({"event":"start","start":{"custom_parameters":{"a":{"b":{"c":1}}}}})") << true;
    QTest::newRow("leading zero") << QByteArray(R"({"event":"media","media":{"chunk":01,"payload":""}})") << false;
    QTest::newRow("plus sign") << QByteArray(R"({"event":"media","media":{"chunk":+1,"payload":""}})") << false;
    QTest::newRow("trailing garbage") << QByteArray(R"({"event":"mark"}x)") << false;
    QTest::newRow("two objects") << QByteArray(R"({"event":"mark"}{"event":"stop"})") << false;
    QTest::newRow("trailing comma") << QByteArray(R"({"event":"mark",})") << false;
    QTest::newRow("unquoted key") << QByteArray(R"({event:"mark"})") << false;
    QTest::newRow("raw tab in a string") << QByteArray("{\"event\":\"ma\trk\"}") << true; // QJsonDocument lets it pass
    QTest::newRow("truncated") << QByteArray(R"({"event":"media","media":{"payload":"AAAB)") << false;
    QTest::newRow("tru") << QByteArray(R"({"event":"mark","x":tru})") << false;
    QTest::newRow("bad base64") << QByteArray(R"({"event":"media","media":{"payload":"!!notbase64!!"}})") << false;
    QTest::newRow("no event") << QByteArray(R"({"stream_sid":"S"})") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("array") << QByteArray("[1,2]") << false;
}

void tst_MediaProtocol::plainScannerDeclinesOddFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, valid);
    QVERIFY(!parsePlainMediaEvent(frame).has_value());
    QCOMPARE(parseMediaEvent(frame).ok(), valid);
    checkAgreement(frame);
}

void tst_MediaProtocol::plainScannerAgreesOnMangledFrames()
{
    // Every prefix of one frame of each kind, and every position overwritten with a byte that
    // matters to a JSON reader: the scanner declines or agrees, and the verdict is the general
    // parser's (a malformed frame stays an error with its message).
    QList<QByteArray> samples;
    QSet<QByteArray> kinds;
    for (const QByteArray &f : fixtureFrames()) {
        const QByteArray kind = QJsonDocument::fromJson(f).object().value(QStringLiteral("event")).toString().toLatin1();
        if (!kinds.contains(kind)) {
            kinds.insert(kind);
            samples.append(kind == "media" ? f.left(60) + f.mid(f.indexOf("\"payload\"")).left(40) + "\"}}" : f);
        }
    }
    samples << QByteArray(R"({"event":"media","media":{"chunk":"12","timestamp":99,"payload":"AAABAA=="},"stream_sid":"S"})");
    int plain = 0, variants = 0;
    const QByteArray bytes = QByteArrayLiteral("{}[]\":,\\ 0-9etfnx.\x01\xc3");
    for (const QByteArray &s : std::as_const(samples)) {
        for (qsizetype i = 0; i <= s.size(); ++i) {
            checkAgreement(s.left(i), &plain);
            ++variants;
            for (const char b : bytes) {
                if (i == s.size())
                    break;
                QByteArray m = s;
                m[i] = b;
                checkAgreement(m, &plain);
                ++variants;
            }
            if (QTest::currentTestFailed())
                return;
        }
    }
    // Some of the variants are still plain, well-formed frames (a digit for a digit, ...).
    QVERIFY2(plain > 100 && plain < variants, qPrintable(QStringLiteral("%1 of %2").arg(plain).arg(variants)));
}

QTEST_GUILESS_MAIN(tst_MediaProtocol)
#include "tst_mediaprotocol.moc"
