// ElevenLabsTts: HTTP streaming TTS, one request per sentence, served in order
// (reference vendors.md §3.1): pcm_8000 output so no resampling is needed; chunk boundaries
// are arbitrary, so an odd trailing byte is carried over; language_code only for models that
// honour it. A transient failure before any audio (429 with or without Retry-After, 5xx, a
// connection that never reached the server) is retried within a tight budget (a caller is
// waiting); a connection closed after the request went out is not re-sent (it may have been
// billed): the failure goes up for the caller's fallback voice. Thread: the call's worker thread
// (its QNetworkAccessManager).
#pragma once

#include "providers/texttospeech.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrl>

class QNetworkReply;

namespace Leadline::Providers {

struct ElevenLabsConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.elevenlabs.io"));
    QByteArray apiKey;
    QString voiceId;
    QString model = QStringLiteral("eleven_flash_v2_5");
    int sampleRate = 8000;
    int timeoutMs = 15000;
    int maxRetries = 2;         // per sentence, for 429 / 5xx / unreachable
    int maxRetryDelayMs = 1000; // a longer Retry-After fails at once (the fallback speaks instead)
};

class ElevenLabsTts final : public TextToSpeech
{
    Q_OBJECT
public:
    ElevenLabsTts(QNetworkAccessManager *nam, ElevenLabsConfig config, QObject *parent = nullptr);
    ~ElevenLabsTts() override;
    QString name() const override { return QStringLiteral("elevenlabs"); }
    int sampleRate() const override { return m_cfg.sampleRate; }
    void synthesize(int requestId, const QString &text, const TtsOptions &options) override;
    void cancel() override;
    void warmUp() override;

    static QByteArray requestBody(const QString &text, const TtsOptions &options, const ElevenLabsConfig &config);

private:
    void startNext();
    struct Job { int id; QString text; TtsOptions options; int attempt = 0; };
    // Delay before retrying a failed job, or -1 when it must not be retried.
    int retryDelayMs(QNetworkReply *reply, int status, int attempt) const;
    QNetworkAccessManager *m_nam;
    ElevenLabsConfig m_cfg;
    QList<Job> m_queue;
    QPointer<QNetworkReply> m_reply;
    int m_currentId = -1;
    QByteArray m_odd;
    bool m_waiting = false;  // a retry is scheduled: later jobs wait their turn
    quint64 m_generation = 0; // bumped by cancel(): drops scheduled retries
};

} // namespace Leadline::Providers
