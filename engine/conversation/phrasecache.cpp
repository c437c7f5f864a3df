#include "phrasecache.h"

#include <algorithm>

namespace Leadline::Conversation {

PhraseCache::PhraseCache(int maxEntries, int maxWords, int maxChars)
    : m_maxEntries(qMax(1, maxEntries)), m_maxWords(maxWords), m_maxChars(maxChars)
{
}

bool PhraseCache::cacheable(const QString &text) const
{
    const QString t = text.trimmed();
    return !t.isEmpty() && t.size() <= m_maxChars && t.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() <= m_maxWords;
}

QString PhraseCache::key(const QString &voice, int sampleRate, const QString &language, const QString &text)
{
    return voice + QLatin1Char('\x1f') + QString::number(sampleRate) + QLatin1Char('\x1f') + language + QLatin1Char('\x1f') + text.trimmed();
}

std::optional<QByteArray> PhraseCache::find(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    it->usedAt = ++m_tick;
    ++m_hits;
    return it->pcm;
}

void PhraseCache::store(const QString &key, const QByteArray &pcm)
{
    if (pcm.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    if (!m_entries.contains(key) && m_entries.size() >= m_maxEntries) {
        const auto oldest = std::min_element(m_entries.begin(), m_entries.end(),
                                             [](const Entry &a, const Entry &b) { return a.usedAt < b.usedAt; });
        m_entries.erase(oldest);
    }
    m_entries.insert(key, Entry{pcm, ++m_tick});
}

int PhraseCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

int PhraseCache::hits() const
{
    QMutexLocker lock(&m_mutex);
    return m_hits;
}

} // namespace Leadline::Conversation
