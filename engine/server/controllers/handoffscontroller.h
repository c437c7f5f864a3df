// HandoffsController: the handoffs of hot leads: GET /handoffs?campaign_id=&limit= (with the lead
// summary each agent got) and a campaign's switch, PUT /campaigns/{id}/handoff {"enabled": bool}.
// Part of HandoffApi. Thread: immutable after registration; handlers run on the REST threads.
#pragma once

#include "server/router.h"

namespace Leadline::Handoff { class HandoffService; }

namespace Leadline::Server {

class HandoffsController
{
public:
    HandoffsController(Handoff::HandoffService &service, bool flowMode) : m_service(service), m_flowMode(flowMode) {}
    void registerRoutes(Router &router);

private:
    Reply listHandoffs(const RouteContext &ctx) const;
    Reply setCampaignHandoff(const RouteContext &ctx) const;

    Handoff::HandoffService &m_service;
    bool m_flowMode = false;
};

} // namespace Leadline::Server
