// gui_live_calls: how smooth the console stays under 500 live calls. Builds the real console
// (ConsoleApp: live feed thread, MainWindow, Live calls tab, tray) on a throw-away SQLite
// database and feeds it through a real Server::EventHub from a simulator thread: every call
// starts, reports activity about once a second, speaks turns (agent turns with latencies), ends
// after 5-30 s and is replaced by a new call; a supervisor follows one call's transcript.
// Two measures, each first with the window idle (baseline), then under load:
//  - stall_*: gaps between consecutive wakes of a 1 ms timer on the GUI thread (everything that
//    kept the thread from its timer: our work, waits on the X server, the OS scheduler);
//  - dispatch_*: the longest single event dispatch on the GUI thread (wall, and its own CPU);
//    busy_max_ms: the longest run of back-to-back dispatches;
//  - os_wake_late_max_ms: how late an idle plain thread woke from 1 ms sleeps meanwhile (the
//    machine's own noise: a stall that matches it is the OS or the hypervisor, not the console).
// Prints one JSON line. Run under Xvfb (`xvfb-run -a bench/gui_live_calls`) or offscreen.
//   --calls N (500)  --duration S (20)  --baseline S (5)  --no-follow
//   --trace-slow-ms N: print dispatches longer than N ms; --trace-stacks: with the GUI thread's stack
#include "campaigns/campaignservice.h"
#include "core/clock.h"
#include "server/eventhub.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "ui/consoleapp.h"
#include "ui/live/livecallsmodel.h"
#include "ui/live/livecallsview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <ctime>
#include <execinfo.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace Leadline;

namespace {

// The machine's own noise floor: a plain thread (no event loop, no work) that sleeps 1 ms at a
// time and records how late it wakes up. A gap here is the OS or the hypervisor, not the app.
class WakeProbe
{
public:
    void start()
    {
        m_stop = false;
        m_maxLateNs = 0;
        m_thread = QThread::create([this] {
            while (!m_stop.load()) {
                timespec t0{}, t1{};
                clock_gettime(CLOCK_MONOTONIC, &t0);
                const timespec oneMs{0, 1000000};
                clock_nanosleep(CLOCK_MONOTONIC, 0, &oneMs, nullptr);
                clock_gettime(CLOCK_MONOTONIC, &t1);
                const qint64 late = (qint64(t1.tv_sec - t0.tv_sec) * 1000000000 + (t1.tv_nsec - t0.tv_nsec)) - 1000000;
                m_maxLateNs = std::max<qint64>(m_maxLateNs, late);
            }
        });
        m_thread->start();
    }
    double stop() // the latest wake-up, ms past the 1 ms asked for
    {
        m_stop = true;
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        return double(m_maxLateNs) / 1e6;
    }

private:
    QThread *m_thread = nullptr;
    std::atomic<bool> m_stop{false};
    qint64 m_maxLateNs = 0;
};

// Gaps between consecutive wakes of a 1 ms timer on the GUI thread, in ms.
class StallProbe : public QObject
{
public:
    void start()
    {
        m_gaps.clear();
        m_gaps.reserve(100000);
        m_clock.start();
        m_last = 0;
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_gaps.push_back(double(now - m_last) / 1e6);
            m_last = now;
        });
        m_timer.start();
    }
    std::vector<double> stop()
    {
        m_timer.stop();
        QObject::disconnect(&m_timer, nullptr, this, nullptr);
        return m_gaps;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gaps;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(std::ceil(p * double(v.size()))) - (p > 0 ? 1 : 0));
    return v[i];
}

int gapsOver(const std::vector<double> &gaps, double ms)
{
    return int(std::count_if(gaps.begin(), gaps.end(), [ms](double g) { return g > ms; }));
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }

// Publishes the events of `calls` concurrent simulated calls until stopped.
class Simulator
{
public:
    Simulator(Server::EventHub &hub, int calls, qint64 campaignId) : m_hub(hub), m_calls(calls), m_campaign(campaignId) {}

    void run(const std::atomic<bool> &stop)
    {
        QRandomGenerator rng(42);
        QElapsedTimer clock;
        clock.start();
        std::vector<Call> live(static_cast<size_t>(m_calls));
        for (Call &c : live)
            begin(c, rng, 0);
        qint64 nextProgress = 0;
        while (!stop.load()) {
            const qint64 now = clock.elapsed();
            for (Call &c : live) {
                if (now >= c.endAt) {
                    m_hub.publish(QStringLiteral("call.activity"), {{QStringLiteral("call_id"), c.id}, {QStringLiteral("state"), QStringLiteral("ended")}});
                    m_hub.publish(QStringLiteral("call.ended"), {{QStringLiteral("call_id"), c.id}, {QStringLiteral("campaign_id"), m_campaign},
                                                                 {QStringLiteral("status"), QStringLiteral("completed")},
                                                                 {QStringLiteral("outcome"), QStringLiteral("not_interested")},
                                                                 {QStringLiteral("duration_s"), int((now - c.startedAt) / 1000)}});
                    m_events += 2;
                    ++m_done;
                    begin(c, rng, now);
                    continue;
                }
                if (now < c.nextAt)
                    continue;
                c.nextAt = now + 800 + rng.bounded(400); // about once a second
                static const char *states[] = {"listening", "thinking", "speaking"};
                const QString state = QString::fromLatin1(states[c.step % 3]);
                const bool agent = state == QLatin1String("speaking");
                const QString text = agent ? QStringLiteral("Namaste, aap %1 BHK dekh rahe the? Site visit ke liye kab free hain?").arg(1 + c.step % 4)
                                           : QStringLiteral("Haan, weekend pe dekh sakte hain, budget %1 lakh hai").arg(40 + c.step);
                m_hub.publish(QStringLiteral("call.activity"), {{QStringLiteral("call_id"), c.id}, {QStringLiteral("state"), state},
                                                                {QStringLiteral("speaker"), state == QLatin1String("thinking") ? QString() : (agent ? QStringLiteral("agent") : QStringLiteral("caller"))},
                                                                {QStringLiteral("text"), state == QLatin1String("thinking") ? QString() : text}});
                ++m_events;
                if (state != QLatin1String("thinking")) {
                    QJsonObject turn{{QStringLiteral("call_id"), c.id}, {QStringLiteral("turn"), ++c.turn},
                                     {QStringLiteral("speaker"), agent ? QStringLiteral("agent") : QStringLiteral("caller")},
                                     {QStringLiteral("text"), text}, {QStringLiteral("language"), QStringLiteral("hi")}};
                    if (agent)
                        turn.insert(QStringLiteral("latency_ms"), 500 + int(rng.bounded(700)));
                    m_hub.publish(QStringLiteral("call.turn"), turn);
                    ++m_events;
                }
                ++c.step;
            }
            if (now >= nextProgress) {
                nextProgress = now + 1000;
                m_hub.publish(QStringLiteral("campaign.progress"),
                              {{QStringLiteral("campaign_id"), m_campaign}, {QStringLiteral("status"), QStringLiteral("running")},
                               {QStringLiteral("leads_total"), 100000}, {QStringLiteral("leads_done"), m_done},
                               {QStringLiteral("leads_pending"), 100000 - m_done}, {QStringLiteral("calls_active"), m_calls}});
                ++m_events;
            }
            QThread::msleep(5);
        }
    }
    quint64 events() const { return m_events; }
    qint64 callsStarted() const { return m_nextId - 1; }

private:
    struct Call
    {
        qint64 id = 0;
        qint64 startedAt = 0, nextAt = 0, endAt = 0;
        int step = 0, turn = 0;
    };
    void begin(Call &c, QRandomGenerator &rng, qint64 now)
    {
        c = Call{};
        c.id = m_nextId++;
        c.startedAt = now;
        c.nextAt = now + rng.bounded(1000);
        c.endAt = now + 5000 + rng.bounded(25000);
        m_hub.publish(QStringLiteral("call.started"), {{QStringLiteral("call_id"), c.id}, {QStringLiteral("campaign_id"), m_campaign},
                                                       {QStringLiteral("lead_id"), c.id}, {QStringLiteral("lead_name"), QStringLiteral("Lead %1").arg(c.id)},
                                                       {QStringLiteral("phone"), QStringLiteral("+91 98XXX XX%1").arg(c.id % 1000, 3, 10, QLatin1Char('0'))},
                                                       {QStringLiteral("attempt"), 1}});
        m_hub.publish(QStringLiteral("call.answered"), {{QStringLiteral("call_id"), c.id}, {QStringLiteral("campaign_id"), m_campaign}});
        m_events += 2;
    }

    Server::EventHub &m_hub;
    int m_calls;
    qint64 m_campaign;
    qint64 m_nextId = 1;
    qint64 m_done = 0;
    quint64 m_events = 0;
};

// Runs the GUI event loop for ms, sleeping while there is nothing to do. (A processEvents()
// loop would spin a whole core and starve the X server and the feed of the other one.)
void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// --trace-stacks: a watchdog thread signals the GUI thread when one dispatch has run longer than
// the trace threshold; the handler prints the GUI thread's stack (what it is doing or waiting on).
std::atomic<qint64> g_dispatchStartNs{0};
std::atomic<bool> g_watchdogStop{false};
pthread_t g_guiThread;
void printStack(int)
{
    void *frames[64];
    const int n = backtrace(frames, 64);
    static const char header[] = "stack of the GUI thread:\n";
    [[maybe_unused]] const ssize_t w = write(STDERR_FILENO, header, sizeof header - 1);
    backtrace_symbols_fd(frames, n, STDERR_FILENO);
}

} // namespace

// Times every outermost event dispatch on the GUI thread: how long the thread was held (wall),
// how much of it was its own CPU, and (from getrusage) whether it waited or was preempted. With
// --trace-slow-ms N every dispatch longer than N ms goes to stderr (event type, receiver).
class MeasuringApplication : public QApplication
{
public:
    using QApplication::QApplication;

    struct Dispatches
    {
        double maxWallMs = 0;
        double maxCpuMs = 0; // the largest CPU time of one dispatch
        int overBudget = 0;  // dispatches that held the thread longer than 16 ms
        double maxBusyMs = 0; // the longest run of dispatches less than 0.2 ms apart (one busy stretch)
    };
    Dispatches measured;
    qint64 traceSlowNs = 0;
    bool traceStacks = false;
    QElapsedTimer sinceStart;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const int type = event->type();
        rusage ru0{};
        if (traceSlowNs > 0)
            getrusage(RUSAGE_THREAD, &ru0);
        const qint64 cpu0 = threadCpuNs();
        const qint64 wall0 = monotonicNs();
        g_dispatchStartNs = traceStacks ? wall0 : 0;
        ++m_depth;
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        g_dispatchStartNs = 0;
        const qint64 endNs = monotonicNs();
        const qint64 wallNs = endNs - wall0;
        if (wall0 - m_lastEndNs > 200000)
            m_chainStartNs = wall0;
        m_lastEndNs = endNs;
        measured.maxBusyMs = std::max(measured.maxBusyMs, double(endNs - m_chainStartNs) / 1e6);
        const qint64 cpuNs = threadCpuNs() - cpu0;
        measured.maxWallMs = std::max(measured.maxWallMs, double(wallNs) / 1e6);
        measured.maxCpuMs = std::max(measured.maxCpuMs, double(cpuNs) / 1e6);
        measured.overBudget += wallNs > 16 * 1000000 ? 1 : 0;
        if (traceSlowNs > 0 && wallNs > traceSlowNs) {
            rusage ru1{};
            getrusage(RUSAGE_THREAD, &ru1);
            // Voluntary switches: the thread waited (a lock, the X server); involuntary: preempted.
            QTextStream(stderr) << "slow at " << sinceStart.elapsed() << " ms: " << wallNs / 1000 << " us (cpu "
                                << cpuNs / 1000 << " us, " << (ru1.ru_nvcsw - ru0.ru_nvcsw) << " waits, "
                                << (ru1.ru_nivcsw - ru0.ru_nivcsw) << " preemptions): event " << type << " to "
                                << receiver->metaObject()->className() << ' ' << receiver->objectName()
                                << (receiver->parent() ? QStringLiteral(" in ") + receiver->parent()->objectName() : QString())
                                << Qt::endl;
        }
        return handled;
    }

    Dispatches take()
    {
        const Dispatches out = measured;
        measured = {};
        return out;
    }

private:
    int m_depth = 0;
    qint64 m_chainStartNs = 0;
    qint64 m_lastEndNs = 0;
};

int main(int argc, char **argv)
{
    MeasuringApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption callsOpt(QStringLiteral("calls"), QStringLiteral("Concurrent calls (500)."), QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"), QStringLiteral("Load phase, seconds (20)."), QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption baselineOpt(QStringLiteral("baseline"), QStringLiteral("Idle phase, seconds (5)."), QStringLiteral("s"), QStringLiteral("5"));
    const QCommandLineOption traceOpt(QStringLiteral("trace-slow-ms"), QStringLiteral("Print GUI event dispatches longer than this."), QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption stacksOpt(QStringLiteral("trace-stacks"), QStringLiteral("With --trace-slow-ms: print the GUI thread's stack during a slow dispatch."));
    const QCommandLineOption noFollowOpt(QStringLiteral("no-follow"), QStringLiteral("Do not keep a call selected (no live transcript)."));
    parser.addOptions({callsOpt, durationOpt, baselineOpt, traceOpt, stacksOpt, noFollowOpt});
    parser.process(app);
    const int calls = qMax(1, parser.value(callsOpt).toInt());
    const int durationS = qMax(1, parser.value(durationOpt).toInt());
    const int baselineS = qMax(1, parser.value(baselineOpt).toInt());
    app.traceSlowNs = qint64(parser.value(traceOpt).toDouble() * 1e6);
    app.sinceStart.start();
    QThread *watchdog = nullptr;
    if (app.traceSlowNs > 0 && parser.isSet(stacksOpt)) {
        app.traceStacks = true;
        g_guiThread = pthread_self();
        signal(SIGUSR1, printStack);
        const qint64 thresholdNs = app.traceSlowNs;
        watchdog = QThread::create([thresholdNs] {
            while (!g_watchdogStop.load()) {
                QThread::usleep(1000);
                const qint64 start = g_dispatchStartNs.load();
                if (start > 0 && monotonicNs() - start > thresholdNs) {
                    pthread_kill(g_guiThread, SIGUSR1);
                    while (g_dispatchStartNs.load() == start && !g_watchdogStop.load())
                        QThread::usleep(1000); // one stack per slow dispatch
                }
            }
        });
        watchdog->setParent(&app);
        watchdog->start();
    }
    const auto phase = [&app](const char *name) {
        if (app.traceSlowNs > 0)
            QTextStream(stderr) << "phase at " << app.sinceStart.elapsed() << " ms: " << name << Qt::endl;
    };

    QTemporaryDir dir;
    Storage::DatabaseConfig cfg;
    cfg.kind = Storage::DatabaseConfig::Kind::Sqlite;
    cfg.databaseName = dir.filePath(QStringLiteral("bench.sqlite"));
    Storage::Database db(cfg);
    auto conn = db.connection();
    if (!conn || !Storage::Migrator::migrate(conn.value())) {
        QTextStream(stderr) << "gui_live_calls: cannot prepare the database\n";
        return 1;
    }
    SystemClock clock;
    Campaigns::CampaignService campaigns(db, clock);
    auto campaign = campaigns.create(QJsonObject{{QStringLiteral("name"), QStringLiteral("Bench")}});
    if (!campaign) {
        QTextStream(stderr) << "gui_live_calls: " << campaign.error().message << '\n';
        return 1;
    }

    Server::EventHub hub(QByteArray("bench"));
    Ui::ConsoleHooks hooks;
    hooks.eventSource = &hub;
    hooks.hangUpCall = [](qint64) {};
    Ui::ConsoleApp console(campaigns, db, Ui::ConsoleInfo{0, cfg.describe(), QStringLiteral("offline"), dir.filePath(QStringLiteral("leadline.conf"))},
                           dir.filePath(QStringLiteral("console.ini")), hooks);
    Ui::MainWindow &w = console.window();
    w.resize(1400, 900);
    console.show();
    w.tabs()->setCurrentIndex(Ui::MainWindow::LiveCallsTab);
    waitMs(1500); // first paint, campaign list loaded

    StallProbe probe;
    phase("baseline");
    app.take();
    WakeProbe wakeProbe;
    wakeProbe.start();
    probe.start();
    waitMs(baselineS * 1000);
    const std::vector<double> baseline = probe.stop();
    const double baselineWakeLateMs = wakeProbe.stop();
    const MeasuringApplication::Dispatches baselineDispatches = app.take();

    std::atomic<bool> stop{false};
    Simulator sim(hub, calls, campaign->id);
    QThread *producer = QThread::create([&sim, &stop] { sim.run(stop); });
    producer->setObjectName(QStringLiteral("bench-simulator"));
    producer->start();
    // Follow a call's transcript like a supervisor would (re-select when it ends).
    QTimer follow;
    follow.setInterval(500);
    QObject::connect(&follow, &QTimer::timeout, &w, [&w] {
        Ui::LiveCallsView *view = w.liveCallsView();
        if (w.liveCallsModel()->rowCount() > 0 && w.liveCallsModel()->rowOf(view->selectedCallId()) < 0)
            view->selectCall(w.liveCallsModel()->callAt(w.liveCallsModel()->rowCount() / 2).callId);
    });
    if (!parser.isSet(noFollowOpt))
        follow.start();
    waitMs(1000); // ramp: the first 500 calls arrive
    phase("load");
    app.take();
    wakeProbe.start();
    probe.start();
    waitMs(durationS * 1000);
    const std::vector<double> load = probe.stop();
    const double wakeLateMs = wakeProbe.stop();
    const MeasuringApplication::Dispatches loadDispatches = app.take();
    phase("end");
    const int rowsAtEnd = w.liveCallsModel()->rowCount();
    stop = true;
    producer->wait();
    delete producer;
    follow.stop();

    const double baseP99 = percentile(baseline, 0.99);
    const double p99 = percentile(load, 0.99);
    QJsonObject out{{QStringLiteral("calls"), calls},
                    {QStringLiteral("duration_s"), durationS},
                    {QStringLiteral("events"), qint64(sim.events())},
                    {QStringLiteral("events_per_s"), round2(double(sim.events()) / (durationS + 1))},
                    {QStringLiteral("calls_started"), sim.callsStarted()},
                    {QStringLiteral("rows_at_end"), rowsAtEnd},
                    {QStringLiteral("stall_p50_ms"), round2(percentile(load, 0.50))},
                    {QStringLiteral("stall_p99_ms"), round2(p99)},
                    {QStringLiteral("stall_max_ms"), round2(load.empty() ? 0 : *std::max_element(load.begin(), load.end()))},
                    {QStringLiteral("baseline_p99_ms"), round2(baseP99)},
                    {QStringLiteral("baseline_max_ms"), round2(baseline.empty() ? 0 : *std::max_element(baseline.begin(), baseline.end()))},
                    {QStringLiteral("ratio_p99"), round2(baseP99 > 0 ? p99 / baseP99 : 0)},
                    {QStringLiteral("gaps_over_16ms"), gapsOver(load, 16)},
                    {QStringLiteral("baseline_gaps_over_16ms"), gapsOver(baseline, 16)},
                    {QStringLiteral("dispatch_max_ms"), round2(loadDispatches.maxWallMs)},
                    {QStringLiteral("dispatch_cpu_max_ms"), round2(loadDispatches.maxCpuMs)},
                    {QStringLiteral("dispatches_over_16ms"), loadDispatches.overBudget},
                    {QStringLiteral("busy_max_ms"), round2(loadDispatches.maxBusyMs)},
                    {QStringLiteral("os_wake_late_max_ms"), round2(wakeLateMs)},
                    {QStringLiteral("baseline_os_wake_late_max_ms"), round2(baselineWakeLateMs)},
                    {QStringLiteral("baseline_busy_max_ms"), round2(baselineDispatches.maxBusyMs)},
                    {QStringLiteral("baseline_dispatch_max_ms"), round2(baselineDispatches.maxWallMs)},
                    {QStringLiteral("platform"), QGuiApplication::platformName()}};
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
    if (watchdog) {
        g_watchdogStop = true;
        watchdog->wait();
    }
    return 0;
}
