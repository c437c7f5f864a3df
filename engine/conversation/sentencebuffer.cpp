#include "sentencebuffer.h"

namespace Leadline::Conversation {

static bool isTerminator(QChar c)
{
    return c == QLatin1Char('.') || c == QLatin1Char('?') || c == QLatin1Char('!') || c == QChar(0x0964) || c == QChar(0x0965);
}

QStringList SentenceBuffer::feed(const QString &text)
{
    m_buffer += text;
    QStringList out;
    int start = 0;
    for (int i = 0; i + 1 < m_buffer.size(); ++i) {
        if (!isTerminator(m_buffer.at(i)) || !m_buffer.at(i + 1).isSpace())
            continue;
        // "Rs. 50", "Mr. Rao": a dot after a short abbreviation is not an end.
        if (m_buffer.at(i) == QLatin1Char('.')) {
            int w = i;
            while (w > start && m_buffer.at(w - 1).isLetter())
                --w;
            const QString word = m_buffer.mid(w, i - w).toLower();
            static const QStringList abbreviations = {QStringLiteral("mr"), QStringLiteral("mrs"), QStringLiteral("ms"),
                                                      QStringLiteral("dr"), QStringLiteral("rs"), QStringLiteral("approx"),
                                                      QStringLiteral("no"), QStringLiteral("st"), QStringLiteral("sq")};
            if (abbreviations.contains(word))
                continue;
        }
        const QString s = m_buffer.mid(start, i + 1 - start).trimmed();
        if (!s.isEmpty())
            out.append(s);
        start = i + 1;
    }
    m_buffer.remove(0, start);
    return out;
}

QString SentenceBuffer::flush()
{
    const QString rest = m_buffer.trimmed();
    m_buffer.clear();
    return rest;
}

} // namespace Leadline::Conversation
