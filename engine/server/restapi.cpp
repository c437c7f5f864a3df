#include "restapi.h"

namespace Leadline::Server {

RestApi::RestApi(Campaigns::CampaignService &campaigns, const Storage::Database &db)
    : m_health(campaigns, db), m_campaignRoutes(campaigns, db), m_leads(campaigns, db)
{
}

void RestApi::registerRoutes(Router &router)
{
    m_health.registerRoutes(router);
    m_campaignRoutes.registerRoutes(router);
    m_leads.registerRoutes(router);
}

} // namespace Leadline::Server
