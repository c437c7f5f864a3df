// HandoffServer: the server side of the hot-lead handoff (Exotel flow mode) for tests, on one
// database and clock: campaigns over REST (RestApi, which asks HandoffApi about a campaign's
// handoff), Exotel's status webhook (DialerApi; CampaignControl without a dialer) and the routes
// Exotel's applets call (HandoffApi), served on loopback by `http` once started.
// Thread: the test's.
#pragma once

#include "campaigns/calllifecycle.h"
#include "campaigns/campaigncontrol.h"
#include "campaigns/campaignservice.h"
#include "fakes/httpharness.h"
#include "server/dialerapi.h"
#include "server/handoffapi.h"
#include "server/restapi.h"

namespace Leadline::Testing {

struct HandoffServer
{
    // `webhookSecret`: the key of Exotel's status webhook (EXOTEL_WEBHOOK_SECRET).
    HandoffServer(const Storage::Database &db, const Clock &clock, const QByteArray &webhookSecret, Server::HandoffApiOptions handoff)
        : service(db, clock), control(service, nullptr), lifecycle(db, clock),
          dialerApi(control, lifecycle, db, clock, dialerOptions(webhookSecret)), handoffApi(db, clock, std::move(handoff)),
          restApi(service, db)
    {
        restApi.setHandoffApi(&handoffApi);
        dialerApi.registerRoutes(http.router);
        handoffApi.registerRoutes(http.router);
        restApi.registerRoutes(http.router);
    }

    Status start() { return http.start(2); }

    Campaigns::CampaignService service;
    Campaigns::CampaignControl control;
    Campaigns::CallLifecycle lifecycle;
    Server::DialerApi dialerApi;
    Server::HandoffApi handoffApi;
    Server::RestApi restApi;
    LoopbackServer http; // last: stops serving before the rest goes

private:
    static Server::DialerApiOptions dialerOptions(const QByteArray &webhookSecret)
    {
        Server::DialerApiOptions options;
        options.webhookSecret = webhookSecret;
        return options;
    }
};

} // namespace Leadline::Testing
