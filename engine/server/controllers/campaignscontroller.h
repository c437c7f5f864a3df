// CampaignsController: the campaign resource: POST /campaigns, GET /campaigns, GET
// /campaigns/{id} (with lead_count and, when HandoffApi is set, handoff_enabled). Part of RestApi.
// Thread: immutable after registration; handlers run on the REST threads (their own connection).
#pragma once

#include "server/router.h"

namespace Leadline::Storage { class Database; }
namespace Leadline::Campaigns { class CampaignService; }

namespace Leadline::Server {

class HandoffApi;

class CampaignsController
{
public:
    CampaignsController(Campaigns::CampaignService &campaigns, const Storage::Database &db);
    void registerRoutes(Router &router);
    // "handoff_enabled" validated and applied on create, shown on get (optional).
    void setHandoffApi(const HandoffApi *handoff) { m_handoff = handoff; }

private:
    Reply create(const RouteContext &ctx) const;
    Reply list(const RouteContext &ctx) const;
    Reply get(const RouteContext &ctx) const;

    Campaigns::CampaignService &m_campaigns;
    const Storage::Database &m_db;
    const HandoffApi *m_handoff = nullptr;
};

} // namespace Leadline::Server
