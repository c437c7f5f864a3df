// HandoffDesk: what a call session needs for a hot-lead handoff to a human sales agent, as
// asynchronous calls that never block the media path (answers come back through a callback on
// the context object's thread). Implemented by StorageHandoffDesk (its own thread, database
// connection and Exotel SMS client) and by test fakes.
// Thread: any caller; implementations are thread-safe.
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QObject>
#include <functional>

namespace Leadline::Handoff {

struct HandoffRequest
{
    qint64 callId = 0;
    qint64 leadId = 0;
    qint64 campaignId = 0;
    QString callerLanguage;  // "en", "hi"
    QString reason;          // from the transfer_to_agent tool
    QJsonObject summary;     // name, phone, budget, property, timeline, caller_words, summary
};

struct HandoffDecision
{
    bool connected = false;  // an agent was chosen and the handoff recorded as pending
    qint64 handoffId = 0;
    QString agentName;       // the first name is what the bot says
};

class HandoffDesk
{
public:
    virtual ~HandoffDesk() = default;
    // Whether this campaign's calls may be handed off (campaign switch on and Exotel flow mode).
    virtual void checkEnabled(qint64 campaignId, QObject *context, std::function<void(bool)> done) = 0;
    // Picks an agent, records the handoff (pending, or failed when nobody can take it) and, where
    // Exotel SMS is configured, texts the agent the lead summary. Idempotent per call.
    virtual void requestHandoff(const HandoffRequest &request, QObject *context,
                                std::function<void(Result<HandoffDecision>)> done) = 0;
};

} // namespace Leadline::Handoff

// The call session (conversation/) names the interface without the module's namespace.
namespace Leadline::Conversation {
using Handoff::HandoffDecision;
using Handoff::HandoffDesk;
using Handoff::HandoffRequest;
} // namespace Leadline::Conversation
