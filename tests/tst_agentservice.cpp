// AgentService: the one path for managing sales agents (REST /agents and `leadline agents`).
// The same inputs, given as a POST /agents body and as the CLI's `agents add` arguments, are
// accepted or refused alike (with the same message), on SQLite and PostgreSQL; phones are stored
// in E.164; update/remove/available work on active agents only.
#include "fakes/fakeclock.h"
#include "fakes/testdatabase.h"
#include "handoff/agentservice.h"
#include "server/handoffapi.h"
#include "server/httperror.h"
#include "server/router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Testing;
using Handoff::AgentService;

class tst_AgentService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void restAndCliAgree_data();
    void restAndCliAgree();
    void lifecycle_data() { addBackendRows(); }
    void lifecycle();

private:
    static Server::HttpResponse post(const Server::Router &router, const QJsonObject &body);
};

Server::HttpResponse tst_AgentService::post(const Server::Router &router, const QJsonObject &body)
{
    const auto m = router.match(QHttpServerRequest::Method::Post, QStringLiteral("/agents"));
    if (!m.handler)
        return Server::HttpResponse::text("no route", "text/plain", 599);
    Server::RouteContext ctx;
    ctx.request.verb = QHttpServerRequest::Method::Post;
    ctx.request.requestUrl = QUrl(QStringLiteral("http://127.0.0.1/agents"));
    ctx.request.content = QJsonDocument(body).toJson();
    ctx.args = m.args;
    return Server::toResponse((*m.handler)(ctx));
}

void tst_AgentService::restAndCliAgree_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QStringList>("cli");   // arguments after `agents add`
    QTest::addColumn<QJsonObject>("rest");  // the POST /agents body with the same values
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("phone");     // stored phone when accepted

    struct Row { const char *name; QStringList cli; QJsonObject rest; bool accepted; QString phone; };
    auto hours = [](const char *s, const char *e) {
        return QJsonObject{{QStringLiteral("start"), QLatin1String(s)}, {QStringLiteral("end"), QLatin1String(e)}};
    };
    const QString priya = QStringLiteral("Priya Sharma");
    const QList<Row> rows = {
        {"plain", {priya, QStringLiteral("98000 00001")}, {{"name", priya}, {"phone", "98000 00001"}}, true, QStringLiteral("+919800000001")},
        {"0-prefixed phone", {priya, QStringLiteral("09800000001")}, {{"name", priya}, {"phone", "09800000001"}}, true, QStringLiteral("+919800000001")},
        {"languages by name", {priya, QStringLiteral("+919800000001"), QStringLiteral("Hindi,english")},
         {{"name", priya}, {"phone", "+919800000001"}, {"languages", "Hindi,english"}}, true, QStringLiteral("+919800000001")},
        {"hours", {priya, QStringLiteral("+919800000001"), QStringLiteral("en"), QStringLiteral("9:30-18:00")},
         {{"name", priya}, {"phone", "+919800000001"}, {"languages", "en"}, {"working_hours", hours("9:30", "18:00")}}, true,
         QStringLiteral("+919800000001")},
        {"blank name", {QStringLiteral("  "), QStringLiteral("+919800000001")}, {{"name", "  "}, {"phone", "+919800000001"}}, false, {}},
        {"short phone", {priya, QStringLiteral("12")}, {{"name", priya}, {"phone", "12"}}, false, {}},
        // The old CLI took these; REST refused them.
        {"no language", {priya, QStringLiteral("+919800000001"), QStringLiteral(",")},
         {{"name", priya}, {"phone", "+919800000001"}, {"languages", ","}}, false, {}},
        {"non-Latin code", {priya, QStringLiteral("+919800000001"), QStringLiteral("हि")},
         {{"name", priya}, {"phone", "+919800000001"}, {"languages", "हि"}}, false, {}},
        {"three letters", {priya, QStringLiteral("+919800000001"), QStringLiteral("hin")},
         {{"name", priya}, {"phone", "+919800000001"}, {"languages", "hin"}}, false, {}},
        {"bad end time", {priya, QStringLiteral("+919800000001"), QStringLiteral("en"), QStringLiteral("10:00-25:00")},
         {{"name", priya}, {"phone", "+919800000001"}, {"languages", "en"}, {"working_hours", hours("10:00", "25:00")}}, false, {}},
    };
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")})
        for (const Row &r : rows)
            QTest::newRow(qPrintable(backend + QLatin1Char(' ') + QLatin1String(r.name))) << backend << r.cli << r.rest << r.accepted << r.phone;
}

void tst_AgentService::restAndCliAgree()
{
    QFETCH(QStringList, cli);
    QFETCH(QJsonObject, rest);
    QFETCH(bool, accepted);
    QFETCH(QString, phone);
    LEADLINE_OPEN_DB(t);
    FakeClock clock;
    AgentService agents(*t.db, clock);
    Server::HandoffApi api(*t.db, clock, {});
    Server::Router router;
    api.registerRoutes(router);

    // The CLI: its arguments become the same fields, then the same service call.
    auto fields = AgentService::fieldsFromArguments(cli);
    QVERIFY2(fields, fields ? "" : qPrintable(fields.error().message));
    QCOMPARE(fields.value(), rest);
    auto viaCli = agents.add(fields.value());
    QCOMPARE(bool(viaCli), accepted);
    if (accepted)
        QCOMPARE(viaCli->phoneE164, phone);
    else
        QCOMPARE(viaCli.error().code, Error::Code::Validation);

    // REST, on an empty roster again.
    QVERIFY(QSqlQuery(t.conn()).exec(QStringLiteral("DELETE FROM sales_agents")));
    const Server::HttpResponse r = post(router, rest);
    const QJsonObject answer = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(r.status, accepted ? 201 : 400); // Validation is a 400 in the error table
    if (accepted) {
        QCOMPARE(answer.value(QStringLiteral("phone")).toString(), phone);
        QCOMPARE(answer.value(QStringLiteral("languages")).toArray().size(), viaCli->languages.size());
    } else {
        QCOMPARE(answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(), viaCli.error().message);
    }
}

void tst_AgentService::lifecycle()
{
    LEADLINE_OPEN_DB(t);
    FakeClock clock;
    AgentService agents(*t.db, clock);

    QCOMPARE(AgentService::fieldsFromArguments({QStringLiteral("Only name")}).error().code, Error::Code::Validation);
    QCOMPARE(AgentService::fieldsFromArguments({QStringLiteral("A"), QStringLiteral("+919800000001"), QStringLiteral("en"),
                                                QStringLiteral("10:00")}).error().code,
             Error::Code::Validation);
    QCOMPARE(agents.add(QJsonObject{{QStringLiteral("name"), QStringLiteral("No phone")}}).error().code, Error::Code::Validation);

    auto a = agents.add(QJsonObject{{QStringLiteral("name"), QStringLiteral("Rahul")}, {QStringLiteral("phone"), QStringLiteral("98000 00002")}});
    QVERIFY(a);
    QCOMPARE(a->languages, QStringList{QStringLiteral("en")});
    // The same phone in another form is the same agent.
    QCOMPARE(agents.add(QJsonObject{{QStringLiteral("name"), QStringLiteral("Again")}, {QStringLiteral("phone"), QStringLiteral("+919800000002")}})
                 .error().code,
             Error::Code::Conflict);
    QVERIFY(agents.setAvailable(a->id, false));
    auto u = agents.update(a->id, QJsonObject{{QStringLiteral("max_handoffs"), 3}});
    QVERIFY(u);
    QCOMPARE(u->maxHandoffs, 3);
    QCOMPARE(u->available, false);
    QCOMPARE(agents.update(a->id, QJsonObject{{QStringLiteral("max_handoffs"), 0}}).error().code, Error::Code::Validation);
    QCOMPARE(agents.list()->size(), 1);
    QVERIFY(agents.remove(a->id));
    QCOMPARE(agents.remove(a->id).error().code, Error::Code::NotFound);
    QCOMPARE(agents.update(a->id, QJsonObject{}).error().code, Error::Code::NotFound);
    QCOMPARE(agents.list()->size(), 0);
    QCOMPARE(agents.list(true)->size(), 1);
}

QTEST_GUILESS_MAIN(tst_AgentService)
#include "tst_agentservice.moc"
