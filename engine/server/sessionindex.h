// SessionIndex: the cross-node index of live media sessions behind /debug/sessions. With
// REDIS_URL every live session of this node is one Redis key, leadline:session:<node>:<call>,
// holding its JSON with a TTL (refreshed every 30 s, so a dead node's entries expire), written
// through hiredis on the index's own thread ("leadline-redis"): a call event costs one atomic
// command for that session only (SET ... EX, or DEL when it ended), pipelined with the other
// events since the last write. Readers SCAN (never KEYS) and MGET, so every node sees every
// node's calls. Without Redis, or while Redis is down, it answers from this node's memory and
// says so (warning logged once per outage); it reconnects by itself and then rewrites this
// node's keys (and deletes those of sessions that ended meanwhile). upsert()/remove() never
// block; snapshot() waits at most about timeoutMs per Redis round trip (REST threads only).
// Thread: public methods are thread-safe; Redis I/O runs on the index's thread.
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QSet>

#include "core/workerthread.h"

struct redisContext;

namespace Leadline::Server {

class SessionIndex : public QObject
{
    Q_OBJECT
public:
    SessionIndex(const QString &redisUrl, QString nodeId, int timeoutMs = 500);
    ~SessionIndex() override;

    void upsert(qint64 callId, const QJsonObject &info);
    void remove(qint64 callId);
    // All nodes' sessions (Redis) or this node's (memory); source is "redis" or "memory".
    QJsonArray snapshot(QString *source);
    bool redisConfigured() const { return !m_host.isEmpty(); }

private:
    bool ensureConnected();      // index thread
    void dropConnection();       // index thread
    void writePending();         // index thread: the sessions changed since the last write
    void refreshAll();           // index thread: every local session again (TTL, after an outage)
    void mirrorLocal();          // index thread: this node's memory -> Redis (connected)
    // Sends the queued commands and reads every reply; false (connection dropped) on an error.
    bool pipeline(const QList<QList<QByteArray>> &commands);
    void warnOnce(const char *what);
    QByteArray sessionKey(qint64 callId) const;
    QList<QByteArray> scanKeys(const QByteArray &pattern, bool *ok); // index thread

    static constexpr int kTtlS = 120;

    QString m_host;
    int m_port = 6379;
    int m_dbIndex = 0;
    QString m_node;
    int m_timeoutMs;
    WorkerThread m_thread{QStringLiteral("leadline-redis")}; // its worker: the context for Redis I/O
    redisContext *m_ctx = nullptr; // index thread only
    bool m_warned = false;       // index thread only
    qint64 m_nextAttemptMs = 0;  // index thread only
    mutable QMutex m_mutex;      // guards m_local, m_dirty, m_writeQueued
    QHash<qint64, QJsonObject> m_local;
    QSet<qint64> m_dirty;        // changed since the last write (upserted or removed)
    bool m_writeQueued = false;
    bool m_resync = false;       // index thread: rewrite everything once connected again
};

} // namespace Leadline::Server
