// ApiTokenVerifier: checks a presented bearer token against the active rows of api_tokens.
// The active token hashes are kept in memory and re-read at most every ttlMs (and at once after
// invalidate(), which TokensController calls on create/revoke), so a request costs no database round
// trip; a revocation made by another process (CLI, another node) takes effect within ttlMs.
// The database is read without holding the lock: on a TTL refresh one thread reads while the
// others keep using the previous list; after invalidate() every request reads until a fresh list
// is in (so a token revoked here is never accepted again). While the database is unreachable the
// last good list is used. Last use is written at most once a minute per token. Hashes are
// compared in constant time.
// Thread: shared by all network workers (internally locked); database access runs on the
// calling thread's own connection.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>

namespace Leadline {
class Clock;
namespace Storage { class Database; }
}

namespace Leadline::Server {

class ApiTokenVerifier
{
public:
    ApiTokenVerifier(const Storage::Database &db, const Clock &clock, qint64 ttlMs = 5000);

    // The id of the active token equal to `token`, or 0.
    qint64 verify(const QByteArray &token) const;
    // Forget the cached list: the next verify() reads the database.
    void invalidate();

private:
    struct Entry
    {
        qint64 id = 0;
        QByteArray hash;
        qint64 lastUsedAt = 0;
    };
    struct Loaded
    {
        bool ok = false;
        QList<Entry> entries;
    };
    Loaded load() const;

    const Storage::Database &m_db;
    const Clock &m_clock;
    const qint64 m_ttlMs;
    mutable QMutex m_mutex;
    mutable QList<Entry> m_entries;
    mutable qint64 m_loadedAt = 0;
    mutable bool m_loaded = false;     // false until the first load and after invalidate()
    mutable bool m_refreshing = false; // a TTL refresh is running on some thread
    mutable quint64 m_generation = 0;  // bumped by invalidate(): older reads are not installed
};

} // namespace Leadline::Server
