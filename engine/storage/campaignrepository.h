// CampaignRepository: SQL for the campaigns table. Thread: the caller's; construct it with that
// thread's connection (Database::connection()) and do not keep it across threads.
#pragma once

#include "campaignstatus.h"
#include "core/result.h"
#include "records.h"

#include <QList>
#include <QSqlDatabase>

namespace Leadline::Storage {

class CampaignRepository
{
public:
    explicit CampaignRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<CampaignRow> create(const CampaignRow &row, qint64 nowMs);
    Result<CampaignRow> get(qint64 id);
    Result<CampaignRow> findByName(const QString &name);
    Result<QList<CampaignRow>> list();
    // Moves the campaign to `to` when the transition table allows it (campaignstatus.h):
    // Conflict otherwise, NotFound without the campaign.
    Status setStatus(qint64 id, CampaignStatus to, qint64 nowMs);

private:
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
