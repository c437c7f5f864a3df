// Fault injection (label faults): Redis goes down and comes back under the session index. The
// test starts its own redis-server on a free loopback port (never the shared 6379). While Redis
// is down /debug/sessions answers from this node's memory with a warning; when Redis is back the
// index returns to Redis by itself and this node's live sessions are in Redis again (a restarted
// Redis has lost them).
#include "fakes/requiredtool.h"
#include "server/sessionindex.h"

#include <QFileInfo>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Leadline;

namespace {

QMutex g_logMutex;
QStringList g_warnings;
QtMessageHandler g_previous = nullptr;

void captureWarnings(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    if (type == QtWarningMsg) {
        QMutexLocker lock(&g_logMutex);
        g_warnings << msg;
    }
    if (g_previous)
        g_previous(type, ctx, msg);
}

int warningsMentioning(const QString &what)
{
    QMutexLocker lock(&g_logMutex);
    return int(g_warnings.filter(what).size());
}

} // namespace

class tst_RedisOutage : public QObject
{
    Q_OBJECT
private slots:
    void downAndBack();

private:
    bool startRedis(QProcess &p, int port, const QString &dir)
    {
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_redis, {QStringLiteral("--port"), QString::number(port), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                          QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"), QStringLiteral("no"),
                          QStringLiteral("--dir"), dir});
        if (!p.waitForStarted(5000))
            return false;
        // Ready when it accepts connections.
        for (int i = 0; i < 100; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, quint16(port));
            if (s.waitForConnected(100))
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    QString m_redis;
};

void tst_RedisOutage::downAndBack()
{
    m_redis = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (m_redis.isEmpty())
        LEADLINE_SKIP_UNLESS_REQUIRED("LEADLINE_REQUIRE_REDIS", QStringLiteral("redis-server is not installed (Debian: redis-server); the Redis outage test needs a private instance"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const int port = probe.serverPort();
    probe.close();

    QProcess redis;
    QVERIFY2(startRedis(redis, port, dir.path()), qPrintable(QString::fromLocal8Bit(redis.readAll())));
    g_previous = qInstallMessageHandler(captureWarnings);
    auto restore = qScopeGuard([] { qInstallMessageHandler(g_previous); });

    Server::SessionIndex index(QStringLiteral("redis://127.0.0.1:%1/3").arg(port), QStringLiteral("node-a"), 300);
    index.upsert(11, QJsonObject{{QStringLiteral("call_id"), 11}, {QStringLiteral("state"), QStringLiteral("listening")}});
    QString source;
    QTRY_VERIFY_WITH_TIMEOUT(index.snapshot(&source).size() == 1 && source == QLatin1String("redis"), 5000);

    // ---- Redis dies
    redis.kill();
    QVERIFY(redis.waitForFinished(5000));
    index.upsert(12, QJsonObject{{QStringLiteral("call_id"), 12}, {QStringLiteral("state"), QStringLiteral("speaking")}});
    const QJsonArray during = index.snapshot(&source);
    QCOMPARE(source, QStringLiteral("memory"));
    QCOMPARE(during.size(), 2); // nothing lost: this node's sessions are still listed
    QTRY_VERIFY_WITH_TIMEOUT(warningsMentioning(QStringLiteral("memory")) >= 1, 3000);
    index.remove(11); // calls keep ending during the outage
    QCOMPARE(index.snapshot(&source).size(), 1);
    const int warningsDuringOutage = warningsMentioning(QStringLiteral("Redis"));
    for (int i = 0; i < 5; ++i)
        index.snapshot(&source);
    QCOMPARE(warningsMentioning(QStringLiteral("Redis")), warningsDuringOutage); // warned once per outage, not per request

    // ---- Redis is back (empty: it kept nothing)
    QProcess again;
    QVERIFY2(startRedis(again, port, dir.path()), qPrintable(QString::fromLocal8Bit(again.readAll())));
    auto stopAgain = qScopeGuard([&again] { again.kill(); again.waitForFinished(5000); });
    // The index retries every 5 s; then it must answer from Redis, with this node's session.
    QJsonArray after;
    QTRY_VERIFY_WITH_TIMEOUT((after = index.snapshot(&source), source == QLatin1String("redis")), 12000);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first().toObject().value(QStringLiteral("call_id")).toInt(), 12);
    QCOMPARE(after.first().toObject().value(QStringLiteral("node")).toString(), QStringLiteral("node-a"));
    // Another node sees it through Redis.
    Server::SessionIndex other(QStringLiteral("redis://127.0.0.1:%1/3").arg(port), QStringLiteral("node-b"), 300);
    QCOMPARE(other.snapshot(&source).size(), 1);
    QCOMPARE(source, QStringLiteral("redis"));
}

QTEST_GUILESS_MAIN(tst_RedisOutage)
#include "tst_redisoutage.moc"
