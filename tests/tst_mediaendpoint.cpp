// The whole live path over a real socket: ServerPool (2 workers) + /media + CallSession +
// StorageCallRecorder on SQLite, driven by the fixtures in tests/data/exotel as Exotel would (fakes/exotelstreamcaller.h).
// A replayed interested.jsonl call ends with a stored transcript and outcome; sockets without
// credentials are refused; a garbage-sending socket does not disturb a concurrent call.
#include "campaigns/campaignservice.h"
#include "conversation/eventingcallrecorder.h"
#include "conversation/mediaendpoint.h"
#include "conversation/storagecallrecorder.h"
#include "fakes/exotelstreamcaller.h"
#include "fakes/fakeclock.h"
#include "fakes/fixturereplayer.h"
#include "fakes/recordingeventsink.h"
#include "fakes/testdatabase.h"
#include "providers/fake/fakeproviderfactory.h"
#include "server/requestauth.h"
#include "server/serverpool.h"
#include "storage/callrepository.h"
#include "storage/leadrepository.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTimeZone>
#include <QWebSocket>
#include <QtTest>

using namespace Leadline;

// Delegates to the fakes and records that every session got its worker's real
// QNetworkAccessManager (the vendor clients need one).
class NamCheckingFactory final : public Providers::ProviderFactory
{
public:
    explicit NamCheckingFactory(const Providers::ProviderFactory &inner) : m_inner(inner) {}
    std::unique_ptr<Providers::SpeechToText> createStt(QNetworkAccessManager *nam) const override { check(nam); return m_inner.createStt(nam); }
    std::unique_ptr<Providers::LanguageModel> createLlm(QNetworkAccessManager *nam) const override { check(nam); return m_inner.createLlm(nam); }
    std::unique_ptr<Providers::TextToSpeech> createTts(QNetworkAccessManager *nam) const override { check(nam); return m_inner.createTts(nam); }
    QString describe() const override { return m_inner.describe(); }
    mutable QAtomicInt good, bad;

private:
    void check(QNetworkAccessManager *nam) const
    {
        const bool ok = nam && qobject_cast<QNetworkAccessManager *>(static_cast<QObject *>(nam)) && nam->thread() == QThread::currentThread();
        (ok ? good : bad).ref();
    }
    const Providers::ProviderFactory &m_inner;
};

class tst_MediaEndpoint : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void authorize_data();
    void authorize();
    void replayInterestedStoresTranscriptAndOutcome();
    void unauthenticatedSocketIsRefused();
    void garbageOnOneCallLeavesTheOtherAlone();
    void supervisorHangUpEndsTheCall();
    void cleanupTestCase();

private:
    qint64 makeCall(const QString &token, const QString &phone);
    Testing::ExotelStreamCaller::Summary replay(const QString &fixture, const QString &token, int holdMs);
    QUrl mediaUrl(const QString &token) const;

    Testing::TestDatabase m_db;
    Testing::FakeClock m_clock;
    std::unique_ptr<Campaigns::CampaignService> m_campaigns;
    std::unique_ptr<Conversation::StorageCallRecorder> m_recorder;
    Testing::RecordingEventSink m_events;
    std::unique_ptr<Conversation::EventingCallRecorder> m_eventing;
    std::unique_ptr<Providers::FakeProviderFactory> m_providers;
    std::unique_ptr<NamCheckingFactory> m_checked;
    std::unique_ptr<Conversation::MediaEndpoint> m_endpoint;
    std::unique_ptr<Server::Router> m_router;
    std::unique_ptr<Server::RequestAuth> m_auth;
    std::unique_ptr<Server::ServerPool> m_pool;
    qint64 m_campaignId = 0;
};

void tst_MediaEndpoint::initTestCase()
{
    m_db = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(m_db.error.isEmpty(), qPrintable(m_db.error));
    m_campaigns = std::make_unique<Campaigns::CampaignService>(*m_db.db, m_clock);
    auto c = m_campaigns->create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Live")}});
    QVERIFY(c.ok());
    m_campaignId = c->id;
    m_recorder = std::make_unique<Conversation::StorageCallRecorder>(*m_db.db);
    m_providers = std::make_unique<Providers::FakeProviderFactory>(
        QStringList{QStringLiteral("Yes, I am interested."), QStringLiteral("Please call me tomorrow evening.")},
        Providers::FakeLatencies{});
    Conversation::MediaAuthConfig auth;
    auth.basicUser = "exotel";
    auth.basicPassword = "s3cret";
    Conversation::SessionConfig cfg;
    m_checked = std::make_unique<NamCheckingFactory>(*m_providers);
    m_eventing = std::make_unique<Conversation::EventingCallRecorder>(*m_recorder, m_events);
    m_endpoint = std::make_unique<Conversation::MediaEndpoint>(*m_checked, *m_eventing, m_clock, auth, cfg);
    m_router = std::make_unique<Server::Router>();
    m_router->addWebSocketPath(QStringLiteral("/media"));
    m_auth = std::make_unique<Server::RequestAuth>("token");
    m_pool = std::make_unique<Server::ServerPool>(*m_router, *m_auth);
    Conversation::MediaEndpoint *endpoint = m_endpoint.get();
    m_pool->setWebSocketHandler([endpoint](std::unique_ptr<QWebSocket> ws, QObject *worker) { endpoint->handle(std::move(ws), worker); });
    Server::ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = 2;
    QVERIFY(m_pool->start(opts).ok());
}

void tst_MediaEndpoint::cleanupTestCase()
{
    m_pool.reset();
    m_endpoint.reset();
    m_recorder.reset();
}

void tst_MediaEndpoint::authorize_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<bool>("accepted");
    const QByteArray good = "Basic " + QByteArray("exotel:s3cret").toBase64();
    QTest::newRow("basic ok") << good << "" << "203.0.113.5" << true;
    QTest::newRow("basic wrong") << ("Basic " + QByteArray("exotel:nope").toBase64()) << "" << "203.0.113.5" << false;
    QTest::newRow("bearer is not basic") << QByteArray("Bearer abc") << "" << "203.0.113.5" << false;
    QTest::newRow("call token") << QByteArray() << "sample-rate=8000&lc=51af21b4639e01df" << "203.0.113.5" << true;
    QTest::newRow("token of the wrong shape") << QByteArray() << "lc=../../etc" << "203.0.113.5" << false;
    QTest::newRow("nothing") << QByteArray() << "sample-rate=8000" << "203.0.113.5" << false;
    QTest::newRow("outside allow-list") << good << "" << "198.51.100.7" << false;
}

void tst_MediaEndpoint::authorize()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, query);
    QFETCH(QString, peer);
    QFETCH(bool, accepted);
    Conversation::MediaAuthConfig auth;
    auth.basicUser = "exotel";
    auth.basicPassword = "s3cret";
    if (QString::fromLatin1(QTest::currentDataTag()) == QLatin1String("outside allow-list"))
        auth.allowList.append(QHostAddress::parseSubnet(QStringLiteral("203.0.113.0/24")));
    const QString why = Conversation::MediaEndpoint::authorize(auth, QHostAddress(peer), authorization, QUrlQuery(query));
    QCOMPARE(why.isEmpty(), accepted);
}

qint64 tst_MediaEndpoint::makeCall(const QString &token, const QString &phone)
{
    auto conn = m_db.db->connection().value();
    Storage::LeadRepository leads(conn);
    Storage::LeadRow lead;
    lead.name = QStringLiteral("Aarav Sharma");
    lead.phoneE164 = phone;
    lead.city = QStringLiteral("Pune");
    lead.propertyType = QStringLiteral("2BHK");
    lead.language = QStringLiteral("English");
    if (!leads.insertBatch(m_campaignId, {lead}, 1))
        qFatal("cannot insert the test lead");
    const qint64 leadId = leads.page(m_campaignId, 0, 1000)->leads.constLast().id;
    Storage::CallRow call;
    call.leadId = leadId;
    call.campaignId = m_campaignId;
    call.correlationToken = token;
    call.status = QStringLiteral("dialing");
    return Storage::CallRepository(conn).create(call, 1).value().id;
}

QUrl tst_MediaEndpoint::mediaUrl(const QString &token) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/media?sample-rate=8000&lc=%2").arg(m_pool->port()).arg(token));
}

Testing::ExotelStreamCaller::Summary tst_MediaEndpoint::replay(const QString &fixture, const QString &token, int holdMs)
{
    Testing::ExotelStreamCaller caller(Testing::readFixture(fixture), mediaUrl(token),
                                       {QJsonObject{{QStringLiteral("lc"), token}}, QString(), holdMs});
    // The server lives on this thread's event loop too: the wait keeps it spinning.
    if (!QTest::qWaitFor([&] { return caller.finished(); }, 60000))
        qWarning() << "replay of" << fixture << "did not finish in 60 s";
    return caller.summary();
}

void tst_MediaEndpoint::replayInterestedStoresTranscriptAndOutcome()
{
    const QString token = QStringLiteral("51af21b4639e01df");
    const qint64 callId = makeCall(token, QStringLiteral("+919876500001"));
    // Hold: keep the line open after the fixture so the agent can say goodbye and hang up.
    const auto summary = replay(QStringLiteral("interested.jsonl"), token, 15000);
    QVERIFY(summary.connected);
    QVERIFY(summary.serverMedia > 0);
    QVERIFY(summary.serverMarks > 0);
    QVERIFY(summary.marksEchoed > 0);
    QVERIFY2(summary.closedByServer, "the agent hangs up after its goodbye, before the hold runs out");
    m_recorder->flush();
    Storage::CallRepository calls(m_db.db->connection().value());
    QTRY_COMPARE_WITH_TIMEOUT(calls.get(callId)->outcome, QStringLiteral("interested"), 5000);
    m_recorder->flush();
    const auto call = calls.get(callId).value();
    QCOMPARE(call.status, QStringLiteral("completed"));
    QCOMPARE(call.providerSid, QStringLiteral("3bb4427137fcec2783d354616a53381b"));
    QVERIFY(call.answeredAt > 0);
    QCOMPARE(call.fields.value(QStringLiteral("callback_time")).toObject().value(QStringLiteral("value")).toString(),
             QStringLiteral("tomorrow evening"));
    // "tomorrow evening" normalized in the lead's zone and inside the 10:00-19:00 window.
    QVERIFY(call.callbackAt > 0);
    const QDateTime callback = QDateTime::fromMSecsSinceEpoch(call.callbackAt, QTimeZone("Asia/Kolkata"));
    QCOMPARE(callback.date(), m_clock.now().toTimeZone(QTimeZone("Asia/Kolkata")).date().addDays(1));
    QVERIFY2(callback.time() >= QTime(17, 0) && callback.time() < QTime(19, 0), qPrintable(callback.toString()));
    const auto turns = calls.turns(callId).value();
    QStringList caller;
    for (const auto &t : turns)
        if (t.speaker == QLatin1String("caller"))
            caller << t.text;
    QCOMPARE(caller, (QStringList{QStringLiteral("Yes, I am interested."), QStringLiteral("Please call me tomorrow evening.")}));
    QVERIFY(turns.size() >= 4);
    QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->activeCalls(), 0, 5000);
    QVERIFY(m_checked->good.loadRelaxed() >= 3);
    // The same call as consoles saw it on the event stream.
    auto ofCall = [&](const QString &type) {
        QList<QJsonObject> out;
        for (const QJsonObject &e : m_events.events(type))
            if (e.value(QStringLiteral("call_id")).toInteger() == callId)
                out << e;
        return out;
    };
    QCOMPARE(ofCall(QStringLiteral("call.answered")).size(), 1);
    QCOMPARE(ofCall(QStringLiteral("call.answered")).constFirst().value(QStringLiteral("campaign_id")).toInteger(), m_campaignId);
    QCOMPARE(ofCall(QStringLiteral("call.answered")).constFirst().value(QStringLiteral("lead_name")).toString(), QStringLiteral("Aarav Sharma"));
    QCOMPARE(ofCall(QStringLiteral("call.turn")).size(), turns.size());
    bool agentLatency = false;
    for (const QJsonObject &t : ofCall(QStringLiteral("call.turn"))) {
        // Every turn has words (a cut-off greeting too), and an agent turn's latency is the sum of
        // the parts that are known, absent when none is.
        QVERIFY2(!t.value(QStringLiteral("text")).toString().isEmpty(), qPrintable(QJsonDocument(t).toJson()));
        if (t.value(QStringLiteral("speaker")).toString() != QLatin1String("agent"))
            continue;
        int sum = 0;
        bool known = false;
        for (const char *part : {"stt_ms", "llm_ms", "tts_ms"})
            if (const int ms = t.value(QLatin1String(part)).toInt(-1); ms >= 0) {
                sum += ms;
                known = true;
            }
        QCOMPARE(t.contains(QStringLiteral("latency_ms")), known);
        if (known)
            QCOMPARE(t.value(QStringLiteral("latency_ms")).toInt(), sum);
        agentLatency |= known;
    }
    QVERIFY(agentLatency);
    const auto ended = ofCall(QStringLiteral("call.ended"));
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.constFirst().value(QStringLiteral("outcome")).toString(), QStringLiteral("interested"));
    QCOMPARE(ended.constFirst().value(QStringLiteral("campaign_id")).toInteger(), m_campaignId);
    QCOMPARE(m_checked->bad.loadRelaxed(), 0);
}

void tst_MediaEndpoint::unauthenticatedSocketIsRefused()
{
    QWebSocket ws;
    QSignalSpy closed(&ws, &QWebSocket::disconnected);
    ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/media?sample-rate=8000").arg(m_pool->port())));
    QVERIFY(closed.wait(5000));
    QCOMPARE(ws.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

void tst_MediaEndpoint::garbageOnOneCallLeavesTheOtherAlone()
{
    // A hostile/broken client on a valid token sends garbage and drops; a real call runs beside it.
    const QString badToken = QStringLiteral("aaaaaaaaaaaaaaaa");
    makeCall(badToken, QStringLiteral("+919876500002"));
    QWebSocket bad;
    QSignalSpy connected(&bad, &QWebSocket::connected);
    bad.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/media?lc=%2").arg(m_pool->port()).arg(badToken)));
    QVERIFY(connected.wait(5000));
    bad.sendTextMessage(QStringLiteral("{garbage"));
    bad.sendTextMessage(QStringLiteral(R"({"event":"media","media":{"payload":"!!"}})"));
    bad.sendBinaryMessage(QByteArray(1000, 'x'));
    bad.sendTextMessage(QString(400 * 1024, QLatin1Char('x'))); // over the message limit
    bad.abort();

    const QString token = QStringLiteral("bbbbbbbbbbbbbbbb");
    const qint64 callId = makeCall(token, QStringLiteral("+919876500003"));
    QVERIFY(replay(QStringLiteral("interested.jsonl"), token, 15000).connected);
    m_recorder->flush();
    Storage::CallRepository calls(m_db.db->connection().value());
    QTRY_COMPARE_WITH_TIMEOUT(calls.get(callId)->outcome, QStringLiteral("interested"), 5000);
}

void tst_MediaEndpoint::supervisorHangUpEndsTheCall()
{
    QVERIFY(!m_endpoint->hangUp(987654321)); // no such live call
    const QString token = QStringLiteral("cccccccccccccccc");
    const qint64 callId = makeCall(token, QStringLiteral("+919876500004"));
    Testing::ExotelStreamCaller caller(Testing::readFixture(QStringLiteral("interested.jsonl")), mediaUrl(token),
                                       {QJsonObject{{QStringLiteral("lc"), token}}, QStringLiteral("hangupcallsid0001"), 40000});
    auto answered = [&] {
        for (const QJsonObject &e : m_events.events(QStringLiteral("call.answered")))
            if (e.value(QStringLiteral("call_id")).toInteger() == callId)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(answered(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_endpoint->hangUp(callId), 5000);
    m_recorder->flush();
    Storage::CallRepository calls(m_db.db->connection().value());
    QTRY_COMPARE_WITH_TIMEOUT(calls.get(callId)->status, QStringLiteral("completed"), 5000);
    m_recorder->flush();
    QCOMPARE(calls.get(callId)->fields.value(QStringLiteral("hung_up_by")).toString(), QStringLiteral("supervisor"));
    // The socket is closed by us long before the replay's 40 s hold.
    QTRY_VERIFY_WITH_TIMEOUT(caller.finished(), 15000);
    QVERIFY(caller.summary().closedByServer);
    QTRY_VERIFY_WITH_TIMEOUT(!m_endpoint->hangUp(callId), 5000);
}

QTEST_GUILESS_MAIN(tst_MediaEndpoint)
#include "tst_mediaendpoint.moc"
