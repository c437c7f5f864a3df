// Provider interfaces: streaming chat LLM with tools. One instance per call, on the call's
// worker thread. request() cancels whatever was running.
#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>

namespace Leadline::Providers {

struct ChatMessage
{
    QString role; // system, user, assistant
    QString content;
};

struct LlmRequest
{
    QList<ChatMessage> messages;
    QJsonArray tools;     // OpenAI "tools" array
    QJsonObject context;  // lead/campaign facts for offline engines (name, language, ...)
    int maxTokens = 180;
    double temperature = 0.4;
};

struct LlmUsage
{
    int promptTokens = 0;
    int completionTokens = 0;
};

class LanguageModel : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QString name() const = 0;
    virtual void request(const LlmRequest &request) = 0;
    virtual void cancel() = 0;
    // Open the connection to the vendor now (TCP/TLS), before the first request needs it.
    virtual void warmUp() {}

Q_SIGNALS:
    void token(const QString &text);
    // The reply's text is complete although the stream goes on (a tool call is streaming): what
    // was said can be spoken now. Optional; finished() follows in any case.
    void textDone();
    void toolCall(const QString &name, const QJsonObject &arguments);
    void finished(const Leadline::Providers::LlmUsage &usage);
    void failed(const Leadline::Error &error);
};

} // namespace Leadline::Providers
