// Deterministic stand-ins for the vendors, with configurable latency, for tests, benchmarks and
// load runs. Each lives on its call's worker thread. Their delays run on a TimerSource: the
// system's by default, a test's virtual clock after useTimers().
#pragma once

#include "audio/vad.h"
#include "core/timersource.h"
#include "providers/languagemodel.h"
#include "providers/speechtotext.h"
#include "providers/texttospeech.h"

#include <QPointer>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace Leadline::Providers {

// Local energy VAD segments the caller audio; the Nth segment is transcribed as script[N]
// (empty once the script runs out), `latencyMs` after the segment ended.
class FakeStt final : public SpeechToText
{
    Q_OBJECT
public:
    explicit FakeStt(QStringList script, int latencyMs = 0, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("fake-stt"); }
    QStringList languages() const override { return m_languages; }
    void setLanguages(QStringList languages) { m_languages = std::move(languages); } // empty = any
    bool grammarConstrained() const override { return m_grammar; }
    void setGrammarConstrained(bool on) { m_grammar = on; } // stands in for the offline recogniser
    void start(const SttOptions &options) override;
    void pushAudio(const QByteArray &pcm) override;
    void finalize() override {}
    void stop() override { m_stopped = true; }
    // Makes the next audio push fail the stream (fault injection).
    void failAfterSegments(int n) { m_failAfter = n; }
    // Delays on this clock from now on (a test's virtual one); it must outlive this object.
    void useTimers(TimerSource &timers) { m_timers = &timers; }

private:
    void later(int ms, std::function<void()> fn);
    SystemTimerSource m_systemTimers;
    TimerSource *m_timers = &m_systemTimers;
    std::vector<std::unique_ptr<OneShotTimer>> m_pending; // fired ones are reused
    QStringList m_script;
    int m_latencyMs;
    int m_segment = 0;
    int m_failAfter = -1;
    QStringList m_languages;
    bool m_grammar = false;
    bool m_stopped = false;
    SttOptions m_options;
    // Endpointing after 450 ms of silence (a vendor setting of the same order): the fixtures'
    // 380 ms pauses stay inside one utterance, their 460-580 ms pauses separate utterances.
    Audio::EnergyVad m_vad{Audio::EnergyVad::Config{300.0, 4.0, 60, 450}};
};

struct FakeReply
{
    QString text;
    QString tool;           // empty = none
    QJsonObject arguments;
};

// Answers each request with the next scripted reply (or what `responder` returns), streaming
// the text word by word: first token after firstTokenMs, then one every tokenIntervalMs.
class FakeLlm final : public LanguageModel
{
    Q_OBJECT
public:
    using Responder = std::function<FakeReply(const LlmRequest &)>;
    FakeLlm(Responder responder, int firstTokenMs = 0, int tokenIntervalMs = 0, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("fake-llm"); }
    void request(const LlmRequest &request) override;
    void cancel() override;
    int requests() const { return m_requests; }
    void failNextWith(const Error &e) { m_fail = e; m_failSet = true; }
    void useTimers(TimerSource &timers);

private:
    void step(); // the next word of the reply being streamed, or its end
    SystemTimerSource m_systemTimers;
    TimerSource *m_timers = &m_systemTimers;
    std::unique_ptr<OneShotTimer> m_timer;
    FakeReply m_reply;      // being streamed
    QStringList m_words;
    int m_next = 0;         // the next word; -1: the failure m_pendingFail is due
    bool m_streaming = false;
    Error m_pendingFail;
    Responder m_responder;
    int m_firstTokenMs;
    int m_intervalMs;
    int m_requests = 0;
    quint64 m_generation = 0;
    Error m_fail;
    bool m_failSet = false;
};

// Emits a tone whose length follows the text (55 ms per character, at least 300 ms) at 8 kHz:
// the first chunk after firstAudioMs, then 100 ms chunks every chunkIntervalMs.
class FakeTts final : public TextToSpeech
{
    Q_OBJECT
public:
    explicit FakeTts(int firstAudioMs = 0, int chunkIntervalMs = 0, int sampleRate = 8000, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("fake-tts"); }
    int sampleRate() const override { return m_rate; }
    void synthesize(int requestId, const QString &text, const TtsOptions &options) override;
    void cancel() override;
    QStringList spoken() const { return m_spoken; }
    void useTimers(TimerSource &timers);

private:
    void pump();
    SystemTimerSource m_systemTimers;
    TimerSource *m_timers = &m_systemTimers;
    struct Job { int id; QByteArray pcm; bool started = false; };
    QList<Job> m_jobs;
    int m_firstMs;
    int m_intervalMs;
    int m_rate;
    QByteArray m_second; // one second of the tone, tiled into each reply
    std::unique_ptr<OneShotTimer> m_timer;
    QStringList m_spoken;
};

} // namespace Leadline::Providers
