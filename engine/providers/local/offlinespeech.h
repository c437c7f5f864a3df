// Offline speech for running with no keys: espeak-ng synthesis (English and Hindi voices) and
// PocketSphinx recognition in grammar mode tuned to the call's vocabulary. Both libraries keep
// process-wide or heavyweight state, so one OfflineSpeechEngine owns each on a thread of its own
// ("leadline-offline-tts" for espeak-ng, "leadline-offline-stt" for PocketSphinx: recognition
// never waits behind other calls' synthesis) and serves every call from there; per-call
// EspeakTts and PocketsphinxStt objects post jobs to them and get results back on their own thread.
// Quality is for demos and tests: no Hindi recognition, robotic voices.
// Thread: the engine's public methods are thread-safe; the per-call objects live on their call's
// worker thread.
#pragma once

#include "audio/vad.h"
#include "providers/speechtotext.h"
#include "providers/texttospeech.h"

#include <QThread>
#include <functional>
#include <memory>

namespace Leadline::Providers {

class OfflineSpeechEngine
{
public:
    OfflineSpeechEngine();
    ~OfflineSpeechEngine();
    OfflineSpeechEngine(const OfflineSpeechEngine &) = delete;
    OfflineSpeechEngine &operator=(const OfflineSpeechEngine &) = delete;

    bool ttsAvailable() const;
    bool sttAvailable() const;
    int ttsSampleRate() const;       // espeak-ng's rate (22050)
    static constexpr int kSttRate = 16000; // the PocketSphinx en-us model's rate

    // Synthesizes on the TTS thread; chunk() is called for each piece (on `context`'s thread),
    // then done(ok). A cancelled job (cancelled() true when its turn comes) is skipped.
    void synthesize(const QString &text, const QString &language, QObject *context,
                    std::function<void(const QByteArray &)> chunk, std::function<void(bool)> done,
                    std::function<bool()> cancelled);
    // Recognizes one utterance (S16LE at 16 kHz) on the STT thread; result on context's thread.
    // language: the call's STT language; "hi..." or "multi" adds a few romanized Hindi answers
    // to the English grammar (there is no Hindi acoustic model).
    void recognize(const QByteArray &pcm16k, const QString &language, QObject *context,
                   std::function<void(const QString &)> result);
    // Synchronous variant for tests and tools (runs the job on the STT thread and waits).
    QString recognizeBlocking(const QByteArray &pcm16k, const QString &language = QStringLiteral("en"));

private:
    struct Private;
    std::unique_ptr<Private> d;
};

class EspeakTts final : public TextToSpeech
{
    Q_OBJECT
public:
    EspeakTts(std::shared_ptr<OfflineSpeechEngine> engine, QObject *parent = nullptr);
    ~EspeakTts() override;
    QString name() const override { return QStringLiteral("espeak-ng"); }
    int sampleRate() const override;
    void synthesize(int requestId, const QString &text, const TtsOptions &options) override;
    void cancel() override;

private:
    std::shared_ptr<OfflineSpeechEngine> m_engine;
    std::shared_ptr<QAtomicInt> m_epoch; // bumped by cancel(); jobs of older epochs are dropped
};

class PocketsphinxStt final : public SpeechToText
{
    Q_OBJECT
public:
    PocketsphinxStt(std::shared_ptr<OfflineSpeechEngine> engine, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("pocketsphinx"); }
    QStringList languages() const override { return {QStringLiteral("en")}; } // the en-us model only
    bool grammarConstrained() const override { return true; }
    void start(const SttOptions &options) override;
    void pushAudio(const QByteArray &pcm) override;
    void finalize() override {}
    void stop() override { m_stopped = true; }

private:
    std::shared_ptr<OfflineSpeechEngine> m_engine;
    SttOptions m_options;
    Audio::EnergyVad m_vad{Audio::EnergyVad::Config{300.0, 4.0, 60, 450}};
    QByteArray m_utterance; // at the call's rate, with some lead-in
    QByteArray m_leadIn;
    bool m_stopped = false;
};

} // namespace Leadline::Providers
