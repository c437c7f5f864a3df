// EnergyVad: a small energy voice-activity detector over 20 ms frames with an adaptive noise
// floor, onset confirmation and hangover. Deterministic; one instance per call.
// Thread: the owning call session's.
#pragma once

#include <QByteArray>

namespace Leadline::Audio {

class EnergyVad
{
public:
    struct Config
    {
        double minSpeechRms = 300.0;  // absolute floor: quieter is never speech (fixtures: noise ~16)
        double noiseFactor = 4.0;     // speech must exceed noise floor x this
        int onsetMs = 60;             // speech must last this long to start a segment
        int hangoverMs = 300;         // silence this long ends a segment (pauses shorter are merged)
    };
    enum class Event { None, SpeechStarted, SpeechEnded };

    EnergyVad() : EnergyVad(Config{}) {}
    explicit EnergyVad(Config config) : m_cfg(config) {}

    // Feed any amount of audio; returns the last event that happened within it.
    Event feed(const QByteArray &pcm, int sampleRate);
    bool inSpeech() const { return m_inSpeech; }
    // Start of the current segment to its last loud frame (0 when not in speech).
    int speechMs() const { return m_inSpeech ? m_speechMs : 0; }
    // Audio time processed so far.
    qint64 positionMs() const { return m_positionMs; }
    qint64 segmentStartMs() const { return m_segmentStartMs; }
    // Audio time at the end of the last loud frame of a segment: when the speaker actually
    // stopped (a SpeechEnded event comes a hangover later).
    qint64 lastSpeechEndMs() const { return m_lastSpeechEndMs; }

private:
    Event frame(double rms, int frameMs);

    Config m_cfg;
    double m_noise = 50.0;
    bool m_inSpeech = false;
    int m_candidateMs = 0;
    int m_silenceMs = 0;
    int m_speechMs = 0;
    qint64 m_positionMs = 0;
    qint64 m_segmentStartMs = 0;
    qint64 m_lastSpeechEndMs = -1;
    QByteArray m_pending; // incomplete frame
};

} // namespace Leadline::Audio
