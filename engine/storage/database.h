// Database: where the data lives (PostgreSQL or the embedded SQLite file) and a QSqlDatabase
// connection for the calling thread. Qt 6.4 cannot move a connection between threads, so every
// thread gets its own named connection on first use, closed when that thread finishes.
// Thread: shared by all threads (const after construction; connection() is thread-safe).
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace Leadline::Storage {

struct DatabaseConfig
{
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString databaseName; // PostgreSQL database, or the SQLite file path
    QString options;      // extra QPSQL connect options (e.g. sslmode)

    // Accepts postgresql://, postgres://, postgresql+asyncpg:// (the seed's form) and
    // sqlite:///abs/path or sqlite://:memory:. Empty url -> SQLite at defaultSqlitePath.
    static Result<DatabaseConfig> fromUrl(const QString &url, const QString &defaultSqlitePath);
    // The embedded default: <AppDataLocation>/leadline.sqlite
    static QString defaultSqlitePath();
    // For logs and /health: no password.
    QString describe() const;
};

class Database
{
public:
    explicit Database(DatabaseConfig config);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const DatabaseConfig &config() const { return m_config; }
    bool isPostgres() const { return m_config.kind == DatabaseConfig::Kind::Postgres; }

    // This thread's connection, opened on first use (and re-opened if it was lost).
    Result<QSqlDatabase> connection() const;
    // Quick liveness probe for /health.
    Status ping() const;

private:
    DatabaseConfig m_config;
    QString m_prefix; // unique per Database instance so two instances never share connections
};

// A NOT NULL text column's bind value: Qt binds a null QString as SQL NULL, so use "".
inline QString nonNull(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

// Wraps a QSqlError in our Error type.
Error sqlError(const QString &what, const class QSqlError &err);

// Runs one SELECT with its bind values and leaves q on the first row: a failed statement is
// sqlError(what), no row is notFound. The one "read a row by key" path of every repository.
Status selectOne(class QSqlQuery &q, const QString &sql, const QVariantList &binds, const QString &what,
                 Error notFound);

} // namespace Leadline::Storage
