// The command line: options, the verb and its arguments, and the settings they resolve to
// (command line over environment over config file). Thread: main thread, before anything runs.
#pragma once

#include "core/result.h"
#include "core/settings.h"

#include <QStringList>

class QCoreApplication;

namespace Leadline {

struct Invocation
{
    Settings settings;
    QString configFile; // the INI file read (--config, else the default location; may not exist)
    QString verb;       // migrate | import | demo | sim | config | token | agents | brief; empty: serve
    QStringList args;   // the positional arguments after the verb
    bool json = false;     // import, token, agents, brief: print JSON
    bool create = false;   // import: create the campaign if it does not exist
    bool noServe = false;  // demo: exit after the demo
    QStringList simPersonas = {}; // sim --personas: only these personas answer (rotating); empty: all
    QString demoLeads = {}; // demo --leads: a CSV like resources/demo_leads.csv (persona column) instead of it
    int demoAttempts = 3;   // demo --attempts: the demo campaign's max_attempts
    bool portGiven = false; // --port was given (sim listens on it)
};

// Whether this invocation opens the console window (no verb and no --headless, or demo --window).
bool wantsGui(int argc, char **argv);
// Parses the application's arguments; --help and --version print and exit here, as
// QCommandLineParser does. A bad --log-level is a Validation error.
Result<Invocation> parseCommandLine(QCoreApplication &app);

} // namespace Leadline
