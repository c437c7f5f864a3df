// Fault injection (label faults): PostgreSQL stops in the middle of a running campaign and comes
// back. The test runs its own throw-away cluster (initdb into a temporary directory, a free
// port, pg_ctl stop/start; never the shared server), a real DialerEngine with a fake carrier
// and the real StorageCallRecorder. While the database is down the carrier answers dials and a
// live call goes on speaking and ends; after the restart every connection must reconnect, the
// buffered turns, the answered state and the final outcome must all be in the database, every
// dial must carry its carrier sid, and no lead may be dialled twice.
#include "fakes/requiredtool.h"
#include "campaigns/campaignservice.h"
#include "campaigns/dialerengine.h"
#include "conversation/storagecallrecorder.h"
#include "fakes/fakecallplacer.h"
#include "fakes/fakeclock.h"
#include "storage/database.h"
#include "storage/leadrepository.h"
#include "storage/migrations.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>
#include <optional>
#include <unistd.h>

using namespace Leadline;
using namespace Leadline::Campaigns;

namespace {

// A private PostgreSQL 15 cluster for one test. initdb refuses to run as root: as root the
// binaries run as the postgres user in a directory handed to it.
class PrivatePostgres
{
public:
    QString skipReason;
    int port = 0;

    PrivatePostgres()
    {
        if (!QFileInfo::exists(bin(QStringLiteral("initdb"))) || !QFileInfo::exists(bin(QStringLiteral("pg_ctl")))) {
            skipReason = QStringLiteral("PostgreSQL 15 server binaries not found in %1 (install postgresql-15)").arg(m_binDir);
            return;
        }
        if (!m_dir.isValid()) {
            skipReason = QStringLiteral("cannot create a temporary directory");
            return;
        }
        if (geteuid() == 0 && QProcess::execute(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("postgres:postgres"), m_dir.path()}) != 0) {
            skipReason = QStringLiteral("running as root and cannot hand %1 to the postgres user").arg(m_dir.path());
            return;
        }
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
        probe.close();
        QString out;
        if (!run(QStringLiteral("initdb"), {QStringLiteral("-D"), data(), QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                                            QStringLiteral("leadline"), QStringLiteral("--no-sync"), QStringLiteral("-E"), QStringLiteral("UTF8")}, &out))
            skipReason = QStringLiteral("initdb failed: ") + out.right(500);
    }
    ~PrivatePostgres()
    {
        if (skipReason.isEmpty())
            run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), data(), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")}, nullptr);
    }
    bool start(QString *out)
    {
        return run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), data(), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                                              QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("-o"),
                                              QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(port).arg(m_dir.path()),
                                              QStringLiteral("start")}, out);
    }
    bool stop(QString *out)
    {
        return run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), data(), QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")}, out);
    }
    QString url() const { return QStringLiteral("postgresql://leadline@127.0.0.1:%1/postgres").arg(port); }

private:
    QString bin(const QString &name) const { return m_binDir + name; }
    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    bool run(const QString &tool, const QStringList &args, QString *out)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(m_dir.path());
        if (geteuid() == 0)
            p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), bin(tool)} + args);
        else
            p.start(bin(tool), args);
        const bool finished = p.waitForFinished(60000);
        if (out)
            *out = QString::fromLocal8Bit(p.readAll());
        return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QString m_binDir = QStringLiteral("/usr/lib/postgresql/15/bin/");
    QTemporaryDir m_dir;
};

int scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

Storage::TurnRow turn(qint64 callId, int index, const QString &speaker, const QString &text)
{
    Storage::TurnRow t;
    t.callId = callId;
    t.index = index;
    t.speaker = speaker;
    t.text = text;
    t.language = QStringLiteral("en");
    t.startedMs = index * 1000;
    t.endedMs = index * 1000 + 800;
    return t;
}

} // namespace

class tst_DbRestart : public QObject
{
    Q_OBJECT
private slots:
    void restartDuringRunningCampaign();
};

void tst_DbRestart::restartDuringRunningCampaign()
{
    PrivatePostgres pg;
    if (!pg.skipReason.isEmpty())
        LEADLINE_SKIP_UNLESS_REQUIRED("LEADLINE_REQUIRE_POSTGRES", pg.skipReason);
    QString out;
    QVERIFY2(pg.start(&out), qPrintable(out));

    auto config = Storage::DatabaseConfig::fromUrl(pg.url(), {});
    QVERIFY(config.ok());
    Storage::Database db(config.value());
    {
        auto conn = db.connection();
        QVERIFY2(conn.ok(), conn.ok() ? "" : qPrintable(conn.error().message));
        auto migrated = Storage::Migrator::migrate(conn.value());
        QVERIFY2(migrated.ok(), migrated.ok() ? "" : qPrintable(migrated.error().message));
    }
    // Monday 2025-11-24 11:00 IST: inside the calling window.
    Testing::FakeClock clock(QDateTime(QDate(2025, 11, 24), QTime(11, 0), QTimeZone("Asia/Kolkata")).toMSecsSinceEpoch());
    CampaignService service(db, clock);
    auto campaign = service.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Restart")}, {QStringLiteral("max_concurrent"), 20}});
    QVERIFY2(campaign.ok(), campaign.ok() ? "" : qPrintable(campaign.error().message));
    QVERIFY(service.setStatus(campaign->id, QStringLiteral("running")).ok());
    const int leads = 6;
    {
        QList<Storage::LeadRow> rows;
        for (int i = 0; i < leads; ++i) {
            Storage::LeadRow r;
            r.name = QStringLiteral("Lead %1").arg(i);
            r.phoneE164 = QStringLiteral("+91981234%1").arg(i, 4, 10, QLatin1Char('0'));
            r.sourceLine = i + 2;
            rows.append(r);
        }
        QSqlDatabase conn = db.connection().value();
        conn.transaction();
        QVERIFY(Storage::LeadRepository(conn).insertBatch(campaign->id, rows, clock.nowMs()).ok());
        QVERIFY(conn.commit());
    }

    Testing::FakeCallPlacer placer;
    placer.hold = true; // the carrier answers later, while the database is down
    DialerOptions options;
    options.maxPlacerBacklog = 20;
    DialerEngine engine(db, clock, placer, options);
    Conversation::StorageCallRecorder recorder(db);
    QCOMPARE(engine.tick().placed, leads);
    QCOMPARE(placer.backlog(), leads);
    QSqlDatabase check = db.connection().value();
    QList<qint64> callIds;
    {
        QSqlQuery q(check);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM calls ORDER BY id")));
        while (q.next())
            callIds << q.value(0).toLongLong();
    }
    QCOMPARE(callIds.size(), leads);
    const qint64 live = callIds.first();
    recorder.callAnswered(live, QStringLiteral("stream"), QString(), clock.nowMs());
    recorder.appendTurn(turn(live, 0, QStringLiteral("agent"), QStringLiteral("Namaste, this is Leadline.")));
    recorder.appendTurn(turn(live, 1, QStringLiteral("caller"), QStringLiteral("Yes, tell me.")));
    recorder.flush();
    QCOMPARE(scalar(check, QStringLiteral("SELECT COUNT(*) FROM turns WHERE call_id = %1").arg(live)), 2);

    // ---- the database goes away
    QVERIFY2(pg.stop(&out), qPrintable(out));
    placer.releaseHeld(); // the carrier accepted all dials: their sids must not be lost
    QCOMPARE(placer.placed.size(), leads);
    recorder.appendTurn(turn(live, 2, QStringLiteral("agent"), QStringLiteral("Are you looking for a 2BHK?")));
    recorder.appendTurn(turn(live, 3, QStringLiteral("caller"), QStringLiteral("Yes, in Pune.")));
    Storage::CallOutcome outcome;
    outcome.outcome = QStringLiteral("interested");
    outcome.property = QStringLiteral("2BHK");
    recorder.finishCall(live, outcome, QStringLiteral("completed"), clock.nowMs() + 60000);
    recorder.callAnswered(callIds.at(1), QStringLiteral("stream2"), QString(), clock.nowMs());
    // A call's media socket opens during the outage: its lookup waits for the database.
    QObject lookupContext;
    std::optional<Result<Conversation::CallContext>> looked;
    Conversation::CallKey key;
    key.token = placer.placed.at(2).correlationToken;
    recorder.lookup(key, &lookupContext, [&looked](Result<Conversation::CallContext> r) { looked = std::move(r); });
    QTest::qWait(800); // several failed write attempts
    QVERIFY(recorder.pendingWrites() > 0);
    QCOMPARE(recorder.droppedWrites(), 0);
    QCOMPARE(engine.tick().placed, 0); // no database: no claim, no crash
    engine.recover();
    QCOMPARE(placer.placed.size(), leads);

    // ---- and comes back on the same port
    QVERIFY2(pg.start(&out), qPrintable(out));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.pendingWrites(), 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(looked.has_value(), 15000);
    QVERIFY2(looked->ok(), looked->ok() ? "" : qPrintable(looked->error().message));
    QCOMPARE(looked->value().callId, placer.placed.at(2).callId);
    engine.tick(); // stores the carrier answers that arrived during the outage
    clock.advanceMs(10 * 60 * 1000); // past the "claimed but never sent" bound
    engine.recover();
    engine.tick();

    auto conn = db.connection(); // this thread's connection was cut too: it must reconnect
    QVERIFY2(conn.ok(), conn.ok() ? "" : qPrintable(conn.error().message));
    check = conn.value();
    QCOMPARE(scalar(check, QStringLiteral("SELECT COUNT(*) FROM turns WHERE call_id = %1").arg(live)), 4);
    QCOMPARE(scalar(check, QStringLiteral("SELECT COUNT(*) FROM calls WHERE id = %1 AND outcome = 'interested' AND status = 'completed'").arg(live)), 1);
    QCOMPARE(scalar(check, QStringLiteral("SELECT COUNT(*) FROM calls WHERE id = %1 AND status = 'in-progress'").arg(callIds.at(1))), 1);
    QCOMPARE(scalar(check, QStringLiteral("SELECT COUNT(*) FROM calls WHERE provider_sid LIKE 'fake-%'")), leads);
    // No duplicate dial: one call row per lead, each lead dialled exactly once.
    QCOMPARE(scalar(check, QStringLiteral("SELECT COUNT(*) FROM calls")), leads);
    QSet<qint64> dialledLeads;
    for (const auto &r : std::as_const(placer.placed))
        dialledLeads.insert(r.leadId);
    QCOMPARE(placer.placed.size(), leads);
    QCOMPARE(dialledLeads.size(), leads);
    QCOMPARE(recorder.droppedWrites(), 0);
}

QTEST_GUILESS_MAIN(tst_DbRestart)
#include "tst_dbrestart.moc"
