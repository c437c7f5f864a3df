#include "database.h"

#include "core/logging.h"
#include "core/settings.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QSqlDriver>

#include <libpq-fe.h>

namespace Leadline::Storage {

Error sqlError(const QString &what, const QSqlError &err)
{
    const QString text = err.text().trimmed();
    // Connection-level failures may heal; constraint violations will not.
    const bool connectionLost = err.type() == QSqlError::ConnectionError;
    Error e = Error::make(connectionLost ? Error::Code::Unavailable : Error::Code::Internal,
                          what + QLatin1String(": ") + text);
    e.retryable = connectionLost;
    return e;
}

Status selectOne(QSqlQuery &q, const QString &sql, const QVariantList &binds, const QString &what, Error notFound)
{
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(what, q.lastError());
    if (!q.next())
        return notFound;
    return Ok{};
}

QString DatabaseConfig::defaultSqlitePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir.isEmpty() ? QDir::homePath() + QLatin1String("/.local/share/leadline") : dir)
        .filePath(QStringLiteral("leadline.sqlite"));
}

Result<DatabaseConfig> DatabaseConfig::fromUrl(const QString &rawUrl, const QString &defaultSqlitePath)
{
    DatabaseConfig c;
    const QString url = rawUrl.trimmed();
    if (url.isEmpty()) {
        c.kind = Kind::Sqlite;
        c.databaseName = defaultSqlitePath;
        return c;
    }
    if (url.startsWith(QLatin1String("sqlite://"))) {
        c.kind = Kind::Sqlite;
        QString path = url.mid(int(qstrlen("sqlite://")));
        if (path.isEmpty())
            return Error::make(Error::Code::Validation, QStringLiteral("DATABASE_URL: sqlite:// needs a path, e.g. sqlite:///var/lib/leadline/leadline.sqlite"));
        c.databaseName = path;
        return c;
    }
    const QUrl u(url, QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    if (!u.isValid() || !(scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres")
                          || scheme.startsWith(QLatin1String("postgresql+")))) {
        return Error::make(Error::Code::Validation,
                           QStringLiteral("DATABASE_URL must look like postgresql://user:pass@host:port/db "
                                          "(also postgres:// and postgresql+asyncpg://) or sqlite:///path; got %1")
                               .arg(Settings::maskUrlPassword(url)));
    }
    c.kind = Kind::Postgres;
    c.host = u.host().isEmpty() ? QStringLiteral("localhost") : u.host();
    c.port = u.port(5432);
    c.user = u.userName();
    c.password = u.password();
    c.databaseName = u.path().mid(1);
    if (c.databaseName.isEmpty())
        c.databaseName = c.user.isEmpty() ? QStringLiteral("postgres") : c.user;
    const QUrlQuery q(u);
    QStringList opts;
    for (const auto &item : q.queryItems(QUrl::FullyDecoded)) {
        if (item.first == QLatin1String("sslmode") || item.first == QLatin1String("connect_timeout")
            || item.first == QLatin1String("application_name"))
            opts << item.first + QLatin1Char('=') + item.second;
    }
    if (!q.hasQueryItem(QStringLiteral("connect_timeout")))
        opts << QStringLiteral("connect_timeout=5");
    c.options = opts.join(QLatin1Char(';'));
    return c;
}

QString DatabaseConfig::describe() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite:%1").arg(databaseName);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(databaseName);
}

static QAtomicInt s_instanceCounter;

Database::Database(DatabaseConfig config)
    : m_config(std::move(config))
    , m_prefix(QStringLiteral("leadline-db%1-").arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{
    if (m_config.kind == DatabaseConfig::Kind::Sqlite && m_config.databaseName != QLatin1String(":memory:"))
        QDir().mkpath(QFileInfo(m_config.databaseName).absolutePath());
}

Database::~Database()
{
    // Connections of threads still alive are removed here; finished threads removed their own.
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(m_prefix)) {
            { QSqlDatabase db = QSqlDatabase::database(name, false); db.close(); }
            QSqlDatabase::removeDatabase(name);
        }
    }
}

// True when this thread's PostgreSQL connection is known to be dead (server restarted, network
// dropped). QPSQL's isOpen() stays true after the server goes away; libpq knows better. Reading
// what the server sent while idle (non-blocking) notices a "terminating connection" at once.
static bool pgConnectionLost(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        return false;
    PGconn *pg = *static_cast<PGconn *const *>(handle.data());
    if (!pg)
        return true;
    if (PQstatus(pg) == CONNECTION_OK && PQtransactionStatus(pg) == PQTRANS_IDLE)
        PQconsumeInput(pg);
    return PQstatus(pg) == CONNECTION_BAD;
}

// Per-connection session settings, after every (re)open.
static void initSession(QSqlDatabase &db, bool pg)
{
    QSqlQuery q(db);
    if (pg) {
        q.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
    } else {
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    }
}

Result<QSqlDatabase> Database::connection() const
{
    QThread *thread = QThread::currentThread();
    const QString name = m_prefix + QString::number(quintptr(thread), 16);
    const bool isPg = m_config.kind == DatabaseConfig::Kind::Postgres;
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen() && !(isPg && pgConnectionLost(db)))
            return db;
        if (db.isOpen()) {
            qCWarning(lcStorage) << "lost the connection to" << m_config.describe() << "- reconnecting";
            db.close();
        }
        if (!db.open()) {
            Error e = sqlError(QStringLiteral("cannot reopen database %1").arg(m_config.describe()), db.lastError());
            e.code = Error::Code::Unavailable;
            e.retryable = true;
            return e;
        }
        initSession(db, isPg);
        qCInfo(lcStorage) << "reconnected to" << m_config.describe() << "for thread" << thread->objectName();
        return db;
    }

    const bool pg = m_config.kind == DatabaseConfig::Kind::Postgres;
    QSqlDatabase db = QSqlDatabase::addDatabase(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return Error::make(Error::Code::Unavailable,
                           QStringLiteral("Qt SQL driver %1 is not installed (Debian: %2)")
                               .arg(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"),
                                    pg ? QStringLiteral("libqt6sql6-psql") : QStringLiteral("libqt6sql6-sqlite")));
    }
    db.setDatabaseName(m_config.databaseName);
    if (pg) {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setConnectOptions(m_config.options);
    } else {
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open()) {
        Error e = sqlError(QStringLiteral("cannot open database %1").arg(m_config.describe()), db.lastError());
        e.code = Error::Code::Unavailable;
        e.retryable = true;
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return e;
    }
    initSession(db, pg);
    // Close and remove this thread's connection when the thread ends (runs in that thread).
    QObject::connect(thread, &QThread::finished, thread, [name] {
        { QSqlDatabase d = QSqlDatabase::database(name, false); d.close(); }
        QSqlDatabase::removeDatabase(name);
    }, Qt::DirectConnection);
    qCDebug(lcStorage) << "opened" << m_config.describe() << "for thread" << thread->objectName();
    return db;
}

Status Database::ping() const
{
    auto db = connection();
    if (!db)
        return db.error();
    QSqlQuery q(db.value());
    if (!q.exec(QStringLiteral("SELECT 1"))) {
        // A dead PostgreSQL connection: drop it so the next call reconnects.
        db.value().close();
        return sqlError(QStringLiteral("database ping failed"), q.lastError());
    }
    return okStatus();
}

} // namespace Leadline::Storage
