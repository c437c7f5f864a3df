// Dialer: runs the DialerEngine on its own thread "leadline-dialer" with its own database
// connection and its own CallPlacer (made by the factory on that thread, so an Exotel client
// gets a QNetworkAccessManager of that thread). Ticks every tickMs, reconciles in-flight calls
// at start and every recoverMs. Thread: the Dialer object lives on the thread that created it
// (main); start/stop/wake/pauseCampaign may be called from any thread and post into the
// dialer thread (queued calls, values only).
#pragma once

#include "callplacer.h"
#include "campaigncontrol.h"
#include "core/clock.h"
#include "core/workerthread.h"
#include "dialerengine.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace Leadline::Storage { class Database; }

namespace Leadline::Campaigns {

class DialerWorker;

class Dialer : public QObject, public DialerControl
{
    Q_OBJECT
public:
    using PlacerFactory = std::function<std::unique_ptr<CallPlacer>()>;

    // events (optional, thread-safe): call.started/ended of dials and campaign.progress every second.
    Dialer(const Storage::Database &db, const Clock &clock, PlacerFactory factory, DialerOptions options,
           EventSink *events, int tickMs = 1000, int recoverMs = 60000, QObject *parent = nullptr);
    ~Dialer() override;

    void start();
    void stop();
    bool isRunning() const;
    // Dial soon (a campaign was started).
    void wake() override;
    // Stop new dials of a campaign now; live calls finish. The caller has already stored the
    // campaign's status, so other nodes stop at their next claim.
    void pauseCampaign(qint64 campaignId) override;
    // Told of every call dialled (greeting prepared while the phone rings). Before start(); the
    // preparer must outlive the dialer's thread (stop() first).
    void setCallPreparer(CallPreparer *preparer) { m_setup.options.preparer = preparer; }

    // What the worker is built from, handed over whole as the thread starts.
    struct Setup
    {
        const Storage::Database &db;
        const Clock &clock;
        PlacerFactory factory;
        DialerOptions options;
        EventSink *events;
        int tickMs;
        int recoverMs;
    };

private:
    Setup m_setup;
    void post(std::function<void(DialerWorker *)> job); // dropped when not running
    WorkerThread m_thread{QStringLiteral("leadline-dialer")}; // its worker: a DialerWorker
};

// The object that lives on "leadline-dialer". Thread: the dialer thread.
class DialerWorker : public QObject
{
    Q_OBJECT
public:
    explicit DialerWorker(Dialer::Setup setup);
    ~DialerWorker() override;
    void init();
    void tickNow();
    void pauseCampaign(qint64 campaignId);

private:
    Dialer::Setup m_setup;
    std::unique_ptr<CallPlacer> m_placer;   // destroyed after m_engine
    std::unique_ptr<DialerEngine> m_engine;
    QTimer *m_tick = nullptr;
    QTimer *m_recover = nullptr;
    QTimer *m_progress = nullptr;
};

} // namespace Leadline::Campaigns
