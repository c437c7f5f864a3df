#include "sessionindex.h"

#include "core/logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>
#include <QUrl>

#include <hiredis/hiredis.h>

#include <utility>

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
    m_thread.setTeardown([this](QObject *) {
        if (ensureConnected()) { // leave no stale entries behind
            QList<QList<QByteArray>> dels;
            QMutexLocker lock(&m_mutex);
            for (auto it = m_local.cbegin(); it != m_local.cend(); ++it)
                dels.append({QByteArrayLiteral("DEL"), sessionKey(it.key())});
            lock.unlock();
            pipeline(dels);
        }
        dropConnection();
    }); // then the refresh timer goes with the worker, on its thread
    (void)m_thread.start();
    if (redisConfigured()) {
        // Refresh this node's entries (and their TTL) every 30 s; reconnect when Redis is back.
        m_thread.post([this] {
            QObject *worker = m_thread.worker();
            auto *timer = new QTimer(worker);
            connect(timer, &QTimer::timeout, worker, [this] { refreshAll(); });
            timer->start(30000);
            refreshAll();
        });
    }
}

SessionIndex::~SessionIndex() { m_thread.stop(); }

QByteArray SessionIndex::sessionKey(qint64 callId) const
{
    return QByteArrayLiteral("leadline:session:") + m_node.toUtf8() + ':' + QByteArray::number(callId);
}

void SessionIndex::warnOnce(const char *what)
{
    if (!m_warned)
        qCWarning(lcServer) << "Redis" << what << "failed; /debug/sessions falls back to this node's memory";
    m_warned = true;
    m_resync = true;
    dropConnection();
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
        m_resync = true;
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
    }
    if (m_resync) {
        // A restarted Redis lost this node's entries, one that stayed up still has the ones of
        // sessions that ended during the outage: make Redis match memory before anyone reads.
        m_resync = false;
        mirrorLocal();
    }
    return m_ctx != nullptr;
}

void SessionIndex::dropConnection()
{
    if (m_ctx)
        redisFree(m_ctx);
    m_ctx = nullptr;
}

bool SessionIndex::pipeline(const QList<QList<QByteArray>> &commands)
{
    if (!m_ctx)
        return false;
    QList<const char *> argv;
    QList<size_t> lens;
    for (const QList<QByteArray> &cmd : commands) {
        argv.resize(0);
        lens.resize(0);
        for (const QByteArray &a : cmd) {
            argv.append(a.constData());
            lens.append(size_t(a.size()));
        }
        if (redisAppendCommandArgv(m_ctx, int(argv.size()), argv.data(), lens.data()) != REDIS_OK) {
            warnOnce("write");
            return false;
        }
    }
    bool ok = true;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        void *reply = nullptr;
        if (redisGetReply(m_ctx, &reply) != REDIS_OK || !reply) {
            warnOnce("write");
            return false;
        }
        ok = ok && static_cast<redisReply *>(reply)->type != REDIS_REPLY_ERROR;
        freeReplyObject(reply);
    }
    if (!ok)
        warnOnce("write");
    return ok;
}

QList<QByteArray> SessionIndex::scanKeys(const QByteArray &pattern, bool *ok)
{
    QList<QByteArray> keys;
    QByteArray cursor = "0";
    *ok = false;
    do {
        auto *r = static_cast<redisReply *>(redisCommand(m_ctx, "SCAN %s MATCH %b COUNT 1000", cursor.constData(),
                                                         pattern.constData(), size_t(pattern.size())));
        if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2) {
            freeReplyObject(r);
            return keys;
        }
        cursor = QByteArray(r->element[0]->str, qsizetype(r->element[0]->len));
        const redisReply *batch = r->element[1];
        for (size_t i = 0; i < batch->elements; ++i)
            keys.append(QByteArray(batch->element[i]->str, qsizetype(batch->element[i]->len)));
        freeReplyObject(r);
    } while (cursor != "0");
    *ok = true;
    return keys;
}

static QByteArray globEscaped(const QByteArray &s)
{
    QByteArray out;
    for (char c : s) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

void SessionIndex::mirrorLocal()
{
    QHash<qint64, QJsonObject> local;
    {
        QMutexLocker lock(&m_mutex);
        local = m_local;
        m_dirty.clear(); // all of them are written now
    }
    bool ok = false;
    const QList<QByteArray> ours = scanKeys(QByteArrayLiteral("leadline:session:") + globEscaped(m_node.toUtf8()) + ":*", &ok);
    if (!ok) {
        warnOnce("read");
        return;
    }
    QList<QList<QByteArray>> commands;
    for (const QByteArray &k : ours) {
        const qint64 id = k.mid(k.lastIndexOf(':') + 1).toLongLong();
        if (!local.contains(id))
            commands.append({QByteArrayLiteral("DEL"), k});
    }
    const QByteArray ttl = QByteArray::number(kTtlS);
    for (auto it = local.cbegin(); it != local.cend(); ++it)
        commands.append({QByteArrayLiteral("SET"), sessionKey(it.key()), QJsonDocument(it.value()).toJson(QJsonDocument::Compact),
                         QByteArrayLiteral("EX"), ttl});
    pipeline(commands);
}

void SessionIndex::refreshAll()
{
    if (!ensureConnected())
        return;
    QList<QList<QByteArray>> commands;
    const QByteArray ttl = QByteArray::number(kTtlS);
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_local.cbegin(); it != m_local.cend(); ++it)
            commands.append({QByteArrayLiteral("SET"), sessionKey(it.key()), QJsonDocument(it.value()).toJson(QJsonDocument::Compact),
                             QByteArrayLiteral("EX"), ttl});
        m_dirty.clear();
    }
    pipeline(commands);
}

void SessionIndex::writePending()
{
    QList<QList<QByteArray>> commands;
    {
        QMutexLocker lock(&m_mutex);
        m_writeQueued = false;
    }
    if (!ensureConnected()) // down: memory answers; everything is rewritten on reconnect
        return;
    const QByteArray ttl = QByteArray::number(kTtlS);
    {
        QMutexLocker lock(&m_mutex);
        for (qint64 id : std::as_const(m_dirty)) {
            const auto it = m_local.constFind(id);
            if (it == m_local.cend())
                commands.append({QByteArrayLiteral("DEL"), sessionKey(id)});
            else
                commands.append({QByteArrayLiteral("SET"), sessionKey(id), QJsonDocument(it.value()).toJson(QJsonDocument::Compact),
                                 QByteArrayLiteral("EX"), ttl});
        }
        m_dirty.clear();
    }
    if (!commands.isEmpty())
        pipeline(commands);
}

void SessionIndex::upsert(qint64 callId, const QJsonObject &info)
{
    QJsonObject entry = info;
    entry.insert(QStringLiteral("node"), m_node);
    entry.insert(QStringLiteral("updated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    bool post = false;
    {
        QMutexLocker lock(&m_mutex);
        m_local.insert(callId, entry);
        if (redisConfigured()) {
            m_dirty.insert(callId);
            post = !std::exchange(m_writeQueued, true);
        }
    }
    if (post)
        m_thread.post([this] { writePending(); });
}

void SessionIndex::remove(qint64 callId)
{
    bool post = false;
    {
        QMutexLocker lock(&m_mutex);
        if (m_local.remove(callId) == 0)
            return;
        if (redisConfigured()) {
            m_dirty.insert(callId);
            post = !std::exchange(m_writeQueued, true);
        }
    }
    if (post)
        m_thread.post([this] { writePending(); });
}

QJsonArray SessionIndex::snapshot(QString *source)
{
    QJsonArray fromRedis;
    bool redisOk = false;
    if (redisConfigured()) {
        m_thread.call([&] {
            if (!ensureConnected())
                return;
            writePending(); // this node's latest events first
            if (!m_ctx)
                return;
            bool ok = false;
            const QList<QByteArray> keys = scanKeys(QByteArrayLiteral("leadline:session:*"), &ok);
            if (!ok) {
                warnOnce("read");
                return;
            }
            for (qsizetype from = 0; from < keys.size(); from += 500) {
                QList<const char *> argv{"MGET"};
                QList<size_t> lens{4};
                for (qsizetype i = from; i < qMin(keys.size(), from + 500); ++i) {
                    argv.append(keys.at(i).constData());
                    lens.append(size_t(keys.at(i).size()));
                }
                auto *r = static_cast<redisReply *>(redisCommandArgv(m_ctx, int(argv.size()), argv.data(), lens.data()));
                if (!r || r->type != REDIS_REPLY_ARRAY) {
                    freeReplyObject(r);
                    warnOnce("read");
                    return;
                }
                for (size_t j = 0; j < r->elements; ++j) // a key that expired meanwhile is nil
                    if (r->element[j]->type == REDIS_REPLY_STRING)
                        fromRedis.append(QJsonDocument::fromJson(QByteArray(r->element[j]->str, qsizetype(r->element[j]->len))).object());
                freeReplyObject(r);
            }
            redisOk = true;
        });
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
