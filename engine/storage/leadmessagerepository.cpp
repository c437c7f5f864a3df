#include "leadmessagerepository.h"

#include "columnvalues.h"
#include "database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Storage {

Result<qint64> LeadMessageRepository::insert(const LeadMessageRow &r, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO lead_messages (call_id, campaign_id, lead_id, kind, to_e164, body, status, created_at, updated_at) "
                             "VALUES (?,?,?,?,?,?,'queued',?,?) ON CONFLICT (call_id, kind) DO NOTHING"));
    for (const QVariant &v : {QVariant(r.callId), QVariant(r.campaignId), QVariant(r.leadId), QVariant(nonNull(r.kind)),
                              QVariant(nonNull(r.toE164)), QVariant(nonNull(r.body)), QVariant(nowMs), QVariant(nowMs)})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot record the SMS to the lead"), q.lastError());
    if (q.numRowsAffected() == 0)
        return qint64(0);
    auto row = find(r.callId, r.kind);
    if (!row)
        return row.error();
    return row->id;
}

Status LeadMessageRepository::setStatus(qint64 id, const QString &status, const QString &providerSid, const QString &error, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE lead_messages SET status = ?, provider_sid = ?, error = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(nullIfEmpty(providerSid));
    q.addBindValue(nullIfEmpty(error));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot update the SMS to the lead"), q.lastError());
    return okStatus();
}

Result<LeadMessageRow> LeadMessageRepository::find(qint64 callId, const QString &kind)
{
    QSqlQuery q(m_db);
    const Status found = selectOne(
        q,
        QStringLiteral("SELECT id, call_id, campaign_id, lead_id, kind, to_e164, body, status, provider_sid, error "
                       "FROM lead_messages WHERE call_id = ? AND kind = ?"),
        {callId, kind}, QStringLiteral("cannot read the SMS to the lead"),
        Error::make(Error::Code::NotFound, QStringLiteral("call %1 sent no %2 SMS").arg(callId).arg(kind)));
    if (!found)
        return found.error();
    LeadMessageRow r;
    int i = 0;
    r.id = q.value(i++).toLongLong();
    r.callId = q.value(i++).toLongLong();
    r.campaignId = q.value(i++).toLongLong();
    r.leadId = q.value(i++).toLongLong();
    r.kind = q.value(i++).toString();
    r.toE164 = q.value(i++).toString();
    r.body = q.value(i++).toString();
    r.status = q.value(i++).toString();
    r.providerSid = q.value(i++).toString();
    r.error = q.value(i++).toString();
    return r;
}

} // namespace Leadline::Storage
