// CallHandoff: a live call's side of the hot-lead handoff. Whether the campaign allows it (the
// desk's answer), the LLM's transfer_to_agent (acted on when its turn ends), the request to the
// HandoffDesk (who the lead is and what they said: this call's words beat the CSV's), and what the
// desk's decision ends the call with: an agent found -> "interested" and the connecting line (the
// socket closes into Exotel's Passthru -> Connect); nobody free, or no answer in time -> a
// callback at the time the caller named, else the next calling-window slot. One decision counts.
// Thread: its call session's network worker.
#pragma once

#include "callrecorder.h"
#include "core/result.h"
#include "handoff/handoffdesk.h"
#include "providers/languagemodel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace Leadline::Conversation {

class OutcomeDraft;

class CallHandoff
{
public:
    static constexpr int kDecisionTimeoutMs = 4000; // a desk that hangs must not leave the caller in silence

    void setAvailable(bool on) { m_available = on; }
    bool available() const { return m_available; }
    // transfer_to_agent: kept for the end of the LLM turn. false: handoff is not available here.
    bool askTransfer(const QJsonObject &args);
    bool transferAsked() const { return !m_transferArgs.isEmpty(); }
    bool requested() const { return m_requested; }
    bool decided() const { return m_decided; }
    bool transferring() const { return m_transferring; }
    qint64 callbackAtMs() const { return m_callbackAtMs; } // no agent: the next slot (0: none)

    // The request for the desk (marks the handoff requested). history: the conversation so far;
    // outcome: fields the LLM reported (budget, property, timeline, summary).
    HandoffRequest request(const CallContext &ctx, const QList<Providers::ChatMessage> &history, const OutcomeDraft &outcome,
                           const QString &language);

    struct Ending
    {
        QString outcome;
        QJsonObject fields;
        QString closingLine;
    };
    // The desk's decision (or the timeout's error): how the call ends. nullopt: decided already.
    std::optional<Ending> decide(const Result<HandoffDecision> &d, const CallContext &ctx,
                                 const QList<Providers::ChatMessage> &history, const QDateTime &now, const QString &language);

private:
    bool m_available = false;  // campaign switch on and flow mode (answered by the desk)
    QJsonObject m_transferArgs; // from transfer_to_agent, acted on when the LLM turn ends
    bool m_requested = false;
    bool m_decided = false;
    bool m_transferring = false;
    qint64 m_callbackAtMs = 0;
};

} // namespace Leadline::Conversation
