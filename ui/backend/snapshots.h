// Value snapshots the console backend sends to the GUI thread. Thread: value types, copied
// across threads through queued signals (registered with the meta-type system in
// ConsoleBackendHost's constructor).
#pragma once

#include "leads/leadrecord.h"
#include "diagnostics/connectiontester.h"
#include "storage/analyticsqueries.h"
#include "storage/apitokenrepository.h"
#include "storage/callrepository.h"
#include "handoff/handoffrepository.h"
#include "storage/records.h"
#include "storage/sitevisitqueries.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Leadline::Ui {

struct CampaignSnapshot
{
    Storage::CampaignRow row;
    qint64 leadCount = 0;
};

struct LeadPageSnapshot
{
    quint64 requestId = 0;
    qint64 campaignId = 0;
    qint64 afterId = 0;
    QList<Storage::LeadRow> leads;
    qint64 nextAfterId = 0; // 0: this was the last page
    qint64 total = 0;
};

struct ImportProgressSnapshot
{
    qint64 campaignId = 0;
    QString file;
    int fileIndex = 0; // 0-based
    int fileCount = 0;
    qint64 bytesRead = 0;
    qint64 bytesTotal = 0;
};

struct FileImportResult
{
    QString file;
    bool ok = false;
    Leads::ImportReport report;
    QString errorCode;    // stable code, e.g. "bad_encoding", "cancelled", "open_failed"
    QString errorMessage; // engine text (English)
};

struct ImportOutcome
{
    qint64 campaignId = 0;
    QList<FileImportResult> files;
    bool cancelled = false;

    int accepted() const
    {
        int n = 0;
        for (const FileImportResult &f : files)
            n += f.ok ? f.report.accepted : 0;
        return n;
    }
    int rejected() const
    {
        int n = 0;
        for (const FileImportResult &f : files)
            n += f.ok ? int(f.report.rejected.size()) : 0;
        return n;
    }
};

// One page of the call history (History tab).
struct HistoryPageSnapshot
{
    quint64 requestId = 0;
    int offset = 0;
    QList<Storage::CallHistoryRow> rows;
    qint64 total = 0; // rows matching the filter
};

// One call with its transcript, for the History tab's detail pane.
struct CallDetailSnapshot
{
    quint64 requestId = 0;
    Storage::CallRow call;
    QList<Storage::TurnRow> turns;
    Storage::CostEstimate cost;  // from the call's duration and the configured prices
    bool pricesConfigured = false;
};

// Everything the Analytics tab draws, for one campaign or (campaignId 0) every campaign.
struct AnalyticsSnapshot
{
    quint64 requestId = 0;
    qint64 campaignId = 0;
    QString timezone;                 // the zone of the per-hour chart (IANA id)
    Storage::CampaignAnalytics summary;
    Storage::HourlyCalls hourly;
    QList<int> talkBoundsS;           // upper bounds (s) of the talk-time buckets
    QList<qint64> talkCounts;         // talkBoundsS.size() + 1 entries
    QList<Storage::LatencyPoint> latency;
    Storage::CostEstimate cost;
    bool pricesConfigured = false;
    qint64 generatedAt = 0;           // epoch ms
};

// The Handoffs tab: the newest hot-lead handoffs of one campaign (campaignId 0: every campaign).
struct HandoffsSnapshot
{
    quint64 requestId = 0;
    qint64 campaignId = 0;
    QList<Handoff::HandoffRow> handoffs; // newest first, with the agent's name and the lead summary
};

// The answer to an API-token request of the Settings dialog (list, create or revoke): the
// token list after the operation, the created or revoked row, and for a creation the clear
// token, which exists only in this value (shown once, never stored or logged).
struct ApiTokensSnapshot
{
    enum class Operation { List, Create, Revoke };
    quint64 requestId = 0;
    Operation operation = Operation::List;
    bool ok = true;
    QString errorCode;    // Error::codeName() when !ok, e.g. "validation", "conflict"
    QString errorMessage; // engine text (English)
    Storage::ApiTokenRow row;           // Create / Revoke: the token concerned
    QByteArray token;                   // Create only: the clear token
    QList<Storage::ApiTokenRow> tokens; // every token, newest first (without secrets)
    bool listed = false;                // tokens holds a fresh list
};

// A campaign's project brief (Project brief dialog): as stored, or as just saved. ok false:
// none yet (errorCode "no_brief") or the save was refused (errorMessage lists the problems).
struct BriefSnapshot
{
    quint64 requestId = 0;
    qint64 campaignId = 0;
    bool ok = true;
    bool saved = false;   // the answer to a save
    int version = 0;
    QJsonObject brief;    // ProjectBrief::toJson()
    QString errorCode;
    QString errorMessage; // engine text (English)
};

// The site visits a campaign's calls booked (Site visits dialog), soonest first.
struct SiteVisitsSnapshot
{
    quint64 requestId = 0;
    qint64 campaignId = 0;
    QList<Storage::SiteVisitRow> rows;
};

struct BackendError
{
    quint64 requestId = 0;
    QString operation; // "campaigns", "leads", "create", "status", "import", "history", "call", "analytics", "handoffs"
    QString code;      // Error::codeName()
    QString message;   // engine text (English)
};

} // namespace Leadline::Ui

Q_DECLARE_METATYPE(Leadline::Ui::CampaignSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::LeadPageSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::ImportProgressSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::ImportOutcome)
Q_DECLARE_METATYPE(Leadline::Ui::BackendError)
Q_DECLARE_METATYPE(Leadline::Storage::CampaignRow)
Q_DECLARE_METATYPE(Leadline::Ui::HistoryPageSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::CallDetailSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::AnalyticsSnapshot)
Q_DECLARE_METATYPE(Leadline::Storage::CallHistoryFilter)
Q_DECLARE_METATYPE(Leadline::Ui::ApiTokensSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::BriefSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::SiteVisitsSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::HandoffsSnapshot)

