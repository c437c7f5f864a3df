// HandoffRepository: SQL for the sales-agent roster (sales_agents), the hot-lead handoffs of
// calls to those agents (handoffs) and the per-campaign handoff switch (campaigns.
// handoff_enabled). Migration 4. Thread: the caller's; construct it with that thread's
// connection (Database::connection()) and do not keep it across threads.
#pragma once

#include "core/result.h"
#include "storage/handoffstatus.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace Leadline::Handoff {

struct SalesAgentRow
{
    qint64 id = 0;
    QString name;
    QString phoneE164;
    QStringList languages{QStringLiteral("en")}; // "en", "hi"
    QString workStart = QStringLiteral("10:00");  // local HH:MM in `timezone`
    QString workEnd = QStringLiteral("19:00");
    QString workDays = QStringLiteral("mon,tue,wed,thu,fri,sat");
    QString timezone = QStringLiteral("Asia/Kolkata");
    bool available = true;  // the agent's own "I can take calls now" switch
    int maxHandoffs = 1;    // simultaneous handoffs the agent takes
    bool active = true;     // false = removed from the roster (kept for history)
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    QJsonObject toJson() const;
};

struct HandoffRow
{
    qint64 id = 0;
    qint64 callId = 0;
    qint64 leadId = 0;
    qint64 campaignId = 0;
    qint64 agentId = 0;       // 0 = no agent was available
    qint64 requestedAt = 0;
    QString reason;
    QJsonObject summary;      // name, budget, property, timeline, caller_words, ...
    QString status = Storage::statusName(Storage::HandoffStatus::Pending); // storage/handoffstatus.h
    bool answered = false;
    QString smsStatus;        // "", sent, failed, not_configured
    qint64 updatedAt = 0;
    qint64 endedAt = 0;
    // Joined for reads:
    QString agentName;
    QString agentPhone;
    QString providerSid;      // the call's Exotel CallSid

    QJsonObject toJson() const;
};

// The per-agent load the selector needs.
struct AgentLoad
{
    qint64 agentId = 0;
    int activeHandoffs = 0;
    qint64 lastHandoffAt = 0; // 0 = never
};

// For GET /campaigns/{id}/analytics.
struct HandoffStats
{
    qint64 requested = 0;   // calls that asked for a person (with or without an agent free)
    qint64 handoffs = 0;    // handed to an agent
    qint64 answered = 0;    // the agent picked up (final status callback)
    qint64 notAnswered = 0;
    qint64 noAgent = 0;     // nobody free: the caller got a callback instead
    double answerRate() const { const qint64 done = answered + notAnswered; return done > 0 ? double(answered) / double(done) : 0.0; }
};

class HandoffRepository
{
public:
    explicit HandoffRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Roster
    Result<SalesAgentRow> createAgent(const SalesAgentRow &row, qint64 nowMs);
    Result<SalesAgentRow> agent(qint64 id);
    Result<QList<SalesAgentRow>> agents(bool includeInactive = false);
    Result<SalesAgentRow> updateAgent(const SalesAgentRow &row, qint64 nowMs);
    Status setAgentAvailable(qint64 id, bool available, qint64 nowMs);
    Status deactivateAgent(qint64 id, qint64 nowMs); // soft delete: history keeps the name
    // Active handoffs (pending/connecting newer than `activeSinceMs`) and the last handoff time, per agent.
    Result<QList<AgentLoad>> loads(qint64 activeSinceMs);

    // Campaign switch
    Result<bool> campaignHandoffEnabled(qint64 campaignId);
    Status setCampaignHandoffEnabled(qint64 campaignId, bool enabled, qint64 nowMs);

    // Handoffs. insert() is idempotent per call: a second insert returns the existing row.
    Result<HandoffRow> insertHandoff(const HandoffRow &row, qint64 nowMs);
    Result<HandoffRow> handoffForCall(qint64 callId);
    Result<HandoffRow> handoffForProviderSid(const QString &callSid);
    Result<QList<HandoffRow>> handoffs(qint64 campaignId, int limit = 200);
    // pending -> connecting (the Passthru applet routed the call to Connect). Idempotent.
    Status markConnecting(qint64 handoffId, qint64 nowMs);
    // The final status callback: answered / not_answered, once (later duplicates change nothing).
    Result<bool> finishHandoff(qint64 callId, bool answered, qint64 endedAtMs);
    Status setSmsStatus(qint64 handoffId, const QString &status, qint64 nowMs);
    Result<HandoffStats> stats(qint64 campaignId);
    // A lead's custom JSON (for a CSV "agent" column).
    Result<QJsonObject> leadCustom(qint64 leadId);

private:
    QSqlDatabase m_db;
};

} // namespace Leadline::Handoff
