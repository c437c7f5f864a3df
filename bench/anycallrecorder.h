// AnyCallRecorder: the benches' CallRecorder: every stream is a known call (its id from the
// "lc" token, an English-speaking lead), and nothing is stored. Thread: any (stateless).
#pragma once

#include "conversation/callrecorder.h"

#include <QMetaObject>

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
    void finishCall(qint64, const Storage::CallOutcome &, const QString &, qint64) override {}
};

} // namespace Leadline::Bench
