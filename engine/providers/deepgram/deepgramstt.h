// DeepgramStt: Deepgram live streaming STT over QWebSocket (reference vendors.md §1):
// linear16 at the call's rate, interim results, endpointing + utterance_end, VAD events,
// KeepAlive every 4 s, Finalize on local end of speech, CloseStream at the end. After
// CloseStream the socket stays open until Deepgram has sent its last results and closed it
// (bounded by drainMs), so the caller's last words still arrive as transcripts; drained() tells
// when. Audio that arrives before the socket is open is buffered (bounded). A stream that drops
// mid-call (reset, close, 5xx) is reopened within reconnectBudgetMs, at most maxReconnects times
// a call, with the caller's audio of the gap buffered and sent on the new stream; only then
// failed() (which ends the call) is emitted.
// Thread: the call's worker thread.
#pragma once

#include "providers/speechtotext.h"

#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace Leadline::Providers {

struct DeepgramConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("wss://api.deepgram.com"));
    QByteArray apiKey;
    QString model = QStringLiteral("nova-3");
    int endpointingMs = 300;
    int utteranceEndMs = 1000;
    int drainMs = 1500; // after CloseStream: wait this long at most for the final results
    int reconnectBudgetMs = 3000; // a dropped stream must be open again within this
    int maxReconnects = 3;        // per call
};

// One parsed server message.
struct DeepgramMessage
{
    enum class Type { Results, SpeechStarted, UtteranceEnd, Metadata, Error, Unknown };
    Type type = Type::Unknown;
    QString transcript;
    bool isFinal = false;
    bool speechFinal = false;
    QString language;
    QString error;
};

class DeepgramStt final : public SpeechToText
{
    Q_OBJECT
Q_SIGNALS:
    void drained(); // after stop(): the stream is closed (Deepgram done, or drainMs passed)

public:
    DeepgramStt(DeepgramConfig config, QObject *parent = nullptr);
    ~DeepgramStt() override;
    QString name() const override { return QStringLiteral("deepgram"); }
    void start(const SttOptions &options) override;
    void pushAudio(const QByteArray &pcm) override;
    void finalize() override;
    void stop() override;

    bool draining() const { return m_drainTimer.isActive(); }

    static QUrl streamUrl(const DeepgramConfig &config, const SttOptions &options);
    static DeepgramMessage parse(const QByteArray &json);

private:
    void onMessage(const QString &text);
    void endDrain();
    // The stream went away (closed, reset, or a reconnect refused): reopen it if the budget
    // allows, else report the failure.
    void onLost(const Error &error, bool retryable = true);
    void open();
    QWebSocket m_ws;
    DeepgramConfig m_cfg;
    QTimer m_keepAlive;
    QTimer m_drainTimer;
    QByteArray m_pending; // audio before the socket opened (or while it reopens)
    QNetworkRequest m_request;
    QElapsedTimer m_lostSince;  // valid while a dropped stream is being reopened
    QTimer m_reconnectTimer;
    int m_reconnects = 0;
    bool m_everOpen = false;
    bool m_open = false;
    bool m_stopped = false;
    bool m_sawSpeech = false;
    QString m_turnText;
};

} // namespace Leadline::Providers
