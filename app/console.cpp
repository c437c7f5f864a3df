#include "console.h"
#include "commandline.h"

#include "core/logging.h"
#include "runtime/engine.h"
#include "runtime/services.h"
#include "server/apitokenverifier.h"
#include "storage/analyticsqueries.h"
#include "storage/database.h"
#include "ui/consoleapp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcess>
#include <QStandardPaths>

namespace Leadline {

// The demo runs in its own console process on a sandbox database, so the operator's campaigns
// and clock are untouched (`leadline demo --window`).
static void startDemoProcess()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    const QString db = QStringLiteral("%1/leadline-demo-%2.sqlite").arg(dir).arg(QDateTime::currentMSecsSinceEpoch());
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                 {QStringLiteral("demo"), QStringLiteral("--window"), QStringLiteral("--port"), QStringLiteral("0"),
                                  QStringLiteral("--database-url"), QStringLiteral("sqlite://") + db}))
        qCWarning(lcCore) << "could not start the demo console";
}

std::unique_ptr<Ui::ConsoleApp> openConsole(const Invocation &inv, Runtime::Services &services, const Runtime::Engine &engine,
                                            const Storage::Database &db)
{
    const Settings &settings = inv.settings;
    const bool liveProviders = settings.isSet(QStringLiteral("DEEPGRAM_API_KEY")) || settings.isSet(QStringLiteral("OPENAI_API_KEY"))
                               || settings.isSet(QStringLiteral("ELEVENLABS_API_KEY"));
    // What the console may ask of the engine: every hook is thread-safe and returns at once.
    Ui::ConsoleHooks hooks;
    hooks.hangUpCall = [&engine](qint64 callId) { engine.hangUp(callId); };
    hooks.runDemo = startDemoProcess;
    hooks.eventSource = engine.eventSource(); // Server::EventHub::published(QByteArray), from any thread
    Ui::ConsoleBackendOptions options;
    options.prices = Storage::CostPrices::fromSettings(settings);
    // A token revoked in the console is refused at once, not after the verifier's cache time.
    options.apiTokensChanged = [&engine] { engine.tokenVerifier().invalidate(); };
    options.dialer = &engine.dialer(); // start and pause reach it through CampaignControl
    Ui::ConsoleInfo info{engine.port(), db.config().describe(), liveProviders ? QStringLiteral("live") : QStringLiteral("offline"),
                         inv.configFile.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/leadline.conf")
                             : inv.configFile};
    info.offlineSpeech = services.offlineSpeech.offlineSpeech;
    auto console = std::make_unique<Ui::ConsoleApp>(services.campaigns, db, info, QString(), std::move(hooks), options);
    console->show();
    return console;
}

} // namespace Leadline
