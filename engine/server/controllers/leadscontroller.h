// LeadsController: a campaign's leads: POST /campaigns/{id}/upload-csv (multipart "file" or a
// raw text/csv body) and GET /campaigns/{id}/leads (paged by after/limit, filtered by status).
// Part of RestApi. Thread: immutable after registration; handlers run on the REST threads.
#pragma once

#include "server/router.h"

namespace Leadline::Storage { class Database; }
namespace Leadline::Campaigns { class CampaignService; }

namespace Leadline::Server {

class LeadsController
{
public:
    LeadsController(Campaigns::CampaignService &campaigns, const Storage::Database &db);
    void registerRoutes(Router &router);

private:
    Reply upload(const RouteContext &ctx) const;
    Reply list(const RouteContext &ctx) const;

    Campaigns::CampaignService &m_campaigns;
    const Storage::Database &m_db;
};

} // namespace Leadline::Server
