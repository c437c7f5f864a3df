// FallbackTts: the call's voice with a spare, so a vendor blip costs the caller a pause, never
// the call. Sentences go to the primary (the vendor client, which retries its own blips within a
// tight budget); a sentence the primary fails, or has not started to say stallMs after its turn
// came, is said by the fallback voice (the offline one) instead, resampled to the primary's rate.
// While the caller waits on such a sentence for more than fillerAfterMs, a short filler ("One
// moment.") is said in the fallback voice first. Audio leaves strictly in request order: a later
// sentence the primary finishes first waits behind the one being said by the fallback.
// failed() comes only when neither voice can say a sentence; degraded() reports each primary
// failure the caller did not hear as one (for the vendor-error metrics).
// Thread: the call's worker thread (both voices live there too).
#pragma once

#include "audio/resampler.h"
#include "texttospeech.h"

#include <QHash>
#include <QTimer>
#include <memory>

namespace Leadline::Providers {

struct FallbackTtsConfig
{
    int fillerAfterMs = 1000; // the caller has waited this long on a sentence: say a filler
    int stallMs = 2500;       // the primary has said nothing of the head sentence this long: fall back
    int maxFillers = 3;       // per call
    QString fillerEnglish = QStringLiteral("One moment, please.");
    QString fillerHindi = QStringLiteral("एक पल रुकिए।");
};

class FallbackTts final : public TextToSpeech
{
    Q_OBJECT
public:
    // fallback may be null (then failures pass through, after the ordering guarantee).
    FallbackTts(std::unique_ptr<TextToSpeech> primary, std::unique_ptr<TextToSpeech> fallback,
                FallbackTtsConfig config = {}, QObject *parent = nullptr);
    ~FallbackTts() override;
    QString name() const override { return m_primary->name(); }
    int sampleRate() const override { return m_primary->sampleRate(); }
    void warmUp() override { m_primary->warmUp(); }
    void synthesize(int requestId, const QString &text, const TtsOptions &options) override;
    void cancel() override;

    int fallbacks() const { return m_fallbacks; } // sentences said by the fallback voice
    int fillers() const { return m_fillers; }

private:
    enum class Filler { None, Running, Done };
    struct Request
    {
        int id = 0;
        QString text;
        TtsOptions options;
        QByteArray held;      // audio not yet passed on (a sentence ahead is still speaking)
        QByteArray fillerPcm; // filler audio not yet passed on
        Filler filler = Filler::None;
        bool hasAudio = false;
        bool onFallback = false;
        bool complete = false;
        bool failed = false;
        Error error;
    };
    Request *find(int id);
    void onPrimaryAudio(int id, const QByteArray &pcm);
    void onPrimaryDone(int id);
    void onPrimaryFailed(int id, const Error &e);
    void onFallbackAudio(int id, const QByteArray &pcm);
    void onFallbackDone(int id);
    void onFallbackFailed(int id, const Error &e);
    void toFallback(Request &r, const Error &why);
    void drain();
    void armHeadTimers();
    void onFillerDue();
    void onStall();
    QByteArray resampled(int fallbackId, const QByteArray &pcm, bool flush);

    std::unique_ptr<TextToSpeech> m_primary;
    std::unique_ptr<TextToSpeech> m_fallback;
    FallbackTtsConfig m_cfg;
    QList<Request> m_requests; // in request order; the head is being heard
    QHash<int, std::shared_ptr<Audio::Resampler>> m_resamplers; // per fallback request
    QTimer m_fillerTimer;
    QTimer m_stallTimer;
    int m_headId = 0; // the head the timers were armed for
    int m_fallbacks = 0;
    int m_fillers = 0;
};

} // namespace Leadline::Providers
