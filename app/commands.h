// The command-line verbs (migrate, import, demo). Each runs on the main thread and returns the
// process exit code: 0 ok, 1 operational failure, 2 bad input (e.g. a CSV that is not UTF-8).
#pragma once

#include <QString>

namespace Leadline {
namespace Campaigns { class CampaignService; }
namespace Storage { class Database; }

// Applies pending migrations; with report, prints what it did (the `migrate` verb).
int runMigrate(const Storage::Database &db, bool report);
int runImport(Campaigns::CampaignService &campaigns, const QString &campaign, const QString &file, bool json,
              bool createIfMissing);
}
