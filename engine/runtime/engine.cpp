#include "engine.h"

#include "services.h"

#include "campaigns/calllifecycle.h"
#include "campaigns/campaigncontrol.h"
#include "campaigns/dialer.h"
#include "campaigns/exotelcallplacer.h"
#include "conversation/eventingcallrecorder.h"
#include "conversation/greetingprimer.h"
#include "conversation/latencymetrics.h"
#include "conversation/mediaendpoint.h"
#include "conversation/storagecallrecorder.h"
#include "handoff/storagehandoffdesk.h"
#include "conversation/vendorerrors.h"
#include "core/clock.h"
#include "core/liveevents.h"
#include "core/logging.h"
#include "core/settings.h"
#include "providers/defaultproviderfactory.h"
#include "server/apitokenverifier.h"
#include "server/controllers/briefcontroller.h"
#include "server/dialerapi.h"
#include "server/eventhub.h"
#include "server/handoffapi.h"
#include "server/requestauth.h"
#include "server/restapi.h"
#include "server/serverpool.h"
#include "server/sessionindex.h"
#include "server/controllers/tokenscontroller.h"
#include "server/controllers/crmwebhookscontroller.h"
#include "storage/database.h"
#include "webhooks/webhookdispatcher.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSysInfo>
#include <QWebSocket>

namespace Leadline::Runtime {

using namespace Leadline::Campaigns;
using namespace Leadline::Conversation;
using namespace Leadline::Handoff;
using namespace Leadline::Server;

// Every engine object, in construction order (destroyed in reverse): what a member needs is
// declared above it.
struct Engine::Parts
{
    Parts(const Settings &settings, const Storage::Database &db, const Clock &clock, Services &services,
          Providers::DefaultProviderFactory &providers, const EngineOptions &engineOptions, HandoffApiOptions handoffOptions);
    void wireLiveCalls();

    const Settings &settings;
    const Storage::Database &db;
    const Clock &clock;
    SystemClock wallClock; // API tokens expire on the real clock, also in the demo
    DialerOptions dialerOptions;
    Router router;
    EventHub events;       // live events for /events and the console
    CallLifecycle lifecycle;
    Dialer dialer;         // "leadline-dialer"
    CampaignControl control;
    DialerApi dialerApi;
    RestApi restApi;
    HandoffApi handoffApi; // hot-lead handoff (Exotel flow mode): roster, Passthru and Connect
    BriefController briefs;     // the project brief the agent answers from
    StorageCallRecorder storageRecorder; // "leadline-calls"
    EventingCallRecorder recorder;
    MediaEndpoint media;   // Exotel's media sockets; each call runs on the worker that accepted it
    GreetingPrimer greetings; // "leadline-greetings": the greeting synthesised while the phone rings
    StorageHandoffDesk handoffDesk;
    Webhooks::WebhookOptions webhookOptions;
    Webhooks::WebhookDispatcher crmWebhooks; // finished calls and handoffs to the CRM, from an outbox
    CrmWebhooksController crmWebhooksRoutes;
    VendorErrors vendorErrors; // counted by every call session, shown on /metrics
    SessionIndex sessionIndex; // live sessions of every node (Redis when REDIS_URL is set)
    LatencyMetrics latency;    // what callers waited, from every finished call, on /metrics
    ApiTokenVerifier tokenVerifier; // API_TOKEN or an active row of api_tokens
    TokensController tokens;
    RequestAuth auth;
    ServerPool server;
    bool started = false;
};

static SessionConfig sessionConfigFrom(const Settings &settings)
{
    SessionConfig config;
    config.screening = Screening::ScreeningPolicy::fromSettings(settings); // voicemail/IVR/announcements
    config.speculateAfterSilenceMs = 120; // think on a likely end of turn; held until the turn is confirmed
    bool ok = false;
    const int silenceMs = settings.value(QStringLiteral("CALL_SILENCE_TIMEOUT_MS")).toInt(&ok);
    if (ok)
        config.silenceTimeoutMs = qBound(1000, silenceMs, 60000);
    return config;
}

static DialerOptions dialerOptionsFrom(const Settings &settings, const EngineOptions &options)
{
    auto o = DialerOptions::fromSettings(settings);
    if (options.demo) // its campaign retries every result after its own 5 minutes (10 s at 30x)
        o.retryDelays = RetryDelays{0, 0};
    return o;
}

Engine::Parts::Parts(const Settings &s, const Storage::Database &database, const Clock &c, Services &services,
                     Providers::DefaultProviderFactory &providers, const EngineOptions &engineOptions,
                     HandoffApiOptions handoffOptions)
    : settings(s), db(database), clock(c),
      dialerOptions(dialerOptionsFrom(s, engineOptions)),
      events(s.apiToken().toUtf8()),
      lifecycle(db, clock, &events),
      dialer(db, clock, ExotelCallPlacer::factory(s), dialerOptions, &events, dialerOptions.tickMs, dialerOptions.recoverMs),
      control(services.campaigns, &dialer),
      dialerApi(control, lifecycle, db, clock, DialerApiOptions::fromSettings(s)),
      restApi(services.campaigns, db),
      handoffApi(db, clock, std::move(handoffOptions)),
      briefs(services.briefs, db),
      storageRecorder(db),
      recorder(storageRecorder, events),
      media(providers, recorder, clock, MediaAuthConfig::fromSettings(s), sessionConfigFrom(s)),
      greetings(providers, recorder, clock),
      handoffDesk(db, clock, HandoffDeskOptions::fromSettings(s)),
      webhookOptions(Webhooks::WebhookOptions::fromSettings(s)),
      crmWebhooks(db, clock, webhookOptions),
      crmWebhooksRoutes(db, clock, webhookOptions.secretKey, &crmWebhooks),
      sessionIndex(s.value(QStringLiteral("REDIS_URL")),
                   QSysInfo::machineHostName() + QLatin1Char(':') + QString::number(QCoreApplication::applicationPid())),
      tokenVerifier(db, wallClock),
      tokens(db, wallClock, &tokenVerifier),
      auth(s.apiToken().toUtf8(), &tokenVerifier),
      server(router, auth)
{
    lifecycle.setRetryDelays(dialerOptions.retryDelays); // the webhook settles calls too
    restApi.setSpeechPolicy(services.offlineSpeech);
    restApi.setHandoffApi(&handoffApi);
    dialerApi.addMetrics(&vendorErrors);
    dialerApi.setSessionIndex(&sessionIndex);
    dialerApi.addMetrics(&latency);
    dialerApi.addMetrics(&greetings);
    dialerApi.registerRoutes(router);
    restApi.registerRoutes(router);
    handoffApi.registerRoutes(router);
    briefs.registerRoutes(router);
    crmWebhooksRoutes.registerRoutes(router);
    tokens.registerRoutes(router);
    events.setTokenVerifier(&tokenVerifier);
    wireLiveCalls();
}

void Engine::Parts::wireLiveCalls()
{
    // The outcome settles the lead when it arrives after Exotel's terminal status (nothing stranded).
    storageRecorder.setSettler([this, delays = dialerOptions.retryDelays](QSqlDatabase &conn, qint64 callId, bool resettle) {
        return CallLifecycle::settleWithin(conn, callId, clock.nowMs(), resettle, delays);
    });
    storageRecorder.setNodeId(dialerOptions.nodeId);
    media.setHandoffDesk(&handoffDesk);
    media.setLeadMessenger(&handoffDesk); // site-visit confirmations and brochure links by SMS
    media.setVendorErrors(&vendorErrors);
    // The dialer tells the primer of each call it rings; the session plays that audio at "start".
    // Engine::stop() (also in ~Engine) stops the dialer before the primer goes.
    // GREETING_PRIME=off: only answered calls spend greeting TTS (said live, after "start").
    media.setGreetingPrimer(&greetings);
    if (GreetingPrimer::enabledBy(settings))
        dialer.setCallPreparer(&greetings);
    QObject::connect(&handoffDesk, &StorageHandoffDesk::handoffRequested, &crmWebhooks,
                     [this](qint64 callId, const QJsonObject &handoff) { crmWebhooks.handoff(callId, handoff); },
                     Qt::DirectConnection);
    // What a call is doing, for /events and the console, and for the session index until it ends.
    QObject::connect(&media, &MediaEndpoint::callActivity, &events,
                     [this](qint64 callId, const QString &state, const QString &speaker, const QString &text) {
                         Events::publish(events, Events::CallActivity{callId, state, speaker, text});
                         if (callId > 0 && state != QLatin1String("ended"))
                             sessionIndex.upsert(callId, QJsonObject{{QStringLiteral("call_id"), callId}, {QStringLiteral("state"), state}});
                     },
                     Qt::DirectConnection);
    QObject::connect(&media, &MediaEndpoint::sessionFinished, &sessionIndex,
                     [this](qint64 callId, const SessionStats &stats) {
                         sessionIndex.remove(callId);
                         latency.record(stats);
                     },
                     Qt::DirectConnection);
    router.addWebSocketPath(QStringLiteral("/media"));
    router.addWebSocketPath(QStringLiteral("/events"));
    server.setWebSocketHandler([this](std::unique_ptr<QWebSocket> ws, QObject *worker) {
        if (ws->requestUrl().path() == QLatin1String("/events"))
            events.handle(std::move(ws), worker);
        else
            media.handle(std::move(ws), worker);
    });
}

Result<std::unique_ptr<Engine>> Engine::create(const Settings &settings, const Storage::Database &db, const Clock &clock,
                                               Services &services, Providers::DefaultProviderFactory &providers,
                                               EngineOptions options)
{
    auto handoffOptions = HandoffApiOptions::fromSettings(settings);
    if (!handoffOptions)
        return handoffOptions.error();
    return std::unique_ptr<Engine>(new Engine(
        std::make_unique<Parts>(settings, db, clock, services, providers, options, std::move(handoffOptions.value()))));
}

Engine::Engine(std::unique_ptr<Parts> parts) : d(std::move(parts)) {}

Engine::~Engine() { stop(); }

Status Engine::start()
{
    ServerOptions options;
    options.address = QHostAddress(d->settings.listenAddress());
    options.port = quint16(d->settings.port());
    options.workers = d->settings.workerThreads();
    options.workerRealtimePriority = d->settings.value(QStringLiteral("MEDIA_REALTIME_PRIORITY")).toInt();
    options.workerMinCycleUs = d->settings.value(QStringLiteral("MEDIA_WORKER_CYCLE_US")).toInt();
    options.maxBodyBytes = d->settings.maxUploadBytes();
    options.limits = RequestLimits::fromSettings(d->settings);
    options.tlsCertFile = d->settings.value(QStringLiteral("TLS_CERT_FILE"));
    options.tlsKeyFile = d->settings.value(QStringLiteral("TLS_KEY_FILE"));
    if (Status s = d->server.start(options); !s)
        return s;
    d->dialer.start();
    d->crmWebhooks.start();
    // The lines replies open with, in the product's voice, before the first call needs them.
    if (d->media.phraseCacheEnabled())
        d->greetings.warmPhrases(d->media.phraseCache());
    d->started = true;
    return okStatus();
}

void Engine::stop()
{
    if (!d->started)
        return;
    d->started = false;
    d->dialer.stop();
    d->crmWebhooks.stop();
    d->server.stop();
}

quint16 Engine::port() const { return d->server.port(); }
bool Engine::tls() const { return d->server.tls(); }
const CampaignControl &Engine::campaignControl() const { return d->control; }
DialerControl &Engine::dialer() const { return d->dialer; }
bool Engine::hangUp(qint64 callId) const { return d->media.hangUp(callId); }
const QObject *Engine::eventSource() const { return &d->events; }
ApiTokenVerifier &Engine::tokenVerifier() const { return d->tokenVerifier; }

} // namespace Leadline::Runtime
