// BriefController: the project brief over HTTP.
//  GET /campaigns/{id}/brief  {"campaign_id","version","brief","updated_at","agent_preview"}
//                             (404 no_brief when the campaign has none yet)
//  PUT /campaigns/{id}/brief  the brief as JSON; stored as the next version (200). Invalid:
//                             400 with error.problems listing every field that is wrong.
//  GET /campaigns/{id}/site-visits      the visits its calls booked, soonest first
//  GET /campaigns/{id}/site-visits.csv  the same as CSV (times in the lead's zone)
// Thread: immutable after registration; handlers run on the REST pool ("leadline-rest"), each
// thread with its own database connection.
#pragma once

#include "server/router.h"

namespace Leadline::Projects { class BriefService; }
namespace Leadline::Storage { class Database; }

namespace Leadline::Server {

class BriefController
{
public:
    BriefController(const Projects::BriefService &briefs, const Storage::Database &db) : m_briefs(briefs), m_db(db) {}
    void registerRoutes(Router &router);

private:
    Reply getBrief(const RouteContext &ctx) const;
    Reply putBrief(const RouteContext &ctx) const;
    Reply siteVisits(const RouteContext &ctx, bool csv) const;

    const Projects::BriefService &m_briefs;
    const Storage::Database &m_db;
};

} // namespace Leadline::Server
