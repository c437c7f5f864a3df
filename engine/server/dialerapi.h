// DialerApi: the dialer's HTTP surface: campaign start/pause (with the dialer told at once),
// the Exotel status webhook, campaign analytics, call detail and transcript, the CSV export
// /metrics (Prometheus text) and /debug/sessions (live calls of every node, from the database). Register it BEFORE RestApi: the router takes the first
// matching route, and this pause also stops the dialer's queued dials.
// Thread: immutable after registration; handlers run on whichever network worker accepted the
// request (its own database connection); the counters are atomics.
#pragma once

#include "storage/analyticsqueries.h"

#include "router.h"

#include <QByteArray>
#include <atomic>

namespace Leadline::Storage { class Database; }
namespace Leadline::Campaigns { class CampaignService; class CampaignControl; class CallLifecycle; }
namespace Leadline { class Clock; class Settings; }
namespace Leadline::Conversation { class VendorErrors; class LatencyMetrics; }

namespace Leadline::Server {

class SessionIndex;


struct DialerApiOptions
{
    QByteArray webhookSecret; // EXOTEL_WEBHOOK_SECRET; empty = every webhook is refused (403)
    Storage::CostPrices prices; // PRICE_*_INR_PER_MIN, for the cost estimate
    static DialerApiOptions fromSettings(const Settings &settings);
};

class DialerApi
{
public:
    // dialer may be null (e.g. a read-only node): start/pause then only change the status.
    // control: start and pause (the status, then the dialer), shared with the console and CLI.
    DialerApi(Campaigns::CampaignService &campaigns, const Campaigns::CampaignControl &control,
              Campaigns::CallLifecycle &lifecycle, const Storage::Database &db, const Clock &clock, DialerApiOptions options);
    void registerRoutes(Router &router);

    // Pure helpers, public for tests.
    static QByteArray csvField(const QString &value);
    static bool webhookKeyMatches(const QByteArray &expected, const QByteArray &given);

    // The live media sessions of every node (Redis) for /debug/sessions; optional.
    void setSessionIndex(SessionIndex *index) { m_sessionIndex = index; }
    // Vendor failures counted by this node's call sessions, for /metrics; optional.
    void setVendorErrors(const Conversation::VendorErrors *errors) { m_vendorErrors = errors; }
    void setLatencyMetrics(const Conversation::LatencyMetrics *latency) { m_latency = latency; }

private:
    Reply start(const RouteContext &ctx) const;
    Reply pause(const RouteContext &ctx) const;
    Reply webhook(const RouteContext &ctx) const;
    Reply analytics(const RouteContext &ctx) const;
    Reply call(const RouteContext &ctx) const;
    Reply transcript(const RouteContext &ctx) const;
    Reply exportCsv(const RouteContext &ctx) const;
    Reply metrics(const RouteContext &ctx) const;
    Reply sessions(const RouteContext &ctx) const;

    Campaigns::CampaignService &m_campaigns;
    const Campaigns::CampaignControl &m_control;
    Campaigns::CallLifecycle &m_lifecycle;
    const Storage::Database &m_db;
    const Clock &m_clock;
    SessionIndex *m_sessionIndex = nullptr;
    const Conversation::VendorErrors *m_vendorErrors = nullptr;
    const Conversation::LatencyMetrics *m_latency = nullptr;
    DialerApiOptions m_options;

    struct Counters
    {
        std::atomic<qint64> updated{0};
        std::atomic<qint64> duplicate{0};
        std::atomic<qint64> stale{0};
        std::atomic<qint64> unknownCall{0};
        std::atomic<qint64> rejectedAuth{0};
        std::atomic<qint64> badBody{0};
        std::atomic<qint64> errors{0};
    };
    mutable Counters m_webhooks;
};

} // namespace Leadline::Server
