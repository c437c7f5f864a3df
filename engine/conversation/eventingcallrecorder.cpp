#include "eventingcallrecorder.h"

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

QJsonObject EventingCallRecorder::base(qint64 callId) const
{
    QJsonObject o{{QStringLiteral("call_id"), callId}};
    QMutexLocker lock(&m_mutex);
    const auto it = m_open.constFind(callId);
    if (it != m_open.cend()) {
        o.insert(QStringLiteral("campaign_id"), it->campaignId);
        o.insert(QStringLiteral("lead_id"), it->leadId);
    }
    return o;
}

void EventingCallRecorder::callAnswered(qint64 callId, const QString &streamSid, const QString &callSid, qint64 atMs)
{
    m_inner.callAnswered(callId, streamSid, callSid, atMs);
    QJsonObject o = base(callId);
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_open.find(callId);
        if (it != m_open.end()) {
            it->answeredAtMs = atMs;
            o.insert(QStringLiteral("lead_name"), it->leadName);
            o.insert(QStringLiteral("phone"), it->phone);
        }
    }
    m_events.publish(QStringLiteral("call.answered"), o);
}

void EventingCallRecorder::appendTurn(const Storage::TurnRow &turn)
{
    m_inner.appendTurn(turn);
    QJsonObject o = base(turn.callId);
    o.insert(QStringLiteral("turn"), turn.index);
    o.insert(QStringLiteral("speaker"), turn.speaker);
    o.insert(QStringLiteral("text"), turn.text);
    o.insert(QStringLiteral("language"), turn.language);
    o.insert(QStringLiteral("interrupted"), turn.interrupted);
    if (turn.speaker == QLatin1String("agent")) {
        // What the caller waited: recogniser + model + first audio of the reply (left out when
        // none of them is known, e.g. a greeting cut off before its first audio).
        int total = 0;
        bool known = false;
        for (int ms : {turn.sttMs, turn.llmMs, turn.ttsMs})
            if (ms >= 0) {
                total += ms;
                known = true;
            }
        if (known)
            o.insert(QStringLiteral("latency_ms"), total);
        o.insert(QStringLiteral("stt_ms"), turn.sttMs);
        o.insert(QStringLiteral("llm_ms"), turn.llmMs);
        o.insert(QStringLiteral("tts_ms"), turn.ttsMs);
    }
    m_events.publish(QStringLiteral("call.turn"), o);
}

void EventingCallRecorder::finishCall(qint64 callId, const Storage::CallOutcome &outcome, const QString &status,
                                      qint64 endedAtMs)
{
    m_inner.finishCall(callId, outcome, status, endedAtMs);
    QJsonObject o = base(callId);
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("outcome"), outcome.outcome);
    o.insert(QStringLiteral("source"), QStringLiteral("media"));
    {
        QMutexLocker lock(&m_mutex);
        const OpenCall call = m_open.take(callId);
        if (call.answeredAtMs > 0 && endedAtMs >= call.answeredAtMs)
            o.insert(QStringLiteral("duration_s"), (endedAtMs - call.answeredAtMs + 500) / 1000);
    }
    m_events.publish(QStringLiteral("call.ended"), o);
}

} // namespace Leadline::Conversation
