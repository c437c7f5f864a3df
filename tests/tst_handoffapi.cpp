// HandoffApi's Exotel flow routes called the way Exotel's applets call them, over real HTTP:
// Passthru and Connect's dial-whom URL over GET (query) and POST (form-urlencoded, multipart and
// JSON bodies, the key in the URL or the body), the hang-up 302 without a Location, the
// fallback number validated and returned in E.164 like the agents' numbers, and the final status
// callback of a handoff the agent did not answer scheduling the lead's callback under the retry
// policy (SQLite and PostgreSQL). A database error while reading the handoff figures of a
// campaign (its flag, its analytics) is a 5xx through the error table, never a 200 without them.
#include "core/settings.h"
#include "fakes/fakeclock.h"
#include "fakes/handoffserver.h"
#include "fakes/testdatabase.h"
#include "storage/callrepository.h"
#include "handoff/handoffrepository.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Testing;

static const char kSecret[] = "exo-flow-7Hq2";
static const char kCallSid[] = "3bb4427137fcec2783d354616a53381b";
static const char kUnknownSid[] = "ffffffffffffffffffffffffffffffff";
static const char kMultipartType[] = "multipart/form-data; boundary=----exotel7MA4YWxk";

// What Exotel's Passthru applet sends for a call of ours (reference: the Passthru applet guide).
static QList<std::pair<QString, QString>> exotelFields(const QString &sid)
{
    return {{QStringLiteral("CallSid"), sid},
            {QStringLiteral("CallFrom"), QStringLiteral("09876543210")},
            {QStringLiteral("CallTo"), QStringLiteral("08047112233")},
            {QStringLiteral("Direction"), QStringLiteral("outbound-dial")},
            {QStringLiteral("CurrentTime"), QStringLiteral("2025-11-24 11:05:00")},
            {QStringLiteral("flow_id"), QStringLiteral("312345")}};
}

static QByteArray urlEncoded(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[k, v] : fields) {
        if (!out.isEmpty())
            out += '&';
        // Form encoding as browsers and Exotel send it: space as '+'.
        out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v).replace("%20", "+");
    }
    return out;
}

static QByteArray multipart(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[k, v] : fields)
        out += "------exotel7MA4YWxk\r\nContent-Disposition: form-data; name=\"" + k.toUtf8() + "\"\r\n\r\n" + v.toUtf8() + "\r\n";
    return out + "------exotel7MA4YWxk--\r\n";
}

static QByteArray jsonBody(const QList<std::pair<QString, QString>> &fields)
{
    QJsonObject o;
    for (const auto &[k, v] : fields)
        o.insert(k, v);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

class tst_HandoffApi : public QObject
{
    Q_OBJECT
private slots:
    void appletRequests_data();
    void appletRequests();
    void fallbackNumberAtStartUp_data();
    void fallbackNumberAtStartUp();
    void agentLegDecidesTheLead_data();
    void agentLegDecidesTheLead();
    void databaseErrorsAreNever200_data();
    void databaseErrorsAreNever200();

private:
    struct Fixture
    {
        TestDatabase db;
        std::unique_ptr<FakeClock> clock;
        std::unique_ptr<HandoffServer> server;
        qint64 campaignId = 0;
        qint64 leadId = 0;
        qint64 callId = 0;
        qint64 handoffId = 0;
        ~Fixture() { server.reset(); }
    };
    // A campaign with handoff on, an agent (stored 09800000001 -> +919800000001), a lead in a
    // call that was handed to that agent (call "transferring", outcome "interested").
    QString setUp(Fixture &f, const QString &backend, const QString &fallback);
    HttpReply send(const Fixture &f, const QByteArray &verb, const QString &pathAndQuery, const QByteArray &contentType = {},
                   const QByteArray &body = {})
    {
        return f.server->http.send(verb, pathAndQuery, body, contentType);
    }
};

QString tst_HandoffApi::setUp(Fixture &f, const QString &backend, const QString &fallback)
{
    f.db = openTestDatabase(backend);
    if (!f.db.error.isEmpty() || !f.db.skipReason.isEmpty())
        return f.db.error;
    f.clock = std::make_unique<FakeClock>(istMs(QStringLiteral("2025-11-24T11:00:00"))); // a Monday
    // The options as the server builds them at start-up.
    Settings settings = Settings::defaults();
    settings.set(QStringLiteral("EXOTEL_CALL_MODE"), QStringLiteral("flow"));
    settings.set(QStringLiteral("EXOTEL_WEBHOOK_SECRET"), QString::fromLatin1(kSecret));
    settings.set(QStringLiteral("HANDOFF_FALLBACK_NUMBER"), fallback);
    auto hopts = Server::HandoffApiOptions::fromSettings(settings);
    if (!hopts)
        return QStringLiteral("options: ") + hopts.error().message;
    f.server = std::make_unique<HandoffServer>(*f.db.db, *f.clock, kSecret, hopts.value());
    if (!f.server->start().ok())
        return QStringLiteral("server did not start");

    auto campaign = f.server->service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Hot leads")}});
    if (!campaign)
        return campaign.error().message;
    f.campaignId = campaign->id;
    QSqlDatabase conn = f.db.conn();
    Handoff::HandoffRepository repo(conn);
    if (!repo.setCampaignHandoffEnabled(f.campaignId, true, f.clock->nowMs()))
        return QStringLiteral("handoff switch");
    Handoff::SalesAgentRow agent;
    agent.name = QStringLiteral("Priya Sharma");
    agent.phoneE164 = QStringLiteral("09800000001"); // an older row stored before normalisation
    agent.languages = {QStringLiteral("hi"), QStringLiteral("en")};
    auto created = repo.createAgent(agent, f.clock->nowMs());
    if (!created)
        return created.error().message;
    QByteArray csv = "name,phone\nAarav Sharma,9876543210\n";
    QBuffer buf(&csv);
    buf.open(QIODevice::ReadOnly);
    auto report = f.server->service.importCsv(f.campaignId, buf);
    if (!report || report->accepted != 1)
        return QStringLiteral("import");
    QSqlQuery q(conn);
    q.prepare(QStringLiteral("SELECT id FROM leads WHERE campaign_id = ?"));
    q.addBindValue(f.campaignId);
    if (!q.exec() || !q.next())
        return QStringLiteral("lead");
    f.leadId = q.value(0).toLongLong();
    // The dialer claimed the lead (attempt 1) and the call is with the agent now.
    q.prepare(QStringLiteral("UPDATE leads SET status = 'calling', attempts = 1 WHERE id = ?"));
    q.addBindValue(f.leadId);
    if (!q.exec())
        return QStringLiteral("lead status");
    Storage::CallRow call;
    call.leadId = f.leadId;
    call.campaignId = f.campaignId;
    call.status = QStringLiteral("transferring");
    call.providerSid = QString::fromLatin1(kCallSid);
    auto row = Storage::CallRepository(conn).create(call, f.clock->nowMs());
    if (!row)
        return row.error().message;
    f.callId = row->id;
    Storage::CallOutcome outcome;
    outcome.outcome = QStringLiteral("interested");
    if (!Storage::CallRepository(conn).setOutcome(f.callId, outcome, f.clock->nowMs()))
        return QStringLiteral("outcome");
    Handoff::HandoffRow h;
    h.callId = f.callId;
    h.leadId = f.leadId;
    h.campaignId = f.campaignId;
    h.agentId = created->id;
    h.reason = QStringLiteral("asked_for_person");
    h.summary = QJsonObject{{QStringLiteral("name"), QStringLiteral("Aarav Sharma")}, {QStringLiteral("phone"), QStringLiteral("+919876543210")}};
    auto inserted = repo.insertHandoff(h, f.clock->nowMs());
    if (!inserted)
        return inserted.error().message;
    f.handoffId = inserted->id;
    return {};
}

#define SETUP(f, backend, fallback)                                               \
    Fixture f;                                                                    \
    if (const QString err = setUp(f, backend, fallback); !f.db.skipReason.isEmpty()) \
        QSKIP(qPrintable(f.db.skipReason));                                       \
    else if (!err.isEmpty())                                                      \
        QFAIL(qPrintable(QStringLiteral("setup failed: ") + err));

void tst_HandoffApi::appletRequests_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");        // with the query the applet's URL carries
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer");   // dial-whom's body (Passthru: not compared)

    const QString k = QStringLiteral("k=") + QLatin1String(kSecret);
    const QString known = QString::fromLatin1(kCallSid);
    const QString unknown = QString::fromLatin1(kUnknownSid);
    auto query = [&](const QString &sid) { return QString::fromLatin1(urlEncoded(exotelFields(sid))); };
    const QByteArray form = "application/x-www-form-urlencoded";
    const QByteArray agent = "+919800000001";
    const QByteArray fallback = "+919800000099";

    // Passthru: 200 = connect, 302 = hang up; the applet's method is a flow setting.
    QTest::newRow("Passthru GET, fields in the query") << QByteArray("GET") << QStringLiteral("/exotel/passthru?%1&%2").arg(query(known), k)
                                                       << QByteArray() << QByteArray() << 200 << QByteArray();
    QTest::newRow("Passthru POST, form body, key in the URL")
        << QByteArray("POST") << QStringLiteral("/exotel/passthru?") + k << form << urlEncoded(exotelFields(known)) << 200 << QByteArray();
    QTest::newRow("Passthru POST, form body with the key")
        << QByteArray("POST") << QStringLiteral("/exotel/passthru") << form
        << urlEncoded(exotelFields(known) + QList<std::pair<QString, QString>>{{QStringLiteral("k"), QString::fromLatin1(kSecret)}})
        << 200 << QByteArray();
    QTest::newRow("Passthru POST, multipart body") << QByteArray("POST") << QStringLiteral("/exotel/passthru?") + k
                                                   << QByteArray(kMultipartType) << multipart(exotelFields(known)) << 200 << QByteArray();
    QTest::newRow("Passthru POST, JSON body") << QByteArray("POST") << QStringLiteral("/exotel/passthru?") + k
                                              << QByteArray("application/json") << jsonBody(exotelFields(known)) << 200 << QByteArray();
    QTest::newRow("Passthru POST, fields in the query, empty body")
        << QByteArray("POST") << QStringLiteral("/exotel/passthru?%1&%2").arg(query(known), k) << form << QByteArray() << 200 << QByteArray();
    QTest::newRow("Passthru POST, unknown CallSid") << QByteArray("POST") << QStringLiteral("/exotel/passthru?") + k << form
                                                    << urlEncoded(exotelFields(unknown)) << 302 << QByteArray();
    QTest::newRow("Passthru GET, unknown CallSid") << QByteArray("GET") << QStringLiteral("/exotel/passthru?%1&%2").arg(query(unknown), k)
                                                   << QByteArray() << QByteArray() << 302 << QByteArray();
    QTest::newRow("Passthru POST, no CallSid") << QByteArray("POST") << QStringLiteral("/exotel/passthru?") + k << form
                                               << QByteArray("CallFrom=09876543210") << 302 << QByteArray();
    QTest::newRow("Passthru POST, unreadable multipart") << QByteArray("POST") << QStringLiteral("/exotel/passthru?") + k
                                                         << QByteArray("multipart/form-data") << multipart(exotelFields(known)) << 302
                                                         << QByteArray();
    QTest::newRow("Passthru POST without the key") << QByteArray("POST") << QStringLiteral("/exotel/passthru") << form
                                                   << urlEncoded(exotelFields(known)) << 401 << QByteArray();
    QTest::newRow("Passthru POST with a wrong key") << QByteArray("POST") << QStringLiteral("/exotel/passthru?k=wrong") << form
                                                    << urlEncoded(exotelFields(known)) << 403 << QByteArray();

    // dial-whom: the agent's number, E.164, whatever the method; the fallback for the unknown.
    QTest::newRow("dial-whom GET") << QByteArray("GET") << QStringLiteral("/exotel/connect/dial-whom?%1&%2").arg(query(known), k)
                                   << QByteArray() << QByteArray() << 200 << agent;
    QTest::newRow("dial-whom POST, form body") << QByteArray("POST") << QStringLiteral("/exotel/connect/dial-whom?") + k << form
                                               << urlEncoded(exotelFields(known)) << 200 << agent;
    QTest::newRow("dial-whom POST, multipart body") << QByteArray("POST") << QStringLiteral("/exotel/connect/dial-whom?") + k
                                                    << QByteArray(kMultipartType) << multipart(exotelFields(known)) << 200 << agent;
    QTest::newRow("dial-whom POST, format=json in the body")
        << QByteArray("POST") << QStringLiteral("/exotel/connect/dial-whom?") + k << form
        << urlEncoded(exotelFields(known) + QList<std::pair<QString, QString>>{{QStringLiteral("format"), QStringLiteral("json")}}) << 200
        << QByteArray(R"({"destination":{"numbers":["+919800000001"]}})");
    QTest::newRow("dial-whom GET, unknown CallSid: the fallback")
        << QByteArray("GET") << QStringLiteral("/exotel/connect/dial-whom?%1&%2").arg(query(unknown), k) << QByteArray() << QByteArray()
        << 200 << fallback;
    QTest::newRow("dial-whom POST, unknown CallSid: the fallback") << QByteArray("POST") << QStringLiteral("/exotel/connect/dial-whom?") + k
                                                                   << form << urlEncoded(exotelFields(unknown)) << 200 << fallback;
    QTest::newRow("dial-whom GET json, unknown CallSid: the fallback")
        << QByteArray("GET") << QStringLiteral("/exotel/connect/dial-whom?%1&format=json&%2").arg(query(unknown), k) << QByteArray()
        << QByteArray() << 200 << QByteArray(R"({"destination":{"numbers":["+919800000099"]}})");
    QTest::newRow("dial-whom POST without the key") << QByteArray("POST") << QStringLiteral("/exotel/connect/dial-whom") << form
                                                    << urlEncoded(exotelFields(known)) << 401 << QByteArray();
}

void tst_HandoffApi::appletRequests()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    SETUP(f, QStringLiteral("sqlite"), QStringLiteral("09800000099")); // configured in national form

    const HttpReply r = send(f, verb, path, contentType, body);
    QVERIFY2(r.status == status, qPrintable(QStringLiteral("HTTP %1: %2").arg(r.status).arg(QString::fromUtf8(r.raw))));
    if (status == 302) // the hang-up branch points nowhere (there is no such route to follow)
        QVERIFY2(!r.hasHeader("Location"), r.header("Location").constData());
    if (path.startsWith(QLatin1String("/exotel/connect/dial-whom")) && status == 200) {
        if (answer.startsWith('{'))
            QCOMPARE(QJsonDocument(r.json).toJson(QJsonDocument::Compact), answer);
        else
            QCOMPARE(r.raw, answer);
    }
    const QString handoffStatus = Handoff::HandoffRepository(f.db.conn()).handoffForCall(f.callId)->status;
    if (path.startsWith(QLatin1String("/exotel/passthru")) && status == 200)
        QCOMPARE(handoffStatus, QStringLiteral("connecting")); // Passthru routed the call to Connect
    else if (path.startsWith(QLatin1String("/exotel/passthru")))
        QCOMPARE(handoffStatus, QStringLiteral("pending"));
}

void tst_HandoffApi::fallbackNumberAtStartUp_data()
{
    QTest::addColumn<QString>("configured");
    QTest::addColumn<QString>("e164");  // empty: none
    QTest::addColumn<bool>("valid");
    QTest::newRow("national with trunk 0") << QStringLiteral("09800000099") << QStringLiteral("+919800000099") << true;
    QTest::newRow("10 digits with a space") << QStringLiteral("98000 00099") << QStringLiteral("+919800000099") << true;
    QTest::newRow("E.164 with dashes") << QStringLiteral("+91 98000-00099") << QStringLiteral("+919800000099") << true;
    QTest::newRow("landline with STD code") << QStringLiteral("080 4711 2233") << QStringLiteral("+918047112233") << true;
    QTest::newRow("not set") << QString() << QString() << true;
    QTest::newRow("too short") << QStringLiteral("98000") << QString() << false;
    QTest::newRow("letters") << QStringLiteral("call-the-office") << QString() << false;
    QTest::newRow("foreign number") << QStringLiteral("+1 415 555 0100") << QString() << false;
}

void tst_HandoffApi::fallbackNumberAtStartUp()
{
    QFETCH(QString, configured);
    QFETCH(QString, e164);
    QFETCH(bool, valid);
    Settings settings = Settings::defaults();
    settings.set(QStringLiteral("HANDOFF_FALLBACK_NUMBER"), configured);
    const auto options = Server::HandoffApiOptions::fromSettings(settings);
    QCOMPARE(options.ok(), valid);
    if (valid) {
        QCOMPARE(options->fallbackNumber, e164);
        return;
    }
    // A clear error: the setting, the value and why.
    QCOMPARE(options.error().code, Error::Code::Validation);
    QVERIFY2(options.error().message.contains(QStringLiteral("HANDOFF_FALLBACK_NUMBER")), qPrintable(options.error().message));
    QVERIFY2(options.error().message.contains(configured), qPrintable(options.error().message));
}

void tst_HandoffApi::agentLegDecidesTheLead_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("agentLeg");      // Legs[1] Status
    QTest::addColumn<int>("agentTalkS");        // Legs[1] OnCallDuration
    QTest::addColumn<QString>("handoffStatus");
    QTest::addColumn<QString>("leadStatus");
    QTest::addColumn<QString>("dueAt");         // IST; empty: no further call
    for (const char *b : {"sqlite", "postgres"}) {
        const QString backend = QString::fromLatin1(b);
        QTest::addRow("%s: agent answered -> completed", b) << backend << QStringLiteral("completed") << 240 << QStringLiteral("answered")
                                                          << QStringLiteral("completed") << QString();
        // Not answered: a callback after the campaign's retry delay (30 min), inside the window.
        QTest::addRow("%s: agent did not answer -> callback", b) << backend << QStringLiteral("no-answer") << 0
                                                                << QStringLiteral("not_answered") << QStringLiteral("callback")
                                                                << QStringLiteral("2025-11-24T11:40:00");
        QTest::addRow("%s: agent busy -> callback", b) << backend << QStringLiteral("busy") << 0 << QStringLiteral("not_answered")
                                                      << QStringLiteral("callback") << QStringLiteral("2025-11-24T11:40:00");
    }
}

void tst_HandoffApi::agentLegDecidesTheLead()
{
    QFETCH(QString, backend);
    QFETCH(QString, agentLeg);
    QFETCH(int, agentTalkS);
    QFETCH(QString, handoffStatus);
    QFETCH(QString, leadStatus);
    QFETCH(QString, dueAt);
    SETUP(f, backend, QString());
    // Passthru and dial-whom as Exotel's flow calls them (POST), then the call ends 10 min later.
    const QString k = QStringLiteral("?k=") + QLatin1String(kSecret);
    QCOMPARE(send(f, "POST", QStringLiteral("/exotel/passthru") + k, "application/x-www-form-urlencoded",
                  urlEncoded(exotelFields(QString::fromLatin1(kCallSid)))).status, 200);
    QCOMPARE(send(f, "POST", QStringLiteral("/exotel/connect/dial-whom") + k, "application/x-www-form-urlencoded",
                  urlEncoded(exotelFields(QString::fromLatin1(kCallSid)))).raw, QByteArray("+919800000001"));
    f.clock->advanceMs(10 * 60 * 1000);
    const QByteArray terminal = QJsonDocument(QJsonObject{
        {QStringLiteral("CallSid"), QLatin1String(kCallSid)}, {QStringLiteral("EventType"), QStringLiteral("terminal")},
        {QStringLiteral("Status"), QStringLiteral("completed")}, {QStringLiteral("DateUpdated"), QStringLiteral("2025-11-24 11:10:00")},
        {QStringLiteral("EndTime"), QStringLiteral("2025-11-24 11:10:00")}, {QStringLiteral("ConversationDuration"), 120},
        {QStringLiteral("CustomField"), QStringLiteral("call=%1").arg(f.callId)},
        {QStringLiteral("Legs"), QJsonArray{QJsonObject{{QStringLiteral("OnCallDuration"), 150}, {QStringLiteral("Status"), QStringLiteral("completed")}},
                                            QJsonObject{{QStringLiteral("OnCallDuration"), agentTalkS}, {QStringLiteral("Status"), agentLeg}}}}})
                                      .toJson(QJsonDocument::Compact);
    const HttpReply hook = send(f, "POST", QStringLiteral("/webhooks/exotel/status") + k, "application/json", terminal);
    QVERIFY2(hook.status == 200, hook.raw.constData());

    QCOMPARE(Handoff::HandoffRepository(f.db.conn()).handoffForCall(f.callId)->status, handoffStatus);
    QSqlQuery q(f.db.conn());
    q.prepare(QStringLiteral("SELECT status, next_attempt_at, last_outcome FROM leads WHERE id = ?"));
    q.addBindValue(f.leadId);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), leadStatus);
    QCOMPARE(q.value(1).toLongLong(), dueAt.isEmpty() ? qint64(0) : istMs(dueAt));
    QCOMPARE(q.value(2).toString(), QStringLiteral("interested")); // what the lead said stays on record

    // A repeated final callback changes nothing.
    QCOMPARE(send(f, "POST", QStringLiteral("/webhooks/exotel/status") + k, "application/json", terminal).status, 200);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), leadStatus);
    QCOMPARE(q.value(1).toLongLong(), dueAt.isEmpty() ? qint64(0) : istMs(dueAt));
}

void tst_HandoffApi::databaseErrorsAreNever200_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("breakIt"); // SQL that makes one read of the route fail
    QTest::addColumn<QString>("repair");
    QTest::addColumn<QString>("field");   // what a 200 would have lacked
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
        QTest::addRow("%s campaign: handoff flag", qPrintable(backend))
            << backend << QStringLiteral("/campaigns/%1")
            << QStringLiteral("ALTER TABLE campaigns RENAME COLUMN handoff_enabled TO handoff_gone")
            << QStringLiteral("ALTER TABLE campaigns RENAME COLUMN handoff_gone TO handoff_enabled") << QStringLiteral("handoff_enabled");
        QTest::addRow("%s campaign: lead count", qPrintable(backend))
            << backend << QStringLiteral("/campaigns/%1") << QStringLiteral("ALTER TABLE leads RENAME TO leads_gone")
            << QStringLiteral("ALTER TABLE leads_gone RENAME TO leads") << QStringLiteral("lead_count");
        QTest::addRow("%s analytics: handoffs", qPrintable(backend))
            << backend << QStringLiteral("/campaigns/%1/analytics") << QStringLiteral("ALTER TABLE handoffs RENAME TO handoffs_gone")
            << QStringLiteral("ALTER TABLE handoffs_gone RENAME TO handoffs") << QStringLiteral("handoffs");
    }
}

void tst_HandoffApi::databaseErrorsAreNever200()
{
    QFETCH(QString, backend);
    QFETCH(QString, path);
    QFETCH(QString, breakIt);
    QFETCH(QString, repair);
    QFETCH(QString, field);
    SETUP(f, backend, QString());
    const QString url = path.arg(f.campaignId);
    const HttpReply before = send(f, "GET", url);
    QCOMPARE(before.status, 200);
    QVERIFY2(before.json.contains(field), before.raw.constData());

    QSqlQuery q(f.db.conn());
    QVERIFY2(q.exec(breakIt), qPrintable(q.lastError().text()));
    const HttpReply broken = send(f, "GET", url);
    QVERIFY(q.exec(repair));
    QVERIFY2(broken.status >= 500 && broken.status <= 599, broken.raw.constData());
    const QJsonObject error = broken.json.value(QStringLiteral("error")).toObject();
    QVERIFY2(!error.value(QStringLiteral("code")).toString().isEmpty(), broken.raw.constData()); // the table's body
    QVERIFY(!broken.json.contains(field));

    QCOMPARE(send(f, "GET", url).status, 200); // repaired: answered again
}

QTEST_GUILESS_MAIN(tst_HandoffApi)
#include "tst_handoffapi.moc"
