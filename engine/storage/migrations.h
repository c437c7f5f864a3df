// Migrator: versioned schema migrations that run unchanged on PostgreSQL and SQLite. Each
// migration runs in its own transaction and is recorded in schema_migrations; running again is
// a no-op. On PostgreSQL an advisory lock serialises nodes that start at the same time.
// Thread: the caller's (uses the caller's connection).
#pragma once

#include "core/result.h"

#include <QSqlDatabase>

namespace Leadline::Storage {

struct Migration
{
    int version;
    const char *name;
    const char *sql; // statements separated by ";\n"; {PK} {JSON} {STATUS_CHECKS} are per-dialect placeholders
};

class Migrator
{
public:
    static const QList<Migration> &all();
    // Applies what is missing; returns how many were applied.
    static Result<int> migrate(QSqlDatabase db);
    static Result<int> currentVersion(QSqlDatabase db);
};

} // namespace Leadline::Storage
