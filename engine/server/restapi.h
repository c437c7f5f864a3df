// RestApi: the JSON routes (campaigns, lead upload and listing, health). Registers handlers on
// the Router at start; handlers then run on whichever network worker accepted the request and
// use that thread's database connection. Thread: immutable after registration, shared.
#pragma once

#include "router.h"
#include "screening/screeningpolicy.h"

#include <QElapsedTimer>
#include <optional>

namespace Leadline::Storage { class Database; }
namespace Leadline::Campaigns { class CampaignService; }

namespace Leadline::Server {

class RestApi
{
public:
    RestApi(Campaigns::CampaignService &campaigns, const Storage::Database &db);
    void registerRoutes(Router &router);
    // Hot-lead handoff: "handoff_enabled" on create and get (optional).
    void setHandoffApi(const class HandoffApi *handoff) { m_handoff = handoff; }
    // /health then reports the speech recognition in use ("speech": offline or live, and a warning
    // while campaigns run on offline speech). Set before serving.
    void setSpeechPolicy(const Screening::OfflineSpeechPolicy &policy) { m_speech = policy; }

private:
    Reply health(const RouteContext &ctx) const;
    Reply createCampaign(const RouteContext &ctx) const;
    Reply listCampaigns(const RouteContext &ctx) const;
    Reply getCampaign(const RouteContext &ctx) const;
    Reply uploadCsv(const RouteContext &ctx) const;
    Reply listLeads(const RouteContext &ctx) const;

    Campaigns::CampaignService &m_campaigns;
    const Storage::Database &m_db;
    QElapsedTimer m_uptime;
    const class HandoffApi *m_handoff = nullptr;
    std::optional<Screening::OfflineSpeechPolicy> m_speech;
};

} // namespace Leadline::Server
