#include "resampler.h"

#include <cmath>

namespace Leadline::Audio {

Resampler::Resampler(int fromRate, int toRate) : m_from(fromRate), m_to(toRate)
{
    if (m_to < m_from) {
        // Windowed-sinc low-pass at 0.45 of the output rate (Blackman window).
        const double cutoff = 0.45 * double(m_to) / double(m_from);
        m_half = int(std::ceil(4.0 / cutoff));
        m_taps.resize(2 * m_half + 1);
        double sum = 0.0;
        for (int i = -m_half; i <= m_half; ++i) {
            const double x = M_PI * 2.0 * cutoff * i;
            const double sinc = i == 0 ? 1.0 : std::sin(x) / x;
            const double w = 0.42 + 0.5 * std::cos(M_PI * i / m_half) + 0.08 * std::cos(2.0 * M_PI * i / m_half);
            m_taps[i + m_half] = float(sinc * w);
            sum += sinc * w;
        }
        for (float &t : m_taps)
            t = float(t / sum);
    }
}

double Resampler::sampleAt(qint64 index) const
{
    const qint64 local = index - m_historyStart;
    if (local < 0 || local >= qint64(m_history.size()))
        return 0.0;
    if (m_taps.empty())
        return m_history[size_t(local)];
    double acc = 0.0;
    for (int k = -m_half; k <= m_half; ++k) {
        const qint64 j = local + k;
        if (j >= 0 && j < qint64(m_history.size()))
            acc += m_taps[k + m_half] * m_history[size_t(j)];
    }
    return acc;
}

static void appendSample(QByteArray &out, double v)
{
    const auto s = qint16(qBound(-32768L, std::lround(v), 32767L));
    out.append(char(quint16(s) & 0xff));
    out.append(char(quint16(s) >> 8));
}

QByteArray Resampler::process(const QByteArray &input)
{
    if (m_from == m_to)
        return input;
    QByteArray pcm = m_odd;
    pcm.append(input);
    m_odd.clear();
    if (pcm.size() % 2) {
        m_odd = pcm.right(1);
        pcm.chop(1);
    }
    const auto *p = reinterpret_cast<const uchar *>(pcm.constData());
    const qsizetype n = pcm.size() / 2;
    for (qsizetype i = 0; i < n; ++i)
        m_history.push_back(float(qint16(quint16(p[2 * i]) | (quint16(p[2 * i + 1]) << 8))));
    m_totalIn += n;

    QByteArray out;
    const double step = double(m_from) / double(m_to);
    // Produce outputs whose interpolation (and filter) window is fully available.
    while (m_nextPos + 1 + m_half < double(m_totalIn)) {
        const qint64 i0 = qint64(std::floor(m_nextPos));
        const double frac = m_nextPos - double(i0);
        appendSample(out, (1.0 - frac) * sampleAt(i0) + frac * sampleAt(i0 + 1));
        m_nextPos += step;
    }
    // Drop history no longer needed.
    const qint64 keepFrom = qint64(std::floor(m_nextPos)) - m_half - 1;
    if (keepFrom > m_historyStart) {
        const qint64 drop = qMin<qint64>(keepFrom - m_historyStart, qint64(m_history.size()));
        m_history.erase(m_history.begin(), m_history.begin() + drop);
        m_historyStart += drop;
    }
    return out;
}

QByteArray Resampler::flush()
{
    if (m_from == m_to)
        return {};
    QByteArray out;
    const double step = double(m_from) / double(m_to);
    while (m_nextPos < double(m_totalIn)) {
        const qint64 i0 = qint64(std::floor(m_nextPos));
        const double frac = m_nextPos - double(i0);
        appendSample(out, (1.0 - frac) * sampleAt(i0) + frac * sampleAt(i0 + 1));
        m_nextPos += step;
    }
    return out;
}

} // namespace Leadline::Audio
