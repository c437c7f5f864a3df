#include "tonedetector.h"

#include "audio/pcm.h"

#include <QVarLengthArray>
#include <cmath>

namespace Leadline::Screening {

double ToneDetector::purity(const float *x, int n, int sampleRate, double frequencyHz)
{
    if (n <= 0 || sampleRate <= 0)
        return 0.0;
    double energy = 0.0;
    for (int i = 0; i < n; ++i)
        energy += double(x[i]) * x[i];
    if (energy <= 0.0)
        return 0.0;
    // Goertzel: |X(f)|^2 for a (possibly non-integer) bin.
    const double w = 2.0 * M_PI * frequencyHz / sampleRate;
    const double coeff = 2.0 * std::cos(w);
    double s1 = 0.0, s2 = 0.0;
    for (int i = 0; i < n; ++i) {
        const double s0 = x[i] + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    // A sine of amplitude A: power = (N A / 2)^2, energy = N A^2 / 2  ->  ratio 1.
    return 2.0 * power / (double(n) * energy);
}

bool ToneDetector::feed(const QByteArray &pcm, int sampleRate)
{
    if (sampleRate <= 0)
        return false;
    const int frameBytes = 20 * Audio::bytesPerMs(sampleRate);
    m_pending.append(pcm);
    bool qualified = false;
    qsizetype offset = 0;
    QVarLengthArray<float, 640> buf(frameBytes / 2);
    while (m_pending.size() - offset >= frameBytes) {
        const QByteArray f = QByteArray::fromRawData(m_pending.constData() + offset, frameBytes);
        for (int i = 0; i < frameBytes / 2; ++i)
            buf[i] = float(Audio::sampleAt(f, i));
        qualified = frame(buf.data(), frameBytes / 2, sampleRate) || qualified;
        offset += frameBytes;
    }
    m_pending.remove(0, offset);
    return qualified;
}

bool ToneDetector::frame(const float *x, int n, int sampleRate)
{
    const int frameMs = n * 1000 / sampleRate;
    m_positionMs += frameMs;
    double sum = 0.0;
    for (int i = 0; i < n; ++i)
        sum += double(x[i]) * x[i];
    const double level = std::sqrt(sum / qMax(1, n));

    double bestHz = 0.0, best = 0.0;
    if (level >= m_cfg.minRms) {
        const double top = qMin(m_cfg.maxHz, sampleRate / 2.0 - 100.0);
        for (double hz = m_cfg.minHz; hz <= top + 0.01; hz += m_cfg.stepHz) {
            const double p = purity(x, n, sampleRate, hz);
            if (p > best) {
                best = p;
                bestHz = hz;
            }
        }
    }
    const bool tonal = best >= m_cfg.minPurity;
    if (!tonal) {
        m_runMs = 0;
        m_runStartMs = -1;
        m_reported = false;
        return false;
    }
    if (m_runMs > 0 && std::abs(bestHz - m_runHz) <= m_cfg.maxDriftHz) {
        m_runMs += frameMs;
        m_runHz = 0.8 * m_runHz + 0.2 * bestHz;
    } else {
        m_runMs = frameMs;
        m_runHz = bestHz;
        m_runStartMs = m_positionMs - frameMs;
        m_reported = false;
    }
    if (m_runMs >= m_cfg.minToneMs) {
        m_last.frequencyHz = m_runHz;
        m_last.startMs = m_runStartMs;
        m_last.durationMs = m_runMs;
        if (!m_reported) {
            m_reported = true;
            ++m_count;
            return true;
        }
    }
    return false;
}

} // namespace Leadline::Screening
