// The command-line verbs (config, sim, migrate, import, token, agents, brief). Each runs on the
// main thread and returns the process exit code: 0 ok, 1 operational failure, 2 bad input (e.g. a
// CSV that is not UTF-8).
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

class QCoreApplication;

namespace Leadline {
namespace Campaigns { class CampaignService; }
namespace Storage { class Database; }
namespace Projects { class BriefService; }
namespace Runtime { class Services; }
struct Invocation;

// The verbs that need no database (config, sim): their exit code, or nothing for any other verb.
std::optional<int> runStandaloneVerb(QCoreApplication &app, const Invocation &inv);
// The verbs that work on the database through the services (import, token, agents, brief) and
// an unknown verb (exit 2): their exit code, or nothing when the engine is to run (no verb, demo).
std::optional<int> runDatabaseVerb(const Invocation &inv, Runtime::Services &services, const Storage::Database &db);

// Applies pending migrations; with report, prints what it did (the `migrate` verb).
int runMigrate(const Storage::Database &db, bool report);
int runImport(Campaigns::CampaignService &campaigns, const QString &campaign, const QString &file, bool json,
              bool createIfMissing);
// `token create <name>` (prints the token once) | `token list` | `token revoke <name|id>`.
// args are the positional arguments after "token".
int runToken(const Storage::Database &db, const QStringList &args, bool json);
// `agents list` | `agents add <name> <phone> [en,hi] [HH:MM-HH:MM]` | `agents remove <id>` |
// `agents available <id> on|off`: the hot-lead handoff roster. args follow "agents".
int runAgents(const Storage::Database &db, const QStringList &args, bool json);
// `brief <campaign>` prints the project brief and what the agent is told; `brief <campaign>
// <file.json>` imports it as the next version (exit 2 with every problem when invalid).
int runBrief(Campaigns::CampaignService &campaigns, const Projects::BriefService &briefs, const QStringList &args, bool json);
}
