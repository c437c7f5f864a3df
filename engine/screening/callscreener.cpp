#include "callscreener.h"

#include "audio/pcm.h"

#include <algorithm>
#include <cmath>

namespace Leadline::Screening {

using Language::ScreeningCue;

namespace {

constexpr int kFrameMs = 20;
constexpr double kMinSpeechRms = 60.0;     // about -55 dBFS: quieter frames are never speech
constexpr double kStrong = 1.0;            // decides alone
constexpr double kWeakPhrase = 0.45;
constexpr double kFramingPhrase = 0.5;     // "the number you are calling": only machines open so
constexpr double kSecondWeakPhrase = 0.1;
constexpr double kCadence = 0.4;
constexpr double kSit = 0.7;
constexpr double kPips = 0.6;
constexpr double kMusic = 0.6;
constexpr double kShortGreetingBeep = 0.6;
constexpr double kDecide = 1.0;
constexpr double kDecideLate = 0.9;        // once it has talked on for 3 s (cadence), or 4 s after its first words
constexpr int kLateMs = 4000;
constexpr int kMusicRunMs = 300;
constexpr int kMusicOnsetMs = 300;       // a chord's attack is not steady yet: "speech" that began this soon before it was the music

bool near(double hz, double target, double tolerance) { return std::abs(hz - target) <= tolerance; }

} // namespace

CallScreener::CallScreener(ScreeningConfig config)
    : m_cfg(config)
{
}

void CallScreener::decide(CallClass c, double confidence, const QString &reason, const QString &announcement)
{
    if (m_verdict.decided)
        return;
    m_verdict.decided = true;
    m_verdict.callClass = c;
    m_verdict.confidence = confidence;
    m_verdict.reason = reason;
    m_verdict.announcement = c == CallClass::Announcement ? (announcement.isEmpty() ? QStringLiteral("not_reachable") : announcement)
                                                         : QString();
    m_verdict.atMs = m_positionMs;
}

bool CallScreener::pushAudio(const QByteArray &pcm, int sampleRate)
{
    if (sampleRate <= 0)
        return false;
    const bool was = m_verdict.decided;
    const int frameBytes = kFrameMs * Audio::bytesPerMs(sampleRate);
    m_pending.append(pcm);
    qsizetype offset = 0;
    while (m_pending.size() - offset >= frameBytes) {
        frame(m_pending.constData() + offset, frameBytes / 2, sampleRate);
        offset += frameBytes;
        if (!m_verdict.decided)
            evaluate();
    }
    m_pending.remove(0, offset);
    return !was && m_verdict.decided;
}

void CallScreener::updateFloor(double level)
{
    m_levels[size_t(m_levelNext)] = float(level);
    m_levelNext = (m_levelNext + 1) % int(m_levels.size());
    m_levelCount = qMin(m_levelCount + 1, int(m_levels.size()));
    if (m_levelCount > 5 && m_levelCount % 5 != 0 && m_levelCount < int(m_levels.size()))
        return;
    if (m_levelCount == int(m_levels.size()) && m_positionMs % 100 != 0)
        return;
    // The 10th percentile of the recent frame levels: the line's noise between words.
    std::array<float, 150> sorted = m_levels;
    const auto kth = sorted.begin() + m_levelCount / 10;
    std::nth_element(sorted.begin(), kth, sorted.begin() + m_levelCount);
    m_floor = *kth;
}

void CallScreener::cancelSegment()
{
    if (!m_inSpeech)
        return;
    m_inSpeech = false;
    m_speechMs -= m_segmentSpeechMs;
    m_segmentSpeechMs = 0;
    if (--m_segments == 0) {
        m_firstSpeechStartMs = -1;
        m_lastSpeechMs = -1;
        m_maxGapMs = 0;
    }
}

void CallScreener::frame(const char *s16le, int n, int sampleRate)
{
    m_positionMs += kFrameMs;
    m_tones.feedFrame(s16le, n, sampleRate, m_positionMs);
    const ToneDetector::Frame &f = m_tones.lastFrame();
    // Tones and music are signals, not the line's noise: they stay out of the floor (else 3 s of
    // hold music lifts it over the quiet words after it).
    if (!f.tonal && m_steadyMs < kMusicRunMs)
        updateFloor(f.level);
    const double threshold = qMax(kMinSpeechRms, m_floor * (m_inSpeech ? 1.4 : 1.8));
    const bool loud = f.level >= threshold;
    if (const ToneDetector::Tone *run = m_tones.endedRun())
        onToneRunEnded(*run, !loud);
    if (loud && !f.tonal)
        m_lastLoudMs = m_positionMs;

    // Music: loud frames whose spectrum holds still (chords, held notes) for 300 ms.
    const bool steady = loud && !f.tonal && m_prevLevel > 0.0 && std::abs(20.0 * std::log10(f.level / m_prevLevel)) < 3.0
                        && std::abs(f.fit - m_prevFit) < 0.02;
    if (steady && m_steadyMs == 0)
        m_steadyStartMs = m_positionMs - 2 * kFrameMs;
    m_steadyMs = steady ? m_steadyMs + kFrameMs : 0;
    m_prevLevel = f.level;
    m_prevFit = f.fit;
    const bool music = m_steadyMs >= kMusicRunMs;
    if (m_steadyMs == kMusicRunMs && m_inSpeech && m_segmentStartMs >= m_steadyStartMs - kMusicOnsetMs)
        cancelSegment(); // that "speech" was the start of the music
    if (music && m_firstSpeechStartMs < 0)
        m_musicMsBeforeSpeech += m_steadyMs == kMusicRunMs ? kMusicRunMs : kFrameMs;

    // A beep candidate is confirmed by the silence after it.
    if (m_beepCandidate.startMs >= 0) {
        const qint64 end = m_beepCandidate.startMs + m_beepCandidate.durationMs;
        if (loud || f.tonal) {
            if (m_positionMs - end > 2 * kFrameMs)
                m_beepCandidate = ToneDetector::Tone{}; // speech or more notes: not a beep
        } else if (m_positionMs - end >= 400) {
            m_lastBeepMs = end;
            if (!m_verdict.decided)
                m_beepEvidence = qMax(m_beepEvidence, m_beepWeight);
            m_beepCandidate = ToneDetector::Tone{};
        }
    }

    const bool speechy = loud && !f.tonal && !music;
    if (!m_inSpeech) {
        m_candidateMs = speechy ? m_candidateMs + kFrameMs : 0;
        if (m_candidateMs >= 3 * kFrameMs) {
            m_inSpeech = true;
            m_segmentStartMs = m_positionMs - m_candidateMs;
            if (m_lastSpeechMs >= 0)
                m_maxGapMs = qMax<int>(m_maxGapMs, int(m_segmentStartMs - m_lastSpeechMs));
            if (m_lastSpeechMs < 0 || m_segmentStartMs - m_lastSpeechMs >= 1000)
                m_utteranceStartMs = m_segmentStartMs; // words after a real pause: a new utterance
            if (m_firstSpeechStartMs < 0)
                m_firstSpeechStartMs = m_segmentStartMs;
            ++m_segments;
            m_segmentSpeechMs = m_candidateMs;
            m_speechMs += m_candidateMs;
            m_lastSpeechMs = m_positionMs;
            m_gapMs = 0;
            m_candidateMs = 0;
        }
    } else {
        if (speechy) {
            m_gapMs = 0;
            m_speechMs += kFrameMs;
            m_segmentSpeechMs += kFrameMs;
            m_lastSpeechMs = m_positionMs;
            m_longestSegmentMs = qMax<int>(m_longestSegmentMs, int(m_lastSpeechMs - m_segmentStartMs));
        } else {
            m_gapMs += kFrameMs;
        }
        if (m_gapMs >= m_cfg.pauseMs) {
            m_inSpeech = false;
            if (m_segments == 1) {
                m_firstSegmentMs = int(m_lastSpeechMs - m_segmentStartMs);
                m_firstSegmentEndMs = m_lastSpeechMs;
            }
        }
    }

    // Cadence.
    if (m_firstSpeechStartMs >= 0 && !m_humanCadence && !m_machineCadence) {
        const qint64 since = m_positionMs - m_firstSpeechStartMs;
        const qint64 gap = qMax<qint64>(m_maxGapMs, m_positionMs - m_lastSpeechMs);
        // Quiet speech under line noise keeps only its louder syllables above the floor (~35 %).
        if (since >= 3000 && gap < 900 && m_speechMs * 100 >= since * 30)
            m_machineCadence = true; // talking on for 3 s
        if (m_firstSegmentEndMs >= 0 && m_firstSegmentMs <= 2000 && m_lastSpeechMs == m_firstSegmentEndMs
            && m_positionMs - m_firstSegmentEndMs >= 1000)
            m_humanCadence = true;   // a short "hello?", then waiting
    }
}

void CallScreener::onToneRunEnded(const ToneDetector::Tone &run, bool quietAfter)
{
    const bool quietBefore = m_lastLoudMs < run.startMs - 60;
    const ToneDetector::Tone previous = m_runs[2];
    m_runs = {m_runs[1], m_runs[2], run};
    const bool beforeSpeech = m_firstSpeechStartMs < 0 || run.startMs < m_firstSpeechStartMs;
    auto adjacent = [](const ToneDetector::Tone &a, const ToneDetector::Tone &b) {
        return a.startMs >= 0 && b.startMs - (a.startMs + a.durationMs) <= 120;
    };
    // SIT (ITU-T E.180: 913.8/1370.6/1776.7 Hz; older 950/1400/1800): two of its notes in order.
    const bool sitNote = run.durationMs >= 150 && run.durationMs <= 450;
    if (sitNote && adjacent(previous, run)
        && ((near(previous.frequencyHz, 930, 80) && near(run.frequencyHz, 1385, 80))
            || (near(previous.frequencyHz, 1385, 80) && near(run.frequencyHz, 1790, 80)))) {
        m_sit = true;
        return;
    }
    if (near(run.frequencyHz, 925, 80) || near(run.frequencyHz, 1385, 80) || near(run.frequencyHz, 1790, 80)) {
        if (sitNote && beforeSpeech)
            return; // maybe the start of a SIT: wait for its next note
    }
    // Indian network tones: 425 Hz pips.
    // Each pip stands alone between quiet frames (chord changes in music do not).
    if (near(run.frequencyHz, 425, 25) && run.durationMs <= 500 && quietBefore && quietAfter
        && (beforeSpeech || run.durationMs < 240)) {
        m_pips = (m_lastPipMs >= 0 && run.startMs - m_lastPipMs <= 2000) ? m_pips + 1 : 1;
        m_lastPipMs = run.startMs;
        return;
    }
    if (beforeSpeech) {
        // Notes before anyone speaks: a jingle.
        m_musicMsBeforeSpeech += run.durationMs;
        ++m_notesBeforeSpeech;
        return;
    }
    // A beep: one steady tone of 250-1000 ms after a greeting, not one note of a run of notes.
    const qint64 previousEnd = previous.startMs + previous.durationMs;
    const bool alone = previous.startMs < 0 || run.startMs - previousEnd > 500 || m_lastLoudMs > previousEnd;
    if (run.durationMs >= 240 && run.durationMs <= 1100 && alone && m_speechMs >= 800
        && m_lastSpeechMs >= 0 && run.startMs - m_lastSpeechMs <= 1500) {
        m_beepCandidate = run;
        m_beepGreetingMs = m_speechMs;
        m_beepWeight = m_speechMs >= 1500 ? kStrong : kShortGreetingBeep;
    }
}

double CallScreener::classScore(int k, QString *why) const
{
    double strong = 0.0, weak = 0.0;
    QStringList parts;
    int weakPhrases = 0;
    const ScreeningCue::Kind kind = k == Vm ? ScreeningCue::Kind::Voicemail : k == Ann ? ScreeningCue::Kind::Announcement : ScreeningCue::Kind::Ivr;
    for (const ScreeningCue &c : m_cues) {
        if (c.kind != kind)
            continue;
        if (c.strong) {
            if (strong < kStrong && why)
                parts << QStringLiteral("said \"%1\"").arg(c.phrase);
            strong = kStrong;
        } else if (weakPhrases < 2) {
            weak += weakPhrases++ == 0 ? (c.framing ? kFramingPhrase : kWeakPhrase) : kSecondWeakPhrase;
            if (why)
                parts << QStringLiteral("\"%1\"").arg(c.phrase);
        }
    }
    if (k == Vm && m_beepEvidence > 0.0) {
        (m_beepEvidence >= kStrong ? strong : weak) += m_beepEvidence;
        if (why)
            parts << QStringLiteral("a beep (%1 Hz) after %2 ms of greeting").arg(qRound(m_runs[2].frequencyHz)).arg(m_beepGreetingMs);
    }
    if (k == Ann && (m_sit || m_pips >= 2)) {
        weak += m_sit ? kSit : kPips;
        if (why)
            parts << (m_sit ? QStringLiteral("SIT tones") : QStringLiteral("%1 network pips (425 Hz)").arg(m_pips));
    }
    if (k == Ivr && m_musicMsBeforeSpeech >= 1000) {
        weak += kMusic;
        if (why)
            parts << QStringLiteral("%1 ms of music before the words").arg(m_musicMsBeforeSpeech);
    }
    if (m_humanWords)
        weak = 0.0; // words people say to a caller cancel every weak cue
    if (why)
        *why = parts.join(QStringLiteral(", "));
    return strong + weak;
}

void CallScreener::evaluate()
{
    if (m_verdict.decided)
        return;
    int best = -1;
    double bestScore = 0.0;
    for (int k = 0; k < Classes; ++k) {
        const double s = classScore(k, nullptr); // no strings built per frame
        if (s > bestScore) {
            best = k;
            bestScore = s;
        }
    }
    if (best >= 0 && m_machineCadence && !m_humanWords)
        bestScore += kCadence;
    const bool late = (m_machineCadence && !m_humanWords) || (m_firstSpeechStartMs >= 0 && m_positionMs - m_firstSpeechStartMs >= kLateMs)
                      || m_positionMs >= m_cfg.deadlineMs + m_cfg.transcriptGraceMs;
    if (best >= 0 && (bestScore >= kDecide || (late && bestScore >= kDecideLate))) {
        QString bestWhy;
        classScore(best, &bestWhy);
        if (m_machineCadence && !m_humanWords)
            bestWhy += QStringLiteral(", talking on for 3 s");
        QString announcement;
        for (const ScreeningCue &c : m_cues) {
            if (c.kind == ScreeningCue::Kind::Announcement && (announcement.isEmpty() || c.strong)) {
                announcement = c.announcement;
                if (c.strong)
                    break;
            }
        }
        const CallClass cls = best == Vm ? CallClass::Voicemail : best == Ann ? CallClass::Announcement : CallClass::Ivr;
        decide(cls, qMin(0.95, 0.5 + bestScore / 2.5), QStringLiteral("%1 (score %2)").arg(bestWhy).arg(bestScore, 0, 'f', 2), announcement);
        return;
    }
    // The deadline counts from the latest utterance when music, tones or a pause came first (bounded).
    const qint64 deadline = m_utteranceStartMs >= 0
                                ? qBound<qint64>(qint64(m_cfg.deadlineMs), m_utteranceStartMs + kLateMs + 500, qint64(m_cfg.deadlineMs) + m_cfg.transcriptGraceMs)
                                : m_cfg.deadlineMs;
    if (m_positionMs < deadline)
        return;
    // Still talking on and nothing a person says: listen a little longer for the words that tell
    // which machine it is (bounded; the call goes on as human meanwhile).
    const bool talking = m_machineCadence || (m_inSpeech && m_positionMs - m_segmentStartMs >= m_cfg.longSpeechMs);
    if (talking && !m_humanWords && m_positionMs < deadline + m_cfg.transcriptGraceMs)
        return;
    decideHuman();
}

void CallScreener::decideHuman()
{
    if (m_verdict.decided)
        return;
    if (m_humanWords) {
        decide(CallClass::Human, 0.9, QStringLiteral("words people say to a caller, no conclusive machine cue"));
    } else if (m_humanCadence && m_longestSegmentMs <= 2500) { // and nothing long said since
        decide(CallClass::Human, 0.85, QStringLiteral("short speech (%1 ms), then waiting; no machine cue").arg(m_firstSegmentMs));
    } else {
        QString why;
        double score = 0.0;
        for (int k = 0; k < Classes; ++k) {
            QString w;
            const double s = classScore(k, &w);
            if (s > score) {
                score = s;
                why = w;
            }
        }
        QString reason = m_speechMs == 0 ? QStringLiteral("silence") : QStringLiteral("%1 ms of speech").arg(m_speechMs);
        if (m_machineCadence)
            reason += QStringLiteral(", talking on");
        if (!why.isEmpty())
            reason += QStringLiteral(", ") + why;
        decide(CallClass::Human, 0.5, reason + QStringLiteral(": not enough to call it a machine"));
        m_verdict.unknown = true;
    }
}

bool CallScreener::pushTranscript(const QString &text, bool isFinal)
{
    if (m_verdict.decided || text.trimmed().isEmpty())
        return false;
    m_heardWords = true;
    if (m_cfg.grammarTranscripts)
        return false; // a grammar recogniser forces any audio into its phrases: no evidence
    m_humanWords = m_humanWords || Language::ScreeningPhrases::soundsHuman(text);
    QString all = m_transcript;
    if (!all.isEmpty())
        all += QLatin1Char(' ');
    all += text.trimmed();
    if (isFinal)
        m_transcript = all;
    // Phrases split across finals ("the number you are calling" | "is switched off").
    m_cues = Language::ScreeningPhrases::cues(all);
    evaluate();
    return m_verdict.decided;
}

const Verdict &CallScreener::finish()
{
    evaluate();
    decideHuman();
    return m_verdict;
}

bool CallScreener::beepSince(qint64 sinceMs) const { return m_lastBeepMs >= 0 && m_lastBeepMs >= sinceMs; }

qint64 CallScreener::quietMs() const
{
    if (m_inSpeech && m_gapMs == 0)
        return 0;
    return m_positionMs - qMax<qint64>(0, m_lastSpeechMs);
}

} // namespace Leadline::Screening
