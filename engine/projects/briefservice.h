// BriefService: a campaign's project brief: read, replace (validated; each save is a new
// version) and import from a JSON file. Used by REST (/campaigns/{id}/brief), the CLI
// (`leadline brief`) and the console. YAML is not read: Qt has no YAML parser and a brief does
// not justify a new dependency; convert with any YAML-to-JSON tool.
// Thread: any; every call uses the calling thread's database connection (no mutable state).
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "projectbrief.h"
#include "storage/briefrepository.h"

namespace Leadline::Storage { class Database; }

namespace Leadline::Projects {

class BriefService
{
public:
    BriefService(const Storage::Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    // NotFound "no_brief" when the campaign has none; NotFound when the campaign does not exist.
    Result<Storage::BriefRecord> get(qint64 campaignId) const;
    // Validates (422 "invalid_brief" listing every problem) and stores it as the next version.
    Result<Storage::BriefRecord> put(qint64 campaignId, const QJsonObject &brief) const;
    Result<Storage::BriefRecord> putText(qint64 campaignId, const QByteArray &jsonText) const;
    Result<Storage::BriefRecord> importFile(qint64 campaignId, const QString &path) const;

    // What the agent is told: the facts block for a stored brief (console preview, REST).
    static QString preview(const QJsonObject &storedBrief);

private:
    Status campaignExists(qint64 campaignId) const;
    const Storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace Leadline::Projects
