// SessionIndex: the cross-node index of live media sessions behind /debug/sessions. With
// REDIS_URL it keeps this node's sessions in a Redis hash (leadline:sessions:<node>, refreshed
// with a TTL so a dead node's entries expire) through hiredis on its own thread
// ("leadline-redis"), so every node sees every node's calls. Without Redis, or while Redis is
// down, it answers from this node's memory and says so (warning logged once per outage); it
// reconnects by itself. Never blocks a network worker except snapshot(), which waits at most
// timeoutMs for Redis (a debug endpoint).
// Thread: public methods are thread-safe; Redis I/O runs on the index's thread.
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QThread>

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
    void writeThrough();         // index thread: connect if needed, then mirrorLocal()
    void mirrorLocal();          // index thread: this node's memory -> Redis (connected)
    QString key() const { return QStringLiteral("leadline:sessions:") + m_node; }

    QString m_host;
    int m_port = 6379;
    int m_dbIndex = 0;
    QString m_node;
    int m_timeoutMs;
    QThread m_thread;
    QObject m_worker;            // lives on m_thread
    redisContext *m_ctx = nullptr; // index thread only
    bool m_warned = false;       // index thread only
    qint64 m_nextAttemptMs = 0;  // index thread only
    mutable QMutex m_mutex;      // guards m_local
    QHash<qint64, QJsonObject> m_local;
};

} // namespace Leadline::Server
