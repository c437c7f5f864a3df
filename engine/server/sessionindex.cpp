#include "sessionindex.h"

#include "core/logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>
#include <QUrl>

#include <hiredis/hiredis.h>

namespace Leadline::Server {

SessionIndex::SessionIndex(const QString &redisUrl, QString nodeId, int timeoutMs) : m_node(std::move(nodeId)), m_timeoutMs(timeoutMs)
{
    const QUrl url(redisUrl);
    if (!redisUrl.isEmpty() && url.isValid() && url.scheme() == QLatin1String("redis")) {
        m_host = url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host();
        m_port = url.port(6379);
        m_dbIndex = url.path().mid(1).toInt();
    } else if (!redisUrl.isEmpty()) {
        qCWarning(lcServer) << "REDIS_URL must look like redis://host:port/db; the session index stays in memory";
    }
    m_thread.setObjectName(QStringLiteral("leadline-redis"));
    m_worker.moveToThread(&m_thread);
    m_thread.start();
    if (redisConfigured()) {
        // Refresh this node's entries (and their TTL) every 30 s; reconnect when Redis is back.
        QMetaObject::invokeMethod(&m_worker, [this] {
            auto *timer = new QTimer(&m_worker);
            connect(timer, &QTimer::timeout, &m_worker, [this] { writeThrough(); });
            timer->start(30000);
            writeThrough();
        }, Qt::QueuedConnection);
    }
}

SessionIndex::~SessionIndex()
{
    QMetaObject::invokeMethod(&m_worker, [this] {
        if (ensureConnected()) // leave no stale entries behind
            freeReplyObject(redisCommand(m_ctx, "DEL %s", key().toUtf8().constData()));
        dropConnection();
        qDeleteAll(m_worker.children());
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool SessionIndex::ensureConnected()
{
    if (!redisConfigured())
        return false;
    if (m_ctx)
        return true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now < m_nextAttemptMs)
        return false;
    const timeval tv{m_timeoutMs / 1000, (m_timeoutMs % 1000) * 1000};
    m_ctx = redisConnectWithTimeout(m_host.toUtf8().constData(), m_port, tv);
    if (!m_ctx || m_ctx->err) {
        if (!m_warned)
            qCWarning(lcServer) << "Redis unavailable at" << m_host << m_port << (m_ctx ? m_ctx->errstr : "")
                                << "- /debug/sessions shows this node only (in-memory fallback)";
        m_warned = true;
        dropConnection();
        m_nextAttemptMs = now + 5000;
        return false;
    }
    redisSetTimeout(m_ctx, tv);
    if (m_dbIndex > 0)
        freeReplyObject(redisCommand(m_ctx, "SELECT %d", m_dbIndex));
    if (m_warned) {
        qCInfo(lcServer) << "Redis is back: the session index is shared again";
        m_warned = false;
        // A restarted Redis lost this node's entries: put them back before anyone reads.
        mirrorLocal();
        return m_ctx != nullptr;
    }
    return true;
}

void SessionIndex::dropConnection()
{
    if (m_ctx)
        redisFree(m_ctx);
    m_ctx = nullptr;
}

void SessionIndex::writeThrough()
{
    if (!ensureConnected())
        return;
    mirrorLocal();
}

void SessionIndex::mirrorLocal()
{
    QHash<qint64, QJsonObject> local;
    {
        QMutexLocker lock(&m_mutex);
        local = m_local;
    }
    const QByteArray k = key().toUtf8();
    bool ok = true;
    redisReply *r = static_cast<redisReply *>(redisCommand(m_ctx, "DEL %s", k.constData()));
    ok = ok && r;
    freeReplyObject(r);
    for (auto it = local.cbegin(); ok && it != local.cend(); ++it) {
        const QByteArray field = QByteArray::number(it.key());
        const QByteArray value = QJsonDocument(it.value()).toJson(QJsonDocument::Compact);
        r = static_cast<redisReply *>(redisCommand(m_ctx, "HSET %s %b %b", k.constData(), field.constData(), size_t(field.size()),
                                                   value.constData(), size_t(value.size())));
        ok = r && r->type != REDIS_REPLY_ERROR;
        freeReplyObject(r);
    }
    if (ok) {
        r = static_cast<redisReply *>(redisCommand(m_ctx, "EXPIRE %s 120", k.constData()));
        ok = r != nullptr;
        freeReplyObject(r);
    }
    if (!ok) {
        if (!m_warned)
            qCWarning(lcServer) << "Redis write failed; /debug/sessions falls back to this node's memory";
        m_warned = true;
        dropConnection();
    }
}

void SessionIndex::upsert(qint64 callId, const QJsonObject &info)
{
    QJsonObject entry = info;
    entry.insert(QStringLiteral("node"), m_node);
    entry.insert(QStringLiteral("updated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    {
        QMutexLocker lock(&m_mutex);
        m_local.insert(callId, entry);
    }
    if (redisConfigured())
        QMetaObject::invokeMethod(&m_worker, [this] { writeThrough(); }, Qt::QueuedConnection);
}

void SessionIndex::remove(qint64 callId)
{
    {
        QMutexLocker lock(&m_mutex);
        m_local.remove(callId);
    }
    if (redisConfigured())
        QMetaObject::invokeMethod(&m_worker, [this] { writeThrough(); }, Qt::QueuedConnection);
}

QJsonArray SessionIndex::snapshot(QString *source)
{
    QJsonArray fromRedis;
    bool redisOk = false;
    if (redisConfigured()) {
        QMetaObject::invokeMethod(&m_worker, [&] {
            if (!ensureConnected())
                return;
            redisReply *keys = static_cast<redisReply *>(redisCommand(m_ctx, "KEYS leadline:sessions:*"));
            if (!keys || keys->type != REDIS_REPLY_ARRAY) {
                freeReplyObject(keys);
                if (!m_warned)
                    qCWarning(lcServer) << "Redis read failed; /debug/sessions falls back to this node's memory";
                m_warned = true;
                dropConnection();
                return;
            }
            for (size_t i = 0; i < keys->elements; ++i) {
                redisReply *all = static_cast<redisReply *>(redisCommand(m_ctx, "HVALS %s", keys->element[i]->str));
                if (all && all->type == REDIS_REPLY_ARRAY)
                    for (size_t j = 0; j < all->elements; ++j)
                        fromRedis.append(QJsonDocument::fromJson(QByteArray(all->element[j]->str, qsizetype(all->element[j]->len))).object());
                freeReplyObject(all);
            }
            freeReplyObject(keys);
            redisOk = true;
        }, Qt::BlockingQueuedConnection);
    }
    if (redisOk) {
        *source = QStringLiteral("redis");
        return fromRedis;
    }
    *source = QStringLiteral("memory");
    QJsonArray local;
    QMutexLocker lock(&m_mutex);
    for (const QJsonObject &o : std::as_const(m_local))
        local.append(o);
    return local;
}

} // namespace Leadline::Server
