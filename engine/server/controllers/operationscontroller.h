// OperationsController: what operators and monitoring read of the running system: GET /metrics
// (Prometheus text: calls, outcomes, queue depth, campaigns, vendor latency, status webhooks,
// vendor errors, reply latency) and GET /debug/sessions (live calls of every node from the
// database, plus the media sessions of the SessionIndex when set). Part of DialerApi.
// Thread: immutable after registration; handlers run on the REST threads (their own connection).
#pragma once

#include "server/router.h"

namespace Leadline::Storage { class Database; }
namespace Leadline { class Clock; }
namespace Leadline::Conversation { class VendorErrors; class LatencyMetrics; }

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
    void setVendorErrors(const Conversation::VendorErrors *errors) { m_vendorErrors = errors; }
    void setLatencyMetrics(const Conversation::LatencyMetrics *latency) { m_latency = latency; }

private:
    Reply metrics(const RouteContext &ctx) const;
    Reply sessions(const RouteContext &ctx) const;

    const Storage::Database &m_db;
    const Clock &m_clock;
    const StatusWebhookCounters &m_webhooks;
    SessionIndex *m_sessionIndex = nullptr;
    const Conversation::VendorErrors *m_vendorErrors = nullptr;
    const Conversation::LatencyMetrics *m_latency = nullptr;
};

} // namespace Leadline::Server
