#include "pcm.h"

#include <QRandomGenerator>

#include <cmath>

namespace Leadline::Audio {

double rms(const QByteArray &pcm)
{
    const int n = sampleCount(pcm);
    if (n == 0)
        return 0.0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        const double s = sampleAt(pcm, i);
        sum += s * s;
    }
    return std::sqrt(sum / n);
}

QByteArray silence(int ms, int sampleRate)
{
    return QByteArray(qMax(0, ms) * bytesPerMs(sampleRate), '\0');
}

QByteArray tone(int ms, int sampleRate, double frequencyHz, double amplitude)
{
    const int n = qMax(0, ms) * sampleRate / 1000;
    QByteArray out(n * 2, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(out.data());
    for (int i = 0; i < n; ++i) {
        const auto v = qint16(std::lround(amplitude * 32767.0 * std::sin(2.0 * M_PI * frequencyHz * i / sampleRate)));
        p[2 * i] = uchar(quint16(v) & 0xff);
        p[2 * i + 1] = uchar(quint16(v) >> 8);
    }
    return out;
}

QByteArray lineNoise(int ms, int sampleRate, QRandomGenerator &rng, int amplitude)
{
    QByteArray out(qMax(0, ms) * bytesPerMs(sampleRate), Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(out.data());
    for (qsizetype i = 0; i < out.size(); i += 2) {
        const auto v = qint16(rng.bounded(-amplitude, amplitude + 1));
        p[i] = uchar(quint16(v) & 0xff);
        p[i + 1] = uchar(quint16(v) >> 8);
    }
    return out;
}

void padTo(QByteArray &pcm, int multiple)
{
    const qsizetype rest = pcm.size() % multiple;
    if (rest)
        pcm.append(QByteArray(multiple - rest, '\0'));
}

} // namespace Leadline::Audio
