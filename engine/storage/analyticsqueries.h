// AnalyticsQueries: the read-only SQL behind GET /campaigns/{id}/analytics, export.csv and
// /metrics. Plain SQL that runs unchanged on PostgreSQL and SQLite (integer arithmetic, no
// date functions: timestamps are epoch ms). Thread: the caller's; construct with that
// thread's connection.
#pragma once

#include "core/result.h"

#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

namespace Leadline { class Settings; }

namespace Leadline::Storage {

struct CampaignAnalytics
{
    qint64 leadsTotal = 0;
    QMap<QString, qint64> leadsByStatus;
    qint64 callsPlaced = 0;      // call rows that went to the carrier (not "not_placed")
    qint64 callsConnected = 0;   // answered (answered_at set) or carrier status completed
    qint64 callsRetried = 0;     // placed calls with attempt > 1
    qint64 callsActive = 0;
    QMap<QString, qint64> outcomes;
    qint64 qualifiedLeads = 0;   // distinct leads with an "interested"/"qualified"/"site_visit" outcome
    qint64 siteVisitsBooked = 0; // calls that booked a site visit (site_visit_at set)
    qint64 talkTimeTotalS = 0;   // sum of duration_s over calls with duration_s > 0
    qint64 talkedCalls = 0;      // calls with duration_s > 0
    qint64 billableMinutes = 0;  // per call, started minutes: (duration_s + 59) / 60
    QMap<QString, qint64> failuresByReason; // busy, no-answer, failed, canceled, unknown
    double avgSttMs = -1;        // -1: no measurements
    double avgLlmMs = -1;
    double avgTtsMs = -1;
    // Reply latency at the caller (agent turns' reply_ms): what a person waited for an answer.
    qint64 replies = 0;          // agent turns with a measurement
    double avgReplyMs = -1;      // -1: no measurements
    double replyP50Ms = -1;
    double replyP90Ms = -1;
    // The latest "campaign_paused" event the dialer recorded (carrier refused: credentials,
    // plan, feature), so operators see why a campaign stopped.
    qint64 lastPauseAt = 0;
    QString lastPausePayload; // JSON {"reason", "message"}
};

struct ExportRow
{
    qint64 leadId = 0;
    QString name, phone, email, city, budget, propertyType, language, status, lastOutcome, custom;
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString outcome, budgetText, property, timeline, recordingUrl;
    qint64 budgetMin = 0, budgetMax = 0, callbackAt = 0;
    int durationS = 0;
};

struct MetricsSnapshot
{
    QMap<QString, qint64> callsByStatus;
    QMap<QString, qint64> callsByOutcome;
    qint64 activeCalls = 0;
    qint64 dueLeads = 0;        // dialer queue depth: due now in running campaigns
    qint64 badMediaFrames = 0;  // malformed media frames dropped, summed over stored calls
    qint64 callsWithBadFrames = 0;
    QMap<QString, qint64> campaignsByStatus;
    // Per vendor ("stt", "llm", "tts"): cumulative counts for each upper bound (ms), then count and sum.
    struct Histogram
    {
        QList<qint64> cumulative; // same length as the bucket list
        qint64 count = 0;
        qint64 sum = 0;
    };
    QMap<QString, Histogram> latency;
};

struct LiveCallRow
{
    qint64 callId = 0;
    qint64 leadId = 0;
    qint64 campaignId = 0;
    QString campaignName;
    QString phoneE164;
    QString status;
    QString providerSid;
    int attempt = 1;
    qint64 startedAt = 0;
    qint64 answeredAt = 0;
    qint64 updatedAt = 0;
};

// Per-minute prices (INR) for the cost estimate; settings PRICE_*_INR_PER_MIN.
struct CostPrices
{
    double telephonyPerMin = 0; // per started minute of each connected call
    double sttPerMin = 0;       // per minute of talk time
    double llmPerMin = 0;
    double ttsPerMin = 0;
    bool isZero() const { return telephonyPerMin <= 0 && sttPerMin <= 0 && llmPerMin <= 0 && ttsPerMin <= 0; }
    static CostPrices fromSettings(const Settings &settings);
};

// The cost estimate of GET /campaigns/{id}/analytics, for any set of calls (INR, unrounded).
struct CostEstimate
{
    qint64 billableMinutes = 0;
    double talkMinutes = 0;
    double telephony = 0, stt = 0, llm = 0, tts = 0, total = 0;
    double perQualifiedLead = -1; // -1: no qualified lead
    double perSiteVisit = -1;     // -1: no visit booked (set by withVisits)
    CostEstimate withVisits(qint64 visits) const
    {
        CostEstimate e = *this;
        e.perSiteVisit = visits > 0 ? total / double(visits) : -1;
        return e;
    }
    // billableMinutes: started minutes of each call; talkTimeS: summed talk seconds.
    static CostEstimate of(qint64 billableMinutes, qint64 talkTimeS, qint64 qualifiedLeads, const CostPrices &prices);
    static CostEstimate ofCall(int durationS, const CostPrices &prices);
};

// Filter and order of the call-history list (the console's History tab).
struct CallHistoryFilter
{
    enum class Sort { Id, Time, Campaign, Lead, Phone, Status, Outcome, Duration };
    qint64 campaignId = 0; // 0: every campaign; negative: none (no campaign selected)
    QString status;        // calls.status; empty: any
    QString outcome;       // calls.outcome; empty: any; "none": calls without an outcome
    QString text;          // substring of the lead's name or phone, or the campaign's name (case-insensitive)
    qint64 fromMs = 0;     // call time (started_at, else created_at) >= fromMs; 0: open
    qint64 toMs = 0;       // call time < toMs; 0: open
    Sort sort = Sort::Time;
    bool descending = true;
};

struct CallHistoryRow
{
    qint64 callId = 0;
    qint64 leadId = 0;
    qint64 campaignId = 0;
    QString campaignName;
    QString leadName;
    QString phoneE164;
    QString status;
    QString outcome;
    QString language;
    int attempt = 1;
    qint64 at = 0;         // started_at, else created_at
    int durationS = 0;
};

struct CallHistoryPage
{
    QList<CallHistoryRow> rows;
    qint64 total = 0;      // rows matching the filter
};

// Calls and connects per hour of the day (0..23, in the offset given).
struct HourlyCalls
{
    QList<qint64> calls = QList<qint64>(24, 0);
    QList<qint64> connects = QList<qint64>(24, 0);
};

// Average vendor latencies of the turns of the calls started in [at, at + bucket).
struct LatencyPoint
{
    qint64 at = 0;
    double sttMs = -1; // -1: no measurement in this bucket
    double llmMs = -1;
    double ttsMs = -1;
    double replyMs = -1;
    qint64 turns = 0;
};

class AnalyticsQueries
{
public:
    explicit AnalyticsQueries(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<CampaignAnalytics> campaign(qint64 campaignId);
    // The same figures over every campaign (lastPause* stay empty).
    Result<CampaignAnalytics> overall() { return summary(0); }
    // Call history: one page (offset paging, so any sort order works) and the filtered total.
    Result<CallHistoryPage> callHistory(const CallHistoryFilter &filter, int offset, int limit);
    // Placed calls and connects per hour of the day; utcOffsetMs shifts epoch ms to local time.
    // campaignId 0: every campaign.
    Result<HourlyCalls> callsPerHour(qint64 campaignId, qint64 utcOffsetMs);
    // Calls with duration_s > 0 counted per talk-time bucket: upper bounds in seconds (exclusive),
    // ascending; the result has one more entry (calls at or above the last bound).
    Result<QList<qint64>> talkTimeHistogram(qint64 campaignId, const QList<int> &upperBoundsS);
    // Turn latencies averaged per time bucket of the call's start (oldest first); at most
    // maxPoints buckets over the whole range (bucket width rounded up to whole minutes).
    Result<QList<LatencyPoint>> latencyOverTime(qint64 campaignId, int maxPoints);
    // Keyset page of leads with their latest call that has a conversation outcome.
    Result<QList<ExportRow>> exportPage(qint64 campaignId, qint64 afterLeadId, int limit);
    Result<MetricsSnapshot> metrics(qint64 nowMs, const QList<int> &latencyBucketsMs);
    // Calls in an active status on any node (the database is shared), newest first.
    Result<QList<LiveCallRow>> liveCalls(int limit);

private:
    Result<CampaignAnalytics> summary(qint64 campaignId);
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
