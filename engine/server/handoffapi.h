// HandoffApi: the hot-lead handoff's HTTP surface over Handoff::HandoffService (campaign switch,
// handoff list, Exotel routing) and Handoff::AgentService (the roster), one controller per
// resource (server/controllers: AgentsController, HandoffsController, ExotelFlowController).
//  Operator routes: the sales-agent roster (GET/POST /agents, PATCH/DELETE /agents/{id}),
//  GET /handoffs?campaign_id= (with the lead summary each agent got), and
//  PUT /campaigns/{id}/handoff {"enabled": bool}; RestApi also asks it to validate and apply
//  "handoff_enabled" on POST /campaigns and to show it on GET /campaigns/{id}.
//  Exotel flow routes (public, authenticated like the status webhook: k=<EXOTEL_WEBHOOK_SECRET>
//  in the URL, or Basic auth whose password is that secret). GET or POST, as the applet is set:
//  parameters (CallSid, k, format) from the query or a form body (urlencoded, multipart, JSON):
//   /exotel/passthru           200 when the CallSid has a pending handoff (Passthru's "200"
//                              branch -> Connect), 302 otherwise (-> Hangup). The 302 carries
//                              no Location: Exotel branches on the status alone, and a client
//                              that followed a redirect must not land on a 200.
//   /exotel/connect/dial-whom  the chosen agent's number as text/plain (Connect applet's
//                              "Dial whom" URL); format=json gives
//                              {"destination":{"numbers":[...]}} for a dynamic Connect URL.
//  Every number comes back in E.164 (+91XXXXXXXXXX), the fallback number included.
//  Both answer from one indexed read, are idempotent (same CallSid -> same agent) and never
//  fail open: an unknown or hostile CallSid gets 302 / the fallback number (or an empty body).
// Thread: immutable after registration; handlers run on the REST pool ("leadline-rest", each
// thread with its own database connection); counters are atomics.
#pragma once

#include "handoff/agentservice.h"
#include "handoff/handoffservice.h"
#include "controllers/agentscontroller.h"
#include "controllers/exotelflowcontroller.h"
#include "controllers/handoffscontroller.h"
#include "router.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <atomic>
#include <optional>

namespace Leadline::Storage { class Database; }
namespace Leadline { class Clock; class Settings; }

namespace Leadline::Server {

struct HandoffApiOptions
{
    bool flowMode = false;      // EXOTEL_CALL_MODE=flow
    QByteArray exotelSecret;    // EXOTEL_WEBHOOK_SECRET; empty = Exotel's requests are refused
    QString fallbackNumber;     // HANDOFF_FALLBACK_NUMBER in E.164; empty = nobody
    // A HANDOFF_FALLBACK_NUMBER that is not a valid Indian number is an error (start-up stops).
    static Result<HandoffApiOptions> fromSettings(const Settings &settings);
};

class HandoffApi
{
public:
    HandoffApi(const Storage::Database &db, const Clock &clock, HandoffApiOptions options);
    void registerRoutes(Router &router);

    // POST /campaigns: "handoff_enabled": true in direct (StreamUrl) mode is a 422.
    Status validateCampaignBody(const QJsonObject &body) const;
    // After the campaign exists: store "handoff_enabled" if given; add it to `out`.
    // A database error is returned (the caller answers 5xx, never a 200 without the flag).
    Status applyCampaignBody(qint64 campaignId, const QJsonObject &body, QJsonObject &out) const;
    // GET /campaigns/{id}: handoff_enabled, and whether this node's mode allows it; or the error.
    Status decorateCampaign(qint64 campaignId, QJsonObject &out) const;
    static Error handoffNeedsFlowMode();

private:
    HandoffApiOptions m_options;
    Handoff::HandoffService m_service;
    Handoff::AgentService m_agents;
    // One controller per resource (server/controllers), over the services above.
    AgentsController m_agentRoutes;
    HandoffsController m_handoffRoutes;
    ExotelFlowController m_exotelFlow;
};

} // namespace Leadline::Server
