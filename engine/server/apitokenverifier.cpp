#include "apitokenverifier.h"

#include "core/clock.h"
#include "core/logging.h"
#include "core/securecompare.h"
#include "storage/apitokenrepository.h"
#include "storage/database.h"

namespace Leadline::Server {

static constexpr qint64 kTouchEveryMs = 60 * 1000;

ApiTokenVerifier::ApiTokenVerifier(const Storage::Database &db, const Clock &clock, qint64 ttlMs)
    : m_db(db), m_clock(clock), m_ttlMs(ttlMs)
{
}

void ApiTokenVerifier::invalidate()
{
    QMutexLocker lock(&m_mutex);
    m_loaded = false;
    ++m_generation;
}

ApiTokenVerifier::Loaded ApiTokenVerifier::load() const
{
    Loaded out;
    auto conn = m_db.connection();
    if (!conn) {
        qCWarning(lcServer) << "API tokens: database unavailable, using the last known list:" << conn.error().message;
        return out;
    }
    auto rows = Storage::ApiTokenRepository(conn.value()).active();
    if (!rows) {
        qCWarning(lcServer) << "API tokens: cannot read, using the last known list:" << rows.error().message;
        return out;
    }
    out.entries.reserve(rows->size());
    for (const auto &r : rows.value())
        out.entries.append(Entry{r.id, r.hash, r.lastUsedAt});
    out.ok = true;
    return out;
}

qint64 ApiTokenVerifier::verify(const QByteArray &token) const
{
    if (token.isEmpty())
        return 0;
    const QByteArray hash = Storage::ApiTokenRepository::hashToken(token);
    const qint64 now = m_clock.nowMs();

    QList<Entry> entries;
    bool read = false;
    bool refresh = false;
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        generation = m_generation;
        if (!m_loaded) {
            read = true;
        } else if ((now - m_loadedAt >= m_ttlMs || now < m_loadedAt) && !m_refreshing) {
            read = refresh = true;
            m_refreshing = true;
        }
        entries = m_entries;
    }
    if (read) {
        Loaded fresh = load();
        QMutexLocker lock(&m_mutex);
        if (refresh)
            m_refreshing = false;
        if (fresh.ok) {
            if (generation == m_generation) {
                m_entries = fresh.entries;
                m_loaded = true;
                m_loadedAt = now;
            }
            entries = std::move(fresh.entries);
        } else if (refresh) {
            m_loadedAt = now; // retry after the TTL, not on every request
        }
    }

    // Every entry is compared (no early exit), each in constant time.
    qint64 matched = 0;
    qint64 lastUsed = 0;
    for (const Entry &e : std::as_const(entries)) {
        if (constantTimeEquals(hash, e.hash) && matched == 0) {
            matched = e.id;
            lastUsed = e.lastUsedAt;
        }
    }
    if (matched == 0 || now - lastUsed < kTouchEveryMs)
        return matched;
    {
        QMutexLocker lock(&m_mutex);
        for (Entry &e : m_entries) {
            if (e.id == matched) {
                if (now - e.lastUsedAt < kTouchEveryMs)
                    return matched; // another thread recorded it
                e.lastUsedAt = now;
            }
        }
    }
    if (auto conn = m_db.connection()) {
        if (Status s = Storage::ApiTokenRepository(conn.value()).touch(matched, now); !s)
            qCWarning(lcServer) << "API tokens:" << s.error().message;
    }
    return matched;
}

} // namespace Leadline::Server
