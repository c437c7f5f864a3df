// DialerApi: the dialer's HTTP surface, as one controller per resource (server/controllers):
// campaign start/pause (CampaignRunController, the dialer told at once), the Exotel status
// webhook (StatusWebhookController), campaign analytics (AnalyticsController), the CSV export
// (ExportsController), call detail and transcript (CallsController), /metrics and
// /debug/sessions (OperationsController: live calls of every node, from the database).
// Handlers return Result<HttpResponse>; their errors become HTTP in httperror only. The router
// refuses a route registered twice, so the order of registration with RestApi does not matter.
// Thread: immutable after registration; handlers run on the REST threads (their own database
// connection); the counters are atomics.
#pragma once

#include "controllers/analyticscontroller.h"
#include "controllers/callscontroller.h"
#include "controllers/campaignruncontroller.h"
#include "controllers/exportscontroller.h"
#include "controllers/operationscontroller.h"
#include "controllers/statuswebhookcontroller.h"
#include "storage/analyticsqueries.h"

#include "router.h"

#include <QByteArray>

namespace Leadline::Storage { class Database; }
namespace Leadline::Campaigns { class CampaignControl; class CallLifecycle; }
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
    // control: start and pause (the status, then the dialer), shared with the console and CLI.
    DialerApi(const Campaigns::CampaignControl &control,
              Campaigns::CallLifecycle &lifecycle, const Storage::Database &db, const Clock &clock, DialerApiOptions options);
    void registerRoutes(Router &router);

    // Pure helpers, public for tests.
    static QByteArray csvField(const QString &value);
    static bool webhookKeyMatches(const QByteArray &expected, const QByteArray &given);

    // The live media sessions of every node (Redis) for /debug/sessions; optional.
    void setSessionIndex(SessionIndex *index) { m_operations.setSessionIndex(index); }
    // What this node counted (vendor errors, reply latency, greetings...), for /metrics; optional.
    void addMetrics(const MetricsSource *source) { m_operations.addMetrics(source); }

private:
    CampaignRunController m_run;
    StatusWebhookController m_statusWebhook;
    AnalyticsController m_analytics;
    ExportsController m_exports;
    CallsController m_calls;
    OperationsController m_operations;
};

} // namespace Leadline::Server
