// CallScreener: decides, within the first seconds of an answered call, whether the far end is a
// human, a voicemail greeting, a carrier announcement or an IVR menu. It combines
//   - transcript cues (Language::ScreeningPhrases, English/Hindi/romanized; interim or final),
//   - a beep (ToneDetector: a steady 400-2000 Hz tone after some greeting = voicemail),
//   - "long uninterrupted far-end speech before any pause": a person says "hello?" and waits,
//     a machine talks for seconds. Its own energy detector tracks the line's noise floor (fast
//     down, slow up) and the speech peak, so steady line noise is not taken for speech.
// A strong phrase or a beep decides at once; otherwise the verdict comes at the deadline (up to
// transcriptGraceMs later when the far end talked long and no words have arrived yet), and
// it is "human" unless the first far-end segment was machine-long and the words (if the STT heard
// any) were machine-like or missing. When unsure it says human: a person must never be hung up
// on as a machine.
// Deterministic (audio time, not wall time); one instance per call.
// Thread: the owning call session's (a network worker).
#pragma once

#include "language/screeningphrases.h"
#include "screeningpolicy.h"
#include "tonedetector.h"

#include <QByteArray>
#include <QString>

namespace Leadline::Screening {

struct Verdict
{
    bool decided = false;
    CallClass callClass = CallClass::Human;
    double confidence = 0.0;  // 0..1
    QString reason;           // human-readable: which cue decided, and when
    QString announcement;     // switched_off, not_reachable, busy, invalid, barred (announcements)
    qint64 atMs = -1;         // audio time of the decision

    bool isMachine() const { return decided && callClass != CallClass::Human; }
};

class CallScreener
{
public:
    explicit CallScreener(ScreeningConfig config = {});

    // Far-end audio (S16LE mono). Returns true when this call reached the verdict.
    bool pushAudio(const QByteArray &pcm, int sampleRate);
    // A transcript of far-end speech (interim or final). Returns true when it reached the verdict.
    bool pushTranscript(const QString &text, bool isFinal);
    // Decides now with what has been seen (end of the stream).
    const Verdict &finish();

    bool decided() const { return m_verdict.decided; }
    const Verdict &verdict() const { return m_verdict; }
    qint64 positionMs() const { return m_positionMs; }
    // After the verdict, for leaving a message: a beep heard since audio time `sinceMs`, and how
    // long the far end has been quiet.
    bool beepSince(qint64 sinceMs) const;
    qint64 quietMs() const;

private:
    void decide(CallClass c, double confidence, const QString &reason, const QString &announcement = {});
    void decideAtDeadline();
    void onCue(const Language::ScreeningCue &cue);
    enum class Edge { None, Started, Ended };
    Edge detect(double rms); // one 20 ms frame
    static CallClass classOf(Language::ScreeningCue::Kind k);

    ScreeningConfig m_cfg;
    Verdict m_verdict;
    double m_floor = 100.0;         // noise floor (frame RMS)
    double m_peak = 0.0;            // speech level, slowly decaying
    bool m_inSpeech = false;
    int m_candidateMs = 0;
    int m_gapMs = 0;
    qint64 m_segmentStartMs = 0;
    ToneDetector m_tones;
    QByteArray m_pending;
    qint64 m_positionMs = 0;
    qint64 m_speechMs = 0;          // far-end speech so far (VAD)
    qint64 m_lastSpeechMs = -1;     // audio time of the last loud frame
    qint64 m_firstSpeechStartMs = -1; // audio time the far end first spoke
    int m_segments = 0;             // far-end speech segments started
    int m_firstSegmentMs = 0;       // length of the first segment (so far)
    bool m_firstSegmentOver = false;
    bool m_toneBeforeSpeech = false;
    qint64 m_lastBeepMs = -1;
    bool m_heardWords = false;      // any transcript (interim or final) of far-end speech
    bool m_humanWords = false;      // words people say to a caller ("who is calling?")
    Language::ScreeningCue m_weak;  // best weak transcript cue so far
    QString m_transcript;           // finals so far, for the reason text
};

} // namespace Leadline::Screening
