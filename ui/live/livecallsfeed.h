// LiveCallsFeed: folds the engine's event stream (EventHub `published` JSON: call.started,
// call.answered, call.activity, call.turn, call.ended, campaign.progress, provider.error) into
// the set of active calls, and hands the GUI one LiveCallsBatch at most every flushIntervalMs
// (never one signal per event). Unknown types, missing fields and malformed JSON are tolerated.
// Thread: lives on the "leadline-live" thread owned by LiveCallsFeedHost; ingest() arrives there
// through a queued connection. Tests may use it on one thread and call flush() themselves.
#pragma once

#include "core/liveevents.h"
#include "core/workerthread.h"
#include "ui/live/livesnapshots.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

class QThread;
class QTimer;

namespace Leadline::Ui {

class LiveCallsFeed : public QObject
{
    Q_OBJECT
public:
    explicit LiveCallsFeed(QObject *parent = nullptr);

    int maxTurns = 50;          // transcript turns kept per call
    int flushIntervalMs = 100;  // at most 10 batches a second
    int providerNoticeIntervalMs = 60000; // one provider.error notice per provider per minute

    int activeCalls() const { return int(m_calls.size()); }
    const LiveCall *call(qint64 callId) const;

public Q_SLOTS:
    // Feeds one event (thread of this object). Schedules a flush when something changed.
    void ingest(const QByteArray &json);
    // Emits the pending changes now (no-op when nothing changed).
    void flush();

Q_SIGNALS:
    void batchReady(const Leadline::Ui::LiveCallsBatch &batch);

private:
    LiveCall &touch(qint64 callId);
    void markChanged(qint64 callId);
    void remove(qint64 callId);
    // One handler per typed live event (engine/core/liveevents.h, the engine's own schema).
    void callParty(bool isStart, const QDateTime &at, const Events::CallParty &e);
    void callActivity(const Events::CallActivity &e);
    void callTurn(const Events::CallTurn &e);
    void campaignProgress(const Events::CampaignProgress &e);
    void providerError(const Events::ProviderError &e);
    void scheduleFlush();

    QHash<qint64, LiveCall> m_calls;
    QSet<qint64> m_changed;
    QSet<qint64> m_removed;            // removed since the last batch (and not re-added)
    QList<qint64> m_recentlyEnded;     // ring of ended ids: late activity does not revive them
    QSet<qint64> m_recentlyEndedSet;
    QHash<qint64, CampaignLive> m_campaignChanges;
    QHash<qint64, bool> m_campaignWasActive; // seen running with work left since the last finish
    QList<LiveNotice> m_notices;
    QHash<QString, qint64> m_providerNoticeAt; // provider -> m_clock ms of its last notice
    QElapsedTimer m_clock;
    QTimer *m_timer = nullptr;
    quint64 m_events = 0;
};

// LiveCallsFeedHost: owns the "leadline-live" thread and the feed living on it, and connects
// an event source's `published(QByteArray)` signal to the feed (queued).
// Thread: GUI thread (created and destroyed there); destruction quits and joins the thread.
class LiveCallsFeedHost
{
public:
    explicit LiveCallsFeedHost(const QObject *eventSource = nullptr);
    ~LiveCallsFeedHost();
    LiveCallsFeedHost(const LiveCallsFeedHost &) = delete;
    LiveCallsFeedHost &operator=(const LiveCallsFeedHost &) = delete;

    // For connecting to batchReady; ingest() may be invoked queued from any thread.
    LiveCallsFeed *feed() const { return m_feed; }
    QThread *thread() const { return m_thread.thread(); }
    // Thread-safe: posts one event to the feed (what the event source's signal does).
    void post(const QByteArray &json) const;

private:
    WorkerThread m_thread{QStringLiteral("leadline-live")}; // its worker: the feed
    LiveCallsFeed *m_feed = nullptr;
};

} // namespace Leadline::Ui
