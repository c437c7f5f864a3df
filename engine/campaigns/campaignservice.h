// CampaignService: campaign create/list/get/pause with validation, and CSV lead import into a
// campaign (one transaction: a whole-file error stores nothing). Used by REST, the CLI and the
// GUI. Thread: any; every call uses the calling thread's database connection, so one instance
// may be shared by the network workers (it holds no mutable state).
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "leads/leadrecord.h"
#include "storage/records.h"

#include <QIODevice>
#include <QJsonObject>
#include <functional>

namespace Leadline::Storage { class Database; }

namespace Leadline::Campaigns {

struct CampaignDefaults
{
    int callingHoursStart = 10;
    int callingHoursEnd = 19;
};

class CampaignService
{
public:
    CampaignService(const Storage::Database &db, const Clock &clock, CampaignDefaults defaults = {});

    // body: {"name": ..., optional "script", "language", "voice", "calling_window":{"start","end","days"},
    //        "timezone", "max_concurrent", "max_attempts", "retry_delay_s"}
    Result<Storage::CampaignRow> create(const QJsonObject &body);
    Result<Storage::CampaignRow> get(qint64 id) const;
    // A numeric id or an exact name (the CLI accepts both).
    Result<Storage::CampaignRow> resolve(const QString &idOrName) const;
    Result<QList<Storage::CampaignRow>> list() const;
    Result<Storage::CampaignRow> setStatus(qint64 id, const QString &status);

    using Progress = std::function<bool(qint64 bytesRead)>;
    Result<Leads::ImportReport> importCsv(qint64 campaignId, QIODevice &csv, const Progress &progress = {});

    // Validation shared by create and the GUI editor; returns the first problem found.
    static Status validate(const Storage::CampaignRow &row);

private:
    const Storage::Database &m_db;
    const Clock &m_clock;
    CampaignDefaults m_defaults;
};

} // namespace Leadline::Campaigns
