// ChatStreamParser: incremental parser for OpenAI-compatible chat-completion SSE streams
// (reference vendors.md §2.2-2.5): splits events, joins data lines, ignores comments, detects
// [DONE], mid-stream errors (data {"error":..} and llama.cpp's "error:" field), accumulates
// content deltas and tool-call fragments by index, finish_reason and usage.
// Thread: the owner's; one per response.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace Leadline::Providers {

class ChatStreamParser
{
public:
    struct ToolCall
    {
        QString id;
        QString name;
        QString arguments; // raw JSON text, complete after finish
    };

    // Feeds raw bytes; returns the content text that arrived in them (may be empty).
    QString feed(const QByteArray &bytes);
    bool done() const { return m_done; }
    bool failed() const { return m_error.has_value(); }
    const Error &error() const { return *m_error; }
    QString finishReason() const { return m_finishReason; }
    QList<ToolCall> toolCalls() const { return m_tools.values(); }
    int promptTokens() const { return m_promptTokens; }
    int completionTokens() const { return m_completionTokens; }

private:
    void dispatch(const QByteArray &data);
    QByteArray m_buffer;
    QByteArray m_data;
    bool m_hasData = false;
    bool m_done = false;
    std::optional<Error> m_error;
    QString m_pendingText;
    QString m_finishReason;
    QMap<int, ToolCall> m_tools;
    int m_promptTokens = 0;
    int m_completionTokens = 0;
};

} // namespace Leadline::Providers
