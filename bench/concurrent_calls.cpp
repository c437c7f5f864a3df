// concurrent_calls: load test. Ramps to N simultaneous calls against the real /media endpoint
// (ServerPool with one worker per core, CallSession, StorageCallRecorder on a SQLite file) with
// zero-cost fake vendors of fixed latency, driven by Exotel-protocol clients that stream
// tests/data/exotel/interested.jsonl at real 20 ms pacing. The clients run in a separate
// process (this binary re-run with --client), so the CPU and RSS reported are the engine's own;
// --in-process keeps them on a thread of this process instead. Reports one JSON
// line: calls held at once, calls completed, calls lost from the database, frames that left
// later than 20 ms after their schedule, pacing lateness p99, CPU %, RSS per active call.
// --check makes it exit 1 on any dropped call or any call missing from the database (the
// `load` CTest uses it). Usage: concurrent_calls [--calls N] [--ramp-ms MS] [--check] [--in-process]
#include "exotelcaller.h"

#include "conversation/mediaendpoint.h"
#include "conversation/storagecallrecorder.h"
#include "core/clock.h"
#include "providers/fake/fakeproviderfactory.h"
#include "server/requestauth.h"
#include "server/serverpool.h"
#include "storage/callrepository.h"
#include "storage/database.h"
#include "storage/leadrepository.h"
#include "storage/migrations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <sys/resource.h>

using namespace Leadline;

static qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.value(1).toLongLong() * 4; // pages -> KiB
}

static double cpuSeconds()
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption callsOpt(QStringLiteral("calls"), QStringLiteral("simultaneous calls"), QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption rampOpt(QStringLiteral("ramp-ms"), QStringLiteral("time to start them all"), QStringLiteral("ms"), QStringLiteral("5000"));
    const QCommandLineOption checkOpt(QStringLiteral("check"), QStringLiteral("exit 1 on a dropped or lost call"));
    const QCommandLineOption inProcessOpt(QStringLiteral("in-process"), QStringLiteral("run the simulated callers on a thread of this process"));
    const QCommandLineOption clientOpt(QStringLiteral("client"), QStringLiteral("internal: be the caller process for the engine on this port"), QStringLiteral("port"));
    p.addOptions({callsOpt, rampOpt, checkOpt, inProcessOpt, clientOpt});
    p.process(app);
    const int calls = p.value(callsOpt).toInt();
    const int rampMs = p.value(rampOpt).toInt();
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.*.info=false"));

    QList<QByteArray> frames;
    QFile f(QStringLiteral(LEADLINE_TESTDATA_DIR "/exotel/interested.jsonl"));
    if (!f.open(QIODevice::ReadOnly))
        return 2;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (!l.trimmed().isEmpty())
            frames.append(l.trimmed());

    // Starts the callers on host's thread: call i opens its socket at i * ramp / calls.
    auto startCallers = [&frames, calls, rampMs](QObject *host, quint16 port) {
        for (int i = 0; i < calls; ++i) {
            const int at = calls > 1 ? rampMs * i / (calls - 1) : 0;
            QMetaObject::invokeMethod(host, [host, frames, port, i, at] {
                QTimer::singleShot(at, host, [host, frames, port, i] {
                    new Bench::ExotelCaller(frames, QUrl(QStringLiteral("ws://127.0.0.1:%1/media?sample-rate=8000&lc=%2").arg(port).arg(i + 1, 16, 16, QLatin1Char('0'))), host);
                });
            }, Qt::QueuedConnection);
        }
    };
    if (p.isSet(clientOpt)) {
        // The caller process: runs until every leg has hung up (or the parent kills it).
        QObject host;
        startCallers(&host, quint16(p.value(clientOpt).toUInt()));
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &app, [&] {
            int legs = 0, done = 0;
            for (QObject *o : host.children()) {
                if (auto *leg = dynamic_cast<Bench::ExotelCaller *>(o)) {
                    ++legs;
                    done += leg->done() ? 1 : 0;
                }
            }
            if (legs == calls && done == calls)
                app.quit();
        });
        poll.start(200);
        return app.exec();
    }

    // A database with one lead and one call row per simulated call.
    QTemporaryDir dir;
    Storage::DatabaseConfig cfg;
    cfg.databaseName = dir.filePath(QStringLiteral("load.sqlite"));
    Storage::Database db(cfg);
    auto conn = db.connection().value();
    if (const auto migrated = Storage::Migrator::migrate(conn); !migrated) {
        qCritical("cannot migrate the bench database: %s", qPrintable(migrated.error().message));
        return 2;
    }
    QSqlQuery(conn).exec(QStringLiteral("INSERT INTO campaigns (name, created_at, updated_at) VALUES ('load', 0, 0)"));
    QList<Storage::LeadRow> leads;
    for (int i = 0; i < calls; ++i) {
        Storage::LeadRow l;
        l.name = QStringLiteral("Load %1").arg(i);
        l.phoneE164 = QStringLiteral("+9190%1").arg(i, 8, 10, QLatin1Char('0'));
        l.language = QStringLiteral("English");
        leads.append(l);
    }
    conn.transaction();
    if (const Status inserted = Storage::LeadRepository(conn).insertBatch(1, leads, 0); !inserted) {
        qCritical("cannot insert the bench leads: %s", qPrintable(inserted.error().message));
        return 2;
    }
    QSqlQuery(conn).exec(QStringLiteral("INSERT INTO calls (lead_id, campaign_id, correlation_token, status, created_at, updated_at) "
                                        "SELECT id, 1, printf('%016x', id), 'dialing', 0, 0 FROM leads"));
    conn.commit();

    SystemClock clock;
    Conversation::StorageCallRecorder recorder(db);
    Providers::FakeProviderFactory providers({QStringLiteral("Yes, I am interested."), QStringLiteral("Please call me tomorrow evening.")},
                                             Providers::FakeLatencies{50, 100, 10, 60, 10});
    Conversation::MediaEndpoint endpoint(providers, recorder, clock, Conversation::MediaAuthConfig{}, Conversation::SessionConfig{});
    QMutex mutex;
    int completed = 0;
    QList<double> late;
    int lateFrames = 0, frameCount = 0;
    QObject::connect(&endpoint, &Conversation::MediaEndpoint::sessionFinished, &app, [&](qint64 callId, const Conversation::SessionStats &s) {
        QMutexLocker lock(&mutex);
        if (callId > 0)
            ++completed;
        for (qint64 us : s.pacingJitterUs) {
            late.append(us / 1000.0);
            lateFrames += us > 20000 ? 1 : 0;
        }
        frameCount += s.framesSent;
    }, Qt::DirectConnection);
    Server::Router router;
    router.addWebSocketPath(QStringLiteral("/media"));
    Server::RequestAuth auth("unused");
    Server::ServerPool pool(router, auth);
    pool.setWebSocketHandler([&endpoint](std::unique_ptr<QWebSocket> ws, QObject *worker) { endpoint.handle(std::move(ws), worker); });
    Server::ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = qMax(1, QThread::idealThreadCount());
    if (!pool.start(opts))
        return 1;

    const qint64 rssBefore = rssKb();
    const double cpuBefore = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    const bool inProcess = p.isSet(inProcessOpt);
    QThread clientThread;
    clientThread.setObjectName(QStringLiteral("load-clients"));
    QObject *host = new QObject;
    host->moveToThread(&clientThread);
    QProcess clients;
    if (inProcess) {
        clientThread.start();
        startCallers(host, pool.port());
    } else {
        clients.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        clients.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--client"), QString::number(pool.port()), QStringLiteral("--calls"), QString::number(calls),
                       QStringLiteral("--ramp-ms"), QString::number(rampMs)});
        if (!clients.waitForStarted(10000)) {
            fprintf(stderr, "concurrent_calls: cannot start the caller process\n");
            return 1;
        }
    }
    int held = 0;
    qint64 rssPeak = rssBefore;
    qint64 lastSample = -1000;
    while (wall.elapsed() < rampMs + 60000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
        held = qMax(held, endpoint.activeCalls());
        if (wall.elapsed() - lastSample >= 250) { // reading /proc costs: sample 4 times a second
            lastSample = wall.elapsed();
            rssPeak = qMax(rssPeak, rssKb());
        }
        QMutexLocker lock(&mutex);
        if (completed >= calls)
            break;
    }
    const double cpu = cpuSeconds() - cpuBefore;
    const double seconds = wall.elapsed() / 1000.0;
    if (inProcess) {
        QMetaObject::invokeMethod(host, [host] { delete host; }, Qt::BlockingQueuedConnection);
        clientThread.quit();
        clientThread.wait();
    } else {
        delete host;
        if (!clients.waitForFinished(20000))
            clients.kill();
        clients.waitForFinished(5000);
    }
    recorder.flush();
    QThread::msleep(500);
    recorder.flush();
    QSqlQuery q(db.connection().value());
    q.exec(QStringLiteral("SELECT COUNT(*) FROM calls WHERE outcome IS NOT NULL AND status = 'completed'"));
    q.next();
    const int stored = q.value(0).toInt();
    q.exec(QStringLiteral("SELECT COUNT(DISTINCT call_id) FROM turns"));
    q.next();
    const int withTurns = q.value(0).toInt();

    QMutexLocker lock(&mutex);
    const QJsonObject result{
        {QStringLiteral("bench"), QStringLiteral("concurrent_calls")},
        {QStringLiteral("calls"), calls},
        {QStringLiteral("held_at_once"), held},
        {QStringLiteral("completed"), completed},
        {QStringLiteral("dropped"), calls - completed},
        {QStringLiteral("stored_with_outcome"), stored},
        {QStringLiteral("stored_with_turns"), withTurns},
        {QStringLiteral("lost_from_database"), calls - qMin(stored, withTurns)},
        {QStringLiteral("frames_sent"), frameCount},
        {QStringLiteral("frames_late_over_20ms"), lateFrames},
        {QStringLiteral("pacing_late_ms_p99"), Bench::percentile(late, 99)},
        {QStringLiteral("cpu_percent_of_one_core"), 100.0 * cpu / seconds},
        {QStringLiteral("rss_per_call_kb"), held > 0 ? double(rssPeak - rssBefore) / held : 0.0},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("workers"), pool.workerCount()},
        {QStringLiteral("clients"), inProcess ? QStringLiteral("in-process thread") : QStringLiteral("separate process")},
        {QStringLiteral("note"), QStringLiteral("CPU and RSS are the engine process's; callers share the same 2 cores")},
    };
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    fflush(stdout);
    pool.stop();
    const bool ok = completed == calls && stored == calls && withTurns == calls;
    return p.isSet(checkOpt) && !ok ? 1 : 0;
}
