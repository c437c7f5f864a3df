// Hot-lead handoff end to end (Exotel flow mode), on SQLite and PostgreSQL: a real CallSession on
// the Exotel fixture with the offline scripted dialog asks for a person; the StorageHandoffDesk
// picks the agent who speaks the caller's language and texts them the lead summary through the
// fake Exotel SMS API; the call is left "transferring"; then the test plays Exotel's flow over
// real HTTP: Passthru (200 -> Connect), Connect's dial-whom URL (the agent's number, same answer
// every time), and the final status callback with the agent leg (answered). Also: no agent free
// -> callback outcome with a time; hostile/unknown CallSids get safe answers; direct (StreamUrl)
// mode refuses handoff with a 422.
#include "conversation/callsession.h"
#include "conversation/prompts.h"
#include "conversation/storagecallrecorder.h"
#include "handoff/storagehandoffdesk.h"
#include "fakes/fakeclock.h"
#include "fakes/fakeexotelserver.h"
#include "fakes/fixturereplayer.h"
#include "fakes/handoffserver.h"
#include "fakes/recordingtransport.h"
#include "fakes/virtualtimers.h"
#include "fakes/testdatabase.h"
#include "providers/fake/fakeproviders.h"
#include "providers/local/scripteddialog.h"
#include "storage/callrepository.h"
#include "handoff/handoffrepository.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Testing;

static const char kSecret[] = "exo-flow-7Hq2";
static const char kCallSid[] = "3bb4427137fcec2783d354616a53381b"; // the fixture's start.call_sid
static const char kToken[] = "51af21b4639e01df";                   // the fixture's custom "lc"

class tst_Handoff : public QObject
{
    Q_OBJECT
private slots:
    void qualifiedLeadIsHandedToTheRightAgent_data() { addBackendRows(); }
    void qualifiedLeadIsHandedToTheRightAgent();
    // SQLite only: the same SQL runs on PostgreSQL in qualifiedLeadIsHandedToTheRightAgent and
    // in tst_agentroster (no-agent rows, stats).
    void noAgentAvailableGetsCallbackWithTime();
    void hostileAndUnknownCallSidsGetSafeAnswers();
    void directModeRefusesHandoff();
    void csvAgentColumnNamesTheAgent();
    void toolOfferedOnlyWhenHandoffIsAvailable();
    void smsTextAndReply();

private:
    struct Fixture
    {
        TestDatabase db;
        std::unique_ptr<FakeClock> clock;
        std::unique_ptr<FakeExotelServer> exotel;
        std::unique_ptr<HandoffServer> server;
        std::unique_ptr<Conversation::StorageCallRecorder> recorder;
        std::unique_ptr<Handoff::StorageHandoffDesk> desk;
        ~Fixture()
        {
            server.reset();
            desk.reset();
            recorder.reset();
        }
    };
    bool setUp(Fixture &f, const QString &backend, bool flowMode);
    HttpReply send(const Fixture &f, const QByteArray &verb, const QString &path, const QByteArray &body = {},
                   const QByteArray &authorization = {});
    // Creates the lead and a ringing call that the fixture's stream correlates to.
    qint64 seedCall(Fixture &f, qint64 campaignId, const QString &csvRow);
    // Runs one call on the fixture with the scripted dialog; returns the TTS lines.
    QStringList runCall(Fixture &f, const QStringList &callerSays);
};

bool tst_Handoff::setUp(Fixture &f, const QString &backend, bool flowMode)
{
    f.db = openTestDatabase(backend);
    if (!f.db.error.isEmpty() || !f.db.skipReason.isEmpty())
        return false;
    f.clock = std::make_unique<FakeClock>(istMs(QStringLiteral("2025-11-24T11:00:00"))); // a Monday
    f.exotel = std::make_unique<FakeExotelServer>();
    Server::HandoffApiOptions hopts;
    hopts.flowMode = flowMode;
    hopts.exotelSecret = kSecret;
    f.server = std::make_unique<HandoffServer>(*f.db.db, *f.clock, kSecret, hopts);
    if (!f.server->start().ok())
        return false;
    f.recorder = std::make_unique<Conversation::StorageCallRecorder>(*f.db.db);
    Handoff::HandoffDeskOptions desk;
    desk.flowMode = flowMode;
    desk.smsSender = QStringLiteral("LEADLN");
    desk.exotel.apiBaseUrl = f.exotel->baseUrl();
    desk.exotel.accountSid = QStringLiteral("leadlinerealty1");
    desk.exotel.apiKey = QStringLiteral("key");
    desk.exotel.apiToken = QStringLiteral("token");
    f.desk = std::make_unique<Handoff::StorageHandoffDesk>(*f.db.db, *f.clock, desk);
    return true;
}

#define SETUP(f, backend, flow)                                                      \
    Fixture f;                                                                       \
    if (!setUp(f, backend, flow)) {                                                  \
        if (!f.db.skipReason.isEmpty())                                              \
            QSKIP(qPrintable(f.db.skipReason));                                      \
        QFAIL(qPrintable(QStringLiteral("setup failed: ") + f.db.error));            \
    }

HttpReply tst_Handoff::send(const Fixture &f, const QByteArray &verb, const QString &path, const QByteArray &body,
                            const QByteArray &authorization)
{
    return f.server->http.send(verb, path, body, "application/json",
                               authorization.isEmpty() ? HttpHeaders{} : HttpHeaders{{"Authorization", authorization}});
}

qint64 tst_Handoff::seedCall(Fixture &f, qint64 campaignId, const QString &csvRow)
{
    QByteArray csv = "name,phone,language\n" + csvRow.toUtf8() + "\n";
    QBuffer buf(&csv);
    buf.open(QIODevice::ReadOnly);
    auto report = f.server->service.importCsv(campaignId, buf);
    if (!report || report->accepted != 1)
        return 0;
    QSqlQuery q(f.db.conn());
    q.prepare(QStringLiteral("SELECT id FROM leads WHERE campaign_id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return 0;
    Storage::CallRow call;
    call.leadId = q.value(0).toLongLong();
    call.campaignId = campaignId;
    call.status = QStringLiteral("ringing");
    call.providerSid = QString::fromLatin1(kCallSid);
    call.correlationToken = QString::fromLatin1(kToken);
    auto row = Storage::CallRepository(f.db.conn()).create(call, f.clock->nowMs());
    return row ? row->id : 0;
}

namespace {
// The session's questions to the database's threads (the call lookup, the handoff desk), counted
// while in flight: virtual time stands still until they are answered, as a caller's second does
// not pass while the database thinks for a microsecond.
class InFlight
{
public:
    int count = 0;
    template<typename T> std::function<void(T)> track(std::function<void(T)> done)
    {
        ++count;
        return [this, done = std::move(done)](T r) {
            --count;
            done(std::move(r));
        };
    }
};

class TrackedRecorder final : public Conversation::CallRecorder
{
public:
    TrackedRecorder(Conversation::CallRecorder &inner, InFlight &inFlight) : m_inner(inner), m_inFlight(inFlight) {}
    void lookup(const Conversation::CallKey &key, QObject *context, std::function<void(Result<Conversation::CallContext>)> done) override
    {
        m_inner.lookup(key, context, m_inFlight.track<Result<Conversation::CallContext>>(std::move(done)));
    }
    void callAnswered(qint64 callId, const QString &streamSid, const QString &callSid, qint64 atMs) override
    {
        m_inner.callAnswered(callId, streamSid, callSid, atMs);
    }
    void appendTurn(const Storage::TurnRow &turn) override { m_inner.appendTurn(turn); }
    void addDnc(const QString &phoneE164, const QString &source) override { m_inner.addDnc(phoneE164, source); }
    void finishCall(qint64 callId, const Storage::CallOutcome &outcome, const QString &status, qint64 endedAtMs) override
    {
        m_inner.finishCall(callId, outcome, status, endedAtMs);
    }

private:
    Conversation::CallRecorder &m_inner;
    InFlight &m_inFlight;
};

class TrackedDesk final : public Handoff::HandoffDesk
{
public:
    TrackedDesk(Handoff::HandoffDesk &inner, InFlight &inFlight) : m_inner(inner), m_inFlight(inFlight) {}
    void checkEnabled(qint64 campaignId, QObject *context, std::function<void(bool)> done) override
    {
        m_inner.checkEnabled(campaignId, context, m_inFlight.track<bool>(std::move(done)));
    }
    void requestHandoff(const Handoff::HandoffRequest &request, QObject *context,
                        std::function<void(Result<Handoff::HandoffDecision>)> done) override
    {
        m_inner.requestHandoff(request, context, m_inFlight.track<Result<Handoff::HandoffDecision>>(std::move(done)));
    }

private:
    Handoff::HandoffDesk &m_inner;
    InFlight &m_inFlight;
};
} // namespace

// The call runs on a virtual clock (the fixture's pace, the session's timers, the fake vendors);
// the database's answers come on real time, with the virtual clock held until they are in.
QStringList tst_Handoff::runCall(Fixture &f, const QStringList &callerSays)
{
    VirtualTimerSource timers;
    InFlight inFlight;
    TrackedRecorder recorder(*f.recorder, inFlight);
    TrackedDesk desk(*f.desk, inFlight);
    RecordingTransport transport(&timers);
    auto tts = std::make_unique<Providers::FakeTts>();
    tts->useTimers(timers);
    Providers::FakeTts *ttsPtr = tts.get();
    auto stt = std::make_unique<Providers::FakeStt>(callerSays);
    stt->useTimers(timers);
    Conversation::SessionConfig cfg;
    cfg.goodbyeGraceMs = 300;
    Conversation::CallSession session(transport, recorder, *f.clock, timers, std::move(stt),
                                      std::make_unique<Providers::ScriptedDialog>(), std::move(tts), cfg);
    session.setHandoffDesk(&desk);
    const QList<QByteArray> frames = readFixture(QStringLiteral("interested.jsonl"));
    if (frames.isEmpty())
        return {QStringLiteral("(fixture missing)")};
    FixtureReplayer replayer(frames, [&session](const QByteArray &frame) { session.onTextFrame(frame); }, /*sendStop=*/false, &timers);
    replayer.start();
    QElapsedTimer real;
    real.start();
    while (!transport.closed) {
        if (timers.nowMs() > 30000 || real.elapsed() > 60000)
            return {QStringLiteral("(the session never closed the socket)")};
        if (inFlight.count > 0) { // the database is answering: no virtual time passes
            QTest::qWait(1);
            continue;
        }
        timers.advanceMs(1);
        QCoreApplication::processEvents();
    }
    // The session's last writes (outcome, settlement) reach the recorder: every call has its outcome.
    [[maybe_unused]] const bool stored = QTest::qWaitFor([&] { // else the caller's checks say what is missing
        f.recorder->flush();
        QSqlQuery q(f.db.conn());
        return q.exec(QStringLiteral("SELECT COUNT(*) FROM calls WHERE outcome IS NULL OR outcome = ''")) && q.next() && q.value(0).toInt() == 0;
    }, 5000);
    return ttsPtr->spoken();
}

static QByteArray basic(const QByteArray &user, const QByteArray &password) { return "Basic " + QByteArray(user + ':' + password).toBase64(); }

void tst_Handoff::qualifiedLeadIsHandedToTheRightAgent()
{
    QFETCH(QString, backend);
    SETUP(f, backend, true);
    auto created = send(f, "POST", QStringLiteral("/campaigns"), R"({"name":"Hot leads","handoff_enabled":true})");
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.value(QStringLiteral("handoff_enabled")).toBool(), true);
    const qint64 campaignId = created.json.value(QStringLiteral("id")).toInteger();
    auto priya = send(f, "POST", QStringLiteral("/agents"),
                      R"({"name":"Priya Sharma","phone":"98000 00001","languages":["hi","en"],"max_handoffs":2})");
    QCOMPARE(priya.status, 201);
    QCOMPARE(priya.json.value(QStringLiteral("phone")).toString(), QStringLiteral("+919800000001"));
    auto rahul = send(f, "POST", QStringLiteral("/agents"), R"({"name":"Rahul Verma","phone":"+919800000002","languages":"en"})");
    QCOMPARE(rahul.status, 201);
    QCOMPARE(send(f, "GET", QStringLiteral("/agents")).json.value(QStringLiteral("agents")).toArray().size(), 2);
    const qint64 callId = seedCall(f, campaignId, QStringLiteral("Aarav Sharma,9876543210,Hindi"));
    QVERIFY(callId > 0);

    // The call: interested, then "budget 80 lakh, I want to talk to someone now".
    const QStringList spoken = runCall(f, {QStringLiteral("Haan ji, main interested hoon."),
                                           QStringLiteral("Budget 80 lakh hai, mujhe abhi kisi se baat karni hai.")});
    QVERIFY2(!spoken.isEmpty() && spoken.last().contains(QStringLiteral("Priya")), qPrintable(spoken.join(QStringLiteral(" | "))));
    auto call = Storage::CallRepository(f.db.conn()).get(callId);
    QCOMPARE(call->status, QStringLiteral("transferring"));
    QCOMPARE(call->outcome, QStringLiteral("interested"));
    QCOMPARE(call->fields[QStringLiteral("handoff")][QStringLiteral("agent")].toString(), QStringLiteral("Priya Sharma"));

    // Hindi caller -> Priya (the Hindi speaker), with the summary the caller gave.
    Handoff::HandoffRepository repo(f.db.conn());
    auto h = repo.handoffForCall(callId);
    QVERIFY(h);
    QCOMPARE(h->agentName, QStringLiteral("Priya Sharma"));
    QCOMPARE(h->status, QStringLiteral("pending"));
    QCOMPARE(h->summary.value(QStringLiteral("name")).toString(), QStringLiteral("Aarav Sharma"));
    QVERIFY2(h->summary.value(QStringLiteral("budget")).toString().contains(QStringLiteral("80 lakh")),
             qPrintable(QJsonDocument(h->summary).toJson()));
    QVERIFY(h->summary.value(QStringLiteral("caller_words")).toString().contains(QStringLiteral("kisi se baat")));
    // The agent got the summary by SMS before picking up.
    QTRY_VERIFY_WITH_TIMEOUT(repo.handoffForCall(callId)->smsStatus == QLatin1String("sent"), 10000);
    bool smsSeen = false;
    for (const auto &r : f.exotel->requests) {
        if (!r.path.endsWith(QLatin1String("/Sms/send.json")))
            continue;
        smsSeen = true;
        QCOMPARE(r.form.queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded), QStringLiteral("+919800000001"));
        QCOMPARE(r.form.queryItemValue(QStringLiteral("From"), QUrl::FullyDecoded), QStringLiteral("LEADLN"));
        const QString body = r.form.queryItemValue(QStringLiteral("Body"), QUrl::FullyDecoded);
        QVERIFY2(body.contains(QStringLiteral("Aarav Sharma")) && body.contains(QStringLiteral("80 lakh")), qPrintable(body));
    }
    QVERIFY(smsSeen);

    // Exotel's flow: Voicebot closed -> Passthru -> 200 (Connect branch), idempotently.
    const QString q = QStringLiteral("CallSid=%1&CallFrom=09876543210&CallTo=08047112233&Direction=outbound-dial").arg(QLatin1String(kCallSid));
    for (int i = 0; i < 2; ++i) {
        auto pass = send(f, "GET", QStringLiteral("/exotel/passthru?%1&k=%2").arg(q, QLatin1String(kSecret)));
        QCOMPARE(pass.status, 200);
    }
    QCOMPARE(repo.handoffForCall(callId)->status, QStringLiteral("connecting"));
    // Basic auth (password = the secret) works as well as k=.
    QCOMPARE(send(f, "GET", QStringLiteral("/exotel/passthru?%1").arg(q), {}, basic("exotel", kSecret)).status, 200);
    // Connect applet's "dial whom": the same agent number every time.
    for (int i = 0; i < 2; ++i) {
        auto who = send(f, "GET", QStringLiteral("/exotel/connect/dial-whom?%1&k=%2").arg(q, QLatin1String(kSecret)));
        QCOMPARE(who.status, 200);
        QCOMPARE(who.raw, QByteArray("+919800000001"));
    }
    auto whoJson = send(f, "GET", QStringLiteral("/exotel/connect/dial-whom?%1&format=json&k=%2").arg(q, QLatin1String(kSecret)));
    QCOMPARE(whoJson.json[QStringLiteral("destination")][QStringLiteral("numbers")].toArray(), QJsonArray{QStringLiteral("+919800000001")});

    // The final status callback: the agent leg (Legs[1]) completed -> answered.
    const QByteArray terminal = QJsonDocument(QJsonObject{
        {QStringLiteral("CallSid"), QLatin1String(kCallSid)}, {QStringLiteral("EventType"), QStringLiteral("terminal")},
        {QStringLiteral("Status"), QStringLiteral("completed")}, {QStringLiteral("DateUpdated"), QStringLiteral("2025-11-24 11:09:00")},
        {QStringLiteral("EndTime"), QStringLiteral("2025-11-24 11:08:58")}, {QStringLiteral("ConversationDuration"), 300},
        {QStringLiteral("CustomField"), QStringLiteral("call=%1").arg(callId)},
        {QStringLiteral("Legs"), QJsonArray{QJsonObject{{QStringLiteral("OnCallDuration"), 420}, {QStringLiteral("Status"), QStringLiteral("completed")}},
                                            QJsonObject{{QStringLiteral("OnCallDuration"), 240}, {QStringLiteral("Status"), QStringLiteral("completed")}}}}})
                                      .toJson(QJsonDocument::Compact);
    QCOMPARE(send(f, "POST", QStringLiteral("/webhooks/exotel/status?k=%1").arg(QLatin1String(kSecret)), terminal).status, 200);
    QCOMPARE(Storage::CallRepository(f.db.conn()).get(callId)->status, QStringLiteral("completed"));
    auto list = send(f, "GET", QStringLiteral("/handoffs?campaign_id=%1").arg(campaignId));
    QCOMPARE(list.status, 200);
    const QJsonArray rows = list.json.value(QStringLiteral("handoffs")).toArray();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("answered"));
    QCOMPARE(row.value(QStringLiteral("answered")).toBool(), true);
    QCOMPARE(row.value(QStringLiteral("agent_name")).toString(), QStringLiteral("Priya Sharma"));
    QCOMPARE(row.value(QStringLiteral("summary"))[QStringLiteral("name")].toString(), QStringLiteral("Aarav Sharma"));
    auto analytics = send(f, "GET", QStringLiteral("/campaigns/%1/analytics").arg(campaignId));
    QCOMPARE(analytics.json[QStringLiteral("handoffs")][QStringLiteral("handoffs")].toInt(), 1);
    QCOMPARE(analytics.json[QStringLiteral("handoffs")][QStringLiteral("answer_rate")].toDouble(), 1.0);
    // After the handoff is over Passthru hangs up; dial-whom still answers the same agent.
    QCOMPARE(send(f, "GET", QStringLiteral("/exotel/passthru?%1&k=%2").arg(q, QLatin1String(kSecret))).status, 302);
    QCOMPARE(send(f, "GET", QStringLiteral("/exotel/connect/dial-whom?%1&k=%2").arg(q, QLatin1String(kSecret))).raw,
             QByteArray("+919800000001"));
    QCOMPARE(send(f, "GET", QStringLiteral("/campaigns/%1").arg(campaignId)).json.value(QStringLiteral("handoff_enabled")).toBool(), true);
}

void tst_Handoff::noAgentAvailableGetsCallbackWithTime()
{
    SETUP(f, QStringLiteral("sqlite"), true);
    auto created = send(f, "POST", QStringLiteral("/campaigns"), R"({"name":"Busy team","handoff_enabled":true})");
    QCOMPARE(created.status, 201);
    const qint64 campaignId = created.json.value(QStringLiteral("id")).toInteger();
    // Priya speaks Hindi only; Rahul speaks English but has switched himself off.
    QCOMPARE(send(f, "POST", QStringLiteral("/agents"), R"({"name":"Priya Sharma","phone":"+919800000001","languages":["hi"]})").status, 201);
    auto rahul = send(f, "POST", QStringLiteral("/agents"), R"({"name":"Rahul Verma","phone":"+919800000002","languages":["en"]})");
    const qint64 rahulId = rahul.json.value(QStringLiteral("id")).toInteger();
    auto off = send(f, "PATCH", QStringLiteral("/agents/%1").arg(rahulId), R"({"available":false})");
    QCOMPARE(off.status, 200);
    QCOMPARE(off.json.value(QStringLiteral("available")).toBool(), false);
    const qint64 callId = seedCall(f, campaignId, QStringLiteral("Meera Iyer,9876543210,English"));
    QVERIFY(callId > 0);

    const QStringList spoken = runCall(f, {QStringLiteral("Yes, I am interested."), QStringLiteral("Can I speak to a sales person now?")});
    QVERIFY2(!spoken.isEmpty() && spoken.last().contains(QStringLiteral("nobody from our sales team is free")),
             qPrintable(spoken.join(QStringLiteral(" | "))));
    QVERIFY2(spoken.last().contains(QStringLiteral("today at 12:00 PM")), qPrintable(spoken.last()));
    auto call = Storage::CallRepository(f.db.conn()).get(callId);
    QCOMPARE(call->outcome, QStringLiteral("callback"));
    QCOMPARE(call->status, QStringLiteral("completed")); // not transferring: the call simply ends
    // The next calling-window slot: an hour from now (Monday 11:00 IST) -> 12:00 IST.
    QCOMPARE(call->callbackAt, istMs(QStringLiteral("2025-11-24T12:00:00")));
    auto h = Handoff::HandoffRepository(f.db.conn()).handoffForCall(callId);
    QCOMPARE(h->status, QStringLiteral("failed"));
    QCOMPARE(h->agentId, qint64(0));
    // Exotel's Passthru for this call goes to the hang-up branch; dial-whom has nobody.
    const QString q = QStringLiteral("CallSid=%1&k=%2").arg(QLatin1String(kCallSid), QLatin1String(kSecret));
    QCOMPARE(send(f, "GET", QStringLiteral("/exotel/passthru?") + q).status, 302);
    auto who = send(f, "GET", QStringLiteral("/exotel/connect/dial-whom?") + q);
    QCOMPARE(who.status, 200);
    QVERIFY(who.raw.isEmpty());
    auto analytics = send(f, "GET", QStringLiteral("/campaigns/%1/analytics").arg(campaignId));
    QCOMPARE(analytics.json[QStringLiteral("handoffs")][QStringLiteral("no_agent")].toInt(), 1);
    QCOMPARE(analytics.json[QStringLiteral("handoffs")][QStringLiteral("handoffs")].toInt(), 0);
    // No SMS for a handoff that did not happen.
    for (const auto &r : f.exotel->requests)
        QVERIFY(!r.path.endsWith(QLatin1String("/Sms/send.json")));
}

void tst_Handoff::hostileAndUnknownCallSidsGetSafeAnswers()
{
    SETUP(f, QStringLiteral("sqlite"), true);
    const QString k = QStringLiteral("&k=") + QLatin1String(kSecret);
    // Unauthenticated: refused, never routed.
    QCOMPARE(send(f, "GET", QStringLiteral("/exotel/passthru?CallSid=abc")).status, 401);
    QCOMPARE(send(f, "GET", QStringLiteral("/exotel/passthru?CallSid=abc&k=wrong")).status, 403);
    QCOMPARE(send(f, "GET", QStringLiteral("/exotel/passthru?CallSid=abc"), {}, basic("exotel", "wrong")).status, 403);
    QCOMPARE(send(f, "GET", QStringLiteral("/exotel/connect/dial-whom?CallSid=abc")).status, 401);
    // Authenticated but unknown, missing, malformed or hostile CallSids: hang-up branch / nobody.
    const QStringList sids = {QStringLiteral("ffffffffffffffffffffffffffffffff"), QString(),
                              QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("x' OR '1'='1"))),
                              QString(5000, QLatin1Char('a')), QStringLiteral("%00%0d%0aSet-Cookie:x")};
    for (const QString &sid : sids) {
        auto pass = send(f, "GET", QStringLiteral("/exotel/passthru?CallSid=") + sid + k);
        QCOMPARE(pass.status, 302);
        auto who = send(f, "GET", QStringLiteral("/exotel/connect/dial-whom?CallSid=") + sid + k);
        QCOMPARE(who.status, 200);
        QVERIFY(who.raw.isEmpty());
    }
    // The database is intact after the hostile strings.
    QCOMPARE(send(f, "GET", QStringLiteral("/handoffs")).status, 200);
}

void tst_Handoff::directModeRefusesHandoff()
{
    SETUP(f, QStringLiteral("sqlite"), false);
    auto refused = send(f, "POST", QStringLiteral("/campaigns"), R"({"name":"Direct","handoff_enabled":true})");
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.json[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("handoff_unavailable_in_direct_mode"));
    QVERIFY(refused.json[QStringLiteral("error")][QStringLiteral("message")].toString().contains(QStringLiteral("EXOTEL_CALL_MODE=flow")));
    QCOMPARE(send(f, "GET", QStringLiteral("/campaigns")).json.value(QStringLiteral("campaigns")).toArray().size(), 0); // nothing created
    auto plain = send(f, "POST", QStringLiteral("/campaigns"), R"({"name":"Direct","handoff_enabled":false})");
    QCOMPARE(plain.status, 201);
    QCOMPARE(plain.json.value(QStringLiteral("handoff_available")).toBool(), false);
    const qint64 id = plain.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(send(f, "PUT", QStringLiteral("/campaigns/%1/handoff").arg(id), R"({"enabled":true})").status, 422);
    QCOMPARE(send(f, "PUT", QStringLiteral("/campaigns/%1/handoff").arg(id), R"({"enabled":false})").status, 200);
    // And a call in direct mode is never offered the transfer tool, even if the flag were set.
    QVERIFY(Handoff::HandoffRepository(f.db.conn()).setCampaignHandoffEnabled(id, true, 1));
    bool answered = false, enabled = true;
    QObject ctx;
    f.desk->checkEnabled(id, &ctx, [&](bool on) { enabled = on; answered = true; });
    QTRY_VERIFY(answered);
    QVERIFY(!enabled);
}

void tst_Handoff::csvAgentColumnNamesTheAgent()
{
    SETUP(f, QStringLiteral("sqlite"), true);
    auto created = send(f, "POST", QStringLiteral("/campaigns"), R"({"name":"Named","handoff_enabled":true})");
    const qint64 campaignId = created.json.value(QStringLiteral("id")).toInteger();
    QCOMPARE(send(f, "POST", QStringLiteral("/agents"), R"({"name":"Priya Sharma","phone":"+919800000001","languages":["hi"]})").status, 201);
    QCOMPARE(send(f, "POST", QStringLiteral("/agents"), R"({"name":"Rahul Verma","phone":"+919800000002","languages":["en"]})").status, 201);
    // The CSV's "Agent" column lands in the lead's custom fields and names Rahul.
    QByteArray csv = "name,phone,language,Agent\nKavya Nair,9876543210,Hindi,Rahul Verma\n";
    QBuffer buf(&csv);
    buf.open(QIODevice::ReadOnly);
    auto report = f.server->service.importCsv(campaignId, buf);
    QVERIFY(report && report->accepted == 1);
    QSqlQuery q(f.db.conn());
    q.exec(QStringLiteral("SELECT id FROM leads"));
    QVERIFY(q.next());
    Storage::CallRow call;
    call.leadId = q.value(0).toLongLong();
    call.campaignId = campaignId;
    call.status = QStringLiteral("in-progress");
    auto row = Storage::CallRepository(f.db.conn()).create(call, f.clock->nowMs());
    QVERIFY(row);
    Handoff::HandoffRequest req;
    req.callId = row->id;
    req.leadId = call.leadId;
    req.campaignId = campaignId;
    req.callerLanguage = QStringLiteral("hi"); // Priya would win on language alone
    std::optional<Result<Handoff::HandoffDecision>> got;
    QObject ctx;
    f.desk->requestHandoff(req, &ctx, [&](Result<Handoff::HandoffDecision> d) { got = d; });
    QTRY_VERIFY(got.has_value());
    QVERIFY(got->ok());
    QCOMPARE(got->value().agentName, QStringLiteral("Rahul Verma"));
}

void tst_Handoff::toolOfferedOnlyWhenHandoffIsAvailable()
{
    auto names = [](const QJsonArray &tools) {
        QStringList n;
        for (const QJsonValue &t : tools)
            n << t[QStringLiteral("function")][QStringLiteral("name")].toString();
        return n;
    };
    QCOMPARE(names(Conversation::callTools(false)), QStringList{QStringLiteral("end_call")});
    QCOMPARE(names(Conversation::callTools(true)), (QStringList{QStringLiteral("end_call"), QStringLiteral("transfer_to_agent")}));
    Providers::LlmRequest req;
    req.messages = {{QStringLiteral("system"), QStringLiteral("...")},
                    {QStringLiteral("assistant"), QStringLiteral("Namaste, is this a good time?")},
                    {QStringLiteral("user"), QStringLiteral("Yes. Can I talk to a real person please?")}};
    req.tools = Conversation::callTools(false);
    QVERIFY(Providers::ScriptedDialog::next(req).tool != QLatin1String("transfer_to_agent"));
    req.tools = Conversation::callTools(true);
    const auto step = Providers::ScriptedDialog::next(req);
    QCOMPARE(step.tool, QStringLiteral("transfer_to_agent"));
    QCOMPARE(step.arguments.value(QStringLiteral("reason")).toString(), QStringLiteral("asked_for_person"));
    // Qualified and wants to talk now (no explicit "person"): transfer too; merely busy: not.
    req.messages.last().content = QStringLiteral("Yes interested, budget 1.2 crore, can we talk right now?");
    QCOMPARE(Providers::ScriptedDialog::next(req).tool, QStringLiteral("transfer_to_agent"));
    req.messages.last().content = QStringLiteral("Yes interested, budget 1.2 crore, but I am busy right now");
    QVERIFY(Providers::ScriptedDialog::next(req).tool != QLatin1String("transfer_to_agent"));
    // The system prompt says when to use it.
    QVERIFY(Conversation::handoffInstructions().contains(QStringLiteral("transfer_to_agent")));
}

void tst_Handoff::smsTextAndReply()
{
    const QString text = Handoff::StorageHandoffDesk::smsText(QJsonObject{
        {QStringLiteral("name"), QStringLiteral("Aarav Sharma")}, {QStringLiteral("phone"), QStringLiteral("+919876543210")},
        {QStringLiteral("budget"), QStringLiteral("80 lakh")}, {QStringLiteral("property"), QStringLiteral("3 BHK")},
        {QStringLiteral("timeline"), QStringLiteral("within 3 months")}, {QStringLiteral("caller_words"), QStringLiteral("abhi baat karni hai")}});
    for (const char *part : {"Aarav Sharma", "+919876543210", "80 lakh", "3 BHK", "within 3 months", "abhi baat karni hai"})
        QVERIFY2(text.contains(QLatin1String(part)), qPrintable(text));
    QCOMPARE(Telephony::ExotelClient::parseSmsReply(200, R"({"SMSMessage":{"Sid":"b2c1","Status":"queued"}})").value(), QStringLiteral("b2c1"));
    auto bad = Telephony::ExotelClient::parseSmsReply(400, R"({"RestException":{"Status":400,"Message":"Invalid sender"}})");
    QVERIFY(!bad);
    QVERIFY(bad.error().message.contains(QStringLiteral("Invalid sender")));
}

QTEST_GUILESS_MAIN(tst_Handoff)
#include "tst_handoff.moc"
