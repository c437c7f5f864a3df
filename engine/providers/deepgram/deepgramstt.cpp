#include "deepgramstt.h"
#include "providers/providerslog.h"
#include "providers/replyutil.h"

#include <QRegularExpression>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace Leadline::Providers {

DeepgramStt::DeepgramStt(DeepgramConfig config, QObject *parent) : SpeechToText(parent), m_cfg(std::move(config))
{
    m_keepAlive.setInterval(4000);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        if (m_open)
            m_ws.sendTextMessage(QStringLiteral(R"({"type":"KeepAlive"})"));
    });
    connect(&m_ws, &QWebSocket::connected, this, [this] {
        const qint64 gapMs = m_lostSince.isValid() ? m_lostSince.elapsed() : -1;
        m_lostSince.invalidate();
        m_everOpen = true;
        m_open = true;
        if (!m_pending.isEmpty())
            m_ws.sendBinaryMessage(m_pending);
        m_pending.clear();
        m_keepAlive.start();
        if (gapMs >= 0) {
            qCInfo(lcProviders) << "Deepgram stream reopened after" << gapMs << "ms";
            emit reconnected(gapMs);
        }
    });
    connect(&m_ws, &QWebSocket::textMessageReceived, this, &DeepgramStt::onMessage);
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, [this] {
        m_ws.close(); // Deepgram did not close within drainMs
        endDrain();
    });
    connect(&m_ws, &QWebSocket::disconnected, this, [this] {
        m_open = false;
        m_keepAlive.stop();
        if (m_drainTimer.isActive())
            endDrain();
        if (!m_stopped)
            onLost(Error::make(Error::Code::Unavailable, QStringLiteral("Deepgram closed the stream (%1 %2)")
                                                             .arg(int(m_ws.closeCode())).arg(m_ws.closeReason()),
                               QStringLiteral("connection")));
    });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        if (!m_stopped)
            open();
    });
    connect(&m_ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        if (m_stopped || m_open)
            return;
        // A refused upgrade names its HTTP status ("... status code: 429 ..."): 429, 5xx, 401.
        static const QRegularExpression statusCode(QStringLiteral("status code: (\\d{3})"));
        const auto m = statusCode.match(m_ws.errorString());
        const QString kind = m.hasMatch() ? httpFailureKind(m.captured(1).toInt(), QNetworkReply::NoError) : QStringLiteral("connection");
        const bool auth = m.hasMatch() && (m.captured(1) == QLatin1String("401") || m.captured(1) == QLatin1String("403"));
        const Error e = Error::make(auth ? Error::Code::Unauthorized : Error::Code::Unavailable,
                                   QStringLiteral("Deepgram connection failed: %1").arg(m_ws.errorString()), kind);
        onLost(e, /*retryable=*/!auth); // no reconnect helps bad credentials
    });
}

void DeepgramStt::open()
{
    if (m_ws.state() != QAbstractSocket::UnconnectedState)
        m_ws.abort();
    m_ws.open(m_request);
}

void DeepgramStt::onLost(const Error &error, bool retryable)
{
    if (m_stopped || m_reconnectTimer.isActive())
        return;
    // Only a stream that was up mid-call is reopened; a first connection that fails is reported.
    const bool reopening = m_lostSince.isValid();
    if (retryable && m_everOpen && (reopening || m_reconnects < m_cfg.maxReconnects)) {
        if (!reopening) {
            m_lostSince.start();
            ++m_reconnects;
            qCWarning(lcProviders) << "Deepgram stream lost mid-call (" << error.message << "): reopening, attempt" << m_reconnects;
        }
        const qint64 left = m_cfg.reconnectBudgetMs - m_lostSince.elapsed();
        if (left > 0) {
            m_reconnectTimer.start(int(qMin<qint64>(left, reopening ? 250 : 0)));
            return;
        }
    }
    m_lostSince.invalidate();
    emit failed(error);
}

DeepgramStt::~DeepgramStt()
{
    m_stopped = true;
    m_ws.abort();
}

QUrl DeepgramStt::streamUrl(const DeepgramConfig &config, const SttOptions &options)
{
    QUrl url = config.baseUrl;
    url.setPath(QStringLiteral("/v1/listen"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("model"), config.model);
    q.addQueryItem(QStringLiteral("language"), options.language);
    q.addQueryItem(QStringLiteral("encoding"), QStringLiteral("linear16"));
    q.addQueryItem(QStringLiteral("sample_rate"), QString::number(options.sampleRate));
    q.addQueryItem(QStringLiteral("channels"), QStringLiteral("1"));
    q.addQueryItem(QStringLiteral("interim_results"), QStringLiteral("true"));
    q.addQueryItem(QStringLiteral("endpointing"), QString::number(config.endpointingMs));
    q.addQueryItem(QStringLiteral("utterance_end_ms"), QString::number(config.utteranceEndMs));
    q.addQueryItem(QStringLiteral("vad_events"), QStringLiteral("true"));
    q.addQueryItem(QStringLiteral("smart_format"), QStringLiteral("true"));
    q.addQueryItem(QStringLiteral("punctuate"), QStringLiteral("true"));
    url.setQuery(q);
    return url;
}

DeepgramMessage DeepgramStt::parse(const QByteArray &json)
{
    DeepgramMessage m;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const QString type = o.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("Results")) {
        m.type = DeepgramMessage::Type::Results;
        const QJsonObject alt = o[QStringLiteral("channel")][QStringLiteral("alternatives")][0].toObject();
        m.transcript = alt.value(QStringLiteral("transcript")).toString();
        m.isFinal = o.value(QStringLiteral("is_final")).toBool();
        m.speechFinal = o.value(QStringLiteral("speech_final")).toBool() || o.value(QStringLiteral("from_finalize")).toBool();
        const QJsonArray langs = alt.value(QStringLiteral("languages")).toArray();
        if (!langs.isEmpty())
            m.language = langs.first().toString();
    } else if (type == QLatin1String("SpeechStarted")) {
        m.type = DeepgramMessage::Type::SpeechStarted;
    } else if (type == QLatin1String("UtteranceEnd")) {
        m.type = DeepgramMessage::Type::UtteranceEnd;
    } else if (type == QLatin1String("Metadata")) {
        m.type = DeepgramMessage::Type::Metadata;
    } else if (type == QLatin1String("Error")) {
        m.type = DeepgramMessage::Type::Error;
        m.error = o.value(QStringLiteral("description")).toString();
        if (m.error.isEmpty())
            m.error = o.value(QStringLiteral("message")).toString();
    }
    return m;
}

void DeepgramStt::start(const SttOptions &options)
{
    m_request = QNetworkRequest(streamUrl(m_cfg, options));
    m_request.setRawHeader("Authorization", "Token " + m_cfg.apiKey);
    m_ws.open(m_request);
}

void DeepgramStt::pushAudio(const QByteArray &pcm)
{
    if (pcm.isEmpty() || m_stopped) // never send an empty binary frame (it ends the stream)
        return;
    if (m_open) {
        m_ws.sendBinaryMessage(pcm);
    } else if (m_pending.size() < 10 * 16000) { // up to ~10 s at 8 kHz while connecting
        m_pending.append(pcm);
    }
}

void DeepgramStt::finalize()
{
    if (m_open)
        m_ws.sendTextMessage(QStringLiteral(R"({"type":"Finalize"})"));
}

void DeepgramStt::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_keepAlive.stop();
    m_reconnectTimer.stop();
    if (!m_open) {
        m_ws.close();
        return;
    }
    // Deepgram answers CloseStream with its last results and a Metadata message, then closes:
    // keep listening for them, but not for long.
    m_ws.sendTextMessage(QStringLiteral(R"({"type":"CloseStream"})"));
    m_drainTimer.start(m_cfg.drainMs);
}

void DeepgramStt::endDrain()
{
    m_drainTimer.stop();
    emit drained();
}

void DeepgramStt::onMessage(const QString &text)
{
    const DeepgramMessage m = parse(text.toUtf8());
    switch (m.type) {
    case DeepgramMessage::Type::Results:
        if (!m.transcript.isEmpty()) {
            m_sawSpeech = true;
            emit transcript(m.transcript, m.isFinal, m.language);
        }
        if (m.speechFinal && m_sawSpeech) {
            m_sawSpeech = false;
            emit endOfSpeech();
        }
        break;
    case DeepgramMessage::Type::SpeechStarted:
        emit speechStarted();
        break;
    case DeepgramMessage::Type::UtteranceEnd:
        if (m_sawSpeech) { // the fallback end of turn when endpointing did not fire
            m_sawSpeech = false;
            emit endOfSpeech();
        }
        break;
    case DeepgramMessage::Type::Error:
        if (m_stopped)
            break; // the stream is being closed anyway
        emit failed(Error::make(Error::Code::Unavailable, QStringLiteral("Deepgram error: %1").arg(m.error), QStringLiteral("server_error")));
        break;
    case DeepgramMessage::Type::Metadata:
    case DeepgramMessage::Type::Unknown:
        break;
    }
}

} // namespace Leadline::Providers
