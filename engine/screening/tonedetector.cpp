#include "tonedetector.h"

#include "audio/pcm.h"

#include <array>
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
    const double w = 2.0 * M_PI * frequencyHz / sampleRate;
    const double coeff = 2.0 * std::cos(w);
    double s1 = 0.0, s2 = 0.0;
    for (int i = 0; i < n; ++i) {
        const double s0 = x[i] + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
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
    while (m_pending.size() - offset >= frameBytes) {
        qualified = feedFrame(m_pending.constData() + offset, frameBytes / 2, sampleRate, m_positionMs + 20) || qualified;
        offset += frameBytes;
    }
    m_pending.remove(0, offset);
    return qualified;
}

bool ToneDetector::feedFrame(const char *s16le, int n, int sampleRate, qint64 endMs)
{
    const int frameMs = sampleRate > 0 ? n * 1000 / sampleRate : 0;
    m_positionMs = endMs;
    m_ended = Tone{};
    m_frame = Frame{};
    if (n < 16 || frameMs <= 0)
        return false;
    // Sums for the predictors x[i] + x[i-2] = c1 x[i-1] and x[i] + x[i-8] = c4 x[i-4]: a sine
    // obeys both (c1 = 2 cos w, c4 = 2 cos 4w). The first gives the frequency; the second, at four
    // times the lag, tells apart close low notes that the first lumps together (a chord of 262,
    // 330 and 392 Hz is almost one sine to it at 8 kHz).
    std::array<float, 2048> x; // on the stack: no allocation per frame
    n = qMin(n, int(x.size()));
    // A one-pole high-pass (about 250 Hz) first: low-frequency line noise (pink, hum) would
    // otherwise swamp the fit, while a tone stays a tone (the filter is linear and keeps its state).
    double energy = 0.0;
    for (int i = 0; i < n; ++i) {
        const double in = double(qint16(quint16(quint8(s16le[2 * i])) | quint16(quint8(s16le[2 * i + 1])) << 8));
        energy += in * in;
        m_hpOut = 0.8 * (m_hpOut + in - m_hpIn);
        m_hpIn = in;
        x[size_t(i)] = float(m_hpOut);
    }
    double saa = 0.0, sab = 0.0, sbb = 0.0, scc = 0.0, scd = 0.0, sdd = 0.0;
    for (int i = 8; i < n; ++i) {
        const double a = double(x[size_t(i)]) + x[size_t(i - 2)], b = x[size_t(i - 1)];
        const double c = double(x[size_t(i)]) + x[size_t(i - 8)], d = x[size_t(i - 4)];
        saa += a * a;
        sab += a * b;
        sbb += b * b;
        scc += c * c;
        scd += c * d;
        sdd += d * d;
    }
    m_frame.level = std::sqrt(energy / n);
    if (sbb > 0.0 && sdd > 0.0) {
        const double c1 = sab / sbb, c4 = scd / sdd;
        m_frame.fit = c1;
        // 1 - (sum of squared prediction errors at the least-squares c) / (2 x signal energy).
        const double p1 = 1.0 - qMax(0.0, saa - sab * c1) / (2.0 * sbb);
        const double p4 = 1.0 - qMax(0.0, scc - scd * c4) / (2.0 * sdd);
        m_frame.purity = qBound(0.0, qMin(p1, p4), 1.0);
        if (c1 > -2.0 && c1 < 2.0) {
            const double w = std::acos(c1 / 2.0);
            m_frame.hz = w * sampleRate / (2.0 * M_PI);
            // Both fits must name the same frequency.
            if (std::abs(c4 - 2.0 * std::cos(4.0 * w)) > 0.6)
                m_frame.purity = qMin(m_frame.purity, 0.5);
        }
    }
    m_frame.tonal = m_frame.level >= m_cfg.minRms && m_frame.purity >= m_cfg.minPurity && m_frame.hz >= m_cfg.minHz
                    && m_frame.hz <= m_cfg.maxHz;
    const bool continues = m_frame.tonal && m_runMs > 0 && std::abs(m_frame.hz - m_runHz) <= m_cfg.maxDriftHz;
    if (!continues && m_runMs >= m_cfg.minRunMs)
        m_ended = Tone{m_runHz, m_runStartMs, m_runMs};
    if (!m_frame.tonal) {
        m_runMs = 0;
        m_runStartMs = -1;
        m_reported = false;
        return false;
    }
    if (continues) {
        m_runMs += frameMs;
        m_runHz = 0.8 * m_runHz + 0.2 * m_frame.hz;
    } else {
        m_runMs = frameMs;
        m_runHz = m_frame.hz;
        m_runStartMs = endMs - frameMs;
        m_reported = false;
    }
    if (m_runMs >= m_cfg.minToneMs) {
        m_last = Tone{m_runHz, m_runStartMs, m_runMs};
        if (!m_reported) {
            m_reported = true;
            ++m_count;
            return true;
        }
    }
    return false;
}

} // namespace Leadline::Screening
