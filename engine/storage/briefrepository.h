// BriefRepository: SQL for campaign_briefs, the versioned project brief of each campaign. Every
// save is a new row (version = previous + 1); calls record the version they used.
// Thread: the caller's; construct it with that thread's connection (Database::connection()).
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace Leadline::Storage {

struct BriefRecord
{
    qint64 campaignId = 0;
    int version = 0;
    QJsonObject brief;   // ProjectBrief::toJson()
    qint64 createdAt = 0;
};

class BriefRepository
{
public:
    explicit BriefRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // NotFound (detail "no_brief") when the campaign has none.
    Result<BriefRecord> latest(qint64 campaignId);
    Result<BriefRecord> version(qint64 campaignId, int version);
    // Stores the brief as the next version; a concurrent save of the same version is retried once.
    Result<BriefRecord> save(qint64 campaignId, const QJsonObject &brief, qint64 nowMs);

private:
    Result<BriefRecord> one(const QString &sql, qint64 campaignId, int version);
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
