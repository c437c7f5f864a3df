// DemoRunner: `leadline demo` — a whole campaign on one machine with no accounts and no network.
// Starts the Exotel simulator (its own thread) and points the Exotel settings at it, then, once
// the server and dialer run, creates a demo campaign from resources/demo_leads.csv (each lead
// names the simulated callee persona that answers), starts it and prints a summary when it is
// done. Time runs accelerated (AcceleratedClock) so retries happen within the run.
// Thread: main thread; the simulator lives on "leadline-sim"; its progress checks and the summary
// read the database on the global thread pool, never on the main (GUI) thread.
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "core/settings.h"
#include "core/workerthread.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <memory>

class QCoreApplication;

namespace Leadline {
namespace Campaigns { class CampaignService; class CampaignControl; }
namespace Providers { class OfflineSpeechEngine; }
namespace Storage { class Database; }
namespace Sim { class ExotelSimulator; }

// `leadline sim`: the Exotel simulator alone on loopback (REST surface, callee personas from
// resources/sim_personas.json, status callbacks), for pointing EXOTEL_API_BASE_URL at it or
// driving load from another process. Serves until the process is stopped; returns its exit code.
// only: the personas that answer, in turn (empty: every persona of the file).
int runSimulator(QCoreApplication &app, quint16 port, const QStringList &only = {});

class DemoRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr double kSpeed = 30.0; // simulated seconds per real second
    // A clock at the next weekday 10:30 in Asia/Kolkata, running kSpeed times real time.
    static AcceleratedClock makeClock();

    DemoRunner(std::shared_ptr<Providers::OfflineSpeechEngine> speech, const Clock &clock, QObject *parent = nullptr);
    ~DemoRunner() override;

    // Starts the simulator and points EXOTEL_* and OUR_BASE_URL (our port) at it.
    Status prepare(Settings &settings);
    // Creates, imports and starts the demo campaign; emits finished() with the exit code.
    // The campaign is started through CampaignControl, as REST and the console start one.
    // leadsCsv: the leads to call (a persona column names who answers); empty: the sample
    // resources/demo_leads.csv.
    Status start(const QString &leadsCsv, int maxAttempts, Campaigns::CampaignService &campaigns, const Campaigns::CampaignControl &control, const Storage::Database &db);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void poll();
    void finish(bool done, const QString &summary);
    // Thread: a pool thread. The summary the demo prints at its end.
    static QString summary(const Storage::Database &db, qint64 campaignId, qint64 elapsedMs);

    std::shared_ptr<Providers::OfflineSpeechEngine> m_speech;
    const Clock &m_clock;
    WorkerThread m_simThread{QStringLiteral("leadline-sim")}; // its worker: the simulator
    Sim::ExotelSimulator *m_sim = nullptr; // m_simThread's worker once prepared
    const Storage::Database *m_db = nullptr;
    QThreadPool m_pool;      // one thread: progress checks and the summary (waited for on destruction)
    bool m_polling = false; // a progress check is running on the pool
    QTimer *m_timer = nullptr;
    qint64 m_campaignId = 0;
    QElapsedTimer m_elapsed;
};

} // namespace Leadline
