// PCM helpers for S16LE mono audio: sample access, energy, durations. Pure functions.
#pragma once

#include <QByteArray>
#include <QtGlobal>

class QRandomGenerator;

namespace Leadline::Audio {

inline int bytesPerMs(int sampleRate) { return sampleRate / 500; } // 2 bytes per sample
inline qint64 durationMs(qsizetype bytes, int sampleRate) { return sampleRate > 0 ? qint64(bytes) * 500 / sampleRate : 0; }
inline int sampleCount(const QByteArray &pcm) { return int(pcm.size() / 2); }
inline qint16 sampleAt(const QByteArray &pcm, int i)
{
    const auto *p = reinterpret_cast<const uchar *>(pcm.constData()) + 2 * i;
    return qint16(quint16(p[0]) | (quint16(p[1]) << 8));
}
// Root mean square of the samples (0..32768).
double rms(const QByteArray &pcm);
// Silence of the given duration.
QByteArray silence(int ms, int sampleRate);
// A sine tone (for fakes and tests), amplitude 0..1.
QByteArray tone(int ms, int sampleRate, double frequencyHz, double amplitude);
// Faint white line noise, uniform in [-amplitude, amplitude] (24: about -66 dBFS, a quiet phone
// line), drawn from `rng` (a seeded generator gives the same noise every time).
QByteArray lineNoise(int ms, int sampleRate, QRandomGenerator &rng, int amplitude = 24);
// Pads with zero samples up to the next multiple of `multiple` bytes.
void padTo(QByteArray &pcm, int multiple);

} // namespace Leadline::Audio
