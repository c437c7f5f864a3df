// WebhookDispatcher: delivers the CRM webhook outbox. Owns one thread ("leadline-webhooks")
// with its own QNetworkAccessManager and database connection; nothing here runs on the caller's
// thread except posting. On that thread it
//  - polls for due outbox rows, leases them (multi-node safe, see WebhookStore) and POSTs each
//    with X-Leadline-Signature / -Event / -Delivery / -Attempt headers;
//  - records every attempt in webhook_deliveries; 2xx = delivered, anything else (or a timeout)
//    = retry with exponential backoff and jitter on the injected clock, dead after maxAttempts;
//  - sweeps for finished calls that have no call_ended event yet and queues them.
// Started again on the same database, it carries on where it stopped: pending rows are picked
// up, and rows leased by a node that died are retried when their lease expires.
// Thread: construct, start, stop on the owner's (main) thread; wake/callEnded/handoff from any.
#pragma once

#include "core/clock.h"
#include "core/workerthread.h"
#include "webhookoptions.h"

#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <functional>

namespace Leadline::Storage { class Database; }

namespace Leadline::Webhooks {

class WebhookDispatcher : public QObject
{
    Q_OBJECT
public:
    WebhookDispatcher(const Storage::Database &db, const Clock &clock, WebhookOptions options, QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    void start();
    // Stops sending: in-flight requests are abandoned and their rows released for the next
    // start (or another node). Blocks until the thread has ended.
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }
    QString nodeId() const { return m_owner; }

    // Look for due rows now.
    void wake();
    // Queue call_ended for a call that just became final (else the sweep finds it within
    // WebhookOptions::sweepMs).
    void callEnded(qint64 callId);
    // The optional handoff webhook: call when a caller is being handed to a sales agent.
    // details: agent (name/phone), reason, summary, at...; copied into the payload's "handoff".
    void handoff(qint64 callId, const QJsonObject &details);

signals:
    // Emitted on the dispatcher's thread after each attempt was recorded.
    void attemptFinished(qint64 outboxId, const QString &eventId, const QString &result, int statusCode);

private:
    class Worker;
    const Storage::Database &m_db;
    const Clock &m_clock;
    WebhookOptions m_options;
    QString m_owner;
    void post(std::function<void(Worker *)> job); // any thread; dropped when not running
    WorkerThread m_thread{QStringLiteral("leadline-webhooks")}; // its worker: a Worker
};

} // namespace Leadline::Webhooks
