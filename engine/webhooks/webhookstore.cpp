#include "webhookstore.h"

#include "storage/callrepository.h"
#include "storage/database.h"
#include "storage/columnvalues.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Webhooks {

using Storage::isoOrNull;
using Storage::isPostgres;
using Storage::nonNull;
using Storage::nullIfEmpty;
using Storage::selectOne;
using Storage::sqlError;

QJsonObject DeliveryRow::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("outbox_id"), outboxId},
        {QStringLiteral("campaign_id"), campaignId},
        {QStringLiteral("event_id"), eventId},
        {QStringLiteral("event"), eventType},
        {QStringLiteral("attempt"), attempt},
        {QStringLiteral("url"), url},
        {QStringLiteral("status_code"), statusCode > 0 ? QJsonValue(statusCode) : QJsonValue()},
        {QStringLiteral("error"), error.isEmpty() ? QJsonValue() : QJsonValue(error)},
        {QStringLiteral("duration_ms"), durationMs},
        {QStringLiteral("result"), result},
        {QStringLiteral("attempted_at"), isoOrNull(attemptedAt)},
    };
}

static const char *kConfigColumns = "campaign_id, url, secret_enc, events, enabled, active_since, created_at, updated_at";

static WebhookConfig readConfig(const QSqlQuery &q)
{
    WebhookConfig c;
    c.campaignId = q.value(0).toLongLong();
    c.url = q.value(1).toString();
    c.secretSealed = q.value(2).toString();
    c.events = q.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    c.enabled = q.value(4).toInt() != 0;
    c.activeSince = q.value(5).toLongLong();
    c.createdAt = q.value(6).toLongLong();
    c.updatedAt = q.value(7).toLongLong();
    return c;
}

Result<WebhookConfig> WebhookStore::config(qint64 campaignId)
{
    QSqlQuery q(m_db);
    const Status found = selectOne(
        q, QStringLiteral("SELECT %1 FROM campaign_webhooks WHERE campaign_id = ?").arg(QLatin1String(kConfigColumns)),
        {campaignId}, QStringLiteral("cannot read webhook configuration"),
        Error::make(Error::Code::NotFound, QStringLiteral("campaign %1 has no webhook").arg(campaignId),
                    QStringLiteral("no_webhook")));
    if (!found)
        return found.error();
    return readConfig(q);
}

Result<WebhookConfig> WebhookStore::putConfig(const WebhookConfig &c, qint64 nowMs)
{
    auto existing = config(c.campaignId);
    if (!existing && existing.error().code != Error::Code::NotFound)
        return existing.error();
    QSqlQuery q(m_db);
    WebhookConfig out = c;
    out.updatedAt = nowMs;
    if (existing) {
        out.createdAt = existing->createdAt;
        // Enabling (again) starts a new window: calls that ended while it was off are not sent.
        out.activeSince = existing->enabled || !c.enabled ? existing->activeSince : nowMs;
        q.prepare(QStringLiteral("UPDATE campaign_webhooks SET url = ?, secret_enc = ?, events = ?, enabled = ?, "
                                 "active_since = ?, updated_at = ? WHERE campaign_id = ?"));
    } else {
        out.createdAt = nowMs;
        out.activeSince = nowMs;
        q.prepare(QStringLiteral("INSERT INTO campaign_webhooks (url, secret_enc, events, enabled, active_since, updated_at, "
                                 "created_at, campaign_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    }
    // The same values in the same order for both statements; a new row adds its creation time.
    q.addBindValue(out.url);
    q.addBindValue(nonNull(out.secretSealed));
    q.addBindValue(out.events.join(QLatin1Char(',')));
    q.addBindValue(out.enabled ? 1 : 0);
    q.addBindValue(out.activeSince);
    q.addBindValue(nowMs);
    if (!existing)
        q.addBindValue(out.createdAt);
    q.addBindValue(out.campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot store webhook configuration"), q.lastError());
    return out;
}

Status WebhookStore::deleteConfig(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM campaign_webhooks WHERE campaign_id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot delete webhook configuration"), q.lastError());
    if (q.numRowsAffected() == 0)
        return Error::make(Error::Code::NotFound, QStringLiteral("campaign %1 has no webhook").arg(campaignId),
                           QStringLiteral("no_webhook"));
    return okStatus();
}

Result<bool> WebhookStore::enqueue(const QString &eventId, const QString &eventType, qint64 campaignId, qint64 callId,
                                   const QByteArray &payload, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO webhook_outbox (event_id, event_type, campaign_id, call_id, payload, status, attempts, "
                             "next_attempt_at, lease_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, 0, ?, ?) "
                             "ON CONFLICT (event_id) DO NOTHING"));
    q.addBindValue(eventId);
    q.addBindValue(eventType);
    q.addBindValue(campaignId);
    q.addBindValue(callId > 0 ? QVariant(callId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(QString::fromUtf8(payload));
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot enqueue webhook event"), q.lastError());
    return q.numRowsAffected() > 0;
}

Result<QList<qint64>> WebhookStore::callsMissingCallEnded(qint64 settledSinceMs, int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT c.id FROM calls c JOIN campaign_webhooks w ON w.campaign_id = c.campaign_id "
        "WHERE c.settled_at IS NOT NULL AND c.settled_at >= ? AND c.settled_at >= w.active_since "
        "AND w.enabled = 1 AND (',' || w.events || ',') LIKE '%,call_ended,%' "
        "AND NOT EXISTS (SELECT 1 FROM webhook_outbox o WHERE o.call_id = c.id AND o.event_type = 'call_ended') "
        "ORDER BY c.settled_at, c.id LIMIT ?"));
    q.addBindValue(settledSinceMs);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot look for finished calls to send"), q.lastError());
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

Result<CallEndedSource> WebhookStore::callEndedSource(qint64 callId, bool requireFinal)
{
    auto call = Storage::CallRepository(m_db).get(callId);
    if (!call)
        return call.error();
    QSqlQuery q(m_db);
    const Status found = selectOne(
        q,
        QStringLiteral(
            "SELECT c.settled_at, c.conversation_s, l.id, l.name, l.phone_e164, l.email, l.city, l.language, "
            "l.budget, l.property_type, l.custom, p.id, p.name "
            "FROM calls c JOIN leads l ON l.id = c.lead_id JOIN campaigns p ON p.id = c.campaign_id WHERE c.id = ?"),
        {callId}, QStringLiteral("cannot read call for webhook"),
        Error::make(Error::Code::NotFound, QStringLiteral("call %1 not found").arg(callId)));
    if (!found)
        return found.error();
    if (requireFinal && q.value(0).isNull())
        return Error::make(Error::Code::Conflict, QStringLiteral("call %1 is not final yet").arg(callId), QStringLiteral("not_final"));
    CallEndedSource s;
    s.call = call->toJson();
    s.durationS = call->durationS;
    s.settledAt = q.value(0).toLongLong();
    s.conversationS = q.value(1).toInt();
    const QJsonObject custom = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
    s.lead = QJsonObject{
        {QStringLiteral("id"), q.value(2).toLongLong()},
        {QStringLiteral("name"), q.value(3).toString()},
        {QStringLiteral("phone"), q.value(4).toString()},
        {QStringLiteral("email"), q.value(5).toString()},
        {QStringLiteral("city"), q.value(6).toString()},
        {QStringLiteral("language"), q.value(7).toString()},
        {QStringLiteral("budget"), q.value(8).toString()},
        {QStringLiteral("property_type"), q.value(9).toString()},
        {QStringLiteral("custom"), custom},
    };
    s.campaign = QJsonObject{{QStringLiteral("id"), q.value(11).toLongLong()}, {QStringLiteral("name"), q.value(12).toString()}};
    return s;
}

static const char *kOutboxColumns =
    "id, event_id, event_type, campaign_id, call_id, payload, status, attempts, next_attempt_at, created_at";

static OutboxRow readOutbox(const QSqlQuery &q)
{
    OutboxRow r;
    r.id = q.value(0).toLongLong();
    r.eventId = q.value(1).toString();
    r.eventType = q.value(2).toString();
    r.campaignId = q.value(3).toLongLong();
    r.callId = q.value(4).toLongLong();
    r.payload = q.value(5).toString().toUtf8();
    r.status = q.value(6).toString();
    r.attempts = q.value(7).toInt();
    r.nextAttemptAt = q.value(8).toLongLong();
    r.createdAt = q.value(9).toLongLong();
    return r;
}

Result<QList<OutboxRow>> WebhookStore::claim(const QString &owner, qint64 nowMs, qint64 leaseMs, int limit)
{
    QList<OutboxRow> rows;
    if (limit <= 0)
        return rows;
    QSqlQuery q(m_db);
    if (isPostgres(m_db)) {
        // One statement: rows another node is claiming right now are skipped, not waited for.
        q.prepare(QStringLiteral("UPDATE webhook_outbox SET lease_owner = ?, lease_until = ?, updated_at = ? WHERE id IN ("
                                 "SELECT id FROM webhook_outbox WHERE status = 'pending' AND next_attempt_at <= ? AND lease_until <= ? "
                                 "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING %1")
                      .arg(QLatin1String(kOutboxColumns)));
        q.addBindValue(owner);
        q.addBindValue(nowMs + leaseMs);
        q.addBindValue(nowMs);
        q.addBindValue(nowMs);
        q.addBindValue(nowMs);
        q.addBindValue(limit);
        if (!q.exec())
            return sqlError(QStringLiteral("cannot claim webhook deliveries"), q.lastError());
        while (q.next())
            rows << readOutbox(q);
        std::sort(rows.begin(), rows.end(), [](const OutboxRow &a, const OutboxRow &b) {
            return a.nextAttemptAt != b.nextAttemptAt ? a.nextAttemptAt < b.nextAttemptAt : a.id < b.id;
        });
        return rows;
    }
    // SQLite: one writer at a time; each row is leased with a compare-and-set so that a second
    // process on the same file cannot take it too.
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM webhook_outbox WHERE status = 'pending' AND next_attempt_at <= ? AND lease_until <= ? "
                             "ORDER BY next_attempt_at, id LIMIT ?").arg(QLatin1String(kOutboxColumns)));
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot read due webhook deliveries"), q.lastError());
    QList<OutboxRow> candidates;
    while (q.next())
        candidates << readOutbox(q);
    q.finish();
    for (const OutboxRow &r : std::as_const(candidates)) {
        QSqlQuery u(m_db);
        u.prepare(QStringLiteral("UPDATE webhook_outbox SET lease_owner = ?, lease_until = ?, updated_at = ? "
                                 "WHERE id = ? AND status = 'pending' AND lease_until <= ?"));
        u.addBindValue(owner);
        u.addBindValue(nowMs + leaseMs);
        u.addBindValue(nowMs);
        u.addBindValue(r.id);
        u.addBindValue(nowMs);
        if (!u.exec())
            return sqlError(QStringLiteral("cannot claim webhook delivery"), u.lastError());
        if (u.numRowsAffected() == 1)
            rows << r;
    }
    return rows;
}

Status WebhookStore::recordAttempt(const OutboxRow &row, const DeliveryRow &a, qint64 nextAttemptAt, qint64 nowMs)
{
    if (!m_db.transaction())
        return sqlError(QStringLiteral("cannot begin webhook attempt"), m_db.lastError());
    QSqlQuery q(m_db);
    auto fail = [&](const QString &what) -> Status {
        Error e = sqlError(what, q.lastError());
        m_db.rollback();
        return e;
    };
    q.prepare(QStringLiteral("INSERT INTO webhook_deliveries (outbox_id, campaign_id, event_id, event_type, attempt, url, status_code, "
                             "error, duration_ms, result, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(row.id);
    q.addBindValue(row.campaignId);
    q.addBindValue(row.eventId);
    q.addBindValue(row.eventType);
    q.addBindValue(a.attempt);
    q.addBindValue(nonNull(a.url));
    q.addBindValue(a.statusCode > 0 ? QVariant(a.statusCode) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(nullIfEmpty(a.error.left(1000)));
    q.addBindValue(a.durationMs);
    q.addBindValue(a.result);
    q.addBindValue(a.attemptedAt);
    if (!q.exec())
        return fail(QStringLiteral("cannot log webhook attempt"));
    const QString status = a.result == QLatin1String("retry") ? QStringLiteral("pending") : a.result;
    q.prepare(QStringLiteral("UPDATE webhook_outbox SET status = ?, attempts = ?, next_attempt_at = ?, lease_until = 0, lease_owner = NULL, "
                             "last_status_code = ?, last_error = ?, updated_at = ?, delivered_at = ? WHERE id = ? AND status = 'pending'"));
    q.addBindValue(status);
    q.addBindValue(a.attempt);
    q.addBindValue(status == QLatin1String("pending") ? nextAttemptAt : nowMs);
    q.addBindValue(a.statusCode > 0 ? QVariant(a.statusCode) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(nullIfEmpty(a.error.left(1000)));
    q.addBindValue(nowMs);
    q.addBindValue(status == QLatin1String("delivered") ? QVariant(nowMs) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(row.id);
    if (!q.exec())
        return fail(QStringLiteral("cannot update webhook outbox"));
    if (!m_db.commit())
        return fail(QStringLiteral("cannot commit webhook attempt"));
    return okStatus();
}

Status WebhookStore::release(qint64 outboxId, const QString &owner, qint64 nextAttemptAt)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE webhook_outbox SET lease_until = 0, lease_owner = NULL, next_attempt_at = ? "
                             "WHERE id = ? AND lease_owner = ? AND status = 'pending'"));
    q.addBindValue(nextAttemptAt);
    q.addBindValue(outboxId);
    q.addBindValue(owner);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot release webhook delivery"), q.lastError());
    return okStatus();
}

Status WebhookStore::releaseAll(const QString &owner)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE webhook_outbox SET lease_until = 0, lease_owner = NULL WHERE lease_owner = ? AND status = 'pending'"));
    q.addBindValue(owner);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot release webhook deliveries"), q.lastError());
    return okStatus();
}

Result<DeliveryPage> WebhookStore::deliveries(qint64 campaignId, qint64 beforeId, int limit)
{
    limit = qBound(1, limit, 500);
    QString sql = QStringLiteral("SELECT id, outbox_id, campaign_id, event_id, event_type, attempt, url, status_code, error, "
                                 "duration_ms, result, attempted_at FROM webhook_deliveries WHERE 1 = 1");
    if (campaignId > 0)
        sql += QStringLiteral(" AND campaign_id = ?");
    if (beforeId > 0)
        sql += QStringLiteral(" AND id < ?");
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    if (campaignId > 0)
        q.addBindValue(campaignId);
    if (beforeId > 0)
        q.addBindValue(beforeId);
    q.addBindValue(limit + 1);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot read webhook deliveries"), q.lastError());
    DeliveryPage page;
    while (q.next()) {
        if (page.deliveries.size() == limit) {
            page.nextBefore = page.deliveries.last().id;
            break;
        }
        DeliveryRow d;
        d.id = q.value(0).toLongLong();
        d.outboxId = q.value(1).toLongLong();
        d.campaignId = q.value(2).toLongLong();
        d.eventId = q.value(3).toString();
        d.eventType = q.value(4).toString();
        d.attempt = q.value(5).toInt();
        d.url = q.value(6).toString();
        d.statusCode = q.value(7).toInt();
        d.error = q.value(8).toString();
        d.durationMs = q.value(9).toLongLong();
        d.result = q.value(10).toString();
        d.attemptedAt = q.value(11).toLongLong();
        page.deliveries << d;
    }
    return page;
}

Result<QHash<QString, qint64>> WebhookStore::outboxCounts(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT status, COUNT(*) FROM webhook_outbox WHERE campaign_id = ? GROUP BY status"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot count webhook outbox"), q.lastError());
    QHash<QString, qint64> counts{{QStringLiteral("pending"), 0}, {QStringLiteral("delivered"), 0}, {QStringLiteral("dead"), 0}};
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toLongLong());
    return counts;
}

Result<OutboxRow> WebhookStore::outboxRow(qint64 id)
{
    QSqlQuery q(m_db);
    const Status found =
        selectOne(q, QStringLiteral("SELECT %1 FROM webhook_outbox WHERE id = ?").arg(QLatin1String(kOutboxColumns)),
                  {id}, QStringLiteral("cannot read webhook outbox"),
                  Error::make(Error::Code::NotFound, QStringLiteral("outbox row %1 not found").arg(id)));
    if (!found)
        return found.error();
    return readOutbox(q);
}

Result<QList<OutboxRow>> WebhookStore::outboxRows(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM webhook_outbox WHERE campaign_id = ? ORDER BY id").arg(QLatin1String(kOutboxColumns)));
    q.addBindValue(campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot read webhook outbox"), q.lastError());
    QList<OutboxRow> rows;
    while (q.next())
        rows << readOutbox(q);
    return rows;
}

} // namespace Leadline::Webhooks
