#include "turntaking.h"

#include "textrules.h"

#include <utility>

namespace Leadline::Conversation {

void CallerTurn::appendFinal(const QString &text)
{
    if (!m_finals.isEmpty())
        m_finals += QLatin1Char(' ');
    m_finals += text.trimmed();
}

QString CallerTurn::wordsSoFar() const
{
    QString said = m_finals;
    if (!m_interim.isEmpty())
        said += (said.isEmpty() ? QString() : QStringLiteral(" ")) + m_interim;
    return said.trimmed();
}

QString CallerTurn::take() { return std::exchange(m_finals, QString()); }

QString Speculation::wordsOf(const QString &text)
{
    QString out;
    for (const QChar c : text.toLower())
        out += c.isLetterOrNumber() || c.isMark() ? c : QLatin1Char(' ');
    return out.simplified();
}

bool Speculation::due(qint64 lastWordMs, qint64 positionMs, qint64 lastTranscriptAtMs) const
{
    if (!enabled() || m_running)
        return false;
    // Local silence, and a transcript that came after the caller's last word (the recogniser has
    // caught up: the words are stable).
    return lastWordMs >= 0 && positionMs - lastWordMs >= m_afterSilenceMs && lastTranscriptAtMs > lastWordMs;
}

bool Speculation::worthTrying(const QString &said) const
{
    return !said.isEmpty() && said != m_lastTried && !isBackchannel(said) && !isOptOut(said);
}

void Speculation::start(const QString &said, qint64 lastWordMs)
{
    // The caller has likely finished: think while the recogniser confirms.
    m_held.clear();
    m_running = true;
    m_text = said;
    m_lastTried = said;
    m_lastWordMs = lastWordMs;
    m_startedUs = m_time.elapsedUs();
    m_firstTokenUs = -1;
    m_chars = 0;
    ++m_stats.speculativeRequests;
}

bool Speculation::answersOtherWords(const QString &said) const { return m_running && wordsOf(said) != wordsOf(m_text); }

void Speculation::noteToken(const QString &text)
{
    if (!m_running)
        return;
    if (m_firstTokenUs < 0)
        m_firstTokenUs = m_time.elapsedUs();
    m_chars += int(text.size());
}

bool Speculation::hold(std::function<void()> event)
{
    if (!m_running)
        return false;
    m_held.append(std::move(event));
    return true;
}

void Speculation::drop()
{
    if (!m_running)
        return;
    m_cancel();
    ++m_stats.speculativeDropped;
    m_stats.speculativeWastedTokens += (m_chars + 3) / 4; // about 4 characters a token
    const QString lastTried = m_lastTried;
    m_running = false;
    m_text.clear();
    m_lastWordMs = -1;
    m_startedUs = 0;
    m_firstTokenUs = -1;
    m_chars = 0;
    m_held.clear();
    m_lastTried = lastTried;
}

std::optional<Speculation::Confirmed> Speculation::confirm(const QString &callerText, bool mayReply)
{
    if (!m_running)
        return std::nullopt;
    if (wordsOf(m_text) != wordsOf(callerText) || !mayReply) {
        drop();
        return std::nullopt;
    }
    Confirmed c{m_startedUs, m_firstTokenUs, std::exchange(m_held, {})};
    // Confirmed: the next turn may try any words again.
    m_running = false;
    m_text.clear();
    m_lastTried.clear();
    m_lastWordMs = -1;
    m_startedUs = 0;
    m_firstTokenUs = -1;
    m_chars = 0;
    return c;
}

} // namespace Leadline::Conversation
