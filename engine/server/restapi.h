// RestApi: the JSON routes of campaigns, their leads and /health, as one controller per resource
// (server/controllers: HealthController, CampaignsController, LeadsController) registered
// together. Handlers return Result<HttpResponse>; their errors become HTTP in httperror only.
// Thread: immutable after registration, shared; handlers run on the REST threads (their own
// database connection).
#pragma once

#include "controllers/campaignscontroller.h"
#include "controllers/healthcontroller.h"
#include "controllers/leadscontroller.h"
#include "router.h"

namespace Leadline::Server {

class RestApi
{
public:
    RestApi(Campaigns::CampaignService &campaigns, const Storage::Database &db);
    void registerRoutes(Router &router);
    // Hot-lead handoff: "handoff_enabled" on create and get (optional).
    void setHandoffApi(const class HandoffApi *handoff) { m_campaignRoutes.setHandoffApi(handoff); }
    // /health then reports the speech recognition in use ("speech": offline or live, and a warning
    // while campaigns run on offline speech). Set before serving.
    void setSpeechPolicy(const Screening::OfflineSpeechPolicy &policy) { m_health.setSpeechPolicy(policy); }

private:
    HealthController m_health;
    CampaignsController m_campaignRoutes;
    LeadsController m_leads;
};

} // namespace Leadline::Server
