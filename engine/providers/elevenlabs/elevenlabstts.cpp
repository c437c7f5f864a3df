#include "elevenlabstts.h"

#include <QJsonDocument>
#include <QJsonObject>
#include "providers/replyutil.h"

#include <QNetworkReply>
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
    if (!m_reply)
        startNext();
}

void ElevenLabsTts::cancel()
{
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
    m_currentId = job.id;
    m_odd.clear();
    QUrl url = m_cfg.baseUrl;
    url.setPath(QStringLiteral("/v1/text-to-speech/%1/stream").arg(m_cfg.voiceId));
    url.setQuery(QUrlQuery{{QStringLiteral("output_format"), QStringLiteral("pcm_%1").arg(m_cfg.sampleRate)}});
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("xi-api-key", m_cfg.apiKey);
    req.setTransferTimeout(m_cfg.timeoutMs);
    QNetworkReply *reply = m_nam->post(req, requestBody(job.text, job.options, m_cfg));
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
    connect(reply, &QNetworkReply::finished, this, [this, reply, id] {
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

} // namespace Leadline::Providers
