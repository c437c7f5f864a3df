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
#include "server/eventhub.h"
#include "server/sessionindex.h"
#include "conversation/mediaendpoint.h"
#include "conversation/storagecallrecorder.h"
#include "providers/defaultproviderfactory.h"
#include "server/requestauth.h"
#include "server/restapi.h"
#include "server/serverpool.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "ui/consoleapp.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QSysInfo>
#include <QStandardPaths>
#include <QTextStream>
#include <memory>

using namespace Leadline;

static bool wantsGui(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--headless" || a == "-h" || a == "--help" || a == "-v" || a == "--version" || a == "--help-all"
            || a == "migrate" || a == "import" || a == "demo" || a == "config")
            return false;
    }
    return true;
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

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Leadline: AI voice campaigns for real-estate sales teams."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"), QStringLiteral("Run the server without a window."));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("HTTP port (default 8000)."), QStringLiteral("port"));
    const QCommandLineOption dbUrl(QStringLiteral("database-url"), QStringLiteral("postgresql://user:pass@host/db; default: embedded SQLite."), QStringLiteral("url"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Config file (INI, keys as the environment variables)."), QStringLiteral("file"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"), QStringLiteral("debug, info, warning or critical."), QStringLiteral("level"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("import: print the report as JSON."));
    const QCommandLineOption create(QStringLiteral("create"), QStringLiteral("import: create the campaign if it does not exist."));
    const QCommandLineOption noServe(QStringLiteral("no-serve"), QStringLiteral("demo: exit after the demo instead of serving."));
    parser.addOptions({headless, port, dbUrl, config, logLevel, json, create, noServe});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("Optional: migrate | import <campaign-id|name> <file.csv> | demo | config"));
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
    if (verb == QLatin1String("import")) {
        if (args.size() != 3) {
            QTextStream(stderr) << "usage: leadline import <campaign-id|name> <file.csv> [--json] [--create]\n";
            return 2;
        }
        return runImport(campaigns, args.at(1), args.at(2), parser.isSet(json), parser.isSet(create));
    }
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
    Campaigns::CallLifecycle lifecycle(db, clock);
    const auto dialerOptions = Campaigns::DialerOptions::fromSettings(settings);
    Campaigns::Dialer dialer(db, clock, Campaigns::ExotelCallPlacer::factory(settings), dialerOptions, dialerOptions.tickMs);
    Server::DialerApi dialerApi(campaigns, lifecycle, db, clock, &dialer, Server::DialerApiOptions::fromSettings(settings));
    dialerApi.registerRoutes(router);
    Server::RestApi api(campaigns, db);
    api.registerRoutes(router);
    // Live calls: Exotel's media sockets on /media; each call runs on the worker that accepted it.
    Conversation::StorageCallRecorder recorder(db);
    Conversation::MediaEndpoint media(providers, recorder, clock, Conversation::MediaAuthConfig::fromSettings(settings),
                                      Conversation::SessionConfig{});
    router.addWebSocketPath(QStringLiteral("/media"));
    // Live events for consoles on /events (call activity, call ends).
    Server::EventHub events(settings.apiToken().toUtf8());
    router.addWebSocketPath(QStringLiteral("/events"));
    QObject::connect(&media, &Conversation::MediaEndpoint::callActivity, &events,
                     [&events](qint64 callId, const QString &state, const QString &speaker, const QString &text) {
                         events.publish(QStringLiteral("call.activity"), QJsonObject{{QStringLiteral("call_id"), callId},
                                                                                     {QStringLiteral("state"), state},
                                                                                     {QStringLiteral("speaker"), speaker},
                                                                                     {QStringLiteral("text"), text}});
                     }, Qt::DirectConnection);
    QObject::connect(&media, &Conversation::MediaEndpoint::sessionFinished, &events,
                     [&events](qint64 callId, const Conversation::SessionStats &) {
                         events.publish(QStringLiteral("call.ended"), QJsonObject{{QStringLiteral("call_id"), callId}});
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
    QObject::connect(&media, &Conversation::MediaEndpoint::sessionFinished, &sessionIndex,
                     [&sessionIndex](qint64 callId, const Conversation::SessionStats &) { sessionIndex.remove(callId); },
                     Qt::DirectConnection);
    Server::RequestAuth auth(settings.apiToken().toUtf8());
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
    if (Status s = server.start(options); !s) {
        QTextStream(stderr) << "leadline: " << s.error().message << '\n';
        return 1;
    }
    QTextStream(stdout) << "Leadline " << LEADLINE_VERSION << " serving on http://" << settings.listenAddress() << ':'
                        << server.port() << " (database " << db.config().describe() << ")" << Qt::endl;
    quitOnTerminationSignals(*app);
    dialer.start();
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
        console = std::make_unique<Ui::ConsoleApp>(
            campaigns, db,
            Ui::ConsoleInfo{server.port(), db.config().describe(),
                            liveProviders ? QStringLiteral("live") : QStringLiteral("offline"),
                            configFile.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                                                       + QStringLiteral("/leadline.conf")
                                                 : configFile});
        console->show();
    }
    const int rc = app->exec();
    console.reset();
    dialer.stop();
    server.stop();
    return rc;
}
