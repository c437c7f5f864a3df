// kill -9 recovery with the real binary: `leadline --headless` dials four leads through a fake
// Exotel on loopback, is killed with SIGKILL, and a restarted node reconciles the calls left in
// flight from Exotel's call details: finished ones settle per the retry policy, the live one is
// left alone, and no lead is dialled twice. With two nodes on one PostgreSQL, the surviving peer
// takes the killed node's calls over without waiting for it to restart; and three nodes calling
// the Exotel simulator's personas (real media sessions, duplicated and reordered callbacks) lose
// one node to kill -9 mid-call and still settle every lead in time.
#include "campaigns/callingwindow.h"
#include "fakes/fakeexotelserver.h"
#include "fakes/testdatabase.h"
#include "storage/dialerqueue.h"
#include "storage/leadrepository.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <QtTest>

using namespace Leadline;

class tst_DialerKill : public QObject
{
    Q_OBJECT
private slots:
    void recoversAfterKill9();
    void peerTakesOverAfterKill9();
    void threeNodesThroughTheSimulator();
};

// The binaries run on the real clock: a time zone where it is daytime now.
static QString daytimeZone()
{
    for (const char *z : {"Asia/Kolkata", "Europe/London", "America/New_York", "Asia/Tokyo", "America/Los_Angeles",
                          "Europe/Moscow", "Pacific/Honolulu", "Australia/Sydney"}) {
        auto w = Campaigns::CallingWindow::make(QStringLiteral("09:30"), QStringLiteral("20:30"), {}, QString::fromLatin1(z));
        if (w && w->isOpen(QDateTime::currentDateTimeUtc()))
            return QString::fromLatin1(z);
    }
    return {};
}

// A campaign in a time zone where it is daytime now, with n leads (phones prefix + index).
static qint64 addCampaign(QSqlDatabase conn, const QString &name, const QString &status, const QString &zone, int n,
                          const QString &phonePrefix, const QString &extraColumns = {}, const QString &extraValues = {})
{
    QSqlQuery q(conn);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString sql = QStringLiteral("INSERT INTO campaigns (name, status, calling_days, timezone, window_start, window_end, ")
                        + extraColumns + QStringLiteral("created_at, updated_at) VALUES ('%1', '%2', 'mon,tue,wed,thu,fri,sat,sun', '%3', "
                                                        "'09:30', '20:30', ").arg(name, status, zone)
                        + extraValues + QStringLiteral("%1, %1)").arg(now);
    if (!q.exec(sql))
        return 0;
    q.exec(QStringLiteral("SELECT id FROM campaigns WHERE name = '%1'").arg(name));
    if (!q.next())
        return 0;
    const qint64 id = q.value(0).toLongLong();
    QList<Storage::LeadRow> rows;
    for (int i = 0; i < n; ++i) {
        Storage::LeadRow r;
        r.name = QStringLiteral("%1 %2").arg(name).arg(i);
        r.phoneE164 = phonePrefix + QString::number(i);
        rows << r;
    }
    conn.transaction();
    if (!Storage::LeadRepository(conn).insertBatch(id, rows, now)) {
        conn.rollback();
        return 0;
    }
    conn.commit();
    return id;
}

// What every node (and the simulator) needs: a private HOME, and a fast dialer.
static QProcessEnvironment nodeEnvironment(const QTemporaryDir &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    env.insert(QStringLiteral("EXOTEL_WEBHOOK_SECRET"), QStringLiteral("s"));
    env.insert(QStringLiteral("WORKER_THREADS"), QStringLiteral("1"));
    return env;
}

// Fast heartbeats so a test is short; the staleness bound stays at its (long) default, so only
// the takeover of a dead node's calls can settle them in time.
static void fastHeartbeats(QProcessEnvironment &env)
{
    env.insert(QStringLiteral("NODE_HEARTBEAT_S"), QStringLiteral("0.5"));
    env.insert(QStringLiteral("NODE_DEAD_AFTER_S"), QStringLiteral("3"));
    env.insert(QStringLiteral("RECOVERY_INTERVAL_S"), QStringLiteral("0.5"));
    env.remove(QStringLiteral("DIALER_STALE_AFTER_S"));
}

static void useFakeExotel(QProcessEnvironment &env, const Testing::FakeExotelServer &exotel)
{
    env.insert(QStringLiteral("EXOTEL_API_BASE_URL"), exotel.baseUrl());
    env.insert(QStringLiteral("EXOTEL_ACCOUNT_SID"), QStringLiteral("acc"));
    env.insert(QStringLiteral("EXOTEL_API_KEY"), QStringLiteral("key"));
    env.insert(QStringLiteral("EXOTEL_API_TOKEN"), QStringLiteral("token"));
    env.insert(QStringLiteral("DIALER_TICK_MS"), QStringLiteral("100"));
}

static void startNode(QProcess &p, const QProcessEnvironment &env, quint16 port, const QString &databaseUrl)
{
    QProcessEnvironment e = env;
    e.insert(QStringLiteral("OUR_BASE_URL"), QStringLiteral("http://127.0.0.1:%1").arg(port));
    p.setProcessEnvironment(e);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral(LEADLINE_BINARY), {QStringLiteral("--headless"), QStringLiteral("--port"), QString::number(port),
                                              QStringLiteral("--database-url"), databaseUrl, QStringLiteral("--log-level"),
                                              QStringLiteral("warning")});
}

static quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

static int scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

// The Exotel call SIDs of the calls, in the order they were placed; false when the query fails.
static bool providerSids(QSqlDatabase db, QStringList &sids)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT provider_sid FROM calls ORDER BY id")))
        return false;
    while (q.next())
        sids << q.value(0).toString();
    return true;
}

// In a test function: the shared PostgreSQL test database `t` (skipped without one, unless CI
// requires it), its connection `conn`, and `zone`, a time zone where it is daytime now.
#define OPEN_POSTGRES_IN_DAYTIME(t, conn, zone)                                     \
    auto t = Testing::openTestDatabase(QStringLiteral("postgres"));                 \
    if (!t.skipReason.isEmpty())                                                    \
        QSKIP(qPrintable(t.skipReason));                                            \
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));                               \
    const QString zone = daytimeZone();                                             \
    QVERIFY(!zone.isEmpty());                                                       \
    QSqlDatabase conn = t.conn()

void tst_DialerKill::recoversAfterKill9()
{
    const QString zone = daytimeZone();
    QVERIFY(!zone.isEmpty());
    auto t = Testing::openTestDatabase(QStringLiteral("sqlite"));
    QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
    QSqlDatabase conn = t.conn();
    QVERIFY(addCampaign(conn, QStringLiteral("Kill"), QStringLiteral("running"), zone, 4, QStringLiteral("+91990000000")) > 0);

    Testing::FakeExotelServer exotel;
    const quint16 port = freePort();
    QVERIFY(port);
    QTemporaryDir home;
    QProcessEnvironment env = nodeEnvironment(home);
    useFakeExotel(env, exotel);
    env.insert(QStringLiteral("DIALER_STALE_AFTER_S"), QStringLiteral("1"));
    const QString databaseUrl = QStringLiteral("sqlite://") + t.db->config().databaseName;

    QProcess first;
    startNode(first, env, port, databaseUrl);
    QVERIFY(first.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(exotel.connectCount(), 4, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE provider_sid IS NOT NULL")), 4, 10000);
    first.kill(); // SIGKILL: no shutdown code runs
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 4);

    // What Exotel knows by now: two busy, one failed, one still talking.
    QStringList sid;
    QVERIFY(providerSids(conn, sid));
    QCOMPARE(sid.size(), 4);
    exotel.setCallStatus(sid.at(0), QStringLiteral("busy"));
    exotel.setCallStatus(sid.at(1), QStringLiteral("busy"));
    exotel.setCallStatus(sid.at(2), QStringLiteral("failed"));
    exotel.setCallStatus(sid.at(3), QStringLiteral("in-progress"));
    // Past DIALER_STALE_AFTER_S: every call row was last touched over a second ago.
    QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE updated_at >= %1")
                                               .arg(QDateTime::currentMSecsSinceEpoch() - 1100)), 0, 10000);

    QProcess second;
    startNode(second, env, port, databaseUrl);
    QVERIFY(second.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'retry' AND attempts = 1")), 3, 20000);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE status IN ('busy', 'failed')")), 3);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 1);
    auto details = [&exotel] {
        int n = 0;
        for (const auto &r : std::as_const(exotel.requests))
            n += r.method == "GET" ? 1 : 0;
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(details() >= 4, 10000); // the live call was asked about too (rate-limited)
    QTest::qWait(500);
    QCOMPARE(exotel.connectCount(), 4); // nobody was dialled twice
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls")), 4);
    second.terminate();
    QVERIFY(second.waitForFinished(10000));
}

void tst_DialerKill::peerTakesOverAfterKill9()
{
    OPEN_POSTGRES_IN_DAYTIME(t, conn, zone);
    QSqlQuery q(conn);
    QVERIFY(addCampaign(conn, QStringLiteral("Peers"), QStringLiteral("running"), zone, 4, QStringLiteral("+91990000001")) > 0);

    Testing::FakeExotelServer exotel;
    const quint16 port1 = freePort();
    const quint16 port2 = freePort();
    QVERIFY(port1 && port2 && port1 != port2);
    QTemporaryDir home;
    QProcessEnvironment env = nodeEnvironment(home);
    useFakeExotel(env, exotel);
    fastHeartbeats(env);
    QProcess first;
    startNode(first, env, port1, Testing::postgresTestUrl());
    QVERIFY(first.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(exotel.connectCount(), 4, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE provider_sid IS NOT NULL")), 4, 10000);
    QProcess second;
    startNode(second, env, port2, Testing::postgresTestUrl());
    QVERIFY(second.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM nodes WHERE stopped_at IS NULL")), 2, 20000);

    QStringList sid;
    QVERIFY(providerSids(conn, sid));
    QCOMPARE(sid.size(), 4);
    QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT node_id FROM calls")) && q.next());
    const QString firstNode = q.value(0).toString();
    QVERIFY(!firstNode.isEmpty() && !q.next()); // the first node dialled all four
    first.kill(); // SIGKILL, and it never comes back
    QVERIFY(first.waitForFinished(10000));
    exotel.setCallStatus(sid.at(0), QStringLiteral("busy"));
    exotel.setCallStatus(sid.at(1), QStringLiteral("no-answer"));
    exotel.setCallStatus(sid.at(2), QStringLiteral("completed")); // answered; the conversation died with the node
    exotel.setCallStatus(sid.at(3), QStringLiteral("in-progress"));
    QElapsedTimer sinceKill;
    sinceKill.start();
    QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'retry' AND attempts = 1")), 3, 30000);
    qInfo() << "the peer settled the killed node's calls" << sinceKill.elapsed() << "ms after the kill";
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE last_outcome = 'technical_failure'")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE failure_reason LIKE 'cut off: node %'")), 1);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 1); // still talking
    // The survivor took the calls over (one owner), and nobody was dialled twice.
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE node_id = '%1'").arg(firstNode)), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(DISTINCT node_id) FROM calls")), 1);
    QTest::qWait(500);
    QCOMPARE(exotel.connectCount(), 4);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls")), 4);
    second.terminate();
    QVERIFY(second.waitForFinished(10000));
}

void tst_DialerKill::threeNodesThroughTheSimulator()
{
    OPEN_POSTGRES_IN_DAYTIME(t, conn, zone);
    QSqlQuery q(conn);
    // Started only once every node is up; cut calls are retried 5 s later.
    const qint64 campaignId = addCampaign(conn, QStringLiteral("Sim nodes"), QStringLiteral("draft"), zone, 9, QStringLiteral("+91990000002"),
                                          QStringLiteral("max_concurrent, max_attempts, retry_delay_s, "), QStringLiteral("6, 3, 5, "));
    QVERIFY(campaignId > 0);

    QTemporaryDir home;
    QProcessEnvironment env = nodeEnvironment(home);
    const quint16 simPort = freePort();
    QProcess sim;
    sim.setProcessEnvironment(env);
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // The personas whose calls end within about 25 s (not the silent, Hindi or site-visit callees,
    // whose calls run 30 to 60 s): the campaign's calls end sooner after the pause.
    sim.start(QStringLiteral(LEADLINE_BINARY), {QStringLiteral("sim"), QStringLiteral("--port"), QString::number(simPort),
                                                QStringLiteral("--personas"),
                                                QStringLiteral("interested,not_interested,callback_tomorrow,voicemail,busy,no_answer,barge_in,do_not_call"),
                                                QStringLiteral("--log-level"), QStringLiteral("warning")});
    QVERIFY(sim.waitForStarted());
    QByteArray simOut;
    QTRY_VERIFY_WITH_TIMEOUT((simOut += sim.readAllStandardOutput()).contains("Exotel simulator on"), 20000);

    env.insert(QStringLiteral("EXOTEL_API_BASE_URL"), QStringLiteral("http://127.0.0.1:%1").arg(simPort));
    env.insert(QStringLiteral("EXOTEL_ACCOUNT_SID"), QStringLiteral("leadlinesim"));
    env.insert(QStringLiteral("EXOTEL_API_KEY"), QStringLiteral("simkey"));
    env.insert(QStringLiteral("EXOTEL_API_TOKEN"), QStringLiteral("simtoken"));
    env.insert(QStringLiteral("EXOTEL_VIRTUAL_NUMBER"), QStringLiteral("08047112233"));
    env.insert(QStringLiteral("EXOTEL_REQUESTS_PER_SECOND"), QStringLiteral("10"));
    env.insert(QStringLiteral("MAX_CONCURRENT_CALLS"), QStringLiteral("6"));
    env.insert(QStringLiteral("DIALER_TICK_MS"), QStringLiteral("200"));
    // A cut call that rang unanswered is retried after the campaign's 5 s too (the product's
    // default waits 2 h), or its lead would never be called again within the test.
    env.insert(QStringLiteral("RETRY_DELAY_NO_ANSWER_S"), QStringLiteral("0"));
    fastHeartbeats(env);
    QList<std::shared_ptr<QProcess>> nodes;
    QList<quint16> ports;
    for (int i = 0; i < 3; ++i) {
        const quint16 port = freePort();
        QVERIFY(port && !ports.contains(port) && port != simPort);
        ports << port;
        auto p = std::make_shared<QProcess>();
        startNode(*p, env, port, Testing::postgresTestUrl());
        QVERIFY(p->waitForStarted());
        nodes << p;
    }
    QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM nodes WHERE stopped_at IS NULL")), 3, 20000);
    QVERIFY(q.exec(QStringLiteral("UPDATE campaigns SET status = 'running' WHERE id = %1").arg(campaignId)));

    // kill -9 the first node found with a live conversation (answered, its session running).
    QString victim;
    auto liveOn = [&]() -> QString {
        QSqlQuery l(conn);
        if (l.exec(QStringLiteral("SELECT node_id FROM calls WHERE status = 'in-progress' AND node_id IS NOT NULL ORDER BY id LIMIT 1")) && l.next())
            return l.value(0).toString();
        return {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(!(victim = liveOn()).isEmpty(), 60000);
    const quint16 victimPort = quint16(victim.section(QLatin1Char('#'), 0, 0).section(QLatin1Char(':'), -1).toUInt());
    const int vi = int(ports.indexOf(victimPort));
    QVERIFY2(vi >= 0, qPrintable(victim));
    QList<qint64> cut; // the victim's calls in flight at the kill
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM calls WHERE node_id = '%1' AND status IN ('created','dialing','queued','ringing',"
                                  "'in-progress','answered')").arg(victim)));
    nodes.at(vi)->kill();
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(nodes.at(vi)->waitForFinished(10000));
    while (q.next())
        cut << q.value(0).toLongLong();
    QVERIFY(!cut.isEmpty());
    qInfo() << "killed node" << victim << "with" << cut.size() << "calls in flight";

    // Each cut call's lead is called again and that call settles; then the campaign is paused
    // and the calls still live end: nothing may be left "calling".
    QStringList cutIds;
    for (qint64 id : std::as_const(cut))
        cutIds << QString::number(id);
    QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls c WHERE c.id IN (%1) AND EXISTS (SELECT 1 FROM calls r "
                                                         "WHERE r.lead_id = c.lead_id AND r.attempt = c.attempt + 1 AND r.settled_at IS NOT NULL)")
                                                  .arg(cutIds.join(QLatin1Char(',')))),
                              int(cut.size()), 150000);
    QVERIFY(q.exec(QStringLiteral("UPDATE campaigns SET status = 'paused' WHERE id = %1").arg(campaignId)));
    QTRY_COMPARE_WITH_TIMEOUT(Storage::DialerQueue(conn).activeCalls(campaignId).value(), 0, 90000);
    QTRY_COMPARE_WITH_TIMEOUT(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM leads WHERE status = 'calling'")), 0, 5000);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE settled_at IS NULL AND status <> 'not_placed'")), 0);
    for (qint64 id : std::as_const(cut)) {
        QVERIFY(q.exec(QStringLiteral("SELECT settled_at, lead_id, attempt, failure_reason, status FROM calls WHERE id = %1").arg(id)) && q.next());
        const qint64 settledAfterKill = q.value(0).toLongLong() - killedAt;
        qInfo() << "cut call" << id << q.value(4).toString() << "settled" << settledAfterKill << "ms after the kill:" << q.value(3).toString();
        QVERIFY2(settledAfterKill <= 30000, qPrintable(QString::number(settledAfterKill)));
        if (q.value(4).toString() == QLatin1String("completed")) // answered: the conversation died with the node
            QVERIFY2(q.value(3).toString().startsWith(QLatin1String("cut off:")), qPrintable(q.value(3).toString()));
    }
    // Calls of the living nodes settled within 30 s of their end.
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE ended_at IS NOT NULL AND settled_at - ended_at > 30000")), 0);
    // Nobody was ever in two calls at once, and every dial is one call row.
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls a JOIN calls b ON a.lead_id = b.lead_id AND a.id < b.id "
                                         "WHERE b.created_at < a.settled_at")), 0);
    QCOMPARE(scalar(conn, QStringLiteral("SELECT COUNT(*) FROM calls WHERE provider_sid IS NOT NULL")),
             scalar(conn, QStringLiteral("SELECT COUNT(DISTINCT provider_sid) FROM calls")));
    for (int i = 0; i < nodes.size(); ++i) {
        if (i == vi)
            continue;
        nodes.at(i)->terminate();
        QVERIFY(nodes.at(i)->waitForFinished(10000));
    }
    sim.terminate();
    QVERIFY(sim.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(tst_DialerKill)
#include "tst_dialerkill.moc"
