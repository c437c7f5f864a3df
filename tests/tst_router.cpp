#include "server/router.h"

#include <QtTest>

using namespace Leadline::Server;
using Method = QHttpServerRequest::Method;

class tst_Router : public QObject
{
    Q_OBJECT
private slots:
    void match_data();
    void match();
    void duplicateRouteIsRefused();
};

void tst_Router::match_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expectedRoute");
    QTest::addColumn<QStringList>("expectedArgs");
    QTest::addColumn<bool>("pathKnown");
    QTest::newRow("list campaigns") << int(Method::Get) << "/campaigns" << "list" << QStringList() << false;
    QTest::newRow("trailing slash") << int(Method::Get) << "/campaigns/" << "list" << QStringList() << false;
    QTest::newRow("create campaign") << int(Method::Post) << "/campaigns" << "create" << QStringList() << false;
    QTest::newRow("one campaign") << int(Method::Get) << "/campaigns/42" << "get" << QStringList{"42"} << false;
    QTest::newRow("upload") << int(Method::Post) << "/campaigns/7/upload-csv" << "upload" << QStringList{"7"} << false;
    QTest::newRow("wrong method") << int(Method::Delete) << "/campaigns/7" << "" << QStringList() << true;
    QTest::newRow("unknown path") << int(Method::Get) << "/nope" << "" << QStringList() << false;
    QTest::newRow("too deep") << int(Method::Get) << "/campaigns/7/leads/9" << "" << QStringList() << false;
}

void tst_Router::match()
{
    QFETCH(int, method);
    QFETCH(QString, path);
    QFETCH(QString, expectedRoute);
    QFETCH(QStringList, expectedArgs);
    QFETCH(bool, pathKnown);
    Router router;
    const auto none = [](const RouteContext &) { return HttpResponse(); };
    const QHash<QString, QString> names{{"/campaigns#1", "list"}, {"/campaigns#8", "create"},
                                        {"/campaigns/{id}#1", "get"}, {"/campaigns/{id}/upload-csv#8", "upload"}};
    router.add(Method::Get, QStringLiteral("/campaigns"), none);
    router.add(Method::Post, QStringLiteral("/campaigns"), none);
    router.add(Method::Get, QStringLiteral("/campaigns/{id}"), none);
    router.add(Method::Post, QStringLiteral("/campaigns/{id}/upload-csv"), none);
    const Router::Match m = router.match(Method(method), path);
    if (expectedRoute.isEmpty()) {
        QVERIFY(!m.handler);
        QCOMPARE(m.pathKnown, pathKnown);
        return;
    }
    QVERIFY(m.handler);
    QCOMPARE(names.value(m.pattern + QLatin1Char('#') + QString::number(method)), expectedRoute);
    QCOMPARE(m.args, expectedArgs);
}

void tst_Router::duplicateRouteIsRefused()
{
    // Two components registering the same route: the second would never answer. The router keeps
    // the first, and check() (ServerPool::start) names the duplicate instead of starting.
    Router router;
    int answered = 0;
    router.add(Method::Post, QStringLiteral("/campaigns/{id}/pause"), [&](const RouteContext &) { answered = 1; return HttpResponse(); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/pause"), [](const RouteContext &) { return HttpResponse(); });
    QVERIFY(router.check().ok()); // another method is another route
    router.add(Method::Post, QStringLiteral("/campaigns/{campaign}/pause"), [&](const RouteContext &) { answered = 2; return HttpResponse(); });
    const Leadline::Status s = router.check();
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains(QLatin1String("POST /campaigns/{campaign}/pause")), qPrintable(s.error().message));
    const Router::Match m = router.match(Method::Post, QStringLiteral("/campaigns/3/pause"));
    QVERIFY(m.handler);
    (*m.handler)(RouteContext{});
    QCOMPARE(answered, 1);
}

QTEST_GUILESS_MAIN(tst_Router)
#include "tst_router.moc"
