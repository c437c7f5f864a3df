// Leadline's composition root: picks the console window (QApplication), the headless server
// (QCoreApplication) or a command-line verb, and hands the settings to the engine assembly
// (engine/runtime), which builds and wires everything else.
#include "commandline.h"
#include "commands.h"
#include "console.h"
#include "demo.h"
#include "shutdown.h"

#include "core/clock.h"
#include "core/logging.h"
#include "providers/defaultproviderfactory.h"
#include "runtime/engine.h"
#include "runtime/services.h"
#include "storage/database.h"
#include "ui/consoleapp.h"

#include <QApplication>
#include <QTextStream>
#include <memory>

using namespace Leadline;

static int fail(const QString &message, int rc)
{
    QTextStream(stderr) << "leadline: " << message << '\n';
    return rc;
}

int main(int argc, char **argv)
{
    const bool gui = wantsGui(argc, argv);
    if (gui && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return fail(QStringLiteral("no display found. Run the server with: leadline --headless"), 1);
    std::unique_ptr<QCoreApplication> app(gui ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("leadline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LEADLINE_VERSION));
    if (gui) // matches the installed io.leadline.Leadline.desktop (icon and name on Wayland)
        QGuiApplication::setDesktopFileName(QStringLiteral("io.leadline.Leadline"));
    auto inv = parseCommandLine(*app);
    if (!inv)
        return fail(inv.error().message, 2);
    Settings &settings = inv->settings;
    if (auto rc = runStandaloneVerb(*app, inv.value()))
        return *rc;
    auto dbConfig = Storage::DatabaseConfig::fromUrl(settings.databaseUrl(), Storage::DatabaseConfig::defaultSqlitePath());
    if (!dbConfig)
        return fail(dbConfig.error().message, 2);
    Storage::Database db(dbConfig.value());
    if (const int rc = runMigrate(db, inv->verb == QLatin1String("migrate")); rc != 0 || inv->verb == QLatin1String("migrate"))
        return rc;

    // The demo runs on accelerated time inside a calling window; everything else on the real clock.
    const bool demoRun = inv->verb == QLatin1String("demo");
    SystemClock systemClock;
    AcceleratedClock demoClock = DemoRunner::makeClock();
    const Clock &clock = demoRun ? static_cast<const Clock &>(demoClock) : systemClock;
    Runtime::Services services(settings, db, clock);
    if (auto rc = runDatabaseVerb(inv.value(), services, db))
        return *rc;

    ensureApiToken(settings);
    Providers::DefaultProviderFactory providers(settings);
    std::unique_ptr<DemoRunner> demo;
    if (demoRun) {
        demo = std::make_unique<DemoRunner>(providers.offlineSpeech(), clock);
        if (Status s = demo->prepare(settings); !s) // the simulator, and the Exotel settings pointed at it
            return fail(QStringLiteral("demo: ") + s.error().message, 1);
    }
    qCInfo(lcCore).noquote() << "settings:\n" + settings.describe();
    auto created = Runtime::Engine::create(settings, db, clock, services, providers, {demoRun});
    if (!created)
        return fail(created.error().message, 2);
    const std::unique_ptr<Runtime::Engine> engine = std::move(created).value();
    if (Status s = engine->start(); !s)
        return fail(s.error().message, 1);
    QTextStream(stdout) << "Leadline " << LEADLINE_VERSION << " serving on " << (engine->tls() ? "https://" : "http://")
                        << settings.listenAddress() << ':' << engine->port() << " (database " << db.config().describe() << ")"
                        << Qt::endl;
    quitOnTerminationSignals(*app);
    if (demo) {
        QObject::connect(demo.get(), &DemoRunner::finished, app.get(), [&app, exitAfter = inv->noServe, port = engine->port()](int rc) {
            if (exitAfter)
                app->exit(rc);
            else
                QTextStream(stdout) << "Still serving on port " << port << " (Ctrl+C to stop)." << Qt::endl;
        });
        if (Status s = demo->start(inv->demoLeads, inv->demoAttempts, services.campaigns, engine->campaignControl(), db); !s)
            return fail(QStringLiteral("demo: ") + s.error().message, 1);
    }
    std::unique_ptr<Ui::ConsoleApp> console = gui ? openConsole(inv.value(), services, *engine, db) : nullptr;
    const int rc = app->exec();
    console.reset();
    engine->stop();
    return rc;
}
