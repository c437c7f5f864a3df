#include "openaichat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include "providers/replyutil.h"

#include <QNetworkReply>
#include <QTimer>

namespace Leadline::Providers {

OpenAiChat::OpenAiChat(QNetworkAccessManager *nam, OpenAiConfig config, QObject *parent)
    : LanguageModel(parent), m_nam(nam), m_cfg(std::move(config))
{
}

OpenAiChat::~OpenAiChat() { cancel(); }

QByteArray OpenAiChat::requestBody(const LlmRequest &request, const OpenAiConfig &config)
{
    QJsonArray messages;
    for (const ChatMessage &m : request.messages)
        messages.append(QJsonObject{{QStringLiteral("role"), m.role}, {QStringLiteral("content"), m.content}});
    QJsonObject body{
        {QStringLiteral("model"), config.model},
        {QStringLiteral("stream"), true},
        {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}},
        {QStringLiteral("temperature"), request.temperature},
        {config.useMaxCompletionTokens ? QStringLiteral("max_completion_tokens") : QStringLiteral("max_tokens"), request.maxTokens},
        {QStringLiteral("messages"), messages},
    };
    if (!request.tools.isEmpty()) {
        body.insert(QStringLiteral("tools"), request.tools);
        body.insert(QStringLiteral("tool_choice"), QStringLiteral("auto"));
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void OpenAiChat::request(const LlmRequest &request)
{
    cancel();
    m_body = requestBody(request, m_cfg);
    m_attempt = 0;
    send();
}

void OpenAiChat::warmUp() { warmConnection(m_nam, m_cfg.baseUrl); }

void OpenAiChat::cancel()
{
    ++m_generation;
    dropReply(m_reply, this);
}

void OpenAiChat::send()
{
    QUrl url = m_cfg.baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + QStringLiteral("/chat/completions"));
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("Accept", "text/event-stream");
    if (!m_cfg.apiKey.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_cfg.apiKey);
    req.setTransferTimeout(m_cfg.timeoutMs);
    m_parser = ChatStreamParser();
    m_textDone = false;
    m_reply = m_nam->post(req, m_body);
    connect(m_reply, &QNetworkReply::readyRead, this, &OpenAiChat::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &OpenAiChat::onFinished);
}

void OpenAiChat::onReadyRead()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // error body is read whole in onFinished
    const quint64 gen = m_generation;
    const QString text = m_parser.feed(m_reply->readAll());
    if (!text.isEmpty())
        emit token(text);
    if (gen != m_generation)
        return; // cancelled from a slot
    if (!m_textDone && !m_parser.toolCalls().isEmpty()) {
        m_textDone = true; // content comes before tool calls: the words are all here
        emit textDone();
        if (gen != m_generation)
            return;
    }
    if (m_parser.failed()) {
        const Error e = m_parser.error();
        cancel();
        fail(e);
    }
}

static int retryDelayMs(QNetworkReply *reply, int attempt)
{
    const QByteArray ms = reply->rawHeader("retry-after-ms");
    if (!ms.isEmpty())
        return ms.toInt();
    const QByteArray s = reply->rawHeader("retry-after");
    bool ok = false;
    const double secs = s.toDouble(&ok);
    if (ok)
        return int(secs * 1000);
    return 250 * (1 << attempt); // 250 ms, 500 ms
}

void OpenAiChat::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200 && reply->error() == QNetworkReply::NoError) {
        const QString text = m_parser.feed(reply->readAll() + "\n\n");
        if (!text.isEmpty())
            emit token(text);
        if (m_parser.failed())
            return fail(m_parser.error());
        if (!m_parser.done() && m_parser.finishReason().isEmpty())
            return fail(Error::make(Error::Code::Unavailable, QStringLiteral("LLM stream ended early (no [DONE], no finish_reason)"),
                                    QStringLiteral("malformed")));
        for (const auto &call : m_parser.toolCalls()) {
            const QJsonDocument args = QJsonDocument::fromJson(call.arguments.toUtf8());
            emit toolCall(call.name, args.object());
        }
        emit finished(LlmUsage{m_parser.promptTokens(), m_parser.completionTokens()});
        return;
    }
    const QByteArray body = reply->readAll();
    const QJsonObject err = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    const QString code = err.value(QStringLiteral("code")).isDouble() ? QString::number(err.value(QStringLiteral("code")).toInt())
                                                                       : err.value(QStringLiteral("code")).toString();
    const bool retryableStatus = status == 408 || status == 409 || status == 429 || status >= 500
                                 || (status == 0 && reply->error() != QNetworkReply::OperationCanceledError);
    const bool quota = code == QLatin1String("insufficient_quota");
    const int delay = retryDelayMs(reply, m_attempt);
    if (retryableStatus && !quota && m_attempt < m_cfg.maxRetries && delay <= m_cfg.maxRetryDelayMs
        && QString::fromUtf8(reply->rawHeader("x-should-retry")) != QLatin1String("false")) {
        ++m_attempt;
        const quint64 gen = m_generation;
        QTimer::singleShot(delay, this, [this, gen] {
            if (gen == m_generation)
                send();
        });
        return;
    }
    QString msg = err.value(QStringLiteral("message")).toString();
    if (msg.isEmpty())
        msg = status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
    Error e = Error::make(status == 401 || status == 403 ? Error::Code::Unauthorized : Error::Code::Unavailable,
                          QStringLiteral("LLM request failed (HTTP %1%2): %3").arg(status).arg(code.isEmpty() ? QString() : QStringLiteral(", ") + code, msg));
    e.detailCode = httpFailureKind(status, reply->error());
    fail(e);
}

void OpenAiChat::fail(const Error &e) { emit failed(e); }

} // namespace Leadline::Providers
