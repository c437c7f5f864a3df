// CampaignService: campaign create/list/get/pause with validation, and CSV lead import into a
// campaign (one transaction: a whole-file error stores nothing). Used by REST, the CLI and the
// GUI. Thread: any; every call uses the calling thread's database connection, so one instance
// may be shared by the network workers (it holds no mutable state).
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "leads/leadrecord.h"
#include "storage/campaignstatus.h"
#include "storage/records.h"

#include <QIODevice>
#include <QJsonObject>
#include <functional>

namespace Leadline::Storage { class Database; }
namespace Leadline { class Settings; }

namespace Leadline::Campaigns {

struct CampaignDefaults
{
    int callingHoursStart = 10;
    int callingHoursEnd = 19;
};

// Input limits of a CSV import (MAX_CSV_ROWS, MAX_CSV_COLUMNS, MAX_CSV_RECORD_BYTES); over a
// limit the whole file is refused (422, too_many_rows / too_many_columns / record_too_large).
struct ImportLimits
{
    qint64 maxRows = 5'000'000;
    int maxColumns = 256;
    qint64 maxRecordBytes = 4 * 1024 * 1024;
    static ImportLimits fromSettings(const Settings &settings);
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
    // Moves the campaign along the transition table (storage/campaignstatus.h): Conflict when
    // it does not allow the change; the text form refuses an unknown status (Validation).
    Result<Storage::CampaignRow> setStatus(qint64 id, Storage::CampaignStatus to);
    Result<Storage::CampaignRow> setStatus(qint64 id, const QString &status);
    // Checked before any campaign is set "running" (REST, console, CLI alike); its error is
    // returned and the status is left unchanged. Set once at start-up.
    void setStartGuard(std::function<Status()> guard) { m_startGuard = std::move(guard); }

    using Progress = std::function<bool(qint64 bytesRead)>;
    Result<Leads::ImportReport> importCsv(qint64 campaignId, QIODevice &csv, const Progress &progress = {});
    void setImportLimits(const ImportLimits &limits) { m_importLimits = limits; }

    // Validation shared by create and the GUI editor; returns the first problem found.
    static Status validate(const Storage::CampaignRow &row);

private:
    const Storage::Database &m_db;
    const Clock &m_clock;
    CampaignDefaults m_defaults;
    ImportLimits m_importLimits;
    std::function<Status()> m_startGuard;
};

} // namespace Leadline::Campaigns
