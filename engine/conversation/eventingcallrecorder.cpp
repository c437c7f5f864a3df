#include "eventingcallrecorder.h"

#include "core/liveevents.h"

namespace Leadline::Conversation {

void EventingCallRecorder::lookup(const CallKey &key, QObject *context, std::function<void(Result<CallContext>)> done)
{
    m_inner.lookup(key, context, [this, done = std::move(done)](Result<CallContext> r) {
        if (r) {
            QMutexLocker lock(&m_mutex);
            m_open.insert(r->callId, OpenCall{r->campaignId, r->leadId, r->leadName, maskPhone(r->phoneE164), 0});
        }
        done(std::move(r));
    });
}

std::pair<qint64, qint64> EventingCallRecorder::campaignAndLead(qint64 callId) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_open.constFind(callId);
    return it != m_open.cend() ? std::pair{it->campaignId, it->leadId} : std::pair<qint64, qint64>{0, 0};
}

void EventingCallRecorder::callAnswered(qint64 callId, const QString &streamSid, const QString &callSid, qint64 atMs)
{
    m_inner.callAnswered(callId, streamSid, callSid, atMs);
    Events::CallParty e;
    e.callId = callId;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_open.find(callId);
        if (it != m_open.end()) {
            it->answeredAtMs = atMs;
            e.campaignId = it->campaignId;
            e.leadId = it->leadId;
            e.leadName = it->leadName;
            e.phone = it->phone;
        }
    }
    Events::publish(m_events, Events::Type::CallAnswered, e);
}

void EventingCallRecorder::appendTurn(const Storage::TurnRow &turn)
{
    m_inner.appendTurn(turn);
    Events::CallTurn e;
    e.callId = turn.callId;
    std::tie(e.campaignId, e.leadId) = campaignAndLead(turn.callId);
    e.turn = turn.index;
    e.speaker = turn.speaker;
    e.text = turn.text;
    e.language = turn.language;
    e.interrupted = turn.interrupted;
    if (e.isAgent()) {
        // What the caller waited: recogniser + model + first audio of the reply (left out when
        // none of them is known, e.g. a greeting cut off before its first audio).
        int total = 0;
        bool known = false;
        for (int ms : {turn.sttMs, turn.llmMs, turn.ttsMs})
            if (ms >= 0) {
                total += ms;
                known = true;
            }
        e.latencyMs = known ? total : -1;
        e.sttMs = turn.sttMs;
        e.llmMs = turn.llmMs;
        e.ttsMs = turn.ttsMs;
    }
    Events::publish(m_events, e);
}

void EventingCallRecorder::finishCall(qint64 callId, const Storage::CallOutcome &outcome, const QString &status,
                                      qint64 endedAtMs)
{
    m_inner.finishCall(callId, outcome, status, endedAtMs);
    Events::CallEnded e;
    e.callId = callId;
    e.status = status;
    e.outcome = outcome.outcome;
    e.source = QStringLiteral("media");
    {
        QMutexLocker lock(&m_mutex);
        const OpenCall call = m_open.take(callId);
        e.campaignId = call.campaignId;
        e.leadId = call.leadId;
        if (call.answeredAtMs > 0 && endedAtMs >= call.answeredAtMs)
            e.durationS = int((endedAtMs - call.answeredAtMs + 500) / 1000);
    }
    Events::publish(m_events, e);
}

} // namespace Leadline::Conversation
