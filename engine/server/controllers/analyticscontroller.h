// AnalyticsController: GET /campaigns/{id}/analytics: leads by status, calls, outcomes, talk
// time, vendor and reply latency, the cost estimate (PRICE_*_INR_PER_MIN), hot-lead handoffs and
// the last pause's error. A failed read is an error (5xx), never a 200 with figures missing.
// Part of DialerApi. Thread: immutable after registration; handlers run on the REST threads.
#pragma once

#include "server/router.h"
#include "storage/analyticsqueries.h"

namespace Leadline::Storage { class Database; }
namespace Leadline { class Clock; }

namespace Leadline::Server {

class AnalyticsController
{
public:
    AnalyticsController(const Storage::Database &db, const Clock &clock, const Storage::CostPrices &prices)
        : m_db(db), m_clock(clock), m_prices(prices) {}
    void registerRoutes(Router &router);

private:
    Reply analytics(const RouteContext &ctx) const;

    const Storage::Database &m_db;
    const Clock &m_clock;
    Storage::CostPrices m_prices;
};

} // namespace Leadline::Server
