// /events: a console on loopback receives events published from any thread, in order; a
// non-loopback or proxied client needs the API token; a dropped console does not disturb others.
#include "server/apitokenverifier.h"
#include "server/eventhub.h"
#include "core/clock.h"
#include "storage/apitokenrepository.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "server/requestauth.h"
#include "server/serverpool.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Server;

class tst_EventHub : public QObject
{
    Q_OBJECT
private slots:
    void authorized_data();
    void authorized();
    void consolesReceiveEventsFromAnyThread();
    void storedTokenIsCheckedOffTheWorker();
};

void tst_EventHub::authorized_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("queryToken");
    QTest::addColumn<bool>("proxied");
    QTest::addColumn<bool>("ok");
    QTest::newRow("loopback") << "127.0.0.1" << QByteArray() << "" << false << true;
    QTest::newRow("loopback through a proxy") << "127.0.0.1" << QByteArray() << "" << true << false;
    QTest::newRow("remote with bearer") << "203.0.113.4" << QByteArray("Bearer tok123") << "" << false << true;
    QTest::newRow("remote with token param") << "203.0.113.4" << QByteArray() << "tok123" << false << true;
    QTest::newRow("remote with wrong token") << "203.0.113.4" << QByteArray("Bearer nope") << "nope" << false << false;
    QTest::newRow("remote without token") << "203.0.113.4" << QByteArray() << "" << false << false;
}

void tst_EventHub::authorized()
{
    QFETCH(QString, peer);
    QFETCH(QByteArray, authorization);
    QFETCH(QString, queryToken);
    QFETCH(bool, proxied);
    QFETCH(bool, ok);
    QCOMPARE(EventHub::authorized(QHostAddress(peer), authorization, queryToken, proxied, "tok123"), ok);
}

void tst_EventHub::consolesReceiveEventsFromAnyThread()
{
    EventHub hub("tok123");
    Router router;
    router.addWebSocketPath(QStringLiteral("/events"));
    RequestAuth auth("tok123");
    ServerPool pool(router, auth);
    pool.setWebSocketHandler([&hub](std::unique_ptr<QWebSocket> ws, QObject *w) { hub.handle(std::move(ws), w); });
    ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = 2;
    QVERIFY(pool.start(opts).ok());

    QList<QJsonObject> got[2];
    bool registered[2] = {false, false};
    QWebSocket consoles[2];
    for (int i = 0; i < 2; ++i) {
        connect(&consoles[i], &QWebSocket::textMessageReceived, this, [&got, &registered, i](const QString &m) {
            const QJsonObject o = QJsonDocument::fromJson(m.toUtf8()).object();
            if (o.value(QStringLiteral("type")).toString() == QLatin1String("test.probe"))
                registered[i] = true; // the hub reaches this console
            else
                got[i].append(o);
        });
        QSignalSpy connected(&consoles[i], &QWebSocket::connected);
        consoles[i].open(QUrl(QStringLiteral("ws://127.0.0.1:%1/events").arg(pool.port())));
        QVERIFY(connected.wait(5000));
    }
    // Both sockets registered on their workers: a probe event reaches each.
    QTRY_VERIFY_WITH_TIMEOUT((hub.publish(QStringLiteral("test.probe"), QJsonObject{}), registered[0] && registered[1]), 5000);
    // Publish from another thread, as call sessions and the dialer do.
    QThread publisher;
    QObject ctx;
    ctx.moveToThread(&publisher);
    publisher.start();
    QMetaObject::invokeMethod(&ctx, [&hub] {
        for (int n = 0; n < 50; ++n)
            hub.publish(QStringLiteral("call.activity"), QJsonObject{{QStringLiteral("call_id"), n}, {QStringLiteral("state"), QStringLiteral("speaking")}});
    }, Qt::BlockingQueuedConnection);
    publisher.quit();
    publisher.wait();
    for (int i = 0; i < 2; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(got[i].size(), 50, 5000);
        for (int n = 0; n < 50; ++n) {
            QCOMPARE(got[i].at(n).value(QStringLiteral("call_id")).toInt(), n);
            QCOMPARE(got[i].at(n).value(QStringLiteral("type")).toString(), QStringLiteral("call.activity"));
        }
    }
    // One console drops (the hub may not have noticed yet when it publishes); the other still gets events.
    consoles[0].abort();
    hub.publish(QStringLiteral("campaign.progress"), QJsonObject{{QStringLiteral("campaign_id"), 7}});
    QTRY_COMPARE_WITH_TIMEOUT(got[1].size(), 51, 5000);
    QCOMPARE(got[1].last().value(QStringLiteral("campaign_id")).toInt(), 7);
}

void tst_EventHub::storedTokenIsCheckedOffTheWorker()
{
    // A proxied console with an api_tokens token: the check reads the database, and that must
    // not happen on the network worker (it paces live calls). The worker opens no database
    // connection (connections are per thread, named after it); the console is still let in,
    // and a wrong token is still turned away.
    QTemporaryDir dir;
    Storage::DatabaseConfig cfg;
    cfg.databaseName = dir.filePath(QStringLiteral("tokens.sqlite"));
    Storage::Database db(cfg);
    QVERIFY(Storage::Migrator::migrate(db.connection().value()).ok());
    SystemClock clock;
    const auto created = Storage::ApiTokenRepository(db.connection().value()).create(QStringLiteral("console"), clock.nowMs());
    QVERIFY(created.ok());
    ApiTokenVerifier verifier(db, clock);
    EventHub hub("configured-token");
    hub.setTokenVerifier(&verifier);
    Router router;
    router.addWebSocketPath(QStringLiteral("/events"));
    RequestAuth auth("configured-token");
    ServerPool pool(router, auth);
    std::atomic<QThread *> workerThread{nullptr};
    pool.setWebSocketHandler([&hub, &workerThread](std::unique_ptr<QWebSocket> ws, QObject *w) {
        workerThread = QThread::currentThread();
        hub.handle(std::move(ws), w);
    });
    ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = 1;
    QVERIFY(pool.start(opts).ok());

    auto open = [&pool](const QByteArray &token, QWebSocket &ws) {
        QNetworkRequest req(QUrl(QStringLiteral("ws://127.0.0.1:%1/events").arg(pool.port())));
        req.setRawHeader("X-Forwarded-For", "203.0.113.9"); // not trusted as loopback
        req.setRawHeader("Authorization", "Bearer " + token);
        ws.open(req);
    };
    QWebSocket good;
    QList<QJsonObject> got;
    connect(&good, &QWebSocket::textMessageReceived, this, [&got](const QString &m) { got.append(QJsonDocument::fromJson(m.toUtf8()).object()); });
    QSignalSpy goodConnected(&good, &QWebSocket::connected);
    open(created->token, good);
    QVERIFY(goodConnected.wait(5000));
    QTRY_VERIFY(workerThread.load() != nullptr);
    // Accepted: it receives events.
    QTRY_VERIFY_WITH_TIMEOUT((hub.publish(QStringLiteral("ping"), {}), !got.isEmpty()), 5000);

    QWebSocket bad;
    QSignalSpy badClosed(&bad, &QWebSocket::disconnected);
    open("not-a-token", bad);
    QVERIFY(badClosed.wait(5000));
    QCOMPARE(bad.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);

    const QString workerSuffix = QString::number(quintptr(workerThread.load()), 16);
    for (const QString &name : QSqlDatabase::connectionNames())
        QVERIFY2(!name.endsWith(workerSuffix), qPrintable(QStringLiteral("the worker opened %1").arg(name)));
}

QTEST_GUILESS_MAIN(tst_EventHub)
#include "tst_eventhub.moc"
