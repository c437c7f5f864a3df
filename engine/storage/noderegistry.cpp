#include "noderegistry.h"

#include "columnvalues.h"
#include "database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Leadline::Storage {

QString NodeRegistry::deadCondition(const QString &alias)
{
    return QStringLiteral("(%1.stopped_at IS NOT NULL OR %1.heartbeat_at < ?)").arg(alias);
}

Result<int> NodeRegistry::enroll(const QString &nodeId, const QString &name, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE nodes SET stopped_at = ? WHERE name = ? AND id <> ? AND stopped_at IS NULL"));
    q.addBindValue(nowMs);
    q.addBindValue(name);
    q.addBindValue(nodeId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot retire earlier incarnations of node %1").arg(name), q.lastError());
    const int retired = q.numRowsAffected();
    q.prepare(QStringLiteral("INSERT INTO nodes (id, name, started_at, heartbeat_at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, stopped_at = NULL"));
    q.addBindValue(nodeId);
    q.addBindValue(name);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot register node %1").arg(nodeId), q.lastError());
    return qMax(0, retired);
}

Status NodeRegistry::heartbeat(const QString &nodeId, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE nodes SET heartbeat_at = ? WHERE id = ? AND heartbeat_at < ?"));
    q.addBindValue(nowMs);
    q.addBindValue(nodeId);
    q.addBindValue(nowMs);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot renew the heartbeat of node %1").arg(nodeId), q.lastError());
    return okStatus();
}

Result<bool> NodeRegistry::isDead(const QString &nodeId, qint64 deadBeforeMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM nodes n WHERE n.id = ? AND %1").arg(deadCondition(QStringLiteral("n"))));
    q.addBindValue(nodeId);
    q.addBindValue(deadBeforeMs);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot read node %1").arg(nodeId), q.lastError());
    return q.next();
}

Result<bool> NodeRegistry::takeOver(qint64 callId, const QString &deadNodeId, const QString &nodeId, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE calls SET node_id = ?, updated_at = ? WHERE id = ? AND node_id = ?"));
    q.addBindValue(nullIfEmpty(nodeId));
    q.addBindValue(nowMs);
    q.addBindValue(callId);
    q.addBindValue(deadNodeId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot take over call %1").arg(callId), q.lastError());
    return q.numRowsAffected() == 1;
}

} // namespace Leadline::Storage
