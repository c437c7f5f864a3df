// concurrent_calls: load test. Ramps to N simultaneous calls against the real /media endpoint
// (ServerPool with one worker per core, CallSession, StorageCallRecorder on a SQLite file) with
// zero-cost fake vendors of fixed latency, driven by Exotel-protocol clients that stream
// tests/data/exotel/interested.jsonl at real 20 ms pacing. The clients run in a separate
// process (this binary re-run with --client), so the CPU and RSS reported are the engine's own;
// --in-process keeps them on a thread of this process instead. Reports one JSON
// line: calls held at once, calls completed, calls lost from the database, frames that left
// later than 20 ms after their schedule, pacing lateness p99, CPU %, RSS per active call.
// --check makes it exit 1 on any dropped call or any call missing from the database (the
// `load` CTest uses it). --import-rows N: once every call is up, curl (another process) uploads
// an N-row lead CSV to /campaigns/{id}/upload-csv of the same server and then downloads its
// export.csv; the line then also reports pacing lateness (p99, max) of the frames sent while
// each ran, next to the rest of the run. --database-url: PostgreSQL instead of a SQLite file
// (its public schema is dropped and recreated: give it a scratch database).
// --rounds R: every caller slot places R calls one after the other (separate caller process
// only), so the load lasts long enough for a big import and export.
// Usage: concurrent_calls [--calls N] [--ramp-ms MS] [--check] [--in-process] [--import-rows N]
//        [--rounds R] [--database-url URL] [--dump-lateness FILE] [--worker-priority N] [--caller-priority N]
//        [--worker-cycle-us US]
// --worker-cycle-us: the engine's MEDIA_WORKER_CYCLE_US (default: its default).
// --worker-priority: SCHED_RR for the engine's network workers (default: MEDIA_REALTIME_PRIORITY's
// default; the JSON says how many got it). --caller-priority: the same for the caller process, so
// that on a shared machine other work does not delay the callers (their own lateness is reported
// under caller_process: frames the callers send late arrive at the engine in bursts).
#include "exotelcaller.h"
#include "leadcsv.h"

#include "conversation/mediaendpoint.h"
#include "conversation/storagecallrecorder.h"
#include "campaigns/calllifecycle.h"
#include "campaigns/campaigncontrol.h"
#include "campaigns/campaignservice.h"
#include "core/clock.h"
#include "core/settings.h"
#include "providers/fake/fakeproviderfactory.h"
#include "server/dialerapi.h"
#include "server/requestauth.h"
#include "server/restapi.h"
#include "server/serverpool.h"
#include "storage/callrepository.h"
#include "storage/database.h"
#include "storage/leadrepository.h"
#include "storage/migrations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <pthread.h>
#include <sched.h>
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
    const QCommandLineOption importOpt(QStringLiteral("import-rows"), QStringLiteral("upload and export a CSV of this many leads during the load"), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption roundsOpt(QStringLiteral("rounds"), QStringLiteral("calls placed one after the other per caller slot"), QStringLiteral("r"), QStringLiteral("1"));
    const QCommandLineOption urlOpt(QStringLiteral("database-url"), QStringLiteral("PostgreSQL scratch database (default: a SQLite file)"), QStringLiteral("url"));
    const QCommandLineOption dumpOpt(QStringLiteral("dump-lateness"), QStringLiteral("write every outbound frame's (epoch ms, lateness ms) to this file"), QStringLiteral("file"));
    // The engine's default (the MEDIA_REALTIME_PRIORITY setting): measure what ships.
    const QCommandLineOption workerPrioOpt(QStringLiteral("worker-priority"), QStringLiteral("SCHED_RR priority of the engine's network workers (0 = ordinary)"),
                                           QStringLiteral("n"), Settings::defaults().value(QStringLiteral("MEDIA_REALTIME_PRIORITY")));
    const QCommandLineOption callerPrioOpt(QStringLiteral("caller-priority"), QStringLiteral("SCHED_RR priority of the caller process (0 = ordinary): keeps other work on the machine from delaying the simulated callers"),
                                           QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption cycleOpt(QStringLiteral("worker-cycle-us"), QStringLiteral("shortest event-loop cycle of a network worker (0 = wake for every frame)"),
                                      QStringLiteral("us"), Settings::defaults().value(QStringLiteral("MEDIA_WORKER_CYCLE_US")));
    p.addOptions({callsOpt, rampOpt, checkOpt, inProcessOpt, clientOpt, importOpt, roundsOpt, urlOpt, dumpOpt, workerPrioOpt, callerPrioOpt, cycleOpt});
    p.process(app);
    const int calls = p.value(callsOpt).toInt();
    const int rounds = p.isSet(inProcessOpt) ? 1 : qMax(1, p.value(roundsOpt).toInt());
    const int total = calls * rounds; // calls placed over the whole run
    const int rampMs = p.value(rampOpt).toInt();
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.*.info=false"));

    QList<QByteArray> frames;
    QFile f(QStringLiteral(LEADLINE_TESTDATA_DIR "/exotel/interested.jsonl"));
    if (!f.open(QIODevice::ReadOnly))
        return 2;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (!l.trimmed().isEmpty())
            frames.append(l.trimmed());

    // Call number n's stream: the fixture with a CallSid of its own (Exotel's are unique; the
    // calls table refuses a second call with the same one).
    const QByteArray fixtureSid = [&frames] {
        for (const QByteArray &f : std::as_const(frames)) {
            const QJsonObject start = QJsonDocument::fromJson(f).object().value(QStringLiteral("start")).toObject();
            if (start.contains(QStringLiteral("call_sid")))
                return start.value(QStringLiteral("call_sid")).toString().toUtf8();
        }
        return QByteArray();
    }();
    auto framesFor = [frames, fixtureSid](int n) {
        if (fixtureSid.isEmpty())
            return frames;
        const QByteArray sid = QByteArray::number(n + 1, 16).rightJustified(fixtureSid.size(), '0');
        QList<QByteArray> out = frames;
        for (QByteArray &f : out)
            if (f.contains(fixtureSid))
                f.replace(fixtureSid, sid);
        return out;
    };
    // Starts the callers on host's thread: call i opens its socket at i * ramp / calls.
    auto legUrl = [](quint16 port, int number) {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/media?sample-rate=8000&lc=%2").arg(port).arg(number + 1, 16, 16, QLatin1Char('0')));
    };
    auto startCallers = [&framesFor, &legUrl, calls, rampMs](QObject *host, quint16 port, QList<int> *sendLateMs) {
        for (int i = 0; i < calls; ++i) {
            const int at = calls > 1 ? rampMs * i / (calls - 1) : 0;
            QMetaObject::invokeMethod(host, [host, frames = framesFor(i), url = legUrl(port, i), i, at, sendLateMs] {
                QTimer::singleShot(at, host, [host, frames, url, i, sendLateMs] {
                    auto *leg = new Bench::ExotelCaller(frames, url, host, sendLateMs);
                    leg->setProperty("number", i);
                });
            }, Qt::QueuedConnection);
        }
    };
    if (p.isSet(clientOpt)) {
        // The caller process: runs until every leg has hung up (or the parent kills it). Every
        // 2 s it prints its own figures as a JSON line on stdout (the parent keeps the last):
        // legs done / failed to connect, its CPU, and how late its media frames left.
        QObject host;
        const quint16 port = quint16(p.value(clientOpt).toUInt());
        int callerRealtime = 0;
        if (const int prio = p.value(callerPrioOpt).toInt(); prio > 0) {
            sched_param param{};
            param.sched_priority = prio;
            callerRealtime = pthread_setschedparam(pthread_self(), SCHED_RR, &param) == 0 ? prio : 0;
        }
        QList<int> sendLateMs(60001, 0); // ms of lateness -> frames (the last bucket: a minute or more)
        startCallers(&host, port, &sendLateMs);
        QTimer poll;
        int finished = 0, failed = 0;
        QString firstError;
        QElapsedTimer clientWall;
        clientWall.start();
        const double clientCpuBefore = cpuSeconds();
        qint64 lastReport = 0;
        QObject::connect(&poll, &QTimer::timeout, &app, [&] {
            QList<Bench::ExotelCaller *> done;
            int live = 0;
            for (QObject *o : host.children()) {
                if (auto *leg = dynamic_cast<Bench::ExotelCaller *>(o); leg && leg->done())
                    done.append(leg);
                else if (leg && leg->connected())
                    ++live;
            }
            for (Bench::ExotelCaller *leg : std::as_const(done)) {
                const int number = leg->property("number").toInt(); // slot + calls * round
                ++finished;
                if (leg->failed()) {
                    ++failed;
                    if (firstError.isEmpty())
                        firstError = leg->errorString();
                }
                delete leg;
                if (number + calls < total) {
                    auto *next = new Bench::ExotelCaller(framesFor(number + calls), legUrl(port, number + calls), &host, &sendLateMs);
                    next->setProperty("number", number + calls);
                }
            }
            if (finished >= total || clientWall.elapsed() - lastReport >= 2000) {
                lastReport = clientWall.elapsed();
                const QJsonObject summary{
                    {QStringLiteral("legs_done"), finished},
                    {QStringLiteral("legs_live"), live},
                    {QStringLiteral("legs_failed_to_connect"), failed},
                    {QStringLiteral("first_error"), firstError},
                    {QStringLiteral("cpu_percent_of_one_core"), 100.0 * (cpuSeconds() - clientCpuBefore) / qMax(0.001, clientWall.elapsed() / 1000.0)},
                    {QStringLiteral("send_late_ms_p99"), Bench::histogramPercentile(sendLateMs, 99)},
                    {QStringLiteral("send_late_ms_max"), Bench::histogramPercentile(sendLateMs, 100)},
                    {QStringLiteral("seconds"), clientWall.elapsed() / 1000.0},
                    {QStringLiteral("realtime_priority"), callerRealtime},
                };
                printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
                fflush(stdout);
            }
            if (finished >= total)
                app.quit();
        });
        poll.start(200);
        return app.exec();
    }

    // A database with one lead and one call row per simulated call.
    QTemporaryDir dir;
    Storage::DatabaseConfig cfg;
    cfg.databaseName = dir.filePath(QStringLiteral("load.sqlite"));
    if (p.isSet(urlOpt)) {
        auto pg = Storage::DatabaseConfig::fromUrl(p.value(urlOpt), QString());
        if (!pg || pg->kind != Storage::DatabaseConfig::Kind::Postgres) {
            fprintf(stderr, "concurrent_calls: --database-url must be a postgresql:// URL\n");
            return 2;
        }
        cfg = pg.value();
    }
    Storage::Database db(cfg);
    auto conn = db.connection().value();
    if (db.isPostgres())
        QSqlQuery(conn).exec(QStringLiteral("SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public"));
    if (const auto migrated = Storage::Migrator::migrate(conn); !migrated) {
        qCritical("cannot migrate the bench database: %s", qPrintable(migrated.error().message));
        return 2;
    }
    QSqlQuery(conn).exec(QStringLiteral("INSERT INTO campaigns (name, created_at, updated_at) VALUES ('load', 0, 0)"));
    QList<Storage::LeadRow> leads;
    for (int i = 0; i < total; ++i) {
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
    QSqlQuery(conn).exec(db.isPostgres()
                             ? QStringLiteral("INSERT INTO calls (lead_id, campaign_id, correlation_token, status, created_at, updated_at) "
                                              "SELECT id, 1, lpad(to_hex(id), 16, '0'), 'dialing', 0, 0 FROM leads")
                             : QStringLiteral("INSERT INTO calls (lead_id, campaign_id, correlation_token, status, created_at, updated_at) "
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
    QList<QPair<qint64, double>> lateAt; // (epoch ms, lateness ms) of every frame
    int lateFrames = 0, frameCount = 0;
    QObject::connect(&endpoint, &Conversation::MediaEndpoint::sessionFinished, &app, [&](qint64 callId, const Conversation::SessionStats &s) {
        QMutexLocker lock(&mutex);
        if (callId > 0)
            ++completed;
        for (qsizetype i = 0; i < s.pacingJitterUs.size(); ++i) {
            const qint64 us = s.pacingJitterUs.at(i);
            late.append(us / 1000.0);
            lateAt.append({s.pacingAtMs.value(i), us / 1000.0});
            lateFrames += us > 20000 ? 1 : 0;
        }
        frameCount += s.framesSent;
    }, Qt::DirectConnection);
    Server::Router router;
    router.addWebSocketPath(QStringLiteral("/media"));
    // The operator's REST routes on the same workers: lead upload and export.
    Campaigns::CampaignService campaigns(db, clock);
    Campaigns::CallLifecycle lifecycle(db, clock);
    const Campaigns::CampaignControl control(campaigns, nullptr);
    Server::DialerApi dialerApi(control, lifecycle, db, clock, Server::DialerApiOptions{});
    dialerApi.registerRoutes(router);
    Server::RestApi restApi(campaigns, db);
    restApi.registerRoutes(router);
    Server::RequestAuth auth("unused");
    Server::ServerPool pool(router, auth);
    pool.setWebSocketHandler([&endpoint](std::unique_ptr<QWebSocket> ws, QObject *worker) { endpoint.handle(std::move(ws), worker); });
    Server::ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = qMax(1, QThread::idealThreadCount());
    opts.workerRealtimePriority = p.value(workerPrioOpt).toInt();
    opts.workerMinCycleUs = p.value(cycleOpt).toInt();
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
        startCallers(host, pool.port(), nullptr);
    } else {
        clients.setProcessChannelMode(QProcess::ForwardedErrorChannel); // stdout: its summary lines
        clients.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--client"), QString::number(pool.port()), QStringLiteral("--calls"), QString::number(calls),
                       QStringLiteral("--ramp-ms"), QString::number(rampMs), QStringLiteral("--rounds"), QString::number(rounds),
                       QStringLiteral("--caller-priority"), p.value(callerPrioOpt)});
        if (!clients.waitForStarted(10000)) {
            fprintf(stderr, "concurrent_calls: cannot start the caller process\n");
            return 1;
        }
    }
    // The import and export: curl in its own process, started once every call is up.
    const int importRows = p.value(importOpt).toInt();
    const QString csvPath = dir.filePath(QStringLiteral("leads.csv"));
    if (importRows > 0 && !Bench::writeLeadCsv(csvPath, importRows, '8')) {
        fprintf(stderr, "concurrent_calls: cannot write %s\n", qPrintable(csvPath));
        return 1;
    }
    qint64 campaignId = 0;
    if (importRows > 0)
        campaignId = campaigns.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("import during load")}})->id;
    QProcess curl;
    curl.setProcessChannelMode(QProcess::SeparateChannels);
    enum class Stage { Waiting, Importing, Exporting, Done } stage = importRows > 0 ? Stage::Waiting : Stage::Done;
    qint64 importFrom = 0, importTo = 0, exportFrom = 0, exportTo = 0;
    QByteArray importReply, exportReply;
    auto startCurl = [&](const QStringList &args) {
        curl.start(QStringLiteral("curl"), QStringList{QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("600")} + args);
        curl.waitForStarted(5000);
    };
    const QString base = QStringLiteral("http://127.0.0.1:%1/campaigns/%2").arg(pool.port()).arg(campaignId);
    int held = 0;
    double callSeconds = 0; // the integral of live calls over time
    qint64 lastActiveAt = wall.elapsed();
    qint64 rssPeak = rssBefore;
    qint64 lastSample = -1000;
    qint64 lastProgress = 0;
    while (wall.elapsed() < rampMs + 60000 * rounds || stage == Stage::Importing || stage == Stage::Exporting) {
        // Sleep in the event loop between samples: processEvents(flags, ms) returns at once when
        // nothing is pending, and spinning on it cost this process a quarter of its CPU.
        QEventLoop pause;
        QTimer::singleShot(50, &pause, &QEventLoop::quit);
        pause.exec();
        const int active = endpoint.activeCalls();
        held = qMax(held, active);
        callSeconds += active * (wall.elapsed() - lastActiveAt) / 1000.0;
        lastActiveAt = wall.elapsed();
        if (stage == Stage::Waiting && wall.elapsed() >= rampMs + 1000) {
            stage = Stage::Importing;
            importFrom = QDateTime::currentMSecsSinceEpoch();
            startCurl({QStringLiteral("-H"), QStringLiteral("Content-Type: text/csv"), QStringLiteral("--data-binary"),
                       QLatin1Char('@') + csvPath, base + QStringLiteral("/upload-csv")});
        } else if (stage == Stage::Importing && curl.state() == QProcess::NotRunning) {
            importTo = QDateTime::currentMSecsSinceEpoch();
            importReply = curl.readAllStandardOutput().left(300) + curl.readAllStandardError().left(300);
            stage = Stage::Exporting;
            exportFrom = QDateTime::currentMSecsSinceEpoch();
            startCurl({QStringLiteral("-o"), dir.filePath(QStringLiteral("export.csv")), QStringLiteral("-w"), QStringLiteral("%{http_code} %{size_download}"),
                       base + QStringLiteral("/export.csv")});
        } else if (stage == Stage::Exporting && curl.state() == QProcess::NotRunning) {
            exportTo = QDateTime::currentMSecsSinceEpoch();
            exportReply = curl.readAllStandardOutput().left(300) + curl.readAllStandardError().left(300);
            stage = Stage::Done;
        }
        if (wall.elapsed() - lastProgress >= 10000) { // a run can last minutes: say where it is
            lastProgress = wall.elapsed();
            QMutexLocker lock(&mutex);
            fprintf(stderr, "concurrent_calls: %.0f s, %d live, %d of %d finished, %s\n", wall.elapsed() / 1000.0, active, completed, total,
                    stage == Stage::Waiting ? "import not started" : stage == Stage::Importing ? "importing" : stage == Stage::Exporting ? "exporting" : "no import running");
        }
        if (wall.elapsed() - lastSample >= 250) { // reading /proc costs: sample 4 times a second
            lastSample = wall.elapsed();
            rssPeak = qMax(rssPeak, rssKb());
        }
        QMutexLocker lock(&mutex);
        if (completed >= total && stage == Stage::Done)
            break;
    }
    const double cpu = cpuSeconds() - cpuBefore;
    const double seconds = wall.elapsed() / 1000.0;
    QJsonObject callerSummary; // the caller process's own figures (separate process only)
    if (inProcess) {
        QMetaObject::invokeMethod(host, [host] { delete host; }, Qt::BlockingQueuedConnection);
        clientThread.quit();
        clientThread.wait();
    } else {
        delete host;
        if (!clients.waitForFinished(20000))
            clients.kill();
        clients.waitForFinished(5000);
        const QList<QByteArray> lines = clients.readAllStandardOutput().trimmed().split('\n');
        callerSummary = QJsonDocument::fromJson(lines.last()).object();
        callerSummary.insert(QStringLiteral("finished_by_itself"), clients.exitStatus() == QProcess::NormalExit && clients.exitCode() == 0);
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
    // Lateness of the frames that left while the import (or the export) ran.
    auto during = [&lateAt](qint64 from, qint64 to) {
        QList<double> v;
        for (const auto &f : std::as_const(lateAt))
            if (f.first >= from && f.first <= to)
                v.append(f.second);
        return v;
    };
    if (p.isSet(dumpOpt)) {
        QFile dump(p.value(dumpOpt));
        if (dump.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            for (const auto &f : std::as_const(lateAt))
                dump.write(QByteArray::number(f.first) + ' ' + QByteArray::number(f.second, 'f', 3) + '\n');
        }
    }
    QJsonObject loadDuring;
    if (importRows > 0) {
        const QList<double> imp = during(importFrom, importTo);
        const QList<double> exp = during(exportFrom, exportTo);
        loadDuring = QJsonObject{
            {QStringLiteral("import_rows"), importRows},
            {QStringLiteral("import_seconds"), (importTo - importFrom) / 1000.0},
            {QStringLiteral("import_reply"), QString::fromUtf8(importReply)},
            {QStringLiteral("import_frames"), imp.size()},
            {QStringLiteral("import_pacing_late_ms_p99"), Bench::percentile(imp, 99)},
            {QStringLiteral("import_pacing_late_ms_max"), Bench::percentile(imp, 100)},
            {QStringLiteral("export_seconds"), (exportTo - exportFrom) / 1000.0},
            {QStringLiteral("export_reply"), QString::fromUtf8(exportReply)},
            {QStringLiteral("export_frames"), exp.size()},
            {QStringLiteral("export_pacing_late_ms_p99"), Bench::percentile(exp, 99)},
            {QStringLiteral("export_pacing_late_ms_max"), Bench::percentile(exp, 100)},
        };
    }
    QJsonObject result{
        {QStringLiteral("bench"), QStringLiteral("concurrent_calls")},
        {QStringLiteral("calls"), calls},
        {QStringLiteral("rounds"), rounds},
        {QStringLiteral("held_at_once"), held},
        {QStringLiteral("completed"), completed},
        {QStringLiteral("dropped"), total - completed},
        {QStringLiteral("stored_with_outcome"), stored},
        {QStringLiteral("stored_with_turns"), withTurns},
        {QStringLiteral("lost_from_database"), total - qMin(stored, withTurns)},
        {QStringLiteral("frames_sent"), frameCount},
        {QStringLiteral("frames_late_over_20ms"), lateFrames},
        {QStringLiteral("pacing_late_ms_p99"), Bench::percentile(late, 99)},
        {QStringLiteral("cpu_percent_of_one_core"), 100.0 * cpu / seconds},
        {QStringLiteral("cpu_ms_per_call_second"), callSeconds > 0 ? 1000.0 * cpu / callSeconds : 0.0},
        {QStringLiteral("call_seconds"), callSeconds},
        {QStringLiteral("rss_per_call_kb"), held > 0 ? double(rssPeak - rssBefore) / held : 0.0},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("workers"), pool.workerCount()},
        {QStringLiteral("workers_realtime"), pool.realtimeWorkers()},
        {QStringLiteral("worker_cycle_us"), opts.workerMinCycleUs},
        {QStringLiteral("clients"), inProcess ? QStringLiteral("in-process thread") : QStringLiteral("separate process")},
        {QStringLiteral("note"), QStringLiteral("CPU and RSS are the engine process's; callers share the same 2 cores")},
        {QStringLiteral("database"), db.isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
    };
    if (!loadDuring.isEmpty())
        result.insert(QStringLiteral("during_import_export"), loadDuring);
    if (!callerSummary.isEmpty())
        result.insert(QStringLiteral("caller_process"), callerSummary);
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    fflush(stdout);
    pool.stop();
    const bool ok = completed == total && stored == total && withTurns == total;
    return p.isSet(checkOpt) && !ok ? 1 : 0;
}
