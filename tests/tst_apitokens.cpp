// API tokens: the api_tokens repository (hash only, unique active names, revoke by id or name),
// the verifier's cache (no DB read per request, revocations seen after the TTL or at once after
// invalidate(), last use recorded) on SQLite and PostgreSQL, and RequestAuth + /tokens over
// real loopback HTTP (proxied requests are treated as remote, so they need a token).
#include "fakes/fakeclock.h"
#include "fakes/httpharness.h"
#include "fakes/testdatabase.h"
#include "server/apitokenverifier.h"
#include "server/eventhub.h"
#include "server/controllers/tokenscontroller.h"
#include "storage/apitokenrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>
#include <QtTest>

using namespace Leadline;

class tst_ApiTokens : public QObject
{
    Q_OBJECT
private slots:
    void repository_data() { Testing::addBackendRows(); }
    void repository();
    void verifierCachesAndSeesRevocation_data() { Testing::addBackendRows(); }
    void verifierCachesAndSeesRevocation();
    void restAndAuth_data() { Testing::addBackendRows(); }
    void restAndAuth();
    void eventsAcceptDatabaseTokens();
};

void tst_ApiTokens::repository()
{
    LEADLINE_OPEN_DB(t);
    Storage::ApiTokenRepository repo(t.conn());
    auto a = repo.create(QStringLiteral("crm-sync"), 1000);
    QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().message));
    QVERIFY(a->token.startsWith("llt_"));
    QCOMPARE(a->token.size(), 4 + 43); // 32 random bytes, base64url
    QCOMPARE(a->row.name, QStringLiteral("crm-sync"));
    QCOMPARE(a->row.createdAt, qint64(1000));
    QVERIFY(a->row.active());
    QCOMPARE(a->row.hash, Storage::ApiTokenRepository::hashToken(a->token));

    // The clear token is nowhere in the table.
    QSqlQuery q(t.conn());
    QVERIFY(q.exec(QStringLiteral("SELECT name, token_hash FROM api_tokens")));
    while (q.next()) {
        QVERIFY(!q.value(0).toString().contains(QString::fromLatin1(a->token)));
        QVERIFY(!q.value(1).toString().contains(QString::fromLatin1(a->token)));
    }

    auto again = repo.create(QStringLiteral("crm-sync"), 2000);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QCOMPARE(repo.create(QStringLiteral("  "), 2000).error().code, Error::Code::Validation);
    QCOMPARE(repo.create(QStringLiteral("42"), 2000).error().code, Error::Code::Validation);

    auto b = repo.create(QStringLiteral("grafana"), 3000);
    QVERIFY(b.ok());
    QVERIFY(a->token != b->token);

    auto revoked = repo.revoke(QStringLiteral("crm-sync"), 4000);
    QVERIFY(revoked.ok());
    QCOMPARE(revoked->id, a->row.id);
    QCOMPARE(revoked->revokedAt, qint64(4000));
    QCOMPARE(repo.revoke(QStringLiteral("crm-sync"), 4001).error().code, Error::Code::NotFound);
    // The name is free again once its token is revoked.
    auto a2 = repo.create(QStringLiteral("crm-sync"), 5000);
    QVERIFY(a2.ok());

    auto byId = repo.revoke(QString::number(b->row.id), 6000);
    QVERIFY(byId.ok());
    QCOMPARE(byId->name, QStringLiteral("grafana"));
    QCOMPARE(byId->revokedAt, qint64(6000));
    // Revoking again by id keeps the first revocation time.
    QCOMPARE(repo.revoke(QString::number(b->row.id), 7000)->revokedAt, qint64(6000));
    QCOMPARE(repo.revoke(QStringLiteral("99999"), 7000).error().code, Error::Code::NotFound);

    auto all = repo.list();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 3);
    auto active = repo.active();
    QVERIFY(active.ok());
    QCOMPARE(active->size(), 1);
    QCOMPARE(active->first().id, a2->row.id);

    QVERIFY(repo.touch(a2->row.id, 8000).ok());
    QCOMPARE(repo.active()->first().lastUsedAt, qint64(8000));
}

void tst_ApiTokens::verifierCachesAndSeesRevocation()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock(1'800'000'000'000);
    Storage::ApiTokenRepository repo(t.conn());
    auto created = repo.create(QStringLiteral("ops"), clock.nowMs());
    QVERIFY(created.ok());
    Server::ApiTokenVerifier verifier(*t.db, clock, 5000);

    QCOMPARE(verifier.verify(created->token), created->row.id);
    QCOMPARE(verifier.verify(created->token + "x"), qint64(0));
    QCOMPARE(verifier.verify(QByteArray()), qint64(0));
    QCOMPARE(verifier.verify(created->row.hash), qint64(0)); // the stored hash is not a credential
    // First use recorded.
    QCOMPARE(repo.active()->first().lastUsedAt, clock.nowMs());

    // Revoked by someone else (CLI, another node): the cache still accepts within the TTL...
    QVERIFY(repo.revoke(QStringLiteral("ops"), clock.nowMs()).ok());
    clock.advanceMs(1000);
    QCOMPARE(verifier.verify(created->token), created->row.id);
    // ...and refuses once the TTL has passed.
    clock.advanceMs(5000);
    QCOMPARE(verifier.verify(created->token), qint64(0));

    // A token created after the last load is found after invalidate() without waiting.
    auto fresh = repo.create(QStringLiteral("ops"), clock.nowMs());
    QVERIFY(fresh.ok());
    QCOMPARE(verifier.verify(fresh->token), qint64(0));
    verifier.invalidate();
    QCOMPARE(verifier.verify(fresh->token), fresh->row.id);
}

namespace {
using Testing::HttpReply;

// Through a proxy, loopback is not trusted: the token decides.
HttpReply send(Testing::LoopbackServer &server, const QByteArray &verb, const QString &path, const QByteArray &bearer = {},
               const QByteArray &body = {})
{
    Testing::HttpHeaders headers{{"X-Forwarded-For", "203.0.113.7"}};
    if (!bearer.isEmpty())
        headers.append({"Authorization", "Bearer " + bearer});
    return server.send(verb, path, body, "application/json", headers);
}
} // namespace

void tst_ApiTokens::restAndAuth()
{
    LEADLINE_OPEN_DB(t);
    Testing::FakeClock clock;
    Server::ApiTokenVerifier verifier(*t.db, clock, 60'000); // long TTL: only invalidate() refreshes
    Server::TokensController api(*t.db, clock, &verifier);
    const QByteArray configured = "configured-token-0123456789";
    Testing::LoopbackServer server(configured, &verifier);
    api.registerRoutes(server.router);
    QVERIFY(server.start(2).ok());

    QCOMPARE(send(server, "GET", QStringLiteral("/tokens")).status, 401);
    QCOMPARE(send(server, "GET", QStringLiteral("/tokens"), "wrong").status, 401);
    QCOMPARE(send(server, "GET", QStringLiteral("/tokens"), configured).status, 200);

    HttpReply created = send(server, "POST", QStringLiteral("/tokens"), configured, R"({"name":"dashboard"})");
    QCOMPARE(created.status, 201);
    const QByteArray token = created.json.value(QStringLiteral("token")).toString().toLatin1();
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(token.startsWith("llt_"));
    QVERIFY(id > 0);
    QCOMPARE(send(server, "POST", QStringLiteral("/tokens"), configured, R"({"name":"dashboard"})").status, 409);
    QCOMPARE(send(server, "POST", QStringLiteral("/tokens"), configured, R"({"nom":"x"})").status, 400);

    // The new token works at once (the create invalidated the cache) and the list never shows it.
    HttpReply listed = send(server, "GET", QStringLiteral("/tokens"), token);
    QCOMPARE(listed.status, 200);
    QVERIFY(!listed.raw.contains(token));
    const QJsonArray rows = listed.json.value(QStringLiteral("tokens")).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("dashboard"));
    QVERIFY(!rows.first().toObject().value(QStringLiteral("last_used_at")).isNull());
    QVERIFY(rows.first().toObject().value(QStringLiteral("revoked_at")).isNull());

    // Revoke through REST: refused immediately on this node, also on the other worker.
    QCOMPARE(send(server, "DELETE", QStringLiteral("/tokens/%1").arg(id), configured).status, 200);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(send(server, "GET", QStringLiteral("/tokens"), token).status, 401);
    QCOMPARE(send(server, "DELETE", QStringLiteral("/tokens/nosuch"), configured).status, 404);
    // Revoke by name.
    HttpReply second = send(server, "POST", QStringLiteral("/tokens"), configured, R"({"name":"ci"})");
    QCOMPARE(second.status, 201);
    const QByteArray token2 = second.json.value(QStringLiteral("token")).toString().toLatin1();
    QCOMPARE(send(server, "GET", QStringLiteral("/tokens"), token2).status, 200);
    QCOMPARE(send(server, "DELETE", QStringLiteral("/tokens/ci"), token2).status, 200);
    QCOMPARE(send(server, "GET", QStringLiteral("/tokens"), token2).status, 401);
    server.pool.stop();
}

// /events from a proxied client: an active database token opens it (Bearer or ?token=), a
// revoked one does not.
void tst_ApiTokens::eventsAcceptDatabaseTokens()
{
    Testing::TestDatabase t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    Testing::FakeClock clock;
    Server::ApiTokenVerifier verifier(*t.db, clock, 60'000);
    auto created = Storage::ApiTokenRepository(t.conn()).create(QStringLiteral("console"), clock.nowMs());
    QVERIFY(created.ok());
    Server::EventHub hub("configured-token-0123456789");
    hub.setTokenVerifier(&verifier);
    Testing::LoopbackServer server("configured-token-0123456789", &verifier);
    server.router.addWebSocketPath(QStringLiteral("/events"));
    server.pool.setWebSocketHandler([&hub](std::unique_ptr<QWebSocket> ws, QObject *worker) { hub.handle(std::move(ws), worker); });
    QVERIFY(server.start().ok());

    // Opens a proxied /events socket; true when it is still open after the server had time to refuse it.
    auto opens = [&](const QByteArray &bearer, const QString &query) {
        QUrl url(QStringLiteral("ws://127.0.0.1:%1/events").arg(server.pool.port()));
        if (!query.isEmpty())
            url.setQuery(QStringLiteral("token=") + query);
        QNetworkRequest req(url);
        req.setRawHeader("X-Forwarded-For", "203.0.113.9");
        if (!bearer.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + bearer);
        QWebSocket ws;
        QSignalSpy connected(&ws, &QWebSocket::connected);
        QSignalSpy closed(&ws, &QWebSocket::disconnected);
        ws.open(req);
        if (!connected.wait(10000))
            return false;
        closed.wait(500);
        const bool open = closed.isEmpty();
        ws.close();
        return open;
    };
    QVERIFY(!opens({}, {}));
    QVERIFY(!opens("wrong", {}));
    QVERIFY(opens(created->token, {}));
    QVERIFY(opens({}, QString::fromLatin1(created->token)));
    QVERIFY(Storage::ApiTokenRepository(t.conn()).revoke(QStringLiteral("console"), clock.nowMs()).ok());
    verifier.invalidate();
    QVERIFY(!opens(created->token, {}));
    server.pool.stop();
}

QTEST_GUILESS_MAIN(tst_ApiTokens)
#include "tst_apitokens.moc"
