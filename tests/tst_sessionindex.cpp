// /debug/sessions index: two nodes sharing one real Redis each see both nodes' sessions; ended
// sessions disappear; without Redis, or with Redis down, it answers from this node's memory.
// The Redis rows need a server: LEADLINE_TEST_REDIS_URL (default redis://127.0.0.1:6379/15);
// they skip when none answers, unless LEADLINE_REQUIRE_REDIS=1 (CI), where they fail.
#include "server/sessionindex.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Leadline::Server;

class tst_SessionIndex : public QObject
{
    Q_OBJECT
private slots:
    void memoryOnly();
    void redisDownFallsBackToMemory();
    void twoNodesShareRedis();
};

static QSet<qint64> ids(const QJsonArray &a)
{
    QSet<qint64> out;
    for (const QJsonValue &v : a)
        out.insert(v[QStringLiteral("call_id")].toInteger());
    return out;
}

void tst_SessionIndex::memoryOnly()
{
    SessionIndex index(QString(), QStringLiteral("node-a"));
    index.upsert(1, QJsonObject{{QStringLiteral("call_id"), 1}, {QStringLiteral("state"), QStringLiteral("speaking")}});
    index.upsert(2, QJsonObject{{QStringLiteral("call_id"), 2}});
    index.remove(1);
    QString source;
    const QJsonArray s = index.snapshot(&source);
    QCOMPARE(source, QStringLiteral("memory"));
    QCOMPARE(ids(s), QSet<qint64>{2});
    QCOMPARE(s.first()[QStringLiteral("node")].toString(), QStringLiteral("node-a"));
}

void tst_SessionIndex::redisDownFallsBackToMemory()
{
    QTcpServer closed; // a port nobody listens on
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Redis unavailable")));
    SessionIndex index(QStringLiteral("redis://127.0.0.1:%1/0").arg(port), QStringLiteral("node-a"), 200);
    index.upsert(7, QJsonObject{{QStringLiteral("call_id"), 7}});
    QString source;
    QCOMPARE(ids(index.snapshot(&source)), QSet<qint64>{7});
    QCOMPARE(source, QStringLiteral("memory"));
}

void tst_SessionIndex::twoNodesShareRedis()
{
    const QString url = qEnvironmentVariable("LEADLINE_TEST_REDIS_URL", QStringLiteral("redis://127.0.0.1:6379/15"));
    QTcpSocket probe;
    probe.connectToHost(QUrl(url).host(), quint16(QUrl(url).port(6379)));
    if (!probe.waitForConnected(1000)) {
        if (qEnvironmentVariableIntValue("LEADLINE_REQUIRE_REDIS") == 1)
            QFAIL(qPrintable(QStringLiteral("Redis not reachable at %1").arg(url)));
        QSKIP(qPrintable(QStringLiteral("Redis not reachable at %1; start one or set LEADLINE_TEST_REDIS_URL").arg(url)));
    }
    probe.close();
    SessionIndex a(url, QStringLiteral("node-a"));
    SessionIndex b(url, QStringLiteral("node-b"));
    a.upsert(101, QJsonObject{{QStringLiteral("call_id"), 101}, {QStringLiteral("state"), QStringLiteral("listening")}});
    b.upsert(202, QJsonObject{{QStringLiteral("call_id"), 202}, {QStringLiteral("state"), QStringLiteral("speaking")}});
    QString source;
    QTRY_COMPARE_WITH_TIMEOUT(ids(a.snapshot(&source)), (QSet<qint64>{101, 202}), 5000);
    QCOMPARE(source, QStringLiteral("redis"));
    QTRY_COMPARE_WITH_TIMEOUT(ids(b.snapshot(&source)), (QSet<qint64>{101, 202}), 5000);
    b.remove(202);
    QTRY_COMPARE_WITH_TIMEOUT(ids(a.snapshot(&source)), QSet<qint64>{101}, 5000);
}

QTEST_GUILESS_MAIN(tst_SessionIndex)
#include "tst_sessionindex.moc"
