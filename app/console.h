// Opens the console window on a running engine: what it shows (port, database, providers) and
// the hooks it may call (hang up, the demo in its own process). Thread: main (GUI) thread.
#pragma once

#include <memory>

namespace Leadline {
struct Invocation;
namespace Runtime { class Engine; class Services; }
namespace Storage { class Database; }
namespace Ui { class ConsoleApp; }

std::unique_ptr<Ui::ConsoleApp> openConsole(const Invocation &inv, Runtime::Services &services, const Runtime::Engine &engine,
                                            const Storage::Database &db);
} // namespace Leadline
