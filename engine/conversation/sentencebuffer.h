// SentenceBuffer: turns streamed LLM tokens into complete sentences for TTS as early as
// possible (. ? ! । ॥ followed by a space or newline), never inside numbers like 1.5 or
// 45,00,000. Thread: the owner's.
#pragma once

#include <QString>
#include <QStringList>

namespace Leadline::Conversation {

class SentenceBuffer
{
public:
    QStringList feed(const QString &text);
    QString flush();
    void clear() { m_buffer.clear(); }

private:
    QString m_buffer;
};

} // namespace Leadline::Conversation
