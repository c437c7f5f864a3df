// SentenceSplitter: cuts streamed LLM text into sentences for TTS as soon as each one ends. Ends
// on . ? ! । ॥ and newlines, in any mix of scripts; never inside numbers ("1.5", "45,00,000",
// "6.30"), after "Rs." or abbreviations ("Mr.", "Dr.", "approx."), or after an initial ("A. P.").
// A '.' is only an end once the next character (whitespace) has arrived, so feed() may hold the
// tail back until the next chunk or flush(). Optionally the first piece may end at a clause.
// Thread: reentrant, no global state; one instance per stream, not shared between threads.
#pragma once

#include <QString>
#include <QStringList>

namespace Leadline::Language {

class SentenceSplitter
{
public:
    // Appends a chunk; returns the sentences it completed (trimmed, non-empty), in order.
    QStringList feed(const QString &chunk);

    // The text held back (trimmed; may be empty); the splitter is empty afterwards.
    QString flush();

    // Splits a whole text at once (feed + flush).
    static QStringList split(const QString &text);

    // Lets the first piece of the stream end at a clause mark (, ; : —) followed by a space
    // once it has at least `minWords` words, so TTS can start on it; 0 (default) = off.
    void setFirstClauseWords(int minWords) { m_firstClauseWords = minWords; }

private:
    QString m_buffer;
    int m_scanFrom = 0;
    int m_firstClauseWords = 0;
    bool m_emitted = false; // a piece has been returned
};

} // namespace Leadline::Language
