#include "chatstream.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Leadline::Providers {

static Error streamError(const QJsonValue &err)
{
    const QJsonObject o = err.toObject();
    QString msg = o.value(QStringLiteral("message")).toString();
    if (msg.isEmpty())
        msg = err.isString() ? err.toString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    const QJsonValue code = o.value(QStringLiteral("code"));
    const QString codeText = code.isDouble() ? QString::number(code.toInt()) : code.toString();
    Error e = Error::make(Error::Code::Unavailable, QStringLiteral("LLM stream error%1: %2")
                                                        .arg(codeText.isEmpty() ? QString() : QStringLiteral(" (") + codeText + QLatin1Char(')'), msg));
    e.retryable = false;
    e.detailCode = QStringLiteral("server_error");
    return e;
}

QString ChatStreamParser::feed(const QByteArray &bytes)
{
    m_buffer.append(bytes);
    m_pendingText.clear();
    qsizetype start = 0;
    while (!m_done && !m_error) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        QByteArray line = m_buffer.mid(start, nl - start);
        start = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            if (m_hasData)
                dispatch(m_data);
            m_data.clear();
            m_hasData = false;
            continue;
        }
        if (line.startsWith(':'))
            continue; // comment / keep-alive
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "data") {
            if (m_hasData)
                m_data.append('\n');
            m_data.append(value);
            m_hasData = true;
        } else if (field == "error") {
            // Older llama.cpp servers: a non-standard "error:" field.
            const QJsonObject eo = QJsonDocument::fromJson(value).object();
            m_error = streamError(eo.isEmpty() ? QJsonValue(QString::fromUtf8(value))
                                               : (eo.contains(QStringLiteral("error")) ? eo.value(QStringLiteral("error")) : QJsonValue(eo)));
        }
    }
    m_buffer.remove(0, start);
    return m_pendingText;
}

void ChatStreamParser::dispatch(const QByteArray &data)
{
    if (data.trimmed() == "[DONE]") {
        m_done = true;
        return;
    }
    QJsonParseError perr{};
    const QJsonObject o = QJsonDocument::fromJson(data, &perr).object();
    if (perr.error != QJsonParseError::NoError) {
        m_error = Error::make(Error::Code::Unavailable, QStringLiteral("LLM stream sent malformed JSON: %1").arg(perr.errorString()),
                              QStringLiteral("malformed"));
        return;
    }
    if (o.contains(QStringLiteral("error"))) {
        m_error = streamError(o.value(QStringLiteral("error")));
        return;
    }
    const QJsonValue usage = o.value(QStringLiteral("usage"));
    if (usage.isObject()) {
        m_promptTokens = usage[QStringLiteral("prompt_tokens")].toInt();
        m_completionTokens = usage[QStringLiteral("completion_tokens")].toInt();
    }
    for (const QJsonValue &c : o.value(QStringLiteral("choices")).toArray()) {
        const QJsonObject choice = c.toObject();
        const QJsonObject delta = choice.value(QStringLiteral("delta")).toObject();
        const QJsonValue content = delta.value(QStringLiteral("content"));
        if (content.isString())
            m_pendingText += content.toString();
        for (const QJsonValue &tc : delta.value(QStringLiteral("tool_calls")).toArray()) {
            const QJsonObject t = tc.toObject();
            ToolCall &call = m_tools[t.value(QStringLiteral("index")).toInt()];
            if (t.contains(QStringLiteral("id")))
                call.id = t.value(QStringLiteral("id")).toString();
            const QJsonObject fn = t.value(QStringLiteral("function")).toObject();
            if (fn.contains(QStringLiteral("name")) && !fn.value(QStringLiteral("name")).toString().isEmpty())
                call.name = fn.value(QStringLiteral("name")).toString();
            const QJsonValue args = fn.value(QStringLiteral("arguments"));
            if (args.isString())
                call.arguments += args.toString();
            else if (args.isObject()) // some servers send the object itself
                call.arguments += QString::fromUtf8(QJsonDocument(args.toObject()).toJson(QJsonDocument::Compact));
        }
        const QJsonValue finish = choice.value(QStringLiteral("finish_reason"));
        if (finish.isString())
            m_finishReason = finish.toString();
    }
}

} // namespace Leadline::Providers
