#include "dialer.h"

#include "core/logging.h"

#include <QTimer>

namespace Leadline::Campaigns {

Dialer::Dialer(const Storage::Database &db, const Clock &clock, PlacerFactory factory, DialerOptions options,
               EventSink *events, int tickMs, int recoverMs, QObject *parent)
    : QObject(parent)
    , m_setup{db, clock, std::move(factory), options, events, tickMs, recoverMs}
{
}

Dialer::~Dialer() { stop(); }

bool Dialer::isRunning() const { return m_thread.isRunning(); }

void Dialer::start()
{
    if (m_thread.isRunning())
        return;
    const Status started = m_thread.start(
        [this] { return new DialerWorker(m_setup); });
    if (!started) {
        qCWarning(lcCampaigns) << "dialer not started:" << started.error().message;
        return;
    }
    post([](DialerWorker *w) { w->init(); }); // the first job, as the thread starts
    qCInfo(lcCampaigns) << "dialer started (global cap" << m_setup.options.globalMaxConcurrent << "calls)";
}

void Dialer::stop()
{
    if (!m_thread.isRunning())
        return;
    m_thread.stop(); // the worker is deleted on its thread
    qCInfo(lcCampaigns) << "dialer stopped";
}

void Dialer::post(std::function<void(DialerWorker *)> job)
{
    if (auto *w = m_thread.worker<DialerWorker>())
        m_thread.post([w, job = std::move(job)] { job(w); });
}

void Dialer::wake()
{
    post([](DialerWorker *w) { w->tickNow(); });
}

void Dialer::pauseCampaign(qint64 campaignId)
{
    post([campaignId](DialerWorker *w) { w->pauseCampaign(campaignId); });
}

DialerWorker::DialerWorker(Dialer::Setup setup)
    : m_setup(std::move(setup))
{
}

DialerWorker::~DialerWorker()
{
    m_engine.reset();
    m_placer.reset();
}

void DialerWorker::init()
{
    m_placer = m_setup.factory();
    m_engine = std::make_unique<DialerEngine>(m_setup.db, m_setup.clock, *m_placer, m_setup.options, m_setup.events);
    m_engine->recover();
    m_tick = new QTimer(this);
    connect(m_tick, &QTimer::timeout, this, &DialerWorker::tickNow);
    m_tick->start(m_setup.tickMs);
    m_recover = new QTimer(this);
    connect(m_recover, &QTimer::timeout, this, [this] { m_engine->recover(); });
    m_recover->start(m_setup.recoverMs);
    if (m_setup.events) {
        m_progress = new QTimer(this);
        connect(m_progress, &QTimer::timeout, this, [this] { m_engine->publishProgress(); });
        m_progress->start(1000);
    }
    tickNow();
}

void DialerWorker::tickNow()
{
    if (m_engine)
        m_engine->tick();
}

void DialerWorker::pauseCampaign(qint64 campaignId)
{
    if (m_engine)
        m_engine->pauseCampaign(campaignId);
}

} // namespace Leadline::Campaigns
