// FakeCallRecorder: answers lookups with a fixed CallContext (or an error) and keeps every write.
// Thread: the test's (lookups answer through a queued call, like the real one).
#pragma once

#include "conversation/callrecorder.h"

#include <QMetaObject>
#include <QPointer>

namespace Leadline::Testing {

class FakeCallRecorder final : public Conversation::CallRecorder
{
public:
    void lookup(const Conversation::CallKey &key, QObject *context,
                std::function<void(Result<Conversation::CallContext>)> done) override
    {
        lastKey = key;
        Result<Conversation::CallContext> r = known ? Result<Conversation::CallContext>(context_)
                                                    : Result<Conversation::CallContext>(Error::make(Error::Code::NotFound, QStringLiteral("no such call")));
        QPointer<QObject> ctx(context);
        QMetaObject::invokeMethod(context, [ctx, done, r] { if (ctx) done(r); }, Qt::QueuedConnection);
    }
    void callAnswered(qint64 callId, const QString &, const QString &, qint64) override { answered.append(callId); }
    void appendTurn(const Storage::TurnRow &turn) override { turns.append(turn); }
    void addDnc(const QString &phone, const QString &) override { dnc.append(phone); }
    void finishCall(qint64 callId, const Storage::CallOutcome &o, const QString &status, qint64) override
    {
        finished.append(callId);
        outcome = o;
        finalStatus = status;
    }
    QStringList texts(const QString &speaker) const
    {
        QStringList out;
        for (const auto &t : turns)
            if (t.speaker == speaker)
                out.append(t.text);
        return out;
    }

    bool known = true;
    Conversation::CallContext context_;
    Conversation::CallKey lastKey;
    QList<qint64> answered;
    QList<Storage::TurnRow> turns;
    QStringList dnc;
    QList<qint64> finished;
    Storage::CallOutcome outcome;
    QString finalStatus;
};

} // namespace Leadline::Testing
