#include "callrepository.h"
#include "callstatus.h"

#include "database.h"
#include "columnvalues.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Storage {


QJsonObject CallRow::toJson() const
{
    QJsonObject budget;
    if (budgetMin || budgetMax || !budgetText.isEmpty())
        budget = QJsonObject{{QStringLiteral("min_inr"), budgetMin ? QJsonValue(budgetMin) : QJsonValue()},
                             {QStringLiteral("max_inr"), budgetMax ? QJsonValue(budgetMax) : QJsonValue()},
                             {QStringLiteral("text"), budgetText}};
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("lead_id"), leadId},
        {QStringLiteral("campaign_id"), campaignId},
        {QStringLiteral("attempt"), attempt},
        {QStringLiteral("provider_sid"), providerSid.isEmpty() ? QJsonValue() : QJsonValue(providerSid)},
        {QStringLiteral("status"), status},
        {QStringLiteral("started_at"), isoOrNull(startedAt)},
        {QStringLiteral("answered_at"), isoOrNull(answeredAt)},
        {QStringLiteral("ended_at"), isoOrNull(endedAt)},
        {QStringLiteral("duration_s"), durationS},
        {QStringLiteral("outcome"), outcome.isEmpty() ? QJsonValue() : QJsonValue(outcome)},
        {QStringLiteral("budget"), budget.isEmpty() ? QJsonValue() : QJsonValue(budget)},
        {QStringLiteral("property"), property.isEmpty() ? QJsonValue() : QJsonValue(property)},
        {QStringLiteral("timeline"), timeline.isEmpty() ? QJsonValue() : QJsonValue(timeline)},
        {QStringLiteral("callback_at"), isoOrNull(callbackAt)},
        {QStringLiteral("language"), language.isEmpty() ? QJsonValue() : QJsonValue(language)},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("recording_url"), recordingUrl.isEmpty() ? QJsonValue() : QJsonValue(recordingUrl)},
        {QStringLiteral("cost_estimate_inr"), double(costEstimatePaise) / 100.0},
        {QStringLiteral("failure_reason"), failureReason.isEmpty() ? QJsonValue() : QJsonValue(failureReason)},
        {QStringLiteral("brief_version"), briefVersion ? QJsonValue(briefVersion) : QJsonValue()},
        {QStringLiteral("question_for_advisor"), questionForAdvisor.isEmpty() ? QJsonValue() : QJsonValue(questionForAdvisor)},
        {QStringLiteral("site_visit"), siteVisitAt > 0 ? QJsonValue(QJsonObject{{QStringLiteral("at"), isoOrNull(siteVisitAt)},
                                                                               {QStringLiteral("visitors"), siteVisitVisitors},
                                                                               {QStringLiteral("turn"), siteVisitTurn}})
                                                       : QJsonValue()},
    };
}

QJsonObject TurnRow::toJson() const
{
    QJsonObject o{
        {QStringLiteral("index"), index},
        {QStringLiteral("speaker"), speaker},
        {QStringLiteral("text"), text},
        {QStringLiteral("language"), language},
        {QStringLiteral("started_ms"), startedMs},
        {QStringLiteral("ended_ms"), endedMs},
        {QStringLiteral("interrupted"), interrupted},
    };
    if (sttMs >= 0) o.insert(QStringLiteral("stt_ms"), sttMs);
    if (llmMs >= 0) o.insert(QStringLiteral("llm_ms"), llmMs);
    if (ttsMs >= 0) o.insert(QStringLiteral("tts_ms"), ttsMs);
    if (replyMs >= 0) o.insert(QStringLiteral("reply_ms"), replyMs);
    return o;
}

static const char kCallColumns[] =
    "id, lead_id, campaign_id, attempt, provider_sid, correlation_token, status, started_at, answered_at, ended_at, "
    "duration_s, outcome, budget_min, budget_max, budget_text, property, timeline, callback_at, language, fields, "
    "recording_url, cost_estimate_paise, failure_reason, created_at, updated_at, brief_version, question_for_advisor, "
    "site_visit_at, site_visit_visitors, site_visit_turn";

static CallRow readCall(const QSqlQuery &q)
{
    CallRow r;
    int i = 0;
    r.id = q.value(i++).toLongLong();
    r.leadId = q.value(i++).toLongLong();
    r.campaignId = q.value(i++).toLongLong();
    r.attempt = q.value(i++).toInt();
    r.providerSid = q.value(i++).toString();
    r.correlationToken = q.value(i++).toString();
    r.status = q.value(i++).toString();
    r.startedAt = q.value(i++).toLongLong();
    r.answeredAt = q.value(i++).toLongLong();
    r.endedAt = q.value(i++).toLongLong();
    r.durationS = q.value(i++).toInt();
    r.outcome = q.value(i++).toString();
    r.budgetMin = q.value(i++).toLongLong();
    r.budgetMax = q.value(i++).toLongLong();
    r.budgetText = q.value(i++).toString();
    r.property = q.value(i++).toString();
    r.timeline = q.value(i++).toString();
    r.callbackAt = q.value(i++).toLongLong();
    r.language = q.value(i++).toString();
    r.fields = QJsonDocument::fromJson(q.value(i++).toString().toUtf8()).object();
    r.recordingUrl = q.value(i++).toString();
    r.costEstimatePaise = q.value(i++).toLongLong();
    r.failureReason = q.value(i++).toString();
    r.createdAt = q.value(i++).toLongLong();
    r.updatedAt = q.value(i++).toLongLong();
    r.briefVersion = q.value(i++).toInt();
    r.questionForAdvisor = q.value(i++).toString();
    r.siteVisitAt = q.value(i++).toLongLong();
    r.siteVisitVisitors = q.value(i++).toInt();
    const QVariant turn = q.value(i++);
    r.siteVisitTurn = turn.isNull() ? -1 : turn.toInt();
    return r;
}

Result<CallRow> CallRepository::create(const CallRow &in, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO calls (lead_id, campaign_id, attempt, provider_sid, correlation_token, status, "
                             "started_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(in.leadId);
    q.addBindValue(in.campaignId);
    q.addBindValue(in.attempt);
    q.addBindValue(nullIfEmpty(in.providerSid));
    q.addBindValue(nullIfEmpty(in.correlationToken));
    q.addBindValue(in.status.isEmpty() ? statusName(CallStatus::Created) : in.status);
    q.addBindValue(nullIfZero(in.startedAt));
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot create call"), q.lastError());
    const qint64 id = q.lastInsertId().toLongLong();
    if (id > 0)
        return get(id);
    if (!in.correlationToken.isEmpty())
        return findByToken(in.correlationToken);
    return Error::make(Error::Code::Internal, QStringLiteral("call created but its id is unknown"));
}

Result<CallRow> CallRepository::findOne(const QString &where, const QVariant &value)
{
    QSqlQuery q(m_db);
    const Status found = selectOne(
        q, QStringLiteral("SELECT %1 FROM calls WHERE %2 = ?").arg(QLatin1String(kCallColumns), where), {value},
        QStringLiteral("cannot read call"),
        Error::make(Error::Code::NotFound, QStringLiteral("no call with %1 %2").arg(where, value.toString())));
    if (!found)
        return found.error();
    return readCall(q);
}

Result<CallRow> CallRepository::get(qint64 id) { return findOne(QStringLiteral("id"), id); }
Result<CallRow> CallRepository::findByToken(const QString &t) { return findOne(QStringLiteral("correlation_token"), t); }
Result<CallRow> CallRepository::findByProviderSid(const QString &sid) { return findOne(QStringLiteral("provider_sid"), sid); }

Result<QList<CallRow>> CallRepository::listForCampaign(qint64 campaignId, int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM calls WHERE campaign_id = ? ORDER BY id LIMIT %2")
                  .arg(QLatin1String(kCallColumns)).arg(qBound(1, limit, 100000)));
    q.addBindValue(campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot list calls"), q.lastError());
    QList<CallRow> out;
    while (q.next())
        out.append(readCall(q));
    return out;
}

Status CallRepository::setProviderSid(qint64 id, const QString &sid, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE calls SET provider_sid = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(sid);
    q.addBindValue(nowMs);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot update call"), q.lastError());
    return okStatus();
}

Status CallRepository::updateStatus(qint64 id, const QString &status, qint64 nowMs, qint64 answeredAt, qint64 endedAt)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE calls SET status = ?, updated_at = ?, "
        "answered_at = COALESCE(answered_at, CAST(? AS BIGINT)), ended_at = COALESCE(ended_at, CAST(? AS BIGINT)), "
        // The carrier's ConversationDuration, once its terminal callback brought one, beats our
        // end time minus its answered time (two clocks, maybe two time zones).
        "duration_s = COALESCE(conversation_s, "
        "CASE WHEN COALESCE(ended_at, CAST(? AS BIGINT)) IS NOT NULL AND COALESCE(answered_at, CAST(? AS BIGINT)) IS NOT NULL "
        "THEN (COALESCE(ended_at, CAST(? AS BIGINT)) - COALESCE(answered_at, CAST(? AS BIGINT))) / 1000 ELSE duration_s END) WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(nowMs);
    q.addBindValue(nullIfZero(answeredAt));
    q.addBindValue(nullIfZero(endedAt));
    q.addBindValue(nullIfZero(endedAt));
    q.addBindValue(nullIfZero(answeredAt));
    q.addBindValue(nullIfZero(endedAt));
    q.addBindValue(nullIfZero(answeredAt));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot update call status"), q.lastError());
    if (q.numRowsAffected() == 0)
        return Error::make(Error::Code::NotFound, QStringLiteral("no call with id %1").arg(id));
    return okStatus();
}

Status CallRepository::setOutcome(qint64 id, const CallOutcome &o, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE calls SET outcome = ?, budget_min = ?, budget_max = ?, budget_text = ?, property = ?, "
                             "timeline = ?, callback_at = ?, language = ?, fields = ?, "
                             "failure_reason = COALESCE(?, failure_reason), brief_version = ?, question_for_advisor = ?, "
                             "site_visit_at = ?, site_visit_visitors = ?, site_visit_turn = ?, "
                             "bad_frames = COALESCE(CAST(? AS INTEGER), bad_frames), updated_at = ? WHERE id = ?"));
    q.addBindValue(nullIfEmpty(o.outcome));
    q.addBindValue(nullIfZero(o.budgetMin));
    q.addBindValue(nullIfZero(o.budgetMax));
    q.addBindValue(nullIfEmpty(o.budgetText));
    q.addBindValue(nullIfEmpty(o.property));
    q.addBindValue(nullIfEmpty(o.timeline));
    q.addBindValue(nullIfZero(o.callbackAt));
    q.addBindValue(nullIfEmpty(o.language));
    q.addBindValue(nullIfEmpty(jsonText(o.fields)));
    q.addBindValue(nullIfEmpty(o.failureReason));
    q.addBindValue(o.briefVersion > 0 ? QVariant(o.briefVersion) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(nullIfEmpty(o.questionForAdvisor));
    q.addBindValue(nullIfZero(o.siteVisitAt));
    q.addBindValue(o.siteVisitAt > 0 ? QVariant(o.siteVisitVisitors) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(o.siteVisitAt > 0 ? QVariant(o.siteVisitTurn) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(o.badFrames >= 0 ? QVariant(o.badFrames) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot store call outcome"), q.lastError());
    return okStatus();
}

Status CallRepository::insertTurns(const QList<TurnRow> &turns)
{
    if (turns.isEmpty())
        return okStatus();
    QSqlQuery q(m_db);
    // Idempotent per (call, idx): a batch retried after a reconnect does not duplicate turns.
    if (!q.prepare(QStringLiteral("INSERT INTO turns (call_id, idx, speaker, text, language, started_ms, ended_ms, stt_ms, "
                                  "llm_ms, tts_ms, interrupted, reply_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                                  "ON CONFLICT (call_id, idx) DO NOTHING")))
        return sqlError(QStringLiteral("cannot prepare turn insert"), q.lastError());
    for (const TurnRow &t : turns) {
        q.bindValue(0, t.callId);
        q.bindValue(1, t.index);
        q.bindValue(2, t.speaker);
        q.bindValue(3, nonNull(t.text));
        q.bindValue(4, nullIfEmpty(t.language));
        q.bindValue(5, t.startedMs);
        q.bindValue(6, t.endedMs);
        q.bindValue(7, t.sttMs >= 0 ? QVariant(t.sttMs) : QVariant(QMetaType::fromType<int>()));
        q.bindValue(8, t.llmMs >= 0 ? QVariant(t.llmMs) : QVariant(QMetaType::fromType<int>()));
        q.bindValue(9, t.ttsMs >= 0 ? QVariant(t.ttsMs) : QVariant(QMetaType::fromType<int>()));
        q.bindValue(10, t.interrupted ? 1 : 0);
        q.bindValue(11, t.replyMs >= 0 ? QVariant(t.replyMs) : QVariant(QMetaType::fromType<int>()));
        if (!q.exec())
            return sqlError(QStringLiteral("cannot insert turn"), q.lastError());
    }
    return okStatus();
}

Result<QList<TurnRow>> CallRepository::turns(qint64 callId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT call_id, idx, speaker, text, language, started_ms, ended_ms, stt_ms, llm_ms, tts_ms, "
                             "interrupted, reply_ms FROM turns WHERE call_id = ? ORDER BY idx"));
    q.addBindValue(callId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot read turns"), q.lastError());
    QList<TurnRow> out;
    while (q.next()) {
        TurnRow t;
        t.callId = q.value(0).toLongLong();
        t.index = q.value(1).toInt();
        t.speaker = q.value(2).toString();
        t.text = q.value(3).toString();
        t.language = q.value(4).toString();
        t.startedMs = q.value(5).toLongLong();
        t.endedMs = q.value(6).toLongLong();
        t.sttMs = q.value(7).isNull() ? -1 : q.value(7).toInt();
        t.llmMs = q.value(8).isNull() ? -1 : q.value(8).toInt();
        t.ttsMs = q.value(9).isNull() ? -1 : q.value(9).toInt();
        t.interrupted = q.value(10).toInt() != 0;
        t.replyMs = q.value(11).isNull() ? -1 : q.value(11).toInt();
        out.append(t);
    }
    return out;
}

} // namespace Leadline::Storage
