// The whole product with no keys and no network: the real Exotel client dials through the
// Exotel simulator on loopback, whose callee personas speak (espeak-ng) to our /media endpoint,
// where offline STT (PocketSphinx), the scripted dialog and offline TTS hold the conversation.
// Every persona must end with its expected outcome.
#include "campaigns/campaignservice.h"
#include "conversation/mediaendpoint.h"
#include "conversation/storagecallrecorder.h"
#include "handoff/storagehandoffdesk.h"
#include "core/settings.h"
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "providers/defaultproviderfactory.h"
#include "projects/briefservice.h"
#include "providers/fake/fakeproviderfactory.h"
#include "server/requestauth.h"
#include "server/serverpool.h"
#include "sim/exotelsimulator.h"
#include "storage/callrepository.h"
#include "storage/leadmessagerepository.h"
#include "storage/leadrepository.h"
#include "storage/sitevisitqueries.h"
#include "telephony/exotelclient.h"

#include <QFile>
#include <QtTest>

using namespace Leadline;

class tst_ExotelSimulator : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void restSurfaceValidatesLikeExotel();
    void everyPersonaReachesItsOutcome();
    void personasTheOfflineRecogniserCannotHear_data();
    void personasTheOfflineRecogniserCannotHear();
    void siteVisitIsBookedThroughTheSimulator();

private:
    // Dials each persona through the simulator against /media served with these providers and
    // checks its expected outcome. Returns the stored calls by persona.
    void runPersonas(const QStringList &tested, const Providers::ProviderFactory &providers,
                     std::shared_ptr<Providers::OfflineSpeechEngine> speech, QHash<QString, qint64> *callOfOut = nullptr);
    Testing::TestDatabase m_db;
    // One for the whole process: espeak-ng is process-global (no keys: offline speech + scripted dialog).
    const Settings m_settings = Settings::defaults();
    std::unique_ptr<Providers::DefaultProviderFactory> m_offline;
};

// Offline LLM (scripted dialog) and TTS (espeak-ng), with a fake STT that "hears" the persona's
// lines in order: for the personas PocketSphinx cannot recognise.
class TranscriptReplayFactory final : public Providers::ProviderFactory
{
public:
    TranscriptReplayFactory(const Providers::ProviderFactory &offline, QStringList lines)
        : m_offline(offline), m_fake(std::move(lines), Providers::FakeLatencies{})
    {
    }
    std::unique_ptr<Providers::SpeechToText> createStt(QNetworkAccessManager *nam) const override { return m_fake.createStt(nam); }
    std::unique_ptr<Providers::LanguageModel> createLlm(QNetworkAccessManager *nam) const override { return m_offline.createLlm(nam); }
    std::unique_ptr<Providers::TextToSpeech> createTts(QNetworkAccessManager *nam) const override { return m_offline.createTts(nam); }
    QString describe() const override { return QStringLiteral("stt=replayed-transcript llm=scripted tts=espeak-ng"); }

private:
    const Providers::ProviderFactory &m_offline;
    Providers::FakeProviderFactory m_fake;
};

static QList<Sim::Persona> personas()
{
    QFile f(QStringLiteral(LEADLINE_SOURCE_DIR "/resources/sim_personas.json"));
    f.open(QIODevice::ReadOnly);
    return Sim::Persona::load(f.readAll()).value();
}

void tst_ExotelSimulator::restSurfaceValidatesLikeExotel()
{
    Sim::ExotelSimulator sim(Sim::SimulatorConfig{}, personas(), nullptr);
    QVERIFY(sim.listenLoopback() > 0);
    QNetworkAccessManager nam;
    auto post = [&](const QByteArray &auth, const QByteArray &form) {
        QNetworkRequest req(QUrl(sim.baseUrl() + QStringLiteral("/v1/Accounts/leadlinesim/Calls/connect.json")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        if (!auth.isEmpty())
            req.setRawHeader("Authorization", "Basic " + auth.toBase64());
        QNetworkReply *r = nam.post(req, form);
        QSignalSpy done(r, &QNetworkReply::finished);
        done.wait(5000);
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r->deleteLater();
        return status;
    };
    const QByteArray good = "From=%2B919876500001&CallerId=08047112233&StreamUrl=ws%3A%2F%2F127.0.0.1%3A1%2Fmedia&StreamType=bidirectional";
    QCOMPARE(post({}, good), 401);
    QCOMPARE(post("simkey:wrong", good), 401);
    QCOMPARE(post("simkey:simtoken", "CallerId=08047112233&StreamUrl=ws%3A%2F%2Fx&StreamType=bidirectional"), 400); // no From
    QCOMPARE(post("simkey:simtoken", "From=%2B919876500001&CallerId=08047112233&StreamUrl=ws%3A%2F%2Fx"), 400);        // no StreamType
    QCOMPARE(post("simkey:simtoken", good), 200);
    Sim::SimulatorConfig tight;
    tight.requestsPerMinute = 2;
    Sim::ExotelSimulator limited(tight, personas(), nullptr);
    limited.listenLoopback();
    QNetworkRequest probe(QUrl(limited.baseUrl() + QStringLiteral("/v1/Accounts/leadlinesim/Calls/x.json")));
    probe.setRawHeader("Authorization", "Basic " + QByteArray("simkey:simtoken").toBase64());
    int last = 0;
    for (int i = 0; i < 3; ++i) {
        QNetworkReply *r = nam.get(probe);
        QSignalSpy done(r, &QNetworkReply::finished);
        done.wait(5000);
        last = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r->deleteLater();
    }
    QCOMPARE(last, 429);
}

void tst_ExotelSimulator::initTestCase()
{
    m_offline = std::make_unique<Providers::DefaultProviderFactory>(m_settings);
}

void tst_ExotelSimulator::everyPersonaReachesItsOutcome()
{
    Providers::DefaultProviderFactory &providers = *m_offline;
    // Not here, because the offline recogniser cannot hear them (measured; see the README):
    // hindi_interested (no Hindi model) and do_not_call (opt-out phrases are misheard). They run
    // in personasTheOfflineRecogniserCannotHear with a replayed transcript instead.
    QStringList tested{QStringLiteral("interested"), QStringLiteral("not_interested"), QStringLiteral("callback_tomorrow"),
                       QStringLiteral("busy"), QStringLiteral("no_answer"), QStringLiteral("barge_in"),
                       QStringLiteral("silent"), QStringLiteral("voicemail")};
    if (qEnvironmentVariableIsSet("LEADLINE_SIM_PERSONAS"))
        tested = qEnvironmentVariable("LEADLINE_SIM_PERSONAS").split(QLatin1Char(','));
    runPersonas(tested, providers, providers.offlineSpeech());
}


void tst_ExotelSimulator::personasTheOfflineRecogniserCannotHear_data()
{
    QTest::addColumn<QString>("persona");
    QTest::newRow("hindi_interested") << QStringLiteral("hindi_interested");
    QTest::newRow("do_not_call") << QStringLiteral("do_not_call");
}

void tst_ExotelSimulator::personasTheOfflineRecogniserCannotHear()
{
    QFETCH(QString, persona);
    Providers::DefaultProviderFactory &offline = *m_offline;
    QStringList lines;
    for (const Sim::Persona &p : personas())
        if (p.name == persona)
            for (const Sim::PersonaLine &l : p.lines)
                lines << l.text;
    QVERIFY(!lines.isEmpty());
    TranscriptReplayFactory providers(offline, lines);
    QHash<QString, qint64> callOf;
    runPersonas({persona}, providers, offline.offlineSpeech(), &callOf);
    if (QTest::currentTestFailed())
        return;
    if (persona == QLatin1String("hindi_interested")) {
        // Greeted and closed in Hindi: the agent's first and last turns are in Hindi (Devanagari).
        const auto turns = Storage::CallRepository(m_db.db->connection().value()).turns(callOf.value(persona)).value();
        QStringList agent;
        for (const auto &t : turns)
            if (t.speaker == QLatin1String("agent"))
                agent << t.language + QLatin1Char(':') + t.text;
        QVERIFY2(agent.size() >= 2, qPrintable(agent.join(QLatin1Char('\n'))));
        QVERIFY2(agent.constFirst().startsWith(QLatin1String("hi:")), qPrintable(agent.constFirst()));
        QVERIFY2(agent.constLast().startsWith(QLatin1String("hi:")), qPrintable(agent.constLast()));
    }
}

void tst_ExotelSimulator::siteVisitIsBookedThroughTheSimulator()
{
    // The persona asks about the project (price and possession: in the brief; stamp duty: not),
    // books Saturday morning for two and asks for the brochure. Its lines are replayed as the
    // transcript so that the booking does not depend on the offline recogniser.
    QStringList lines;
    for (const Sim::Persona &p : personas())
        if (p.name == QLatin1String("site_visit"))
            for (const Sim::PersonaLine &l : p.lines)
                lines << l.text;
    QVERIFY(!lines.isEmpty());
    TranscriptReplayFactory providers(*m_offline, lines);
    QHash<QString, qint64> callOf;
    runPersonas({QStringLiteral("site_visit")}, providers, m_offline->offlineSpeech(), &callOf);
    if (QTest::currentTestFailed())
        return;
    auto conn = m_db.db->connection().value();
    const auto call = Storage::CallRepository(conn).get(callOf.value(QStringLiteral("site_visit"))).value();
    QCOMPARE(call.outcome, QStringLiteral("site_visit"));
    QCOMPARE(call.briefVersion, 1);
    QVERIFY2(call.questionForAdvisor.contains(QStringLiteral("stamp duty")), qPrintable(call.questionForAdvisor));
    // Saturday (the clock says Sunday; the site is closed on Sundays), inside 10:00-18:00 in India.
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(call.siteVisitAt, Qt::UTC).toTimeZone(QTimeZone("Asia/Kolkata"));
    QCOMPARE(at.date().dayOfWeek(), 6);
    QVERIFY2(at.time() >= QTime(10, 0) && at.time() < QTime(18, 0), qPrintable(at.toString(Qt::ISODate)));
    QCOMPARE(call.siteVisitVisitors, 2);
    const auto turns = Storage::CallRepository(conn).turns(call.id).value();
    QString bookingTurn;
    QStringList agent;
    for (const auto &t : turns) {
        if (t.index == call.siteVisitTurn)
            bookingTurn = t.text;
        if (t.speaker == QLatin1String("agent"))
            agent << t.text;
    }
    QCOMPARE(bookingTurn, QStringLiteral("we are two")); // the head count completed the booking
    const QString said = agent.join(QLatin1Char('\n'));
    QVERIFY2(said.contains(QStringLiteral("78 lakh to 92 lakh")), qPrintable(said));          // price from the brief
    QVERIFY2(said.contains(QStringLiteral("December 2027")), qPrintable(said));               // possession from the brief
    QVERIFY2(said.contains(QStringLiteral("I will have our advisor confirm that")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("Your site visit is booked on Saturday")), qPrintable(said));
    // The console's view, and both texts to the lead recorded (no SMS sender configured here).
    auto smsStatus = [&](const char *kind) {
        auto m = Storage::LeadMessageRepository(conn).find(call.id, QLatin1String(kind));
        return m ? m->status : QString();
    };
    QTRY_COMPARE(smsStatus("brochure"), QStringLiteral("not_configured"));
    QTRY_COMPARE(smsStatus("site_visit_confirmation"), QStringLiteral("not_configured"));
    QVERIFY(Storage::LeadMessageRepository(conn).find(call.id, QStringLiteral("site_visit_confirmation"))->body.contains(QStringLiteral("2 visitors")));
    const auto visits = Storage::SiteVisitQueries(conn).forCampaign(call.campaignId).value();
    QCOMPARE(visits.size(), 1);
    QCOMPARE(visits.first().smsStatus, QStringLiteral("not_configured"));
    QCOMPARE(visits.first().visitors, 2);
}

void tst_ExotelSimulator::runPersonas(const QStringList &tested, const Providers::ProviderFactory &providers,
                                      std::shared_ptr<Providers::OfflineSpeechEngine> speech, QHash<QString, qint64> *callOfOut)
{
    m_db = Testing::openTestDatabase(QStringLiteral("sqlite"));
    Testing::TestDatabase &t = m_db;
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock; // a Sunday morning; callbacks land inside Monday's window
    Campaigns::CampaignService campaigns(*t.db, clock);
    const qint64 campaignId = campaigns.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Sim")}})->id;
    if (tested.contains(QStringLiteral("site_visit"))) { // the demo's project brief (closed on Sundays)
        QVERIFY(Projects::BriefService(*t.db, clock).importFile(campaignId, QStringLiteral(LEADLINE_SOURCE_DIR "/resources/demo_brief.json")));
    }

    Conversation::StorageCallRecorder recorder(*t.db);
    Conversation::MediaEndpoint media(providers, recorder, clock, Conversation::MediaAuthConfig{}, Conversation::SessionConfig{});
    Handoff::StorageHandoffDesk leadTexts(*t.db, clock, {}); // SMS to leads, recorded (no sender: not_configured)
    media.setLeadMessenger(&leadTexts);
    Server::Router router;
    router.addWebSocketPath(QStringLiteral("/media"));
    Server::RequestAuth auth("x");
    Server::ServerPool pool(router, auth);
    pool.setWebSocketHandler([&media](std::unique_ptr<QWebSocket> ws, QObject *w) { media.handle(std::move(ws), w); });
    Server::ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = 2;
    QVERIFY(pool.start(opts).ok());

    const QList<Sim::Persona> all = personas();
    Sim::ExotelSimulator sim(Sim::SimulatorConfig{}, all, speech); // espeak is process-global: share it
    QVERIFY(sim.listenLoopback() > 0);

    QNetworkAccessManager nam;
    Telephony::ExotelConfig ex;
    ex.apiBaseUrl = sim.baseUrl();
    ex.accountSid = QStringLiteral("leadlinesim");
    ex.apiKey = QStringLiteral("simkey");
    ex.apiToken = QStringLiteral("simtoken");
    ex.callerId = QStringLiteral("08047112233");
    ex.ourBaseUrl = QStringLiteral("http://127.0.0.1:%1").arg(pool.port());
    ex.requestsPerSecond = 20;
    ex.burst = 20;
    Telephony::ExotelClient client(nam, ex);

    auto conn = t.db->connection().value();
    Storage::LeadRepository leads(conn);
    Storage::CallRepository calls(conn);
    QHash<QString, qint64> callOf;
    int n = 0;
    for (const QString &name : tested) {
        const QString phone = QStringLiteral("+9198765%1").arg(10000 + n++);
        Storage::LeadRow lead;
        lead.name = QStringLiteral("Sim ") + name;
        lead.phoneE164 = phone;
        for (const auto &x : all)
            if (x.name == name)
                lead.language = x.language == QLatin1String("hi") ? QStringLiteral("Hindi") : QStringLiteral("English");
        QVERIFY(leads.insertBatch(campaignId, {lead}, 1).ok());
        Storage::CallRow row;
        row.leadId = leads.page(campaignId, 0, 1000)->leads.constLast().id;
        row.campaignId = campaignId;
        row.correlationToken = QStringLiteral("%1").arg(0xabc000 + n, 16, 16, QLatin1Char('0'));
        row.status = QStringLiteral("dialing");
        const qint64 callId = calls.create(row, 1)->id;
        callOf.insert(name, callId);
        sim.assignPersona(phone, name);
        Telephony::ExotelDialRequest req;
        req.to = phone;
        req.correlationToken = row.correlationToken;
        req.callId = callId;
        req.leadId = row.leadId;
        client.connectCall(req, [&, callId](Result<Telephony::ExotelCall> r) {
            QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
            QVERIFY(Storage::CallRepository(t.db->connection().value()).setProviderSid(callId, r->sid, 2).ok());
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(sim.calls().size() == tested.size() && sim.activeCalls() == 0, 120000);
    recorder.flush();
    QTest::qWait(300);
    recorder.flush();

    int ok = 0;
    for (const Sim::SimCallRecord &rec : sim.calls()) {
        const Sim::Persona *p = nullptr;
        for (const auto &x : all)
            if (x.name == rec.persona)
                p = &x;
        QVERIFY(p);
        const auto row = calls.get(callOf.value(rec.persona)).value();
        const QString got = p->answer == QLatin1String("answered") ? row.outcome : rec.status;
        qInfo("persona %-18s expected %-15s got %-15s (%lld s, %d agent frames, %d clears)", qPrintable(rec.persona),
              qPrintable(p->expectedOutcome), qPrintable(got), rec.durationS, rec.agentFrames, rec.clearsReceived);
        if (got != p->expectedOutcome || qEnvironmentVariableIsSet("LEADLINE_SIM_VERBOSE"))
        {
            auto turns = calls.turns(row.id);
            if (!turns)
                qInfo("    (turns: %s)", qPrintable(turns.error().message));
            else
                for (const auto &turn : turns.value())
                    qInfo("    %s: %s", qPrintable(turn.speaker), qPrintable(turn.text));
        }
        QVERIFY2(got == p->expectedOutcome, qPrintable(rec.persona + QStringLiteral(": ") + got));
        if (rec.persona == QLatin1String("barge_in"))
            QVERIFY(rec.clearsReceived >= 1);
        ++ok;
    }
    QCOMPARE(ok, tested.size());
    if (callOfOut)
        *callOfOut = callOf;
}

QTEST_GUILESS_MAIN(tst_ExotelSimulator)
#include "tst_exotelsimulator.moc"
