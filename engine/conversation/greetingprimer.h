// GreetingPrimer: the greeting's audio, synthesised while the phone rings, so a session can play
// it the moment Exotel's stream starts instead of waiting for TTS. The dialer says which call it
// is dialling (Campaigns::CallPreparer); the primer looks the call up as a session would (the same
// CallContext, hence the same greeting line), asks a TTS client for the line and keeps the audio
// by call id until the session takes it, the call is reported not answered, or keepMs passes.
// An unanswered call's audio is kept as a spare by its text (for spareMs, within spareBytes,
// oldest dropped first): the lead's next attempt rings with the same greeting, which is then
// not synthesised again. A session that finds nothing ready synthesises live. What it cost is
// counted (prometheus(): synthesised, played, reused, wasted). GREETING_PRIME=off (the
// composition root does not hand the primer to the dialer) saves the TTS of unanswered calls
// at the price of the greeting's TTS delay after "start".
// Thread: its own thread "leadline-greetings" (the TTS clients and their QNetworkAccessManager);
// dialing(), notAnswered() and take() are thread-safe and return at once.
#pragma once

#include "callrecorder.h"
#include "campaigns/callpreparer.h"
#include "core/clock.h"
#include "core/metricssource.h"
#include "core/settings.h"
#include "core/workerthread.h"
#include "phrasecache.h"
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

class GreetingPrimer final : public Campaigns::CallPreparer, public MetricsSource
{
public:
    // keepMs: how long prepared audio waits for its call to be answered (Exotel rings for at
    // most TimeOut, 30 s by default; the answer comes later when the lead picks up late).
    struct Options
    {
        qint64 keepMs = 120 * 1000;
        qint64 spareMs = 24 * 3600 * 1000; // an unanswered call's audio waits this long for a retry
        qint64 spareBytes = 32 * 1024 * 1024; // ~1,000 greetings of 4 s at 8 kHz
    };
    GreetingPrimer(const Providers::ProviderFactory &providers, CallRecorder &recorder, const Clock &clock, Options options);
    GreetingPrimer(const Providers::ProviderFactory &providers, CallRecorder &recorder, const Clock &clock)
        : GreetingPrimer(providers, recorder, clock, Options{})
    {
    }
    ~GreetingPrimer() override;
    // Prepares, one after the other on the primer's thread, the audio of the lines replies open
    // with (openingAcknowledgements) and of the thinking filler, in English and Hindi, into
    // `cache` as a session would keep them. Stops at the first failure or spare-voice answer (the
    // vendor is down: sessions fill the cache themselves later). Returns at once.
    void warmPhrases(PhraseCache &cache);
    // GREETING_PRIME: on (the default) unless off, no, 0 or false.
    static bool enabledBy(const Settings &settings);

    void dialing(qint64 callId, const QString &correlationToken) override;
    void notAnswered(qint64 callId) override;
    // The call's greeting if its audio is complete (and removes it either way: a session asks once).
    std::optional<PreparedGreeting> take(qint64 callId);
    // Calls with a greeting being prepared or ready (for tests and /debug).
    int pending() const;
    int ready() const;

    struct Counts
    {
        qint64 synthesised = 0; // TTS requests made for a greeting
        qint64 played = 0;      // taken by the call's session, ready
        qint64 reused = 0;      // a retry rang with a spare: no TTS
        qint64 wasted = 0;      // spares that expired or were pushed out unused
    };
    Counts counts() const;
    // leadline_greetings_total{result=...} for /metrics.
    QByteArray prometheus() const override;

private:
    struct Entry
    {
        PreparedGreeting greeting;
        bool done = false;
        qint64 sinceMs = 0;
    };
    void start(qint64 callId, const CallContext &ctx); // on the primer thread
    struct Phrase { QString language; QString text; };
    void warmNext(PhraseCache &cache, QList<Phrase> rest); // on the primer thread
    void sweep(qint64 nowMs);                            // under m_mutex
    static QString spareKey(const QString &text, int sampleRate) { return QString::number(sampleRate) + QLatin1Char('|') + text; }

    const Providers::ProviderFactory &m_providers;
    CallRecorder &m_recorder;
    const Clock &m_clock;
    const Options m_options;
    WorkerThread m_thread{QStringLiteral("leadline-greetings")};
    QObject *m_host = nullptr; // m_thread's worker; parent of the TTS clients and the network manager
    mutable QMutex m_mutex;
    QHash<qint64, Entry> m_entries; // by call id
    QHash<QString, Entry> m_spares;  // unanswered calls' audio, by spareKey()
    qint64 m_spareBytes = 0;
    Counts m_counts;
};

// The line a session opens the call with, in the language it opens it in ("en" / "hi").
QString openingLanguage(const CallContext &ctx);

} // namespace Leadline::Conversation
