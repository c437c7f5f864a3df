// CampaignRepository: SQL for the campaigns table. Thread: the caller's; construct it with that
// thread's connection (Database::connection()) and do not keep it across threads.
#pragma once

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
    Status setStatus(qint64 id, const QString &status, qint64 nowMs);

private:
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
