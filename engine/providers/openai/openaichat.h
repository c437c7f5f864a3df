// OpenAiChat: streaming chat completions against any OpenAI-compatible server (OpenAI, Ollama,
// llama.cpp, vLLM): POST {base}/chat/completions with stream=true, parsed as it arrives.
// Retries 408/409/429/5xx and connection errors up to twice, honouring retry-after(-ms) when it
// is short (a caller is waiting); insufficient_quota and 4xx are not retried. textDone() comes
// as soon as a tool call starts streaming (the words before it can be spoken). Never logs the key.
// Thread: the call's worker thread (uses that worker's QNetworkAccessManager).
#pragma once

#include "chatstream.h"
#include "providers/languagemodel.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrl>

class QNetworkReply;

namespace Leadline::Providers {

struct OpenAiConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
    QByteArray apiKey;
    QString model = QStringLiteral("gpt-4o-mini");
    int maxRetries = 2;
    int maxRetryDelayMs = 2000;
    int timeoutMs = 15000;
    bool useMaxCompletionTokens = true; // false for servers that only know max_tokens
};

class OpenAiChat final : public LanguageModel
{
    Q_OBJECT
public:
    OpenAiChat(QNetworkAccessManager *nam, OpenAiConfig config, QObject *parent = nullptr);
    ~OpenAiChat() override;
    QString name() const override { return QStringLiteral("openai"); }
    void request(const LlmRequest &request) override;
    void cancel() override;
    void warmUp() override;

    static QByteArray requestBody(const LlmRequest &request, const OpenAiConfig &config);

private:
    void send();
    void onReadyRead();
    void onFinished();
    void fail(const Error &e);

    QNetworkAccessManager *m_nam;
    OpenAiConfig m_cfg;
    QByteArray m_body;
    QPointer<QNetworkReply> m_reply;
    ChatStreamParser m_parser;
    int m_attempt = 0;
    bool m_textDone = false; // textDone() emitted for this response
    quint64 m_generation = 0;
};

} // namespace Leadline::Providers
