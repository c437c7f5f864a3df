// Test helper: a fresh, migrated database per backend ("sqlite" or "postgres").
// PostgreSQL comes from LEADLINE_TEST_DATABASE_URL (default
// postgresql://leadline:leadline@127.0.0.1:5432/leadline_test); when it is unreachable the
// postgres rows skip with a clear message, unless LEADLINE_REQUIRE_POSTGRES=1 (CI), where
// they fail.
#pragma once

#include "storage/database.h"
#include "storage/migrations.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

namespace Leadline::Testing {

inline QString postgresTestUrl()
{
    const QString url = qEnvironmentVariable("LEADLINE_TEST_DATABASE_URL");
    return url.isEmpty() ? QStringLiteral("postgresql://leadline:leadline@127.0.0.1:5432/leadline_test") : url;
}

inline bool postgresRequired() { return qEnvironmentVariableIntValue("LEADLINE_REQUIRE_POSTGRES") == 1; }

struct TestDatabase
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Storage::Database> db;
    QString skipReason; // set when the backend is not available here
    QString error;      // set when setting up failed

    QSqlDatabase conn() const { return db->connection().value(); }
};

inline TestDatabase openTestDatabase(const QString &backend)
{
    TestDatabase t;
    Storage::DatabaseConfig cfg;
    if (backend == QLatin1String("sqlite")) {
        t.dir = std::make_unique<QTemporaryDir>();
        cfg.kind = Storage::DatabaseConfig::Kind::Sqlite;
        cfg.databaseName = t.dir->filePath(QStringLiteral("test.sqlite"));
    } else {
        auto parsed = Storage::DatabaseConfig::fromUrl(postgresTestUrl(), {});
        if (!parsed) {
            t.error = parsed.error().message;
            return t;
        }
        cfg = parsed.value();
    }
    t.db = std::make_unique<Storage::Database>(cfg);
    auto conn = t.db->connection();
    if (!conn) {
        const QString msg = QStringLiteral("PostgreSQL not reachable at %1 (%2); start one or set LEADLINE_TEST_DATABASE_URL")
                                .arg(cfg.describe(), conn.error().message);
        if (postgresRequired())
            t.error = msg;
        else
            t.skipReason = msg;
        return t;
    }
    if (cfg.kind == Storage::DatabaseConfig::Kind::Postgres) {
        QSqlQuery q(conn.value());
        if (!q.exec(QStringLiteral("DROP SCHEMA public CASCADE")) || !q.exec(QStringLiteral("CREATE SCHEMA public"))) {
            t.error = QStringLiteral("cannot reset the test schema: ") + q.lastError().text();
            return t;
        }
    }
    auto migrated = Storage::Migrator::migrate(conn.value());
    if (!migrated)
        t.error = migrated.error().message;
    return t;
}

inline void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgres") << QStringLiteral("postgres");
}

} // namespace Leadline::Testing

// Opens the backend named by the "backend" column; skips or fails as described above.
#define LEADLINE_OPEN_DB(var)                                                           \
    QFETCH(QString, backend);                                                           \
    Leadline::Testing::TestDatabase var = Leadline::Testing::openTestDatabase(backend); \
    if (!var.skipReason.isEmpty())                                                      \
        QSKIP(qPrintable(var.skipReason));                                              \
    QVERIFY2(var.error.isEmpty(), qPrintable(var.error))
