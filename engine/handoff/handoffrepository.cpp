#include "handoffrepository.h"
#include "storage/handoffstatus.h"

#include "storage/database.h"
#include "storage/columnvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Handoff {

using Storage::isoOrNull;
using Storage::jsonText;
using Storage::nonNull;
using Storage::nullIfEmpty;
using Storage::nullIfZero;
using Storage::sqlError;
using Storage::selectOne;
using Storage::HandoffStatus;
using Storage::openHandoffStatuses;
using Storage::sqlInList;
using Storage::statusName;
using Storage::statusNames;

QJsonObject SalesAgentRow::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("phone"), phoneE164},
        {QStringLiteral("languages"), QJsonArray::fromStringList(languages)},
        {QStringLiteral("working_hours"), QJsonObject{{QStringLiteral("start"), workStart},
                                                      {QStringLiteral("end"), workEnd},
                                                      {QStringLiteral("days"), workDays},
                                                      {QStringLiteral("timezone"), timezone}}},
        {QStringLiteral("available"), available},
        {QStringLiteral("max_handoffs"), maxHandoffs},
        {QStringLiteral("active"), active},
        {QStringLiteral("created_at"), isoOrNull(createdAt)},
        {QStringLiteral("updated_at"), isoOrNull(updatedAt)},
    };
}

QJsonObject HandoffRow::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("call_id"), callId},
        {QStringLiteral("lead_id"), leadId},
        {QStringLiteral("campaign_id"), campaignId},
        {QStringLiteral("agent_id"), agentId > 0 ? QJsonValue(agentId) : QJsonValue()},
        {QStringLiteral("agent_name"), agentName.isEmpty() ? QJsonValue() : QJsonValue(agentName)},
        {QStringLiteral("requested_at"), isoOrNull(requestedAt)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("summary"), summary},
        {QStringLiteral("status"), status},
        {QStringLiteral("answered"), answered},
        {QStringLiteral("sms"), smsStatus.isEmpty() ? QJsonValue() : QJsonValue(smsStatus)},
        {QStringLiteral("ended_at"), isoOrNull(endedAt)},
    };
}

static const char kAgentColumns[] =
    "id, name, phone_e164, languages, work_start, work_end, work_days, timezone, available, max_handoffs, active, "
    "created_at, updated_at";

static SalesAgentRow readAgent(const QSqlQuery &q)
{
    SalesAgentRow r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.phoneE164 = q.value(2).toString();
    r.languages = q.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &l : r.languages)
        l = l.trimmed();
    r.workStart = q.value(4).toString();
    r.workEnd = q.value(5).toString();
    r.workDays = q.value(6).toString();
    r.timezone = q.value(7).toString();
    r.available = q.value(8).toInt() != 0;
    r.maxHandoffs = q.value(9).toInt();
    r.active = q.value(10).toInt() != 0;
    r.createdAt = q.value(11).toLongLong();
    r.updatedAt = q.value(12).toLongLong();
    return r;
}

static bool isUniqueViolation(const QSqlError &e)
{
    const QString code = e.nativeErrorCode();
    return code == QLatin1String("23505") || code == QLatin1String("2067")
           || e.text().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive)
           || e.text().contains(QLatin1String("duplicate key"), Qt::CaseInsensitive);
}

Result<SalesAgentRow> HandoffRepository::createAgent(const SalesAgentRow &in, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO sales_agents (name, phone_e164, languages, work_start, work_end, work_days, timezone, "
                             "available, max_handoffs, active, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const QVariant &v : {QVariant(nonNull(in.name)), QVariant(nonNull(in.phoneE164)), QVariant(in.languages.join(QLatin1Char(','))),
                              QVariant(nonNull(in.workStart)), QVariant(nonNull(in.workEnd)), QVariant(nonNull(in.workDays)),
                              QVariant(nonNull(in.timezone)), QVariant(in.available ? 1 : 0), QVariant(in.maxHandoffs),
                              QVariant(in.active ? 1 : 0), QVariant(nowMs), QVariant(nowMs)})
        q.addBindValue(v);
    if (!q.exec()) {
        if (isUniqueViolation(q.lastError()))
            return Error::make(Error::Code::Conflict, QStringLiteral("an agent with phone %1 already exists").arg(in.phoneE164),
                               QStringLiteral("duplicate_phone"));
        return sqlError(QStringLiteral("cannot create agent"), q.lastError());
    }
    QSqlQuery f(m_db);
    f.prepare(QStringLiteral("SELECT %1 FROM sales_agents WHERE phone_e164 = ?").arg(QLatin1String(kAgentColumns)));
    f.addBindValue(in.phoneE164);
    if (!f.exec() || !f.next())
        return sqlError(QStringLiteral("cannot read the new agent"), f.lastError());
    return readAgent(f);
}

Result<SalesAgentRow> HandoffRepository::agent(qint64 id)
{
    QSqlQuery q(m_db);
    const Status found =
        selectOne(q, QStringLiteral("SELECT %1 FROM sales_agents WHERE id = ?").arg(QLatin1String(kAgentColumns)), {id},
                  QStringLiteral("cannot read agent"),
                  Error::make(Error::Code::NotFound, QStringLiteral("no agent with id %1").arg(id)));
    if (!found)
        return found.error();
    return readAgent(q);
}

Result<QList<SalesAgentRow>> HandoffRepository::agents(bool includeInactive)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM sales_agents %2 ORDER BY id")
                    .arg(QLatin1String(kAgentColumns), includeInactive ? QString() : QStringLiteral("WHERE active = 1"))))
        return sqlError(QStringLiteral("cannot list agents"), q.lastError());
    QList<SalesAgentRow> out;
    while (q.next())
        out.append(readAgent(q));
    return out;
}

Result<SalesAgentRow> HandoffRepository::updateAgent(const SalesAgentRow &in, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sales_agents SET name = ?, phone_e164 = ?, languages = ?, work_start = ?, work_end = ?, "
                             "work_days = ?, timezone = ?, available = ?, max_handoffs = ?, active = ?, updated_at = ? WHERE id = ?"));
    for (const QVariant &v : {QVariant(nonNull(in.name)), QVariant(nonNull(in.phoneE164)), QVariant(in.languages.join(QLatin1Char(','))),
                              QVariant(nonNull(in.workStart)), QVariant(nonNull(in.workEnd)), QVariant(nonNull(in.workDays)),
                              QVariant(nonNull(in.timezone)), QVariant(in.available ? 1 : 0), QVariant(in.maxHandoffs),
                              QVariant(in.active ? 1 : 0), QVariant(nowMs), QVariant(in.id)})
        q.addBindValue(v);
    if (!q.exec()) {
        if (isUniqueViolation(q.lastError()))
            return Error::make(Error::Code::Conflict, QStringLiteral("an agent with phone %1 already exists").arg(in.phoneE164),
                               QStringLiteral("duplicate_phone"));
        return sqlError(QStringLiteral("cannot update agent"), q.lastError());
    }
    if (q.numRowsAffected() == 0)
        return Error::make(Error::Code::NotFound, QStringLiteral("no agent with id %1").arg(in.id));
    return agent(in.id);
}

Status HandoffRepository::setAgentAvailable(qint64 id, bool available, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sales_agents SET available = ?, updated_at = ? WHERE id = ? AND active = 1"));
    q.addBindValue(available ? 1 : 0);
    q.addBindValue(nowMs);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot update agent"), q.lastError());
    if (q.numRowsAffected() == 0)
        return Error::make(Error::Code::NotFound, QStringLiteral("no active agent with id %1").arg(id));
    return okStatus();
}

Status HandoffRepository::deactivateAgent(qint64 id, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE sales_agents SET active = 0, available = 0, updated_at = ? WHERE id = ? AND active = 1"));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot remove agent"), q.lastError());
    if (q.numRowsAffected() == 0)
        return Error::make(Error::Code::NotFound, QStringLiteral("no active agent with id %1").arg(id));
    return okStatus();
}

Result<QList<AgentLoad>> HandoffRepository::loads(qint64 activeSinceMs)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT agent_id, "
                             "SUM(CASE WHEN status IN (%1) AND requested_at >= ? THEN 1 ELSE 0 END), "
                             "MAX(requested_at) FROM handoffs WHERE agent_id IS NOT NULL GROUP BY agent_id")
                  .arg(sqlInList(openHandoffStatuses())));
    q.addBindValue(activeSinceMs);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot read agent load"), q.lastError());
    QList<AgentLoad> out;
    while (q.next())
        out.append(AgentLoad{q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toLongLong()});
    return out;
}

Result<bool> HandoffRepository::campaignHandoffEnabled(qint64 campaignId)
{
    QSqlQuery q(m_db);
    const Status found =
        selectOne(q, QStringLiteral("SELECT handoff_enabled FROM campaigns WHERE id = ?"), {campaignId},
                  QStringLiteral("cannot read campaign handoff"),
                  Error::make(Error::Code::NotFound, QStringLiteral("no campaign with id %1").arg(campaignId)));
    if (!found)
        return found.error();
    return q.value(0).toInt() != 0;
}

Status HandoffRepository::setCampaignHandoffEnabled(qint64 campaignId, bool enabled, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE campaigns SET handoff_enabled = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(enabled ? 1 : 0);
    q.addBindValue(nowMs);
    q.addBindValue(campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot update campaign handoff"), q.lastError());
    if (q.numRowsAffected() == 0)
        return Error::make(Error::Code::NotFound, QStringLiteral("no campaign with id %1").arg(campaignId));
    return okStatus();
}

static const char kHandoffSelect[] =
    "SELECT h.id, h.call_id, h.lead_id, h.campaign_id, h.agent_id, h.requested_at, h.reason, h.summary, h.status, h.answered, "
    "h.sms_status, h.updated_at, h.ended_at, a.name, a.phone_e164, c.provider_sid "
    "FROM handoffs h LEFT JOIN sales_agents a ON a.id = h.agent_id LEFT JOIN calls c ON c.id = h.call_id ";

static HandoffRow readHandoff(const QSqlQuery &q)
{
    HandoffRow r;
    r.id = q.value(0).toLongLong();
    r.callId = q.value(1).toLongLong();
    r.leadId = q.value(2).toLongLong();
    r.campaignId = q.value(3).toLongLong();
    r.agentId = q.value(4).toLongLong();
    r.requestedAt = q.value(5).toLongLong();
    r.reason = q.value(6).toString();
    r.summary = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    r.status = q.value(8).toString();
    r.answered = q.value(9).toInt() != 0;
    r.smsStatus = q.value(10).toString();
    r.updatedAt = q.value(11).toLongLong();
    r.endedAt = q.value(12).toLongLong();
    r.agentName = q.value(13).toString();
    r.agentPhone = q.value(14).toString();
    r.providerSid = q.value(15).toString();
    return r;
}

Result<HandoffRow> HandoffRepository::insertHandoff(const HandoffRow &in, qint64 nowMs)
{
    if (auto existing = handoffForCall(in.callId); existing || existing.error().code != Error::Code::NotFound)
        return existing;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO handoffs (call_id, lead_id, campaign_id, agent_id, requested_at, reason, summary, status, "
                             "answered, sms_status, updated_at) VALUES (?,?,?,?,?,?,?,?,0,'',?)"));
    q.addBindValue(in.callId);
    q.addBindValue(in.leadId);
    q.addBindValue(in.campaignId);
    q.addBindValue(nullIfZero(in.agentId));
    q.addBindValue(in.requestedAt > 0 ? in.requestedAt : nowMs);
    q.addBindValue(nonNull(in.reason));
    q.addBindValue(nullIfEmpty(jsonText(in.summary)));
    q.addBindValue(in.status.isEmpty() ? statusName(HandoffStatus::Pending) : in.status);
    q.addBindValue(nowMs);
    if (!q.exec() && !isUniqueViolation(q.lastError()))
        return sqlError(QStringLiteral("cannot record handoff"), q.lastError());
    return handoffForCall(in.callId); // a concurrent insert for the same call wins; same answer
}

Result<HandoffRow> HandoffRepository::handoffForCall(qint64 callId)
{
    QSqlQuery q(m_db);
    const Status found =
        selectOne(q, QLatin1String(kHandoffSelect) + QStringLiteral("WHERE h.call_id = ?"), {callId},
                  QStringLiteral("cannot read handoff"),
                  Error::make(Error::Code::NotFound, QStringLiteral("no handoff for call %1").arg(callId)));
    if (!found)
        return found.error();
    return readHandoff(q);
}

Result<HandoffRow> HandoffRepository::handoffForProviderSid(const QString &callSid)
{
    if (callSid.isEmpty())
        return Error::make(Error::Code::NotFound, QStringLiteral("no CallSid"));
    // Two indexed lookups (calls.provider_sid, handoffs.call_id) rather than a join the planner
    // might start from the handoffs side.
    QSqlQuery q(m_db);
    const Status found = selectOne(q, QStringLiteral("SELECT id FROM calls WHERE provider_sid = ?"), {callSid},
                                   QStringLiteral("cannot read call"),
                                   Error::make(Error::Code::NotFound, QStringLiteral("no call with that CallSid")));
    if (!found)
        return found.error();
    return handoffForCall(q.value(0).toLongLong());
}

Result<QList<HandoffRow>> HandoffRepository::handoffs(qint64 campaignId, int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QLatin1String(kHandoffSelect) + (campaignId > 0 ? QStringLiteral("WHERE h.campaign_id = ? ") : QString())
              + QStringLiteral("ORDER BY h.id DESC LIMIT %1").arg(qBound(1, limit, 1000)));
    if (campaignId > 0)
        q.addBindValue(campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot list handoffs"), q.lastError());
    QList<HandoffRow> out;
    while (q.next())
        out.append(readHandoff(q));
    return out;
}

Status HandoffRepository::markConnecting(qint64 handoffId, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE handoffs SET status = ?, updated_at = ? WHERE id = ? AND status IN (%1)")
                  .arg(sqlInList(allowedFrom(HandoffStatus::Connecting))));
    q.addBindValue(statusName(HandoffStatus::Connecting));
    q.addBindValue(nowMs);
    q.addBindValue(handoffId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot update handoff"), q.lastError());
    return okStatus();
}

Result<bool> HandoffRepository::finishHandoff(qint64 callId, bool answered, qint64 endedAtMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE handoffs SET status = ?, answered = ?, ended_at = ?, updated_at = ? "
                             "WHERE call_id = ? AND agent_id IS NOT NULL AND status IN (%1)")
                  .arg(sqlInList(openHandoffStatuses())));
    q.addBindValue(statusName(answered ? HandoffStatus::Answered : HandoffStatus::NotAnswered));
    q.addBindValue(answered ? 1 : 0);
    q.addBindValue(endedAtMs);
    q.addBindValue(endedAtMs);
    q.addBindValue(callId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot finish handoff"), q.lastError());
    return q.numRowsAffected() > 0;
}

Status HandoffRepository::setSmsStatus(qint64 handoffId, const QString &status, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE handoffs SET sms_status = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(nowMs);
    q.addBindValue(handoffId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot update handoff"), q.lastError());
    return okStatus();
}

Result<HandoffStats> HandoffRepository::stats(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*), "
                             "SUM(CASE WHEN agent_id IS NOT NULL THEN 1 ELSE 0 END), "
                             "SUM(CASE WHEN status = '%1' THEN 1 ELSE 0 END), "
                             "SUM(CASE WHEN status = '%2' THEN 1 ELSE 0 END), "
                             "SUM(CASE WHEN agent_id IS NULL THEN 1 ELSE 0 END) "
                             "FROM handoffs WHERE campaign_id = ?")
                  .arg(statusName(HandoffStatus::Answered), statusName(HandoffStatus::NotAnswered)));
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: handoffs"), q.lastError());
    HandoffStats s;
    s.requested = q.value(0).toLongLong();
    s.handoffs = q.value(1).toLongLong();
    s.answered = q.value(2).toLongLong();
    s.notAnswered = q.value(3).toLongLong();
    s.noAgent = q.value(4).toLongLong();
    return s;
}

Result<QJsonObject> HandoffRepository::leadCustom(qint64 leadId)
{
    QSqlQuery q(m_db);
    const Status found = selectOne(
        q, QStringLiteral("SELECT custom FROM leads WHERE id = ?"), {leadId}, QStringLiteral("cannot read lead"),
        Error::make(Error::Code::NotFound, QStringLiteral("no lead with id %1").arg(leadId)));
    if (!found)
        return found.error();
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

} // namespace Leadline::Handoff
