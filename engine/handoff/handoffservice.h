// HandoffService: the hot-lead handoff's use cases apart from the roster (AgentService) and the
// live choice during a call (StorageHandoffDesk): the per-campaign switch, the handoff list, the
// analytics figures, the Exotel flow's routing answers (Passthru: connect or hang up; Connect:
// whom to dial) and the agent leg's outcome from the final status callback. HandoffApi (REST and
// Exotel's applets), RestApi/DialerApi (campaign bodies, analytics, status callbacks) and the
// console go through it.
// Thread: any; immutable after construction; every call uses the calling thread's connection.
#pragma once

#include "handoffrepository.h"

#include <QJsonValue>

namespace Leadline { class Clock; class Settings; }
namespace Leadline::Storage { class Database; }
namespace Leadline::Telephony { struct ExotelStatusEvent; }

namespace Leadline::Handoff {

// EXOTEL_CALL_MODE=flow: the only mode with a Connect applet after the bot, so the only mode in
// which a call can be handed to a person.
bool flowModeFrom(const Settings &settings);

class HandoffService
{
public:
    // fallbackNumber: HANDOFF_FALLBACK_NUMBER in E.164 (empty = nobody) for a dial-whom request
    // without a handoff.
    HandoffService(const Storage::Database &db, const Clock &clock, bool flowMode, QString fallbackNumber = {});

    bool flowMode() const { return m_flowMode; }
    const QString &fallbackNumber() const { return m_fallbackNumber; }
    // 422: handoff asked for on a node in direct (StreamUrl) mode.
    static Error needsFlowMode();

    // The campaign switch. A campaign body's "handoff_enabled": absent/null is fine, anything but
    // a bool is a 400-class validation error, true without flow mode needsFlowMode().
    Status validateCampaignFlag(const QJsonValue &value) const;
    Status setCampaignHandoff(qint64 campaignId, bool enabled) const;
    Result<bool> campaignHandoffEnabled(qint64 campaignId) const;

    // Newest first, with the agent's name and the lead summary; campaignId 0 = every campaign.
    Result<QList<HandoffRow>> handoffs(qint64 campaignId, int limit) const;

    // Passthru: the pending handoff of this CallSid, marked connecting (idempotent). NotFound
    // when the CallSid has none, Conflict when it has one that cannot be routed (no agent, or
    // no longer pending/connecting), another error when the database cannot be read.
    Result<HandoffRow> connect(const QString &callSid) const;
    // Connect's dial-whom: the chosen agent's number in E.164 for this CallSid; the same answer
    // on every retry once an agent was chosen. NotFound when there is nobody to dial.
    Result<QString> agentNumber(const QString &callSid) const;

    // GET /campaigns/{id}/analytics: {"requested","handoffs","answered","not_answered","no_agent",
    // "answer_rate"}. Uses the caller's connection; the database error when the query fails.
    static Result<QJsonObject> analytics(QSqlDatabase db, qint64 campaignId); // or the database error
    // The final status callback: the handoff of that call is marked answered / not answered (from
    // the agent leg, Legs[1]). Returns true when a handoff changed.
    static bool recordCallEnd(const Storage::Database &db, const Telephony::ExotelStatusEvent &event);

private:
    Result<HandoffRow> handoffFor(const QString &callSid) const;

    const Storage::Database &m_db;
    const Clock &m_clock;
    const bool m_flowMode;
    const QString m_fallbackNumber;
};

} // namespace Leadline::Handoff
