// ElevenLabsTts: HTTP streaming TTS, one request per sentence, served in order
// (reference vendors.md §3.1): pcm_8000 output so no resampling is needed; chunk boundaries
// are arbitrary, so an odd trailing byte is carried over; language_code only for models that
// honour it. Thread: the call's worker thread (its QNetworkAccessManager).
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

    static QByteArray requestBody(const QString &text, const TtsOptions &options, const ElevenLabsConfig &config);

private:
    void startNext();
    struct Job { int id; QString text; TtsOptions options; };
    QNetworkAccessManager *m_nam;
    ElevenLabsConfig m_cfg;
    QList<Job> m_queue;
    QPointer<QNetworkReply> m_reply;
    int m_currentId = -1;
    QByteArray m_odd;
};

} // namespace Leadline::Providers
