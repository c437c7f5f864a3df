#include "dialerqueue.h"

#include "callrepository.h"
#include "callstatus.h"
#include "campaignrepository.h"
#include "campaignstatus.h"
#include "core/logging.h"
#include "database.h"
#include "leadstatus.h"
#include "noderegistry.h"
#include "columnvalues.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <limits>

namespace Leadline::Storage {

bool DialerQueue::isActive(const QString &status)
{
    const std::optional<CallStatus> s = parseStatus<CallStatus>(status);
    return s && Storage::isActive(*s);
}

static QString activeList() { return sqlInList(activeCallStatuses()); }
static QString dueList() { return sqlInList(dueLeadStatuses()); }

Result<DialerQueue::Progress> DialerQueue::progress(qint64 campaignId)
{
    Progress p;
    auto c = campaign(campaignId);
    if (!c)
        return c.error();
    p.status = c->status;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM leads WHERE campaign_id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("cannot count leads"), q.lastError());
    p.leadsTotal = q.value(0).toLongLong();
    auto open = openLeads(campaignId);
    if (!open)
        return open.error();
    p.leadsPending = open.value();
    p.leadsDone = p.leadsTotal - p.leadsPending;
    auto active = activeCalls(campaignId);
    if (!active)
        return active.error();
    p.callsActive = active.value();
    auto next = nextDueAt(campaignId);
    if (!next)
        return next.error();
    p.nextDueAt = next.value();
    return p;
}

Status DialerQueue::begin()
{
    if (isPostgres(m_db)) {
        if (!m_db.transaction())
            return sqlError(QStringLiteral("cannot begin dialer transaction"), m_db.lastError());
        return okStatus();
    }
    // SQLite: take the writer lock up front so two writers never deadlock on lock upgrade.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(QStringLiteral("cannot begin dialer transaction"), q.lastError());
    return okStatus();
}

static const char kCampaignColumns[] =
    "id, name, status, window_start, window_end, calling_days, timezone, holidays, max_concurrent, max_attempts, retry_delay_s";

static DialerCampaign readCampaign(const QSqlQuery &q)
{
    DialerCampaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.status = q.value(2).toString();
    c.windowStart = q.value(3).toString();
    c.windowEnd = q.value(4).toString();
    c.callingDays = q.value(5).toString();
    c.timezone = q.value(6).toString();
    c.holidays = q.value(7).toString();
    c.maxConcurrent = q.value(8).toInt();
    c.maxAttempts = q.value(9).toInt();
    c.retryDelaySeconds = q.value(10).toInt();
    return c;
}

Result<QList<DialerCampaign>> DialerQueue::runningCampaigns()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM campaigns WHERE status = '%2' ORDER BY id").arg(QLatin1String(kCampaignColumns), statusName(CampaignStatus::Running))))
        return sqlError(QStringLiteral("cannot list running campaigns"), q.lastError());
    QList<DialerCampaign> out;
    while (q.next())
        out.append(readCampaign(q));
    return out;
}

Result<DialerCampaign> DialerQueue::campaign(qint64 id)
{
    QSqlQuery q(m_db);
    const Status found =
        selectOne(q, QStringLiteral("SELECT %1 FROM campaigns WHERE id = ?").arg(QLatin1String(kCampaignColumns)), {id},
                  QStringLiteral("cannot read campaign"),
                  Error::make(Error::Code::NotFound, QStringLiteral("no campaign with id %1").arg(id)));
    if (!found)
        return found.error();
    return readCampaign(q);
}

Status DialerQueue::setCampaignStatusWithin(qint64 id, CampaignStatus to, qint64 nowMs)
{
    return CampaignRepository(m_db).setStatus(id, to, nowMs);
}

Status DialerQueue::inTransaction(const std::function<Status()> &work)
{
    if (Status s = begin(); !s)
        return s;
    Status r = work();
    if (!r) {
        m_db.rollback();
        return r;
    }
    if (!m_db.commit()) {
        Error e = sqlError(QStringLiteral("cannot commit"), m_db.lastError());
        m_db.rollback();
        return e;
    }
    return r;
}

Status DialerQueue::setCampaignStatus(qint64 id, CampaignStatus to, qint64 nowMs, const AuditEvent &event)
{
    return inTransaction([&]() -> Status {
        if (Status s = setCampaignStatusWithin(id, to, nowMs); !s)
            return s;
        return event.kind.isEmpty() ? okStatus() : addEvent(event.kind, id, event.callId, event.payloadJson, nowMs);
    });
}

Status DialerQueue::releaseAndPause(qint64 callId, qint64 campaignId, const QString &reason, qint64 nowMs, const AuditEvent &event)
{
    return inTransaction([&]() -> Status {
        if (Status s = releaseUnplacedWithin(callId, reason, nowMs, nowMs); !s)
            return s;
        if (Status s = setCampaignStatusWithin(campaignId, CampaignStatus::Paused, nowMs); !s)
            return s;
        return event.kind.isEmpty() ? okStatus() : addEvent(event.kind, campaignId, callId, event.payloadJson, nowMs);
    });
}

Result<int> DialerQueue::activeCalls(qint64 campaignId)
{
    QSqlQuery q(m_db);
    QString sql = QStringLiteral("SELECT COUNT(*) FROM calls WHERE status IN (%1)").arg(activeList());
    if (campaignId > 0)
        sql += QLatin1String(" AND campaign_id = ?");
    q.prepare(sql);
    if (campaignId > 0)
        q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("cannot count active calls"), q.lastError());
    return q.value(0).toInt();
}

Result<int> DialerQueue::openLeads(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM leads WHERE campaign_id = ? AND status IN (%1)").arg(sqlInList(openLeadStatuses())));
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("cannot count open leads"), q.lastError());
    return q.value(0).toInt();
}

Result<qint64> DialerQueue::outstanding(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM leads WHERE campaign_id = ? AND status IN (%1)) "
                             "+ (SELECT COUNT(*) FROM calls WHERE campaign_id = ? AND status IN (%2))")
                  .arg(sqlInList(QList<LeadStatus>{LeadStatus::Pending, LeadStatus::Retry, LeadStatus::Calling}), activeList()));
    q.addBindValue(campaignId);
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("cannot count outstanding leads and calls"), q.lastError());
    return q.value(0).toLongLong();
}

Result<qint64> DialerQueue::nextDueAt(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT MIN(next_attempt_at) FROM leads WHERE campaign_id = ? AND status IN (%1)").arg(dueList()));
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("cannot read next due lead"), q.lastError());
    return q.value(0).isNull() ? qint64(0) : q.value(0).toLongLong();
}

Result<ClaimResult> DialerQueue::claim(qint64 campaignId, int globalMax, int limit, qint64 nowMs,
                                       const WindowGate &windowGate, const TokenMaker &makeToken, const QString &nodeId)
{
    const bool pg = isPostgres(m_db);
    if (Status s = begin(); !s)
        return s.error();
    QSqlQuery q(m_db);
    auto fail = [&](const QString &what) -> Result<ClaimResult> {
        Error e = sqlError(what, q.lastError());
        m_db.rollback();
        return e;
    };
    auto failWith = [&](const QString &what, const QSqlError &err) -> Result<ClaimResult> {
        Error e = sqlError(what, err);
        m_db.rollback();
        return e;
    };
    ClaimResult result;
    // Serialise claiming across nodes so the counts below cannot be raced (ms-long section).
    if (pg && !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7243002)")))
        return fail(QStringLiteral("cannot take the dialer lock"));
    q.prepare(QStringLiteral("SELECT status, max_concurrent FROM campaigns WHERE id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return fail(QStringLiteral("cannot read campaign"));
    if (!q.next() || q.value(0).toString() != statusName(CampaignStatus::Running)) {
        m_db.rollback();
        return result; // paused (or gone) since the caller looked: dial nothing
    }
    const int maxConcurrent = q.value(1).toInt();
    q.finish();
    auto g = activeCalls(0);
    if (!g) {
        m_db.rollback();
        return g.error();
    }
    auto c = activeCalls(campaignId);
    if (!c) {
        m_db.rollback();
        return c.error();
    }
    result.freeSlots = qMin(qMin(globalMax - g.value(), maxConcurrent - c.value()), limit);
    if (result.freeSlots <= 0) {
        m_db.rollback();
        result.freeSlots = qMax(0, result.freeSlots);
        return result;
    }
    q.prepare(QStringLiteral("SELECT id, phone_e164, timezone, attempts, name FROM leads WHERE campaign_id = ? AND status IN (%1) "
                             "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT %2%3")
                  .arg(dueList())
                  .arg(result.freeSlots + 100)
                  .arg(pg ? QLatin1String(" FOR UPDATE SKIP LOCKED") : QLatin1String("")));
    q.addBindValue(campaignId);
    q.addBindValue(nowMs);
    if (!q.exec())
        return fail(QStringLiteral("cannot read due leads"));
    QList<DueLead> due;
    while (q.next())
        due.append(DueLead{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(), q.value(4).toString()});
    q.finish();

    QSqlQuery dnc(m_db);
    dnc.prepare(QStringLiteral("SELECT 1 FROM dnc WHERE phone_e164 = ?"));
    QSqlQuery upd(m_db);
    CallRepository calls(m_db);
    for (const DueLead &lead : std::as_const(due)) {
        if (result.claimed.size() >= result.freeSlots)
            break;
        dnc.bindValue(0, lead.phoneE164);
        if (!dnc.exec()) {
            return failWith(QStringLiteral("cannot read DNC list"), dnc.lastError());
        }
        const bool onDnc = dnc.next();
        dnc.finish();
        if (onDnc) {
            upd.prepare(QStringLiteral("UPDATE leads SET status = ?, last_outcome = 'dnc' WHERE id = ?"));
            upd.addBindValue(statusName(LeadStatus::DoNotCall));
            upd.addBindValue(lead.id);
            if (!upd.exec()) {
                return failWith(QStringLiteral("cannot mark lead DNC"), upd.lastError());
            }
            ++result.dnc;
            continue;
        }
        const qint64 gate = windowGate ? windowGate(lead) : 0;
        if (gate != 0) {
            if (gate > 0) {
                upd.prepare(QStringLiteral("UPDATE leads SET next_attempt_at = ? WHERE id = ?"));
                upd.addBindValue(gate);
            } else {
                upd.prepare(QStringLiteral("UPDATE leads SET status = ?, last_outcome = 'no_calling_window' WHERE id = ?"));
                upd.addBindValue(statusName(LeadStatus::Unschedulable));
            }
            upd.addBindValue(lead.id);
            if (!upd.exec()) {
                return failWith(QStringLiteral("cannot reschedule lead"), upd.lastError());
            }
            ++result.rescheduled;
            continue;
        }
        CallRow row;
        row.leadId = lead.id;
        row.campaignId = campaignId;
        row.attempt = lead.attempts + 1;
        row.correlationToken = makeToken();
        row.status = statusName(CallStatus::Created);
        auto created = calls.create(row, nowMs);
        if (!created) {
            m_db.rollback();
            return created.error();
        }
        upd.prepare(QStringLiteral("UPDATE leads SET status = ?, attempts = attempts + 1 WHERE id = ?"));
        upd.addBindValue(statusName(LeadStatus::Calling));
        upd.addBindValue(lead.id);
        if (!upd.exec()) {
            return failWith(QStringLiteral("cannot claim lead"), upd.lastError());
        }
        if (!nodeId.isEmpty()) {
            upd.prepare(QStringLiteral("UPDATE calls SET node_id = ? WHERE id = ?"));
            upd.addBindValue(nodeId);
            upd.addBindValue(created->id);
            if (!upd.exec())
                return failWith(QStringLiteral("cannot record the call's node"), upd.lastError());
        }
        result.claimed.append(ClaimedCall{{created->id, lead.id, campaignId, lead.phoneE164, row.correlationToken, row.attempt}, lead.name});
    }
    if (!m_db.commit())
        return fail(QStringLiteral("cannot commit claim"));
    return result;
}

Status DialerQueue::markDialing(qint64 callId, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE calls SET status = ?, started_at = ?, updated_at = ? WHERE id = ? AND status = ?"));
    q.addBindValue(statusName(CallStatus::Dialing));
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    q.addBindValue(callId);
    q.addBindValue(statusName(CallStatus::Created));
    if (!q.exec())
        return sqlError(QStringLiteral("cannot mark call dialing"), q.lastError());
    return okStatus();
}

Status DialerQueue::setPlaced(qint64 callId, const QString &providerSid, qint64 nowMs)
{
    return CallRepository(m_db).setProviderSid(callId, providerSid, nowMs);
}

Status DialerQueue::releaseUnplaced(qint64 callId, const QString &reason, qint64 retryAtMs, qint64 nowMs)
{
    return inTransaction([&] { return releaseUnplacedWithin(callId, reason, retryAtMs, nowMs); });
}

Status DialerQueue::releaseUnplacedWithin(qint64 callId, const QString &reason, qint64 retryAtMs, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE calls SET status = ?, failure_reason = ?, settled_at = ?, updated_at = ? "
                             "WHERE id = ? AND status IN (%1) AND provider_sid IS NULL")
                  .arg(sqlInList(allowedFrom(CallStatus::NotPlaced))));
    q.addBindValue(statusName(CallStatus::NotPlaced));
    q.addBindValue(reason);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    q.addBindValue(callId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot release call"), q.lastError());
    if (q.numRowsAffected() == 1) {
        q.prepare(QStringLiteral("UPDATE leads SET status = CASE WHEN attempts > 1 THEN ? ELSE ? END, "
                                 "attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, next_attempt_at = ? "
                                 "WHERE id = (SELECT lead_id FROM calls WHERE id = ?) AND status = ?"));
        q.addBindValue(statusName(LeadStatus::Retry));
        q.addBindValue(statusName(LeadStatus::Pending));
        q.addBindValue(retryAtMs);
        q.addBindValue(callId);
        q.addBindValue(statusName(LeadStatus::Calling));
        if (!q.exec())
            return sqlError(QStringLiteral("cannot release lead"), q.lastError());
    }
    return okStatus();
}

Result<bool> DialerQueue::applyCarrierUpdate(const CarrierUpdate &u, qint64 nowMs)
{
    auto to = requireStatus<CallStatus>(u.status);
    if (!to)
        return to.error();
    const bool terminal = !Storage::isActive(to.value());
    QSqlQuery q(m_db);
    // A finished call never moves back; only a recovery "unknown" may be corrected by the
    // carrier's real terminal status arriving late (the transition table, callstatus.h).
    const QString from = sqlInList(allowedFrom(to.value()));
    q.prepare(QStringLiteral(
        "UPDATE calls SET status = ?, updated_at = ?, "
        "answered_at = COALESCE(answered_at, CAST(? AS BIGINT)), ended_at = COALESCE(ended_at, CAST(? AS BIGINT)), "
        "duration_s = COALESCE(CAST(? AS INTEGER), duration_s), conversation_s = COALESCE(CAST(? AS INTEGER), conversation_s), "
        "recording_url = COALESCE(CAST(? AS TEXT), recording_url), failure_reason = COALESCE(failure_reason, CAST(? AS TEXT)) "
        "WHERE id = ? AND status IN (%1) AND status <> ?").arg(from));
    q.addBindValue(u.status);
    q.addBindValue(nowMs);
    q.addBindValue(nullIfZero(u.answeredAt));
    q.addBindValue(nullIfZero(u.endedAt));
    q.addBindValue(nullIfNegative(u.durationS));
    q.addBindValue(nullIfNegative(u.conversationS));
    q.addBindValue(nullIfEmpty(u.recordingUrl));
    q.addBindValue(nullIfEmpty(u.failureReason));
    q.addBindValue(u.callId);
    q.addBindValue(u.status);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot update call status"), q.lastError());
    if (q.numRowsAffected() > 0)
        return true;
    if (terminal) {
        // Already finished (e.g. the live call engine ended it first): keep its status, fill in
        // what only the carrier knows: its ConversationDuration replaces the duration we computed.
        q.prepare(QStringLiteral("UPDATE calls SET recording_url = COALESCE(recording_url, CAST(? AS TEXT)), "
                                 "conversation_s = COALESCE(conversation_s, CAST(? AS INTEGER)), "
                                 "duration_s = COALESCE(CAST(? AS INTEGER), duration_s), "
                                 "ended_at = COALESCE(ended_at, CAST(? AS BIGINT)) WHERE id = ? AND status NOT IN (%1)")
                      .arg(activeList()));
        q.addBindValue(nullIfEmpty(u.recordingUrl));
        q.addBindValue(nullIfNegative(u.conversationS));
        q.addBindValue(nullIfNegative(u.durationS));
        q.addBindValue(nullIfZero(u.endedAt));
        q.addBindValue(u.callId);
        if (!q.exec())
            return sqlError(QStringLiteral("cannot update finished call"), q.lastError());
    }
    return false;
}

Result<bool> DialerQueue::recordWebhookEvent(qint64 callId, const QString &eventType, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO webhook_events (call_id, event_type, received_at) VALUES (?,?,?) "
                             "ON CONFLICT (call_id, event_type) DO NOTHING"));
    q.addBindValue(callId);
    q.addBindValue(eventType);
    q.addBindValue(nowMs);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot record webhook event"), q.lastError());
    return q.numRowsAffected() > 0;
}

Result<bool> DialerQueue::settle(qint64 callId, qint64 nowMs, const Decide &decide, bool resettle, bool force,
                                 const QString &cutOffReason)
{
    if (Status s = begin(); !s)
        return s.error();
    Result<bool> r = settleWithin(callId, nowMs, decide, resettle, force, cutOffReason);
    if (!r) {
        m_db.rollback();
        return r;
    }
    if (!m_db.commit()) {
        Error e = sqlError(QStringLiteral("cannot commit settlement"), m_db.lastError());
        m_db.rollback();
        return e;
    }
    return r;
}

Result<bool> DialerQueue::settleWithin(qint64 callId, qint64 nowMs, const Decide &decide, bool resettle, bool force,
                                       const QString &cutOffReason)
{
    const bool pg = isPostgres(m_db);
    QSqlQuery q(m_db);
    auto fail = [&](const QString &what) -> Result<bool> { return sqlError(what, q.lastError()); };
    // The row lock (PostgreSQL) serialises the two halves: the outcome writer and the status
    // writer each settle after their write, and the second one sees both.
    q.prepare(QStringLiteral("SELECT c.lead_id, c.campaign_id, c.status, c.outcome, c.callback_at, c.settled_at, "
                             "l.attempts, l.timezone, l.status, l.phone_e164, "
                             "(SELECT MAX(id) FROM calls c2 WHERE c2.lead_id = c.lead_id), c.failure_reason, "
                             "(SELECT COUNT(*) FROM calls c3 WHERE c3.lead_id = c.lead_id AND c3.id <> c.id AND c3.status = '%2' "
                             "AND (c3.failure_reason IS NULL OR c3.failure_reason NOT LIKE 'network_error%')), "
                             "(SELECT h.status FROM handoffs h WHERE h.call_id = c.id) "
                             "FROM calls c JOIN leads l ON l.id = c.lead_id WHERE c.id = ?%1")
                  .arg(pg ? QLatin1String(" FOR UPDATE") : QLatin1String(""), statusName(CallStatus::Failed)));
    q.addBindValue(callId);
    if (!q.exec())
        return fail(QStringLiteral("cannot read call to settle"));
    if (!q.next())
        return false;
    SettleInput in;
    in.callId = callId;
    in.leadId = q.value(0).toLongLong();
    const qint64 campaignId = q.value(1).toLongLong();
    in.carrierStatus = q.value(2).toString();
    in.outcome = q.value(3).toString();
    in.callbackAt = q.value(4).toLongLong();
    const bool settled = !q.value(5).isNull();
    in.leadAttempts = q.value(6).toInt();
    in.leadTimezone = q.value(7).toString();
    const QString leadStatus = q.value(8).toString();
    in.phoneE164 = q.value(9).toString();
    const qint64 latestCall = q.value(10).toLongLong();
    if (in.carrierStatus == statusName(CallStatus::Failed) && q.value(11).toString().startsWith(QLatin1String("network_error")))
        in.carrierStatus = QStringLiteral("network_error");
    in.priorCarrierFailures = q.value(12).toInt();
    in.handoffStatus = q.value(13).toString();
    q.finish();
    if (isActive(in.carrierStatus) || in.carrierStatus == statusName(CallStatus::NotPlaced))
        return false;
    if (settled && !resettle)
        return false;
    const bool cutOff = in.carrierStatus == statusName(CallStatus::Completed) && in.outcome.isEmpty();
    if (!settled && !force && cutOff)
        return false; // the conversation outcome is still on its way: it settles when it comes
    if (!settled && cutOff && !cutOffReason.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE calls SET failure_reason = COALESCE(failure_reason, ?) WHERE id = ?"));
        q.addBindValue(cutOffReason);
        q.addBindValue(callId);
        if (!q.exec())
            return fail(QStringLiteral("cannot record why the call was cut off"));
    }
    const QString calling = statusName(LeadStatus::Calling);
    const bool ownsLead = latestCall == callId && (settled ? leadStatus != calling : leadStatus == calling);
    if (ownsLead) {
        auto camp = campaign(campaignId);
        if (!camp)
            return camp.error();
        in.campaign = camp.value();
        const SettleOutput out = decide(in);
        auto from = requireStatus<LeadStatus>(leadStatus);
        if (!from)
            return from.error();
        auto to = requireStatus<LeadStatus>(out.leadStatus);
        if (!to)
            return to.error();
        if (Status s = checkTransition(from.value(), to.value()); !s)
            return s.error();
        q.prepare(QStringLiteral("UPDATE leads SET status = ?, last_outcome = ?, next_attempt_at = ? WHERE id = ?"));
        q.addBindValue(out.leadStatus);
        q.addBindValue(nonNull(out.lastOutcome));
        q.addBindValue(out.nextAttemptAt);
        q.addBindValue(in.leadId);
        if (!q.exec())
            return fail(QStringLiteral("cannot update lead after call"));
        if (to.value() == LeadStatus::DoNotCall) {
            q.prepare(QStringLiteral("INSERT INTO dnc (phone_e164, source, added_at) VALUES (?, 'call', ?) ON CONFLICT (phone_e164) DO NOTHING"));
            q.addBindValue(in.phoneE164);
            q.addBindValue(nowMs);
            if (!q.exec())
                return fail(QStringLiteral("cannot add to DNC"));
        }
    }
    if (!settled) {
        q.prepare(QStringLiteral("UPDATE calls SET settled_at = ? WHERE id = ?"));
        q.addBindValue(nowMs);
        q.addBindValue(callId);
        if (!q.exec())
            return fail(QStringLiteral("cannot mark call settled"));
    }
    return ownsLead;
}

Result<QList<DialerQueue::UnsettledCall>> DialerQueue::unsettledCalls(qint64 beforeMs, qint64 deadBeforeMs, int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString dead = NodeRegistry::deadCondition(QStringLiteral("n"));
    q.prepare(QStringLiteral("SELECT c.id, CASE WHEN n.id IS NOT NULL AND %3 THEN n.id ELSE NULL END FROM calls c "
                             "LEFT JOIN nodes n ON n.id = c.node_id "
                             "WHERE c.settled_at IS NULL AND c.status NOT IN (%1, '%4') "
                             "AND (c.updated_at < ? OR (n.id IS NOT NULL AND %3)) ORDER BY c.id LIMIT %2")
                  .arg(activeList()).arg(qMax(1, limit)).arg(dead, statusName(CallStatus::NotPlaced)));
    const qint64 deadBefore = deadBeforeMs > 0 ? deadBeforeMs : std::numeric_limits<qint64>::min();
    q.addBindValue(deadBefore);
    q.addBindValue(beforeMs);
    q.addBindValue(deadBefore);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot list unsettled calls"), q.lastError());
    QList<UnsettledCall> out;
    while (q.next())
        out.append(UnsettledCall{q.value(0).toLongLong(), q.value(1).toString()});
    return out;
}

Result<QList<DialerQueue::StaleCall>> DialerQueue::staleCalls(qint64 beforeMs, qint64 deadBeforeMs, int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString dead = NodeRegistry::deadCondition(QStringLiteral("n"));
    q.prepare(QStringLiteral("SELECT c.id, c.status, c.provider_sid, c.updated_at, CASE WHEN n.id IS NOT NULL AND %3 THEN n.id ELSE NULL END "
                             "FROM calls c LEFT JOIN nodes n ON n.id = c.node_id WHERE c.status IN (%1) "
                             "AND (c.updated_at < ? OR (n.id IS NOT NULL AND %3)) ORDER BY c.id LIMIT %2")
                  .arg(activeList()).arg(qMax(1, limit)).arg(dead));
    const qint64 deadBefore = deadBeforeMs > 0 ? deadBeforeMs : std::numeric_limits<qint64>::min();
    q.addBindValue(deadBefore);
    q.addBindValue(beforeMs);
    q.addBindValue(deadBefore);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot list stale calls"), q.lastError());
    QList<StaleCall> out;
    while (q.next())
        out.append(StaleCall{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                             q.value(4).toString()});
    return out;
}

Status DialerQueue::touchCall(qint64 callId, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE calls SET updated_at = ? WHERE id = ?"));
    q.addBindValue(nowMs);
    q.addBindValue(callId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot touch call"), q.lastError());
    return okStatus();
}

Status DialerQueue::addEvent(const QString &kind, qint64 campaignId, qint64 callId, const QString &payloadJson, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO events (at, kind, campaign_id, call_id, payload) VALUES (?,?,?,?,%1)")
                  .arg(isPostgres(m_db) ? QLatin1String("CAST(? AS JSONB)") : QLatin1String("?")));
    q.addBindValue(nowMs);
    q.addBindValue(kind);
    q.addBindValue(nullIfZero(campaignId));
    q.addBindValue(nullIfZero(callId));
    q.addBindValue(nullIfEmpty(payloadJson));
    if (!q.exec())
        return sqlError(QStringLiteral("cannot record event"), q.lastError());
    return okStatus();
}

} // namespace Leadline::Storage
