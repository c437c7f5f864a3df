// AnyCallRecorder: the benches' CallRecorder: every stream is a known call (its id from the
// "lc" token, an English-speaking lead); only each call's final outcome is kept (outcomes()).
// Thread: any (a mutex around the outcomes).
#pragma once

#include "conversation/callrecorder.h"

#include <QHash>
#include <QMetaObject>
#include <QMutex>

namespace Leadline::Bench {

class AnyCallRecorder final : public Conversation::CallRecorder
{
public:
    void lookup(const Conversation::CallKey &key, QObject *context, std::function<void(Result<Conversation::CallContext>)> done) override
    {
        Conversation::CallContext ctx;
        ctx.callId = key.token.right(6).toLongLong(nullptr, 16) + 1;
        ctx.leadName = QStringLiteral("Bench Lead");
        ctx.leadLanguage = QStringLiteral("English");
        QMetaObject::invokeMethod(context, [done, ctx] { done(ctx); }, Qt::QueuedConnection);
    }
    void callAnswered(qint64, const QString &, const QString &, qint64) override {}
    void appendTurn(const Storage::TurnRow &) override {}
    void addDnc(const QString &, const QString &) override {}
    void finishCall(qint64 callId, const Storage::CallOutcome &outcome, const QString &, qint64) override
    {
        QMutexLocker lock(&m_mutex);
        m_outcomes.insert(callId, outcome);
    }
    QHash<qint64, Storage::CallOutcome> outcomes() const
    {
        QMutexLocker lock(&m_mutex);
        return m_outcomes;
    }

private:
    mutable QMutex m_mutex;
    QHash<qint64, Storage::CallOutcome> m_outcomes;
};

} // namespace Leadline::Bench
