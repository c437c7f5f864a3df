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

qint64 idOf(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString())
        return v.toString().toLongLong();
    return 0;
}

qint64 countOf(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? qint64(v.toDouble()) : (v.isString() ? v.toString().toLongLong() : -1);
}

QString stringOf(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : (v.isDouble() ? QString::number(v.toDouble()) : QString());
}

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
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return;
    const QJsonObject o = doc.object();
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == QLatin1String("campaign.progress"))
        return campaignProgress(o);
    if (type == QLatin1String("provider.error"))
        return providerError(o);
    if (!type.startsWith(QLatin1String("call.")))
        return; // unknown: a newer engine
    const qint64 id = idOf(o.value(QLatin1String("call_id")));
    if (id <= 0)
        return;

    if (type == QLatin1String("call.ended")) {
        remove(id);
        return;
    }
    const bool isStart = type == QLatin1String("call.started");
    if (isStart && m_recentlyEndedSet.remove(id))
        m_recentlyEnded.removeOne(id);
    if (m_recentlyEndedSet.contains(id))
        return; // a straggler after call.ended
    if (isStart || type == QLatin1String("call.answered")) {
        // Both carry the lead (call.answered too, for consoles that missed the start).
        const bool known = m_calls.contains(id);
        LiveCall &c = touch(id);
        if (isStart || !known) {
            // The duration counts from the event's own time when it is sane (a console opened
            // mid-call shows the real duration), else from when the feed saw it.
            const QDateTime at = QDateTime::fromString(stringOf(o, QLatin1String("at")), Qt::ISODateWithMs);
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (at.isValid() && at.toMSecsSinceEpoch() <= now + 5000 && at.toMSecsSinceEpoch() >= now - 6 * 3600 * 1000)
                c.firstSeenMs = qMin(now, at.toMSecsSinceEpoch());
        }
        if (const qint64 v = idOf(o.value(QLatin1String("campaign_id"))); v > 0)
            c.campaignId = v;
        if (const qint64 v = idOf(o.value(QLatin1String("lead_id"))); v > 0)
            c.leadId = v;
        if (const QString v = stringOf(o, QLatin1String("lead_name")); !v.isEmpty())
            c.leadName = v;
        if (const QString v = stringOf(o, QLatin1String("phone")); !v.isEmpty())
            c.phone = v;
        if (const qint64 v = countOf(o, QLatin1String("attempt")); v > 0)
            c.attempt = int(v);
        if (isStart) {
            if (c.state.isEmpty())
                c.state = QStringLiteral("dialling");
        } else {
            c.answered = true;
            if (c.state.isEmpty() || c.state == QLatin1String("dialling") || c.state == QLatin1String("ringing"))
                c.state = QStringLiteral("listening");
        }
        return;
    }
    if (type == QLatin1String("call.activity")) {
        const QString state = stringOf(o, QLatin1String("state"));
        if (state == QLatin1String("ended")) {
            remove(id);
            return;
        }
        LiveCall &c = touch(id);
        c.answered = true; // media flows only on answered calls
        if (!state.isEmpty())
            c.state = state;
        else if (c.state.isEmpty() || c.state == QLatin1String("dialling") || c.state == QLatin1String("ringing"))
            c.state = QStringLiteral("listening");
        if (const QString text = stringOf(o, QLatin1String("text")); !text.isEmpty()) {
            c.lastText = text;
            c.lastSpeaker = stringOf(o, QLatin1String("speaker"));
        }
    } else if (type == QLatin1String("call.turn")) {
        const QString text = stringOf(o, QLatin1String("text"));
        LiveCall &c = touch(id);
        c.answered = true;
        if (c.state.isEmpty() || c.state == QLatin1String("dialling") || c.state == QLatin1String("ringing"))
            c.state = QStringLiteral("listening");
        LiveTurn t;
        t.turn = int(countOf(o, QLatin1String("turn")));
        if (t.turn < 0)
            t.turn = c.turns.isEmpty() ? 1 : c.turns.last().turn + 1;
        t.speaker = stringOf(o, QLatin1String("speaker"));
        t.text = text;
        t.language = stringOf(o, QLatin1String("language"));
        const QJsonValue latency = o.value(QLatin1String("latency_ms"));
        t.latencyMs = latency.isDouble() ? int(latency.toDouble()) : -1;
        c.turns.append(t);
        if (c.turns.size() > maxTurns)
            c.turns.remove(0, c.turns.size() - maxTurns);
        if (!text.isEmpty()) {
            c.lastText = text;
            c.lastSpeaker = t.speaker;
        }
    }
}

void LiveCallsFeed::campaignProgress(const QJsonObject &o)
{
    const qint64 id = idOf(o.value(QLatin1String("campaign_id")));
    if (id <= 0)
        return;
    CampaignLive p;
    p.campaignId = id;
    p.status = stringOf(o, QLatin1String("status"));
    p.leadsTotal = countOf(o, QLatin1String("leads_total"));
    p.leadsDone = countOf(o, QLatin1String("leads_done"));
    p.leadsPending = countOf(o, QLatin1String("leads_pending"));
    p.callsActive = int(qMax<qint64>(0, countOf(o, QLatin1String("calls_active"))));
    p.nextDueAt = stringOf(o, QLatin1String("next_due_at"));
    m_campaignChanges.insert(id, p);

    // Finished: an explicit final status, or nothing pending and nothing in flight, after the
    // campaign was seen working (a console started on an old, finished campaign stays quiet).
    using Storage::CampaignStatus;
    const std::optional<CampaignStatus> status = Storage::parseStatus<CampaignStatus>(p.status);
    const bool finalStatus = status == CampaignStatus::Done;
    const bool drained = p.leadsPending == 0 && p.callsActive == 0;
    bool &wasActive = m_campaignWasActive[id];
    if ((finalStatus || (drained && status != CampaignStatus::Paused)) && wasActive) {
        wasActive = false;
        LiveNotice n;
        n.kind = LiveNotice::CampaignFinished;
        n.campaignId = id;
        m_notices.append(n);
    } else if (!finalStatus && (p.callsActive > 0 || (status == CampaignStatus::Running && p.leadsPending > 0))) {
        wasActive = true;
    }
    scheduleFlush();
}

void LiveCallsFeed::providerError(const QJsonObject &o)
{
    const QString provider = stringOf(o, QLatin1String("provider"));
    const qint64 now = m_clock.elapsed();
    const auto last = m_providerNoticeAt.constFind(provider);
    if (last != m_providerNoticeAt.cend() && now - last.value() < providerNoticeIntervalMs)
        return;
    m_providerNoticeAt.insert(provider, now);
    LiveNotice n;
    n.kind = LiveNotice::ProviderError;
    n.callId = idOf(o.value(QLatin1String("call_id")));
    n.provider = provider;
    n.message = stringOf(o, QLatin1String("message"));
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
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("leadline-live"));
    m_feed = new LiveCallsFeed;
    m_feed->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_feed, &QObject::deleteLater);
    if (eventSource)
        QObject::connect(eventSource, SIGNAL(published(QByteArray)), m_feed, SLOT(ingest(QByteArray)),
                         Qt::QueuedConnection);
    m_thread->start();
}

LiveCallsFeedHost::~LiveCallsFeedHost()
{
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void LiveCallsFeedHost::post(const QByteArray &json) const
{
    QMetaObject::invokeMethod(m_feed, "ingest", Qt::QueuedConnection, Q_ARG(QByteArray, json));
}

} // namespace Leadline::Ui
