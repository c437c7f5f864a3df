#include "livecallsfeed.h"

#include "storage/campaignstatus.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace Leadline::Ui {

namespace {

constexpr int RecentlyEndedKept = 4096;

} // namespace

LiveCallsFeed::LiveCallsFeed(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<LiveCallsBatch>();
    m_clock.start();
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &LiveCallsFeed::flush);
}

const LiveCall *LiveCallsFeed::call(qint64 callId) const
{
    const auto it = m_calls.constFind(callId);
    return it == m_calls.cend() ? nullptr : &it.value();
}

LiveCall &LiveCallsFeed::touch(qint64 callId)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end()) {
        LiveCall c;
        c.callId = callId;
        c.firstSeenMs = QDateTime::currentMSecsSinceEpoch();
        it = m_calls.insert(callId, c);
        m_removed.remove(callId);
    }
    markChanged(callId);
    return it.value();
}

void LiveCallsFeed::markChanged(qint64 callId)
{
    m_changed.insert(callId);
    scheduleFlush();
}

void LiveCallsFeed::remove(qint64 callId)
{
    if (!m_recentlyEndedSet.contains(callId)) {
        m_recentlyEnded.append(callId);
        m_recentlyEndedSet.insert(callId);
        if (m_recentlyEnded.size() > RecentlyEndedKept)
            m_recentlyEndedSet.remove(m_recentlyEnded.takeFirst());
    }
    if (m_calls.remove(callId) == 0)
        return;
    m_changed.remove(callId);
    m_removed.insert(callId);
    scheduleFlush();
}

void LiveCallsFeed::scheduleFlush()
{
    if (!m_timer->isActive())
        m_timer->start(flushIntervalMs);
}

void LiveCallsFeed::ingest(const QByteArray &json)
{
    ++m_events;
    const auto event = Events::Envelope::parse(json);
    if (!event)
        return;
    const QJsonObject &o = event->payload;
    switch (event->type) {
    case Events::Type::CampaignProgress:
        return campaignProgress(Events::CampaignProgress::fromJson(o));
    case Events::Type::ProviderError:
        return providerError(Events::ProviderError::fromJson(o));
    case Events::Type::Unknown: // a newer engine
        return;
    default:
        break;
    }
    const qint64 id = Events::CallParty::fromJson(o).callId; // every call.* event carries call_id
    if (id <= 0)
        return;

    if (event->type == Events::Type::CallEnded) {
        remove(id);
        return;
    }
    const bool isStart = event->type == Events::Type::CallStarted;
    if (isStart && m_recentlyEndedSet.remove(id))
        m_recentlyEnded.removeOne(id);
    if (m_recentlyEndedSet.contains(id))
        return; // a straggler after call.ended
    switch (event->type) {
    case Events::Type::CallStarted:
    case Events::Type::CallAnswered:
        callParty(isStart, event->at, Events::CallParty::fromJson(o));
        break;
    case Events::Type::CallActivity:
        callActivity(Events::CallActivity::fromJson(o));
        break;
    case Events::Type::CallTurn:
        callTurn(Events::CallTurn::fromJson(o));
        break;
    default: // call.status: the carrier's view; the row follows the session's activity
        break;
    }
}

void LiveCallsFeed::callParty(bool isStart, const QDateTime &at, const Events::CallParty &e)
{
    // Both carry the lead (call.answered too, for consoles that missed the start).
    const bool known = m_calls.contains(e.callId);
    LiveCall &c = touch(e.callId);
    if (isStart || !known) {
        // The duration counts from the event's own time when it is sane (a console opened
        // mid-call shows the real duration), else from when the feed saw it.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (at.isValid() && at.toMSecsSinceEpoch() <= now + 5000 && at.toMSecsSinceEpoch() >= now - 6 * 3600 * 1000)
            c.firstSeenMs = qMin(now, at.toMSecsSinceEpoch());
    }
    if (e.campaignId > 0)
        c.campaignId = e.campaignId;
    if (e.leadId > 0)
        c.leadId = e.leadId;
    if (!e.leadName.isEmpty())
        c.leadName = e.leadName;
    if (!e.phone.isEmpty())
        c.phone = e.phone;
    if (e.attempt > 0)
        c.attempt = e.attempt;
    if (isStart) {
        if (c.state.isEmpty())
            c.state = QStringLiteral("dialling");
    } else {
        c.answered = true;
        if (c.state.isEmpty() || c.state == QLatin1String("dialling") || c.state == QLatin1String("ringing"))
            c.state = QStringLiteral("listening");
    }
}

void LiveCallsFeed::callActivity(const Events::CallActivity &e)
{
    if (e.state == QLatin1String("ended")) {
        remove(e.callId);
        return;
    }
    LiveCall &c = touch(e.callId);
    c.answered = true; // media flows only on answered calls
    if (!e.state.isEmpty())
        c.state = e.state;
    else if (c.state.isEmpty() || c.state == QLatin1String("dialling") || c.state == QLatin1String("ringing"))
        c.state = QStringLiteral("listening");
    if (!e.text.isEmpty()) {
        c.lastText = e.text;
        c.lastSpeaker = e.speaker;
    }
}

void LiveCallsFeed::callTurn(const Events::CallTurn &e)
{
    LiveCall &c = touch(e.callId);
    c.answered = true;
    if (c.state.isEmpty() || c.state == QLatin1String("dialling") || c.state == QLatin1String("ringing"))
        c.state = QStringLiteral("listening");
    LiveTurn t;
    t.turn = e.turn;
    if (t.turn < 0)
        t.turn = c.turns.isEmpty() ? 1 : c.turns.last().turn + 1;
    t.speaker = e.speaker;
    t.text = e.text;
    t.language = e.language;
    t.latencyMs = e.latencyMs;
    c.turns.append(t);
    if (c.turns.size() > maxTurns)
        c.turns.remove(0, c.turns.size() - maxTurns);
    if (!e.text.isEmpty()) {
        c.lastText = e.text;
        c.lastSpeaker = t.speaker;
    }
}

void LiveCallsFeed::campaignProgress(const Events::CampaignProgress &e)
{
    if (e.campaignId <= 0)
        return;
    CampaignLive p;
    p.campaignId = e.campaignId;
    p.status = e.status;
    p.leadsTotal = e.leadsTotal;
    p.leadsDone = e.leadsDone;
    p.leadsPending = e.leadsPending;
    p.callsActive = e.callsActive;
    p.nextDueAt = e.nextDueAt();
    m_campaignChanges.insert(e.campaignId, p);

    // Finished: an explicit final status, or nothing pending and nothing in flight, after the
    // campaign was seen working (a console started on an old, finished campaign stays quiet).
    using Storage::CampaignStatus;
    const std::optional<CampaignStatus> status = Storage::parseStatus<CampaignStatus>(p.status);
    const bool finalStatus = status == CampaignStatus::Done;
    const bool drained = p.leadsPending == 0 && p.callsActive == 0;
    bool &wasActive = m_campaignWasActive[e.campaignId];
    if ((finalStatus || (drained && status != CampaignStatus::Paused)) && wasActive) {
        wasActive = false;
        LiveNotice n;
        n.kind = LiveNotice::CampaignFinished;
        n.campaignId = e.campaignId;
        m_notices.append(n);
    } else if (!finalStatus && (p.callsActive > 0 || (status == CampaignStatus::Running && p.leadsPending > 0))) {
        wasActive = true;
    }
    scheduleFlush();
}

void LiveCallsFeed::providerError(const Events::ProviderError &e)
{
    const qint64 now = m_clock.elapsed();
    const auto last = m_providerNoticeAt.constFind(e.provider);
    if (last != m_providerNoticeAt.cend() && now - last.value() < providerNoticeIntervalMs)
        return;
    m_providerNoticeAt.insert(e.provider, now);
    LiveNotice n;
    n.kind = LiveNotice::ProviderError;
    n.callId = e.callId;
    n.provider = e.provider;
    n.message = e.message;
    m_notices.append(n);
    scheduleFlush();
}

void LiveCallsFeed::flush()
{
    m_timer->stop();
    if (m_changed.isEmpty() && m_removed.isEmpty() && m_campaignChanges.isEmpty() && m_notices.isEmpty())
        return;
    LiveCallsBatch batch;
    batch.changed.reserve(m_changed.size());
    QList<qint64> changed(m_changed.cbegin(), m_changed.cend());
    std::sort(changed.begin(), changed.end()); // new rows appear in call order
    for (qint64 id : std::as_const(changed))
        batch.changed.append(m_calls.value(id));
    batch.removed = m_removed.values();
    batch.campaigns = m_campaignChanges.values();
    batch.notices = m_notices;
    batch.activeCalls = int(m_calls.size());
    batch.eventsSeen = m_events;
    m_changed.clear();
    m_removed.clear();
    m_campaignChanges.clear();
    m_notices.clear();
    m_events = 0;
    emit batchReady(batch);
}

LiveCallsFeedHost::LiveCallsFeedHost(const QObject *eventSource)
{
    qRegisterMetaType<LiveCallsBatch>();
    (void)m_thread.start([] { return new LiveCallsFeed; });
    m_feed = m_thread.worker<LiveCallsFeed>();
    if (eventSource)
        QObject::connect(eventSource, SIGNAL(published(QByteArray)), m_feed, SLOT(ingest(QByteArray)),
                         Qt::QueuedConnection);
}

LiveCallsFeedHost::~LiveCallsFeedHost() { m_thread.stop(); } // the feed is deleted on its thread

void LiveCallsFeedHost::post(const QByteArray &json) const
{
    QMetaObject::invokeMethod(m_feed, "ingest", Qt::QueuedConnection, Q_ARG(QByteArray, json));
}

} // namespace Leadline::Ui
