// WebhookStore: the SQL of CRM webhooks (tables campaign_webhooks, webhook_outbox,
// webhook_deliveries; migration 5), on PostgreSQL and SQLite.
// Claiming is multi-node safe: PostgreSQL picks due rows with FOR UPDATE SKIP LOCKED and leases
// them (lease_owner, lease_until); SQLite (one writer) leases each row with a compare-and-set
// UPDATE. A lease that was never released (its node died mid-send) expires and the row is sent
// again: delivery is at least once, receivers dedupe on the event id.
// Thread: the caller's; construct with that thread's connection (Database::connection()).
#pragma once

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace Leadline::Webhooks {

struct WebhookConfig
{
    qint64 campaignId = 0;
    QString url;
    QString secretSealed;                             // SecretBox::seal() output, never the secret
    QStringList events{QStringLiteral("call_ended")}; // call_ended, handoff
    bool enabled = true;
    qint64 activeSince = 0; // calls finished before this are not sent (no flood when enabling)
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    bool wants(const QString &event) const { return enabled && events.contains(event); }
};

struct OutboxRow
{
    qint64 id = 0;
    QString eventId;
    QString eventType;
    qint64 campaignId = 0;
    qint64 callId = 0;
    QByteArray payload; // the exact bytes that are signed and POSTed
    QString status;     // pending, delivered, dead
    int attempts = 0;   // finished attempts so far
    qint64 nextAttemptAt = 0;
    qint64 createdAt = 0;
};

struct DeliveryRow
{
    qint64 id = 0;
    qint64 outboxId = 0;
    qint64 campaignId = 0;
    QString eventId;
    QString eventType;
    int attempt = 0;
    QString url;
    int statusCode = 0; // 0 = no HTTP answer
    QString error;
    qint64 durationMs = 0;
    QString result;     // delivered, retry, dead
    qint64 attemptedAt = 0;

    QJsonObject toJson() const;
};

struct DeliveryPage
{
    QList<DeliveryRow> deliveries; // newest first
    qint64 nextBefore = 0;         // 0 = no older rows
};

// What a call_ended payload is built from.
struct CallEndedSource
{
    QJsonObject call;     // CallRow::toJson()
    QJsonObject lead;     // id, name, phone, email, city, language, budget, property_type, custom
    QJsonObject campaign; // id, name
    int durationS = 0;
    int conversationS = 0;
    qint64 settledAt = 0;
};

class WebhookStore
{
public:
    explicit WebhookStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // Configuration. config() fails with NotFound when the campaign has none.
    Result<WebhookConfig> config(qint64 campaignId);
    Result<WebhookConfig> putConfig(const WebhookConfig &config, qint64 nowMs);
    Status deleteConfig(qint64 campaignId);

    // Outbox. enqueue() returns false when the event id is already there (idempotent).
    Result<bool> enqueue(const QString &eventId, const QString &eventType, qint64 campaignId, qint64 callId,
                         const QByteArray &payload, qint64 nowMs);
    // Settled calls since settledSinceMs whose campaign wants call_ended and that have no
    // call_ended event yet.
    Result<QList<qint64>> callsMissingCallEnded(qint64 settledSinceMs, int limit = 200);
    // The call's rows for the payload; NotFound when the call does not exist, Conflict when
    // requireFinal and it is not final yet (settled_at not set).
    Result<CallEndedSource> callEndedSource(qint64 callId, bool requireFinal = true);

    // Leases up to `limit` due rows for `owner` until nowMs + leaseMs.
    Result<QList<OutboxRow>> claim(const QString &owner, qint64 nowMs, qint64 leaseMs, int limit);
    // Logs one attempt and moves the row on: result "delivered", "retry" (next at nextAttemptAt)
    // or "dead". Both writes in one transaction.
    Status recordAttempt(const OutboxRow &row, const DeliveryRow &attempt, qint64 nextAttemptAt, qint64 nowMs);
    // Gives a leased row back without counting an attempt (shutdown, webhook disabled).
    Status release(qint64 outboxId, const QString &owner, qint64 nextAttemptAt);
    Status releaseAll(const QString &owner);

    // Delivery log, newest first, keyset paged by id; campaignId 0 = every campaign.
    Result<DeliveryPage> deliveries(qint64 campaignId, qint64 beforeId, int limit);
    // Outbox rows of a campaign by status (pending, delivered, dead).
    Result<QHash<QString, qint64>> outboxCounts(qint64 campaignId);
    Result<OutboxRow> outboxRow(qint64 id);
    Result<QList<OutboxRow>> outboxRows(qint64 campaignId);

private:
    QSqlDatabase m_db;
};

} // namespace Leadline::Webhooks
