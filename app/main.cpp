// Leadline's composition root: parses the command line, resolves settings, builds the engine
// objects (each gets its dependencies through its constructor) and runs either the console
// window (QApplication) or the headless server (QCoreApplication, no display needed).
#include "commands.h"
#include "demo.h"
#include "shutdown.h"

#include "campaigns/calllifecycle.h"
#include "campaigns/campaignservice.h"
#include "campaigns/dialer.h"
#include "campaigns/exotelcallplacer.h"
#include "core/clock.h"
#include "core/logging.h"
#include "core/settings.h"
#include "server/dialerapi.h"
#include "server/handoffapi.h"
#include "server/briefapi.h"
#include "projects/briefservice.h"
#include "conversation/storagehandoffdesk.h"
#include "server/eventhub.h"
#include "server/sessionindex.h"
#include "conversation/eventingcallrecorder.h"
#include "conversation/mediaendpoint.h"
#include "conversation/latencymetrics.h"
#include "conversation/vendorerrors.h"
#include "conversation/storagecallrecorder.h"
#include "providers/defaultproviderfactory.h"
#include "server/apitokenverifier.h"
#include "server/requestauth.h"
#include "server/restapi.h"
#include "server/webhookapi.h"
#include "webhooks/webhookdispatcher.h"
#include "server/serverpool.h"
#include "server/tokensapi.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "ui/consoleapp.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QStandardPaths>
#include <QTextStream>
#include <memory>

using namespace Leadline;

static bool wantsGui(int argc, char **argv)
{
    bool window = false; // `demo --window`: the demo with the console
    bool gui = true;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        window |= a == "--window";
        if (a == "--headless" || a == "-h" || a == "--help" || a == "-v" || a == "--version" || a == "--help-all"
            || a == "migrate" || a == "import" || a == "demo" || a == "config" || a == "agents" || a == "brief" || a == "token"
            || a == "sim")
            gui = false;
    }
    return gui || window;
}

int main(int argc, char **argv)
{
    const bool gui = wantsGui(argc, argv);
    if (gui && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        QTextStream(stderr) << "leadline: no display found. Run the server with: leadline --headless\n";
        return 1;
    }
    std::unique_ptr<QCoreApplication> app(gui ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("leadline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LEADLINE_VERSION));
    if (gui) // matches the installed io.leadline.Leadline.desktop (icon and name on Wayland)
        QGuiApplication::setDesktopFileName(QStringLiteral("io.leadline.Leadline"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Leadline: AI voice campaigns for real-estate sales teams."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"), QStringLiteral("Run the server without a window."));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("HTTP port (default 8000)."), QStringLiteral("port"));
    const QCommandLineOption dbUrl(QStringLiteral("database-url"), QStringLiteral("postgresql://user:pass@host/db; default: embedded SQLite."), QStringLiteral("url"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Config file (INI, keys as the environment variables)."), QStringLiteral("file"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"), QStringLiteral("debug, info, warning or critical."), QStringLiteral("level"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("import, token: print JSON."));
    const QCommandLineOption create(QStringLiteral("create"), QStringLiteral("import: create the campaign if it does not exist."));
    const QCommandLineOption noServe(QStringLiteral("no-serve"), QStringLiteral("demo: exit after the demo instead of serving."));
    const QCommandLineOption window(QStringLiteral("window"), QStringLiteral("demo: watch it in the console window."));
    parser.addOptions({headless, port, dbUrl, config, logLevel, json, create, noServe, window});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("Optional: migrate | import <campaign-id|name> <file.csv> | demo [--window] | sim | config | token create <name>|list|revoke <name|id> | agents list|add <name> <phone> [langs]|remove <id>|available <id> on|off | brief <campaign> [brief.json]"));
    parser.process(*app);

    QHash<QString, QString> cli;
    if (parser.isSet(port)) cli.insert(QStringLiteral("PORT"), parser.value(port));
    if (parser.isSet(dbUrl)) cli.insert(QStringLiteral("DATABASE_URL"), parser.value(dbUrl));
    if (parser.isSet(logLevel)) cli.insert(QStringLiteral("LOG_LEVEL"), parser.value(logLevel));
    const QString configFile = parser.isSet(config) ? parser.value(config) : defaultConfigFile();
    Settings settings = Settings::resolve(cli, QProcessEnvironment::systemEnvironment(), configFile);
    if (!applyLogLevel(settings.value(QStringLiteral("LOG_LEVEL")))) {
        QTextStream(stderr) << "leadline: --log-level must be debug, info, warning or critical\n";
        return 2;
    }
    const QStringList args = parser.positionalArguments();
    const QString verb = args.value(0);
    if (verb == QLatin1String("config")) {
        QTextStream(stdout) << settings.describe();
        return 0;
    }
    if (verb == QLatin1String("sim")) {
        quitOnTerminationSignals(*app);
        return runSimulator(*app, parser.isSet(port) ? quint16(parser.value(port).toUInt()) : 0);
    }

    auto dbConfig = Storage::DatabaseConfig::fromUrl(settings.databaseUrl(), Storage::DatabaseConfig::defaultSqlitePath());
    if (!dbConfig) {
        QTextStream(stderr) << "leadline: " << dbConfig.error().message << '\n';
        return 2;
    }
    Storage::Database db(dbConfig.value());
    if (const int rc = runMigrate(db, verb == QLatin1String("migrate")); rc != 0 || verb == QLatin1String("migrate"))
        return rc;

    // The demo runs on accelerated time inside a calling window; everything else on the real clock.
    const bool demoRun = verb == QLatin1String("demo");
    SystemClock systemClock;
    AcceleratedClock demoClock = DemoRunner::makeClock();
    const Clock &clock = demoRun ? static_cast<const Clock &>(demoClock) : systemClock;
    Campaigns::CampaignService campaigns(db, clock, {settings.callingHoursStart(), settings.callingHoursEnd()});
    campaigns.setImportLimits(Campaigns::ImportLimits::fromSettings(settings));
    // Real numbers on the offline recogniser only when ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS says so.
    const auto offlineSpeech = Screening::OfflineSpeechPolicy::fromSettings(settings);
    campaigns.setStartGuard([offlineSpeech] { return offlineSpeech.mayStartCampaign(); });
    if (verb == QLatin1String("import")) {
        if (args.size() != 3) {
            QTextStream(stderr) << "usage: leadline import <campaign-id|name> <file.csv> [--json] [--create]\n";
            return 2;
        }
        return runImport(campaigns, args.at(1), args.at(2), parser.isSet(json), parser.isSet(create));
    }
    if (verb == QLatin1String("token"))
        return runToken(db, args.mid(1), parser.isSet(json));
    if (verb == QLatin1String("agents"))
        return runAgents(db, args.mid(1), parser.isSet(json));
    Projects::BriefService briefs(db, clock);
    if (verb == QLatin1String("brief"))
        return runBrief(campaigns, briefs, args.mid(1), parser.isSet(json));
    if (!verb.isEmpty() && !demoRun) {
        QTextStream(stderr) << "leadline: unknown command \"" << verb << "\" (see --help)\n";
        return 2;
    }

    ensureApiToken(settings);
    Providers::DefaultProviderFactory providers(settings);
    std::unique_ptr<DemoRunner> demo;
    if (demoRun) {
        demo = std::make_unique<DemoRunner>(providers.offlineSpeech(), clock);
        if (Status s = demo->prepare(settings); !s) {
            QTextStream(stderr) << "leadline: demo: " << s.error().message << '\n';
            return 1;
        }
    }
    qCInfo(lcCore).noquote() << "settings:\n" + settings.describe();
    Server::Router router;
    // The dialer runs on its own thread and dials through Exotel. Its routes go first: its
    // /campaigns/{id}/pause also withdraws dials still queued for Exotel.
    // Live events for consoles: /events and the console window (call life, campaign progress).
    Server::EventHub events(settings.apiToken().toUtf8());
    Campaigns::CallLifecycle lifecycle(db, clock, &events);
    auto dialerOptions = Campaigns::DialerOptions::fromSettings(settings);
    if (demoRun) // its campaign retries every result after its own 5 minutes (10 s at 30x)
        dialerOptions.retryDelays = Campaigns::RetryDelays{0, 0};
    lifecycle.setRetryDelays(dialerOptions.retryDelays); // the webhook settles calls too
    Campaigns::Dialer dialer(db, clock, Campaigns::ExotelCallPlacer::factory(settings), dialerOptions, &events,
                             dialerOptions.tickMs, dialerOptions.recoverMs);
    Server::DialerApi dialerApi(campaigns, lifecycle, db, clock, &dialer, Server::DialerApiOptions::fromSettings(settings));
    dialerApi.registerRoutes(router);
    Server::RestApi api(campaigns, db);
    api.setSpeechPolicy(offlineSpeech);
    api.registerRoutes(router);
    // Hot-lead handoff (Exotel flow mode): agent roster, handoffs, the flow's Passthru and Connect URLs.
    const auto handoffOptions = Server::HandoffApiOptions::fromSettings(settings);
    if (!handoffOptions) {
        QTextStream(stderr) << "leadline: " << handoffOptions.error().message << '\n';
        return 2;
    }
    Server::HandoffApi handoffApi(db, clock, handoffOptions.value());
    handoffApi.registerRoutes(router);
    api.setHandoffApi(&handoffApi);
    Server::BriefApi briefApi(briefs, db); // the project brief the agent answers from
    briefApi.registerRoutes(router);
    // Live calls: Exotel's media sockets on /media; each call runs on the worker that accepted it.
    Conversation::StorageCallRecorder storageRecorder(db);
    // The outcome settles the lead when it arrives after Exotel's terminal status (nothing stranded).
    storageRecorder.setSettler([&clock, delays = dialerOptions.retryDelays](QSqlDatabase &conn, qint64 callId, bool resettle) {
        return Campaigns::CallLifecycle::settleWithin(conn, callId, clock.nowMs(), resettle, delays);
    });
    storageRecorder.setNodeId(dialerOptions.nodeId);
    Conversation::EventingCallRecorder recorder(storageRecorder, events);
    Conversation::SessionConfig sessionConfig;
    sessionConfig.screening = Screening::ScreeningPolicy::fromSettings(settings); // voicemail/IVR/announcements
    sessionConfig.speculateAfterSilenceMs = 120; // think on a likely end of turn; held until the turn is confirmed
    Conversation::MediaEndpoint media(providers, recorder, clock, Conversation::MediaAuthConfig::fromSettings(settings),
                                      sessionConfig);
    router.addWebSocketPath(QStringLiteral("/media"));
    Conversation::StorageHandoffDesk handoffDesk(db, clock, Conversation::HandoffDeskOptions::fromSettings(settings));
    media.setHandoffDesk(&handoffDesk);
    media.setLeadMessenger(&handoffDesk); // site-visit confirmations and brochure links by SMS
    // CRM webhooks: finished calls (and handoffs) POSTed, signed, from a persisted outbox by
    // their own thread; configuration and delivery log over REST.
    const auto webhookOptions = Webhooks::WebhookOptions::fromSettings(settings);
    Webhooks::WebhookDispatcher crmWebhooks(db, clock, webhookOptions);
    Server::WebhookApi webhookApi(db, clock, webhookOptions.secretKey, &crmWebhooks);
    webhookApi.registerRoutes(router);
    QObject::connect(&handoffDesk, &Conversation::StorageHandoffDesk::handoffRequested, &crmWebhooks,
                     [&crmWebhooks](qint64 callId, const QJsonObject &handoff) { crmWebhooks.handoff(callId, handoff); },
                     Qt::DirectConnection);
    Conversation::VendorErrors vendorErrors; // counted by every call session, shown on /metrics
    media.setVendorErrors(&vendorErrors);
    dialerApi.setVendorErrors(&vendorErrors);
    router.addWebSocketPath(QStringLiteral("/events"));
    QObject::connect(&media, &Conversation::MediaEndpoint::callActivity, &events,
                     [&events](qint64 callId, const QString &state, const QString &speaker, const QString &text) {
                         events.publish(QStringLiteral("call.activity"), QJsonObject{{QStringLiteral("call_id"), callId},
                                                                                     {QStringLiteral("state"), state},
                                                                                     {QStringLiteral("speaker"), speaker},
                                                                                     {QStringLiteral("text"), text}});
                     }, Qt::DirectConnection);
    // Live sessions of every node for /debug/sessions (Redis when REDIS_URL is set).
    Server::SessionIndex sessionIndex(settings.value(QStringLiteral("REDIS_URL")),
                                      QSysInfo::machineHostName() + QLatin1Char(':') + QString::number(QCoreApplication::applicationPid()));
    dialerApi.setSessionIndex(&sessionIndex);
    QObject::connect(&media, &Conversation::MediaEndpoint::callActivity, &sessionIndex,
                     [&sessionIndex](qint64 callId, const QString &state, const QString &, const QString &) {
                         if (callId > 0 && state != QLatin1String("ended"))
                             sessionIndex.upsert(callId, QJsonObject{{QStringLiteral("call_id"), callId}, {QStringLiteral("state"), state}});
                     }, Qt::DirectConnection);
    Conversation::LatencyMetrics latency; // what callers waited, from every finished call, on /metrics
    dialerApi.setLatencyMetrics(&latency);
    QObject::connect(&media, &Conversation::MediaEndpoint::sessionFinished, &sessionIndex,
                     [&sessionIndex, &latency](qint64 callId, const Conversation::SessionStats &stats) {
                         sessionIndex.remove(callId);
                         latency.record(stats);
                     },
                     Qt::DirectConnection);
    // Bearer tokens: API_TOKEN or an active row of api_tokens (`leadline token create`, /tokens).
    Server::ApiTokenVerifier tokenVerifier(db, systemClock);
    Server::TokensApi tokensApi(db, systemClock, &tokenVerifier);
    tokensApi.registerRoutes(router);
    Server::RequestAuth auth(settings.apiToken().toUtf8(), &tokenVerifier);
    events.setTokenVerifier(&tokenVerifier);
    Server::ServerPool server(router, auth);
    server.setWebSocketHandler([&media, &events](std::unique_ptr<QWebSocket> ws, QObject *worker) {
        if (ws->requestUrl().path() == QLatin1String("/events"))
            events.handle(std::move(ws), worker);
        else
            media.handle(std::move(ws), worker);
    });
    Server::ServerOptions options;
    options.address = QHostAddress(settings.listenAddress());
    options.port = quint16(settings.port());
    options.workers = settings.workerThreads();
    options.maxBodyBytes = settings.maxUploadBytes();
    options.limits = Server::RequestLimits::fromSettings(settings);
    options.tlsCertFile = settings.value(QStringLiteral("TLS_CERT_FILE"));
    options.tlsKeyFile = settings.value(QStringLiteral("TLS_KEY_FILE"));
    if (Status s = server.start(options); !s) {
        QTextStream(stderr) << "leadline: " << s.error().message << '\n';
        return 1;
    }
    QTextStream(stdout) << "Leadline " << LEADLINE_VERSION << " serving on " << (server.tls() ? "https://" : "http://") << settings.listenAddress() << ':'
                        << server.port() << " (database " << db.config().describe() << ")" << Qt::endl;
    quitOnTerminationSignals(*app);
    dialer.start();
    crmWebhooks.start();
    if (demo) {
        const bool exitAfter = parser.isSet(noServe);
        QObject::connect(demo.get(), &DemoRunner::finished, app.get(), [&app, exitAfter, &server](int rc) {
            if (exitAfter)
                app->exit(rc);
            else
                QTextStream(stdout) << "Still serving on port " << server.port() << " (Ctrl+C to stop)." << Qt::endl;
        });
        if (Status s = demo->start(campaigns, dialer, db); !s) {
            QTextStream(stderr) << "leadline: demo: " << s.error().message << '\n';
            return 1;
        }
    }

    std::unique_ptr<Ui::ConsoleApp> console;
    if (gui) {
        const bool liveProviders = settings.isSet(QStringLiteral("DEEPGRAM_API_KEY"))
                                   || settings.isSet(QStringLiteral("OPENAI_API_KEY"))
                                   || settings.isSet(QStringLiteral("ELEVENLABS_API_KEY"));
        // What the console may ask of the engine: every hook is thread-safe and returns at once.
        Ui::ConsoleHooks hooks;
        hooks.hangUpCall = [&media](qint64 callId) { media.hangUp(callId); };
        // The console has already stored the status through CampaignService when these run.
        hooks.startCampaign = [&dialer](qint64) { dialer.wake(); };
        hooks.pauseCampaign = [&dialer](qint64 campaignId) { dialer.pauseCampaign(campaignId); };
        // The demo runs in its own console process on a sandbox database, so the operator's
        // campaigns and clock are untouched (`leadline demo --window`).
        hooks.runDemo = [] {
            const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
            const QString db = QStringLiteral("%1/leadline-demo-%2.sqlite").arg(dir).arg(QDateTime::currentMSecsSinceEpoch());
            if (!QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                         {QStringLiteral("demo"), QStringLiteral("--window"), QStringLiteral("--port"), QStringLiteral("0"),
                                          QStringLiteral("--database-url"), QStringLiteral("sqlite://") + db}))
                qCWarning(lcCore) << "could not start the demo console";
        };
        hooks.eventSource = &events; // Server::EventHub::published(QByteArray), from any thread
        Ui::ConsoleBackendOptions consoleOptions;
        consoleOptions.prices = Storage::CostPrices::fromSettings(settings);
        // A token revoked in the console is refused at once, not after the verifier's cache time.
        consoleOptions.apiTokensChanged = [&tokenVerifier] { tokenVerifier.invalidate(); };
        Ui::ConsoleInfo info{server.port(), db.config().describe(),
                             liveProviders ? QStringLiteral("live") : QStringLiteral("offline"),
                             configFile.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                                                        + QStringLiteral("/leadline.conf")
                                                  : configFile};
        info.offlineSpeech = offlineSpeech.offlineSpeech;
        console = std::make_unique<Ui::ConsoleApp>(campaigns, db, info, QString(), std::move(hooks), consoleOptions);
        console->show();
    }
    const int rc = app->exec();
    console.reset();
    dialer.stop();
    crmWebhooks.stop();
    server.stop();
    return rc;
}
