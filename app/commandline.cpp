#include "commandline.h"

#include "core/logging.h"
#include "shutdown.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

namespace Leadline {

bool wantsGui(int argc, char **argv)
{
    static const QList<QByteArray> noWindow{"--headless", "-h", "--help", "-v", "--version", "--help-all", "migrate", "import",
                                            "demo", "config", "agents", "brief", "token", "sim"};
    bool window = false; // `demo --window`: the demo with the console
    bool gui = true;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        window |= a == "--window";
        gui &= !noWindow.contains(a);
    }
    return gui || window;
}

Result<Invocation> parseCommandLine(QCoreApplication &app)
{
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
    const QCommandLineOption leads(QStringLiteral("leads"),
                                   QStringLiteral("demo: call the leads of this CSV (columns as resources/demo_leads.csv, a persona per lead) instead of the sample ones."),
                                   QStringLiteral("file.csv"));
    const QCommandLineOption attempts(QStringLiteral("attempts"), QStringLiteral("demo: attempts per lead, 1 to 10 (default 3)."), QStringLiteral("n"));
    const QCommandLineOption personas(QStringLiteral("personas"),
                                      QStringLiteral("sim: only these callee personas (comma-separated names from resources/sim_personas.json) answer, in turn."),
                                      QStringLiteral("names"));
    parser.addOptions({headless, port, dbUrl, config, logLevel, json, create, noServe, window, leads, attempts, personas});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("Optional: migrate | import <campaign-id|name> <file.csv> | demo [--window] | sim | config | token create <name>|list|revoke <name|id> | agents list|add <name> <phone> [langs]|remove <id>|available <id> on|off | brief <campaign> [brief.json]"));
    parser.process(app);

    QHash<QString, QString> cli;
    if (parser.isSet(port))
        cli.insert(QStringLiteral("PORT"), parser.value(port));
    if (parser.isSet(dbUrl))
        cli.insert(QStringLiteral("DATABASE_URL"), parser.value(dbUrl));
    if (parser.isSet(logLevel))
        cli.insert(QStringLiteral("LOG_LEVEL"), parser.value(logLevel));
    const QString configFile = parser.isSet(config) ? parser.value(config) : defaultConfigFile();
    Invocation inv{Settings::resolve(cli, QProcessEnvironment::systemEnvironment(), configFile), configFile, {}, {}};
    if (!applyLogLevel(inv.settings.value(QStringLiteral("LOG_LEVEL"))))
        return Error::make(Error::Code::Validation, QStringLiteral("--log-level must be debug, info, warning or critical"));
    const QStringList positional = parser.positionalArguments();
    inv.verb = positional.value(0);
    inv.args = positional.mid(1);
    inv.json = parser.isSet(json);
    inv.create = parser.isSet(create);
    inv.noServe = parser.isSet(noServe);
    inv.demoLeads = parser.value(leads);
    if (parser.isSet(attempts)) {
        bool ok = false;
        inv.demoAttempts = parser.value(attempts).toInt(&ok);
        if (!ok || inv.demoAttempts < 1 || inv.demoAttempts > 10)
            return Error::make(Error::Code::Validation, QStringLiteral("--attempts must be a number from 1 to 10"));
    }
    if (parser.isSet(personas))
        inv.simPersonas = parser.value(personas).split(QLatin1Char(','), Qt::SkipEmptyParts);
    inv.portGiven = parser.isSet(port);
    return inv;
}

} // namespace Leadline
