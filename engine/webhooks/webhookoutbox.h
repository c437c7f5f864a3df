// WebhookOutbox: the producer side of CRM webhooks. Turns "this call is final" (calls.settled_at
// set by the retry policy's settlement: the one point where a call, connected or not, is truly
// over) into a persisted, signed-later outbox row, once per event id. Also the sweep that finds
// finished calls with no event yet, so an event is never lost when the process stopped between
// settlement and enqueue.
// Thread: any; stateless apart from its configuration; uses the calling thread's connection.
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "webhookoptions.h"
#include "webhookstore.h"

#include <QJsonObject>
#include <functional>

namespace Leadline::Storage { class Database; }

namespace Leadline::Webhooks {

class WebhookOutbox
{
public:
    WebhookOutbox(const Storage::Database &db, const Clock &clock, WebhookOptions options)
        : m_db(db), m_clock(clock), m_options(std::move(options)) {}

    // true when a new event was queued; false when the campaign has no (enabled) webhook for
    // the event or it was queued before. Conflict when the call is not final yet.
    Result<bool> callEnded(qint64 callId);
    // The optional handoff event (campaign webhook events contain "handoff").
    Result<bool> handoff(qint64 callId, const QJsonObject &details);
    // Queues call_ended for calls settled since settledSinceMs that have none, in rounds of
    // `batch`; returns how many were queued. *complete (optional) is false when a backlog is left
    // for the next sweep (more than maxRounds x batch calls, or calls that could not be queued).
    Result<int> sweep(qint64 settledSinceMs, bool *complete = nullptr, int batch = 200, int maxRounds = 10);

private:
    // Queues one event of the call when its campaign's webhook wants it (idempotent by eventId).
    Result<bool> enqueue(qint64 callId, const QString &event, const QString &eventId, bool settledOnly,
                         const std::function<QByteArray(const CallEndedSource &, qint64 nowMs)> &payload);

    const Storage::Database &m_db;
    const Clock &m_clock;
    WebhookOptions m_options;
};

} // namespace Leadline::Webhooks
