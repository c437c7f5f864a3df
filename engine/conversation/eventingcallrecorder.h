// EventingCallRecorder: a CallRecorder decorator that forwards everything to the real recorder
// and reports the call's life to an EventSink for consoles: call.answered (media started),
// call.turn (each stored turn with its language and latencies) and call.ended (outcome,
// status, duration). It remembers each open call's campaign and lead so events carry them.
// Thread: any (sessions on every worker call it); its small call map is locked.
#pragma once

#include "callrecorder.h"
#include "core/eventsink.h"

#include <QHash>
#include <QMutex>

namespace Leadline::Conversation {

class EventingCallRecorder final : public CallRecorder
{
public:
    EventingCallRecorder(CallRecorder &inner, EventSink &events) : m_inner(inner), m_events(events) {}

    void lookup(const CallKey &key, QObject *context, std::function<void(Result<CallContext>)> done) override;
    void callAnswered(qint64 callId, const QString &streamSid, const QString &callSid, qint64 atMs) override;
    void appendTurn(const Storage::TurnRow &turn) override;
    void addDnc(const QString &phoneE164, const QString &source) override { m_inner.addDnc(phoneE164, source); }
    void finishCall(qint64 callId, const Storage::CallOutcome &outcome, const QString &status, qint64 endedAtMs) override;

private:
    struct OpenCall
    {
        qint64 campaignId = 0;
        qint64 leadId = 0;
        QString leadName;
        QString phone;
        qint64 answeredAtMs = 0;
    };
    // The call's campaign and lead, when it was looked up here (0 otherwise).
    std::pair<qint64, qint64> campaignAndLead(qint64 callId) const;

    CallRecorder &m_inner;
    EventSink &m_events;
    mutable QMutex m_mutex;
    QHash<qint64, OpenCall> m_open;
};

} // namespace Leadline::Conversation
