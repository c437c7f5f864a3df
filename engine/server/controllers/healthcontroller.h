// HealthController: GET /health (public, for load balancers): the database, the version, the
// uptime and, when set, the speech recognition in use. Part of RestApi.
// Thread: immutable after registration; handlers run on the REST threads.
#pragma once

#include "screening/screeningpolicy.h"
#include "server/router.h"

#include <QElapsedTimer>
#include <optional>

namespace Leadline::Storage { class Database; }
namespace Leadline::Campaigns { class CampaignService; }

namespace Leadline::Server {

class HealthController
{
public:
    HealthController(Campaigns::CampaignService &campaigns, const Storage::Database &db);
    void registerRoutes(Router &router);
    // "speech": offline or live, and a warning while campaigns run on offline speech.
    void setSpeechPolicy(const Screening::OfflineSpeechPolicy &policy) { m_speech = policy; }

private:
    Reply health(const RouteContext &ctx) const;

    Campaigns::CampaignService &m_campaigns;
    const Storage::Database &m_db;
    QElapsedTimer m_uptime;
    std::optional<Screening::OfflineSpeechPolicy> m_speech;
};

} // namespace Leadline::Server
