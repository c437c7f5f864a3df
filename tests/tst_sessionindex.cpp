// /debug/sessions index: two nodes sharing one real Redis each see both nodes' sessions; ended
// sessions disappear; without Redis, or with Redis down, it answers from this node's memory.
// The Redis rows need a server: LEADLINE_TEST_REDIS_URL (default redis://127.0.0.1:6379/15);
// they skip when none answers, unless LEADLINE_REQUIRE_REDIS=1 (CI), where they fail.
#include "server/sessionindex.h"

#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

using namespace Leadline::Server;

namespace {

// A minimal Redis (RESP) on its own thread that records every command it receives. Keys live
// in a map so SCAN, MGET and DEL answer like Redis would.
class FakeRedis : public QObject
{
public:
    FakeRedis()
    {
        moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(this, [this] {
            m_server = new QTcpServer(this);
            m_server->listen(QHostAddress::LocalHost, 0);
            connect(m_server, &QTcpServer::newConnection, this, [this] {
                while (QTcpSocket *s = m_server->nextPendingConnection())
                    connect(s, &QTcpSocket::readyRead, this, [this, s] { serve(s); });
            });
        }, Qt::BlockingQueuedConnection);
    }
    ~FakeRedis() override
    {
        QMetaObject::invokeMethod(this, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    quint16 port() const { return m_server->serverPort(); }
    QList<QByteArrayList> commands()
    {
        QMutexLocker lock(&m_mutex);
        return m_commands;
    }
    void clear()
    {
        QMutexLocker lock(&m_mutex);
        m_commands.clear();
    }

private:
    void serve(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        for (;;) {
            QByteArrayList cmd;
            qsizetype pos = 0;
            if (!parse(buf, pos, cmd))
                return;
            buf.remove(0, pos);
            {
                QMutexLocker lock(&m_mutex);
                m_commands.append(cmd);
            }
            s->write(reply(cmd));
        }
    }
    static bool parse(const QByteArray &b, qsizetype &pos, QByteArrayList &out)
    {
        auto line = [&](QByteArray &l) {
            const qsizetype e = b.indexOf("\r\n", pos);
            if (e < 0)
                return false;
            l = b.mid(pos, e - pos);
            pos = e + 2;
            return true;
        };
        QByteArray l;
        if (!line(l) || !l.startsWith('*'))
            return false;
        const int n = l.mid(1).toInt();
        for (int i = 0; i < n; ++i) {
            if (!line(l))
                return false;
            const int len = l.mid(1).toInt();
            if (b.size() < pos + len + 2)
                return false;
            out.append(b.mid(pos, len));
            pos += len + 2;
        }
        return true;
    }
    static QByteArray bulk(const QByteArray &v) { return '$' + QByteArray::number(v.size()) + "\r\n" + v + "\r\n"; }
    QByteArray reply(const QByteArrayList &cmd)
    {
        const QByteArray verb = cmd.value(0).toUpper();
        if (verb == "SET") {
            m_keys.insert(cmd.value(1), cmd.value(2));
            return "+OK\r\n";
        }
        if (verb == "DEL")
            return ':' + QByteArray::number(m_keys.remove(cmd.value(1))) + "\r\n";
        if (verb == "SCAN") {
            const QByteArray prefix = cmd.value(3).chopped(1).replace("\\", ""); // "prefix*"
            QByteArray out = "*2\r\n" + bulk("0");
            QByteArrayList hits;
            for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
                if (it.key().startsWith(prefix))
                    hits.append(it.key());
            out += '*' + QByteArray::number(hits.size()) + "\r\n";
            for (const QByteArray &k : hits)
                out += bulk(k);
            return out;
        }
        if (verb == "MGET") {
            QByteArray out = '*' + QByteArray::number(cmd.size() - 1) + "\r\n";
            for (int i = 1; i < cmd.size(); ++i)
                out += m_keys.contains(cmd.at(i)) ? bulk(m_keys.value(cmd.at(i))) : QByteArray("$-1\r\n");
            return out;
        }
        if (verb == "KEYS")
            return "-ERR KEYS is not allowed\r\n";
        return "+OK\r\n";
    }

    QThread m_thread;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QMap<QByteArray, QByteArray> m_keys;
    QMutex m_mutex;
    QList<QByteArrayList> m_commands;
};

} // namespace

class tst_SessionIndex : public QObject
{
    Q_OBJECT
private slots:
    void memoryOnly();
    void redisDownFallsBackToMemory();
    void twoNodesShareRedis();
    void oneCommandPerEvent();
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

void tst_SessionIndex::oneCommandPerEvent()
{
    FakeRedis redis;
    SessionIndex index(QStringLiteral("redis://127.0.0.1:%1/0").arg(redis.port()), QStringLiteral("node-a"));
    for (qint64 id = 1; id <= 100; ++id)
        index.upsert(id, QJsonObject{{QStringLiteral("call_id"), id}});
    QString source;
    QTRY_COMPARE_WITH_TIMEOUT(index.snapshot(&source).size(), 100, 5000);
    QCOMPARE(source, QStringLiteral("redis"));
    // One call's event touches that call's key only, in one atomic command (value and TTL).
    redis.clear();
    index.upsert(42, QJsonObject{{QStringLiteral("call_id"), 42}, {QStringLiteral("state"), QStringLiteral("speaking")}});
    QTRY_COMPARE_WITH_TIMEOUT(redis.commands().size(), 1, 5000);
    QTest::qWait(100);
    QList<QByteArrayList> sent = redis.commands();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().value(0), QByteArray("SET"));
    QCOMPARE(sent.first().value(1), QByteArray("leadline:session:node-a:42"));
    QVERIFY(sent.first().contains("EX"));
    redis.clear();
    index.remove(42);
    QTRY_COMPARE_WITH_TIMEOUT(redis.commands().size(), 1, 5000);
    QTest::qWait(100);
    sent = redis.commands();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first(), (QByteArrayList{"DEL", "leadline:session:node-a:42"}));
    // Readers walk the keyspace with SCAN, never KEYS.
    redis.clear();
    QCOMPARE(index.snapshot(&source).size(), 99);
    for (const QByteArrayList &c : redis.commands())
        QVERIFY2(c.value(0).toUpper() != "KEYS", c.join(' ').constData());
}

QTEST_GUILESS_MAIN(tst_SessionIndex)
#include "tst_sessionindex.moc"
