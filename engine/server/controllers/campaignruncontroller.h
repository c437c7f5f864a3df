// CampaignRunController: starting and pausing a campaign (POST /campaigns/{id}/start and
// /pause) through CampaignControl, the one path shared with the console and the CLI (the status,
// then the dialer told at once). Part of DialerApi.
// Thread: immutable after registration; handlers run on the REST threads (their own connection).
#pragma once

#include "server/router.h"

namespace Leadline::Storage { class Database; }
namespace Leadline::Campaigns { class CampaignControl; }
namespace Leadline { class Clock; }

namespace Leadline::Server {

class CampaignRunController
{
public:
    CampaignRunController(const Campaigns::CampaignControl &control, const Storage::Database &db, const Clock &clock);
    void registerRoutes(Router &router);

private:
    Reply start(const RouteContext &ctx) const;
    Reply pause(const RouteContext &ctx) const;

    const Campaigns::CampaignControl &m_control;
    const Storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace Leadline::Server
