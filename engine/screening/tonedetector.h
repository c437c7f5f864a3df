// ToneDetector: finds steady pure tones (voicemail beeps, SIT tri-tones, 425 Hz network pips,
// the notes of a jingle) in S16LE mono PCM at 8 or 16 kHz, 20 ms frame by 20 ms frame.
// Cost: a few multiply-adds per sample and no allocation per frame. Each frame is fitted with
// the predictor x[n] + x[n-2] = c * x[n-1], which a sine of frequency f obeys exactly with
// c = 2 cos(2 pi f / rate): the least-squares c gives the frequency and the prediction error the
// frame's "purity" (1 for a pure sine; about 0 for noise; low for speech, chords and music,
// whose energy spreads over several frequencies), after a one-pole high-pass that keeps
// low-frequency line noise out of the fit. The same fit at four times the lag must agree,
// so that close low notes played together are not taken for one. Seven running sums per sample
// (energy and six products) are all it needs, so it replaces the earlier bank of 65
// Goertzel filters per frame (11 % of engine CPU at 500 calls).
// A tone run is a sequence of tonal frames at the same frequency (within maxDriftHz); it is
// reported when it reaches minToneMs (feed() returns true) and again when it ends (endedRun(),
// for runs of at least minRunMs).
// Speech never qualifies: its pitch and formants move between frames.
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
        double minHz = 380.0;
        double maxHz = 2000.0;
        int minToneMs = 150;
        int minRunMs = 100;       // shorter runs are not reported by endedRun() (jingle notes count)
        double minRms = 200.0;    // quieter frames are never a tone
        double minPurity = 0.8;   // 1 - prediction error / energy
        double maxDriftHz = 40.0; // frequency change allowed between tonal frames of one run
    };
    struct Tone
    {
        double frequencyHz = 0.0;
        qint64 startMs = -1;   // position of its first tonal frame
        int durationMs = 0;    // tonal time seen so far (grows while the tone lasts)
    };
    // One 20 ms frame.
    struct Frame
    {
        double level = 0.0;   // RMS
        double hz = 0.0;      // frequency of the best single-sine fit (0 when none)
        double purity = 0.0;  // 0..1
        bool tonal = false;
        double fit = 0.0;     // the predictor coefficient c (steady for chords and held notes)
    };

    ToneDetector() : ToneDetector(Config{}) {}
    explicit ToneDetector(Config config) : m_cfg(config) {}

    // Feeds audio; returns true when a tone has just qualified (once per tone).
    bool feed(const QByteArray &pcm, int sampleRate);
    // Analyses one frame of n S16LE samples (any n; the caller's 20 ms frame) at audio time
    // endMs (the frame's end). Returns true when a tone has just qualified.
    bool feedFrame(const char *s16le, int n, int sampleRate, qint64 endMs);
    const Frame &lastFrame() const { return m_frame; }
    // The last tone that qualified (startMs -1 when none yet).
    const Tone &lastTone() const { return m_last; }
    // A tone run (of at least minRunMs) that ended with the last frame, else nullptr.
    const Tone *endedRun() const { return m_ended.startMs >= 0 ? &m_ended : nullptr; }
    int tonesDetected() const { return m_count; }
    bool inTone() const { return m_runMs >= m_cfg.minToneMs; }
    qint64 positionMs() const { return m_positionMs; }

    // Share of the energy of `samples` at frequencyHz (Goertzel): 1.0 for a pure sine at that
    // frequency, about 2/N for white noise. For tests that check generated tones.
    static double purity(const float *samples, int n, int sampleRate, double frequencyHz);

private:
    Config m_cfg;
    QByteArray m_pending;
    qint64 m_positionMs = 0;
    Frame m_frame;
    double m_runHz = 0.0;
    qint64 m_runStartMs = -1;
    int m_runMs = 0;
    bool m_reported = false;
    int m_count = 0;
    Tone m_last;
    Tone m_ended;
    double m_hpIn = 0.0, m_hpOut = 0.0; // high-pass filter state
};

} // namespace Leadline::Screening
