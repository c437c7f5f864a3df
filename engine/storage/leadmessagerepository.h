// LeadMessageRepository: SQL for lead_messages, the texts sent to leads during calls (site-visit
// confirmation, brochure link), one per call and kind, with their delivery state.
// Thread: the caller's; construct it with that thread's connection (Database::connection()).
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Leadline::Storage {

struct LeadMessageRow
{
    qint64 id = 0;
    qint64 callId = 0;
    qint64 campaignId = 0;
    qint64 leadId = 0;
    QString kind;        // site_visit_confirmation, brochure
    QString toE164;
    QString body;
    QString status;      // queued, sent, failed, not_configured
    QString providerSid;
    QString error;
};

class LeadMessageRepository
{
public:
    explicit LeadMessageRepository(QSqlDatabase db) : m_db(std::move(db)) {}
    // The new row's id, or 0 when this call already has a message of this kind (idempotent).
    Result<qint64> insert(const LeadMessageRow &row, qint64 nowMs);
    Status setStatus(qint64 id, const QString &status, const QString &providerSid, const QString &error, qint64 nowMs);
    Result<LeadMessageRow> find(qint64 callId, const QString &kind);

private:
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
