#include "elevenlabstts.h"

#include <QJsonDocument>
#include <QJsonObject>
#include "core/oneshotbody.h"
#include "providers/replyutil.h"

#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

namespace Leadline::Providers {

ElevenLabsTts::ElevenLabsTts(QNetworkAccessManager *nam, ElevenLabsConfig config, QObject *parent)
    : TextToSpeech(parent), m_nam(nam), m_cfg(std::move(config))
{
}

ElevenLabsTts::~ElevenLabsTts() { cancel(); }

QByteArray ElevenLabsTts::requestBody(const QString &text, const TtsOptions &options, const ElevenLabsConfig &config)
{
    QJsonObject body{{QStringLiteral("text"), text}, {QStringLiteral("model_id"), config.model}};
    // language_code is rejected by eleven_multilingual_v2 and honoured by flash/turbo v2.5 and v3.
    if (!config.model.startsWith(QLatin1String("eleven_multilingual_v2")) && !options.language.isEmpty())
        body.insert(QStringLiteral("language_code"), options.language.left(2));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void ElevenLabsTts::synthesize(int requestId, const QString &text, const TtsOptions &options)
{
    m_queue.append(Job{requestId, text, options});
    if (!m_reply && !m_waiting)
        startNext();
}

void ElevenLabsTts::warmUp() { warmConnection(m_nam, m_cfg.baseUrl); }

void ElevenLabsTts::cancel()
{
    ++m_generation;
    m_waiting = false;
    m_queue.clear();
    m_currentId = -1;
    m_odd.clear();
    dropReply(m_reply, this);
}

void ElevenLabsTts::startNext()
{
    if (m_queue.isEmpty())
        return;
    const Job job = m_queue.takeFirst();
    m_waiting = false;
    m_currentId = job.id;
    m_odd.clear();
    QUrl url = m_cfg.baseUrl;
    url.setPath(QStringLiteral("/v1/text-to-speech/%1/stream").arg(m_cfg.voiceId));
    url.setQuery(QUrlQuery{{QStringLiteral("output_format"), QStringLiteral("pcm_%1").arg(m_cfg.sampleRate)}});
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("xi-api-key", m_cfg.apiKey);
    req.setTransferTimeout(m_cfg.timeoutMs);
    // Sent once: a connection dropped after ElevenLabs read the request may have been billed, so
    // Qt must not re-send it on its own (the sentence goes to the spare voice instead).
    auto *body = new OneShotBody(requestBody(job.text, job.options, m_cfg));
    req.setHeader(QNetworkRequest::ContentLengthHeader, body->size());
    QNetworkReply *reply = m_nam->post(req, body);
    body->setParent(reply);
    m_reply = reply;
    const int id = job.id;
    connect(reply, &QNetworkReply::readyRead, this, [this, reply, id] {
        if (reply != m_reply || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return;
        QByteArray pcm = m_odd + reply->readAll();
        m_odd.clear();
        if (pcm.size() % 2) {
            m_odd = pcm.right(1);
            pcm.chop(1);
        }
        if (!pcm.isEmpty())
            emit audio(id, pcm);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, job] {
        const int id = job.id;
        if (reply != m_reply)
            return;
        m_reply = nullptr;
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 && reply->error() == QNetworkReply::NoError) {
            const QByteArray rest = reply->readAll();
            if (!rest.isEmpty())
                emit audio(id, rest.left(rest.size() - rest.size() % 2));
            emit done(id);
        } else if (const int delay = retryDelayMs(reply, status, job.attempt); delay >= 0) {
            // A blip: the same sentence again, ahead of the rest, after the vendor's delay.
            Job again = job;
            ++again.attempt;
            m_queue.prepend(again);
            m_waiting = true;
            const quint64 gen = m_generation;
            QTimer::singleShot(delay, this, [this, gen] {
                if (gen == m_generation && m_waiting)
                    startNext();
            });
            return;
        } else {
            const QJsonObject detail = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("detail")).toObject();
            const QString what = detail.value(QStringLiteral("message")).toString();
            emit failed(id, Error::make(status == 401 ? Error::Code::Unauthorized : Error::Code::Unavailable,
                                        QStringLiteral("TTS failed (HTTP %1 %2): %3")
                                            .arg(status).arg(detail.value(QStringLiteral("status")).toString(),
                                                             what.isEmpty() ? reply->errorString() : what),
                                        httpFailureKind(status, reply->error())));
        }
        startNext();
    });
}

int ElevenLabsTts::retryDelayMs(QNetworkReply *reply, int status, int attempt) const
{
    if (attempt >= m_cfg.maxRetries)
        return -1;
    const QNetworkReply::NetworkError error = reply->error();
    // A vendor answer that says "not done": 429 system_busy / too_many_concurrent_requests, 5xx.
    // With no answer, only a connection that never got the request through may be repeated.
    const bool unreached = status == 0
                           && (error == QNetworkReply::ConnectionRefusedError || error == QNetworkReply::HostNotFoundError
                               || error == QNetworkReply::TemporaryNetworkFailureError);
    if (!(status == 429 || status >= 500) && !unreached)
        return -1;
    int delay = 200 * (1 << attempt); // 200 ms, 400 ms
    const QByteArray ms = reply->rawHeader("retry-after-ms");
    const QByteArray secs = reply->rawHeader("retry-after");
    bool ok = false;
    if (!ms.isEmpty()) {
        const int v = ms.trimmed().toInt(&ok);
        if (ok)
            delay = v;
    } else if (!secs.isEmpty()) {
        const double v = secs.trimmed().toDouble(&ok);
        delay = ok ? int(v * 1000) : m_cfg.maxRetryDelayMs + 1; // an HTTP date: far too long to wait
    }
    return delay <= m_cfg.maxRetryDelayMs ? qMax(0, delay) : -1;
}

} // namespace Leadline::Providers
