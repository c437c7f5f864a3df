// AgentsController: the sales-agent roster: GET /agents (?include_inactive=1), POST /agents,
// PATCH /agents/{id}, DELETE /agents/{id} (deactivates), over Handoff::AgentService (the same
// validation as `leadline agents ...`). Part of HandoffApi.
// Thread: immutable after registration; handlers run on the REST threads.
#pragma once

#include "server/router.h"

namespace Leadline::Handoff { class AgentService; }

namespace Leadline::Server {

class AgentsController
{
public:
    explicit AgentsController(Handoff::AgentService &agents) : m_agents(agents) {}
    void registerRoutes(Router &router);

private:
    Reply listAgents(const RouteContext &ctx) const;
    Reply createAgent(const RouteContext &ctx) const;
    Reply updateAgent(const RouteContext &ctx) const;
    Reply deleteAgent(const RouteContext &ctx) const;

    Handoff::AgentService &m_agents;
};

} // namespace Leadline::Server
