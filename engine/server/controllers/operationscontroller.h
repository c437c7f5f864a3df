// OperationsController: what operators and monitoring read of the running system: GET /metrics
// (Prometheus text: calls, outcomes, queue depth, campaigns, vendor latency, status webhooks,
// then every MetricsSource added: vendor errors, reply latency, greetings) and GET /debug/sessions (live calls of every node from the
// database, plus the media sessions of the SessionIndex when set). Part of DialerApi.
// Thread: immutable after registration; handlers run on the REST threads (their own connection).
#pragma once

#include "server/router.h"

#include <QList>

namespace Leadline::Storage { class Database; }
namespace Leadline { class Clock; class MetricsSource; }

namespace Leadline::Server {

class SessionIndex;
struct StatusWebhookCounters;

class OperationsController
{
public:
    OperationsController(const Storage::Database &db, const Clock &clock, const StatusWebhookCounters &webhooks)
        : m_db(db), m_clock(clock), m_webhooks(webhooks) {}
    void registerRoutes(Router &router);
    // Optional sources, set before serving.
    void setSessionIndex(SessionIndex *index) { m_sessionIndex = index; }
    void addMetrics(const MetricsSource *source) { m_metrics.append(source); }

private:
    Reply metrics(const RouteContext &ctx) const;
    Reply sessions(const RouteContext &ctx) const;

    const Storage::Database &m_db;
    const Clock &m_clock;
    const StatusWebhookCounters &m_webhooks;
    SessionIndex *m_sessionIndex = nullptr;
    QList<const MetricsSource *> m_metrics;
};

} // namespace Leadline::Server
