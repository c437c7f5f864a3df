#include "vad.h"

#include "pcm.h"

namespace Leadline::Audio {

EnergyVad::Event EnergyVad::feed(const QByteArray &pcm, int sampleRate)
{
    const int frameBytes = 20 * bytesPerMs(sampleRate);
    m_pending.append(pcm);
    Event last = Event::None;
    qsizetype offset = 0;
    while (m_pending.size() - offset >= frameBytes) {
        const Event e = frame(rms(QByteArray::fromRawData(m_pending.constData() + offset, frameBytes)), 20);
        if (e != Event::None)
            last = e;
        offset += frameBytes;
    }
    m_pending.remove(0, offset);
    return last;
}

EnergyVad::Event EnergyVad::frame(double level, int frameMs)
{
    m_positionMs += frameMs;
    const bool loud = level >= m_cfg.minSpeechRms && level >= m_noise * m_cfg.noiseFactor;
    if (!loud) // track the noise floor only on quiet frames, slowly
        m_noise = 0.95 * m_noise + 0.05 * qMax(1.0, level);
    if (!m_inSpeech) {
        m_candidateMs = loud ? m_candidateMs + frameMs : 0;
        if (m_candidateMs >= m_cfg.onsetMs) {
            m_inSpeech = true;
            m_speechMs = m_candidateMs;
            m_silenceMs = 0;
            m_segmentStartMs = m_positionMs - m_candidateMs;
            m_candidateMs = 0;
            m_lastSpeechEndMs = m_positionMs;
            return Event::SpeechStarted;
        }
        return Event::None;
    }
    if (loud) {
        m_speechMs = int(m_positionMs - m_segmentStartMs); // up to the last loud frame, not the hangover
        m_lastSpeechEndMs = m_positionMs;
    }
    m_silenceMs = loud ? 0 : m_silenceMs + frameMs;
    if (m_silenceMs >= m_cfg.hangoverMs) {
        m_inSpeech = false;
        m_speechMs = 0;
        m_silenceMs = 0;
        return Event::SpeechEnded;
    }
    return Event::None;
}

} // namespace Leadline::Audio
