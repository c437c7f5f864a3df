#include "dialer.h"

#include "core/logging.h"

#include <QTimer>

namespace Leadline::Campaigns {

Dialer::Dialer(const Storage::Database &db, const Clock &clock, PlacerFactory factory, DialerOptions options,
               EventSink *events, int tickMs, int recoverMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_factory(std::move(factory))
    , m_options(options)
    , m_events(events)
    , m_tickMs(tickMs)
    , m_recoverMs(recoverMs)
{
}

Dialer::~Dialer() { stop(); }

bool Dialer::isRunning() const { return m_thread && m_thread->isRunning(); }

void Dialer::start()
{
    if (m_thread)
        return;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("leadline-dialer"));
    auto *worker = new DialerWorker(m_db, m_clock, m_factory, m_options, m_events, m_tickMs, m_recoverMs);
    worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::started, worker, &DialerWorker::init);
    connect(m_thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    m_thread->start();
    qCInfo(lcCampaigns) << "dialer started (global cap" << m_options.globalMaxConcurrent << "calls)";
}

void Dialer::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    qCInfo(lcCampaigns) << "dialer stopped";
}

void Dialer::wake()
{
    if (DialerWorker *w = m_worker.data())
        QMetaObject::invokeMethod(w, [w] { w->tickNow(); }, Qt::QueuedConnection);
}

void Dialer::pauseCampaign(qint64 campaignId)
{
    if (DialerWorker *w = m_worker.data())
        QMetaObject::invokeMethod(w, [w, campaignId] { w->pauseCampaign(campaignId); }, Qt::QueuedConnection);
}

DialerWorker::DialerWorker(const Storage::Database &db, const Clock &clock, Dialer::PlacerFactory factory,
                           DialerOptions options, EventSink *events, int tickMs, int recoverMs)
    : m_db(db)
    , m_clock(clock)
    , m_factory(std::move(factory))
    , m_options(options)
    , m_events(events)
    , m_tickMs(tickMs)
    , m_recoverMs(recoverMs)
{
}

DialerWorker::~DialerWorker()
{
    m_engine.reset();
    m_placer.reset();
}

void DialerWorker::init()
{
    m_placer = m_factory();
    m_engine = std::make_unique<DialerEngine>(m_db, m_clock, *m_placer, m_options, m_events);
    m_engine->recover();
    m_tick = new QTimer(this);
    connect(m_tick, &QTimer::timeout, this, &DialerWorker::tickNow);
    m_tick->start(m_tickMs);
    m_recover = new QTimer(this);
    connect(m_recover, &QTimer::timeout, this, [this] { m_engine->recover(); });
    m_recover->start(m_recoverMs);
    if (m_events) {
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
