// PhraseCache: the audio of short clauses replies often open with ("Wonderful,", "Ji,", "Perfect,"),
// as the vendor voice said them, so a reply whose first clause was heard before on this node
// starts at once instead of after the TTS round trip. Filled from vendor answers only (never from
// a spare or offline voice), keyed by voice, rate, language and the exact text sent to TTS;
// bounded (least recently used goes first). Thread: any (mutex); shared by every session.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <optional>

namespace Leadline::Conversation {

class PhraseCache
{
public:
    explicit PhraseCache(int maxEntries = 256, int maxWords = 3, int maxChars = 32);
    // Short enough to be worth keeping (a reply's opening clause, not a sentence).
    bool cacheable(const QString &text) const;
    static QString key(const QString &voice, int sampleRate, const QString &language, const QString &text);
    std::optional<QByteArray> find(const QString &key);
    void store(const QString &key, const QByteArray &pcm);
    int size() const;
    int hits() const;

private:
    const int m_maxEntries;
    const int m_maxWords;
    const int m_maxChars;
    mutable QMutex m_mutex;
    struct Entry { QByteArray pcm; quint64 usedAt = 0; };
    QHash<QString, Entry> m_entries;
    quint64 m_tick = 0;
    int m_hits = 0;
};

} // namespace Leadline::Conversation
