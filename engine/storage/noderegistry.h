// NodeRegistry: which Leadline nodes are alive. Every node sharing the database has a row in
// `nodes` (id = "<name>#<incarnation>") and renews heartbeat_at while it runs; a node whose
// heartbeat is older than the dead-after bound (or that a restarted node of the same name
// replaced) is dead, and its calls may be taken over by any other node. Times come from the
// caller's injected clock; nodes on different machines need clocks within a few seconds.
// Thread: the caller's; construct with that thread's connection (Database::connection()).
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Leadline::Storage {

class NodeRegistry
{
public:
    explicit NodeRegistry(QSqlDatabase db) : m_db(std::move(db)) {}

    // Registers this incarnation and marks earlier incarnations of the same name stopped (the
    // node restarted: its predecessor's calls are orphans now, no need to wait for its lease).
    // Returns how many predecessors it retired.
    Result<int> enroll(const QString &nodeId, const QString &name, qint64 nowMs);
    Status heartbeat(const QString &nodeId, qint64 nowMs);
    // true when the node is known and dead (stopped, or silent since before deadBeforeMs).
    Result<bool> isDead(const QString &nodeId, qint64 deadBeforeMs);

    // Takes a call over from a dead node (compare-and-set on calls.node_id). true when this
    // node now owns the call; false when another peer was first or the owner is alive again.
    Result<bool> takeOver(qint64 callId, const QString &deadNodeId, const QString &nodeId, qint64 nowMs);

    // The SQL condition "the node row <alias> is dead", with one placeholder (deadBeforeMs),
    // for queries that join nodes.
    static QString deadCondition(const QString &alias);

private:
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
