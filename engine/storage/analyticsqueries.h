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
    qint64 qualifiedLeads = 0;   // distinct leads with an "interested"/"qualified" outcome
    qint64 talkTimeTotalS = 0;   // sum of duration_s over calls with duration_s > 0
    qint64 talkedCalls = 0;      // calls with duration_s > 0
    qint64 billableMinutes = 0;  // per call, started minutes: (duration_s + 59) / 60
    QMap<QString, qint64> failuresByReason; // busy, no-answer, failed, canceled, unknown
    double avgSttMs = -1;        // -1: no measurements
    double avgLlmMs = -1;
    double avgTtsMs = -1;
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

class AnalyticsQueries
{
public:
    explicit AnalyticsQueries(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<CampaignAnalytics> campaign(qint64 campaignId);
    // Keyset page of leads with their latest call that has a conversation outcome.
    Result<QList<ExportRow>> exportPage(qint64 campaignId, qint64 afterLeadId, int limit);
    Result<MetricsSnapshot> metrics(qint64 nowMs, const QList<int> &latencyBucketsMs);
    // Calls in an active status on any node (the database is shared), newest first.
    Result<QList<LiveCallRow>> liveCalls(int limit);

private:
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
