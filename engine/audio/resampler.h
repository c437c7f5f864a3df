// Resampler: converts S16LE mono between sample rates (8/16/22.05/24/44.1/48 kHz) in a
// streaming way, with a windowed-sinc low-pass when downsampling so TTS output at 24 kHz does
// not alias into the 8 kHz phone band. Thread: the owner's; one instance per stream.
#pragma once

#include <QByteArray>
#include <vector>

namespace Leadline::Audio {

class Resampler
{
public:
    Resampler(int fromRate, int toRate);
    QByteArray process(const QByteArray &pcm); // any length; keeps state across calls
    QByteArray flush();
    int fromRate() const { return m_from; }
    int toRate() const { return m_to; }

private:
    double sampleAt(qint64 index) const;
    int m_from;
    int m_to;
    std::vector<float> m_history; // input samples not yet consumed (with filter margin)
    qint64 m_historyStart = 0;    // absolute index of m_history[0]
    double m_nextPos = 0.0;       // absolute input position of the next output sample
    qint64 m_totalIn = 0;
    std::vector<float> m_taps;    // low-pass kernel (symmetric), empty when upsampling
    int m_half = 0;
    QByteArray m_odd;             // a trailing odd byte from the previous call
};

} // namespace Leadline::Audio
