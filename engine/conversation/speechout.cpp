#include "speechout.h"

#include "audio/pcm.h"
#include "telephony/mediaprotocol.h"

namespace Leadline::Conversation {

SpeechOut::SpeechOut(MediaTransport &transport, TimerSource &timers, QObject *owner, PacingStats &stats,
                     int aheadOfRealTimeMs, Callbacks callbacks)
    : m_transport(transport)
    , m_timers(timers)
    , m_owner(owner)
    , m_stats(stats)
    , m_aheadMs(aheadOfRealTimeMs)
    , m_cb(std::move(callbacks))
{
}

SpeechOut::~SpeechOut()
{
    if (m_pacer && m_owner)
        m_pacer->cancel(m_owner);
}

void SpeechOut::setStream(const QString &streamSid, int sampleRate)
{
    m_streamSid = streamSid;
    m_sampleRate = sampleRate;
}

void SpeechOut::append(const QByteArray &pcm)
{
    m_outbound.append(pcm);
    noteReadiness();
}

void SpeechOut::padToFrame() { Audio::padTo(m_outbound, kFrameBytes); }

void SpeechOut::markHere(const QString &name)
{
    padToFrame();
    m_marksAt.append({m_outboundOffset + m_outbound.size(), name});
}

bool SpeechOut::playing() const { return m_playStartUs >= 0 && m_sentMs > playElapsedMs(); }

qint64 SpeechOut::aheadMs() const { return m_sentMs - playElapsedMs(); }

qsizetype SpeechOut::sendableBytes() const
{
    if (m_outbound.isEmpty())
        return 0;
    // Exotel wants chunks of at least 3.2 kB in multiples of 320 B (reference §1.5); only a
    // reply's last chunk may be shorter (already padded to 320 B). Marks go out after the chunk
    // holding their sentence's last byte, so chunks are not cut at sentence ends.
    const int full = fullChunkBytes();
    if (m_outbound.size() >= full)
        return full;
    if (m_cb.moreAudioComing())
        return 0;
    return m_outbound.size() - m_outbound.size() % kFrameBytes;
}

void SpeechOut::noteReadiness()
{
    if (m_readySinceUs < 0 && sendableBytes() > 0)
        m_readySinceUs = m_timers.elapsedUs();
}

void SpeechOut::schedulePump(int inMs)
{
    if (m_pacer) {
        m_pacer->schedule(m_owner, inMs, [this] { pump(); });
        return;
    }
    if (!m_timer)
        m_timer = m_timers.createTimer(m_owner, [this] { pump(); });
    m_timer->start(inMs);
}

void SpeechOut::cancelPump()
{
    if (m_pacer)
        m_pacer->cancel(m_owner);
    if (m_timer)
        m_timer->stop();
}

void SpeechOut::close()
{
    m_closed = true;
    cancelPump();
}

void SpeechOut::pump()
{
    if (m_closed)
        return;
    const int bytesPerMs = Audio::bytesPerMs(m_sampleRate);

    // A new playback run starts when the previous one has fully played out.
    if (m_playStartUs < 0 || m_sentMs <= playElapsedMs()) {
        if (!m_outbound.isEmpty()) {
            m_playStartUs = m_timers.elapsedUs();
            m_sentMs = 0;
        }
    }
    noteReadiness();
    while (!m_outbound.isEmpty()) {
        const qint64 ahead = aheadMs();
        if (ahead >= m_aheadMs)
            break;
        qsizetype n = sendableBytes();
        if (n <= 0 && !m_marksAt.isEmpty() && ahead <= kRunDryMs) {
            // A finished sentence waits for the next one's audio and playback is about to run
            // dry: fill the chunk up with silence rather than send a short one.
            m_outbound.append(QByteArray(fullChunkBytes() - m_outbound.size(), '\0'));
            n = sendableBytes();
        }
        if (n <= 0)
            break;
        const QByteArray pcm = m_outbound.left(n);
        m_outbound.remove(0, n);
        const qint64 audioMs = n / bytesPerMs;
        const qint64 now = m_timers.elapsedUs();
        const qint64 readyUs = m_readySinceUs >= 0 ? m_readySinceUs : now;
        if (m_cb.chunkLeaving)
            m_cb.chunkLeaving(now, readyUs);
        if (m_sentMs > 0) {
            // Pacing: how late this frame left against its schedule (playback position minus the
            // sent-ahead budget), or against when its audio arrived if the vendor was slower.
            const qint64 dueUs = m_playStartUs + (m_sentMs - m_aheadMs) * 1000;
            m_stats.pacingJitterUs.append(qMax<qint64>(0, now - qMax(dueUs, readyUs)));
            m_stats.pacingAtMs.append(m_timers.epochMs());
        }
        m_transport.sendText(Telephony::mediaFrame(m_streamSid, pcm, ++m_chunkCounter, m_sentMs));
        ++m_stats.framesSent;
        m_sentMs += audioMs;
        m_outboundOffset += n;
        m_readySinceUs = -1;
        noteReadiness();
        while (!m_marksAt.isEmpty() && m_marksAt.first().first <= m_outboundOffset) {
            const QString name = m_marksAt.takeFirst().second;
            m_pendingMarks.append(name);
            m_transport.sendText(Telephony::markFrame(m_streamSid, name));
        }
    }
    if (!m_outbound.isEmpty()) {
        const qint64 ahead = aheadMs();
        // Wake exactly when the next frame is due (ahead drops to the budget), or, while less
        // than a chunk waits for more audio, when playback is about to run dry.
        if (ahead >= m_aheadMs)
            schedulePump(int(qBound<qint64>(qint64(1), ahead - m_aheadMs + 1, qint64(kMaxPumpDelayMs))));
        else if (!m_marksAt.isEmpty())
            schedulePump(int(qBound<qint64>(qint64(1), ahead - kRunDryMs + 1, qint64(kMaxPumpDelayMs))));
    } else if (!m_cb.moreAudioComing()) {
        // Everything said: report when it will have played out.
        const qint64 remaining = qMax<qint64>(0, m_sentMs - playElapsedMs());
        if (m_cb.drained)
            m_cb.drained(remaining);
    }
}

bool SpeechOut::clearPlayback()
{
    const bool audioOut = playing();
    if (audioOut || m_outboundOffset > 0) {
        m_transport.sendText(Telephony::clearFrame(m_streamSid));
        ++m_stats.clearsSent;
    }
    return audioOut;
}

void SpeechOut::reset()
{
    m_outbound.clear();
    m_readySinceUs = -1;
    m_marksAt.clear();
    m_pendingMarks.clear();
    m_sentMs = 0;
    m_playStartUs = -1;
    cancelPump();
}

} // namespace Leadline::Conversation
