// GreetingPrimer: the greeting's audio, synthesised while the phone rings, so a session can play
// it the moment Exotel's stream starts instead of waiting for TTS. The dialer says which call it
// is dialling (Campaigns::CallPreparer); the primer looks the call up as a session would (the same
// CallContext, hence the same greeting line), asks a TTS client for the line and keeps the audio
// by call id until the session takes it, the call is reported not answered, or keepMs passes
// (an unanswered call's audio is dropped). A session that finds nothing ready synthesises live.
// Thread: its own thread "leadline-greetings" (the TTS clients and their QNetworkAccessManager);
// dialing(), notAnswered() and take() are thread-safe and return at once.
#pragma once

#include "callrecorder.h"
#include "campaigns/callpreparer.h"
#include "core/clock.h"
#include "core/workerthread.h"
#include "providers/providerfactory.h"

#include <QHash>
#include <QMutex>
#include <optional>

namespace Leadline::Conversation {

struct PreparedGreeting
{
    QString text;       // the line as the session would say it (compared before use)
    QByteArray pcm;     // S16LE mono at sampleRate, the whole line
    int sampleRate = 0;
};

class GreetingPrimer final : public Campaigns::CallPreparer
{
public:
    // keepMs: how long prepared audio waits for its call to be answered (Exotel rings for at
    // most TimeOut, 30 s by default; the answer comes later when the lead picks up late).
    GreetingPrimer(const Providers::ProviderFactory &providers, CallRecorder &recorder, const Clock &clock,
                   qint64 keepMs = 120 * 1000);
    ~GreetingPrimer() override;

    void dialing(qint64 callId, const QString &correlationToken) override;
    void notAnswered(qint64 callId) override;
    // The call's greeting if its audio is complete (and removes it either way: a session asks once).
    std::optional<PreparedGreeting> take(qint64 callId);
    // Calls with a greeting being prepared or ready (for tests and /debug).
    int pending() const;
    int ready() const;

private:
    struct Entry
    {
        PreparedGreeting greeting;
        bool done = false;
        qint64 sinceMs = 0;
    };
    void start(qint64 callId, const CallContext &ctx); // on the primer thread
    void sweep(qint64 nowMs);                            // under m_mutex

    const Providers::ProviderFactory &m_providers;
    CallRecorder &m_recorder;
    const Clock &m_clock;
    const qint64 m_keepMs;
    WorkerThread m_thread{QStringLiteral("leadline-greetings")};
    QObject *m_host = nullptr; // m_thread's worker; parent of the TTS clients and the network manager
    mutable QMutex m_mutex;
    QHash<qint64, Entry> m_entries; // by call id
};

// The line a session opens the call with, in the language it opens it in ("en" / "hi").
QString openingLanguage(const CallContext &ctx);

} // namespace Leadline::Conversation
