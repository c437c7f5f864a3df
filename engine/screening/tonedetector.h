// ToneDetector: finds a steady pure tone (an answering machine's beep, 400-2000 Hz, at least
// ~150 ms) in S16LE mono PCM at 8 or 16 kHz. Each 20 ms frame is scanned with the Goertzel
// algorithm at 25 Hz steps; a frame is "tonal" when one frequency holds most of its energy, and a
// tone is reported once tonal frames at the same frequency (±50 Hz) add up to minToneMs. Speech
// never qualifies: its energy spreads over several harmonics and its pitch moves.
// Deterministic; one instance per stream. Thread: the owner's (a call session's worker).
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace Leadline::Screening {

class ToneDetector
{
public:
    struct Config
    {
        double minHz = 400.0;
        double maxHz = 2000.0;
        double stepHz = 25.0;
        int minToneMs = 150;
        double minRms = 200.0;        // quieter frames are never a tone
        double minPurity = 0.55;      // share of the frame's energy at the peak frequency (1 = pure sine)
        double maxDriftHz = 50.0;     // frequency change allowed between tonal frames
    };
    struct Tone
    {
        double frequencyHz = 0.0;
        qint64 startMs = -1;   // position of its first tonal frame
        int durationMs = 0;    // tonal time seen so far (grows while the tone lasts)
    };

    ToneDetector() : ToneDetector(Config{}) {}
    explicit ToneDetector(Config config) : m_cfg(config) {}

    // Feeds audio; returns true when a tone has just qualified (once per tone).
    bool feed(const QByteArray &pcm, int sampleRate);
    // The last tone that qualified (startMs -1 when none yet).
    const Tone &lastTone() const { return m_last; }
    int tonesDetected() const { return m_count; }
    bool inTone() const { return m_runMs >= m_cfg.minToneMs; }
    qint64 positionMs() const { return m_positionMs; }

    // Share of the energy of `samples` (float, any length) at frequencyHz: 1.0 for a pure sine
    // at that frequency, about 2/N for white noise. Exposed for tests.
    static double purity(const float *samples, int n, int sampleRate, double frequencyHz);

private:
    bool frame(const float *samples, int n, int sampleRate);

    Config m_cfg;
    QByteArray m_pending;
    qint64 m_positionMs = 0;
    double m_runHz = 0.0;
    qint64 m_runStartMs = -1;
    int m_runMs = 0;
    bool m_reported = false;
    int m_count = 0;
    Tone m_last;
};

} // namespace Leadline::Screening
