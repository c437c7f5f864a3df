// Process plumbing for main(): clean shutdown on SIGINT/SIGTERM, default config-file lookup and
// the first-run API token. Thread: main thread only.
#pragma once

#include "core/settings.h"

#include <QCoreApplication>

namespace Leadline {
void quitOnTerminationSignals(QCoreApplication &app);
QString defaultConfigFile();
// When API_TOKEN is not configured, reads it from (or creates) <data dir>/api-token, mode 0600.
void ensureApiToken(Settings &settings);
}
