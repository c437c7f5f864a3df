// CallScreener: decides, within the first seconds of an answered call, whether the far end is a
// human, a voicemail greeting, a carrier announcement or an IVR menu, while the greeting plays.
// It weighs evidence that survives real lines:
//   - speech activity against an adaptive noise floor (the 10th percentile of the last 3 s of
//     frame levels), so steady line noise at -30 dBFS is not speech and quiet speech still is;
//   - tones (ToneDetector): a beep is ONE steady tone of 240-1100 ms after some greeting,
//     followed by silence; SIT tri-tones and 425 Hz network pips are carrier evidence; runs of
//     notes (jingles) and steady chords (hold music) are music, kept apart from beeps and from
//     speech, and music before the first words is IVR evidence;
//   - cadence: a person says a short "hello?" and waits; a machine talks on;
//   - phrases (Language::ScreeningPhrases, English / Hindi / romanized / mixed), interim or final.
// Weights: a strong phrase or a beep after a long greeting decides alone (1.0); weak phrases
// (0.45, a second one of the same class 0.1 more), machine cadence (0.4), SIT (0.7), pips (0.6),
// music before speech (0.6) and a beep after a short greeting (0.6) add up; a machine class is
// chosen at 1.0, or at 0.9 as soon as the far end has talked on for 3 s (so words only machines
// open with, "the number you are calling", decide with the cadence, well inside 4 s) or 4 s after
// its first words. Words people say to a caller
// ("who is calling?", "boliye") cancel every weak cue. One weak cue never decides alone.
// When unsure the verdict is human with `unknown` set: a person is never treated as a machine.
// With a grammar-constrained recogniser (ScreeningConfig::grammarTranscripts, the offline
// PocketSphinx) the words are ignored: machine audio is forced into the answer grammar.
// Deterministic (audio time, not wall time); no allocation per frame; one instance per call.
// Thread: the owning call session's (a network worker).
#pragma once

#include "language/screeningphrases.h"
#include "screeningpolicy.h"
#include "tonedetector.h"

#include <QByteArray>
#include <QString>
#include <array>

namespace Leadline::Screening {

struct Verdict
{
    bool decided = false;
    CallClass callClass = CallClass::Human;
    bool unknown = false;     // human by default, not by evidence (recorded as "unknown")
    double confidence = 0.0;  // 0..1
    QString reason;           // human-readable: which cues decided, and when
    QString announcement;     // switched_off, not_reachable, busy, invalid, barred (announcements)
    qint64 atMs = -1;         // audio time of the decision

    bool isMachine() const { return decided && callClass != CallClass::Human; }
    // "human", "unknown", "voicemail", "announcement" or "ivr".
    QString label() const { return unknown ? QStringLiteral("unknown") : className(callClass); }
    // Screening heard a person on evidence (not by default, never a machine).
    bool confidentHuman() const { return decided && callClass == CallClass::Human && !unknown && confidence >= 0.8; }
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
    // Audio time the far end first spoke (-1: not yet).
    qint64 firstSpeechMs() const { return m_firstSpeechStartMs; }
    // After the verdict, for leaving a message: a beep heard since audio time `sinceMs`, and how
    // long the far end has been quiet.
    bool beepSince(qint64 sinceMs) const;
    qint64 quietMs() const;
    // Whether a do-not-call request heard on this call may go on the permanent DNC list: only a
    // person's, heard on evidence, and never from words a grammar recogniser forced out of audio.
    bool mayAddToDnc() const { return m_verdict.confidentHuman() && !m_cfg.grammarTranscripts; }

private:
    enum Class { Vm, Ann, Ivr, Classes };
    void frame(const char *s16le, int n, int sampleRate);
    void updateFloor(double level);
    void onToneRunEnded(const ToneDetector::Tone &run, bool quietAfter);
    void cancelSegment();
    void evaluate();
    void decide(CallClass c, double confidence, const QString &reason, const QString &announcement = {});
    void decideHuman();
    double classScore(int k, QString *why) const;

    ScreeningConfig m_cfg;
    Verdict m_verdict;
    ToneDetector m_tones;
    QByteArray m_pending;
    qint64 m_positionMs = 0;

    // Noise floor: the quietest frames of the last 3 s.
    std::array<float, 150> m_levels{};
    int m_levelCount = 0;
    int m_levelNext = 0;
    double m_floor = 0.0;

    // Speech segments (tones and music excluded).
    bool m_inSpeech = false;
    int m_candidateMs = 0;
    int m_gapMs = 0;
    qint64 m_segmentStartMs = 0;
    int m_segmentSpeechMs = 0;
    int m_segments = 0;
    qint64 m_speechMs = 0;
    qint64 m_lastSpeechMs = -1;
    qint64 m_firstSpeechStartMs = -1;
    int m_firstSegmentMs = 0;
    qint64 m_firstSegmentEndMs = -1;
    int m_maxGapMs = 0;              // longest pause since the first speech
    int m_longestSegmentMs = 0;
    qint64 m_utteranceStartMs = -1;  // start of the latest speech after a pause of 1 s or more
    bool m_humanCadence = false;     // a short first utterance, then waiting
    bool m_machineCadence = false;   // talking on for 3 s

    // Music and tones.
    double m_prevLevel = 0.0;
    double m_prevFit = 0.0;
    int m_steadyMs = 0;
    qint64 m_steadyStartMs = -1;
    qint64 m_musicMsBeforeSpeech = 0;
    int m_notesBeforeSpeech = 0;
    std::array<ToneDetector::Tone, 3> m_runs{}; // the last ended tone runs, newest last
    bool m_sit = false;
    int m_pips = 0;
    qint64 m_lastPipMs = -1;
    qint64 m_lastLoudMs = -1;        // last loud frame that was not a tone
    ToneDetector::Tone m_beepCandidate;
    double m_beepWeight = 0.0;
    qint64 m_beepGreetingMs = 0;
    double m_beepEvidence = 0.0;
    qint64 m_lastBeepMs = -1;

    // Words.
    QString m_transcript;                         // finals so far
    QList<Language::ScreeningCue> m_cues;          // of finals + the latest interim
    bool m_humanWords = false;
    bool m_heardWords = false;
};

} // namespace Leadline::Screening
