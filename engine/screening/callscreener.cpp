#include "callscreener.h"

#include "audio/pcm.h"

namespace Leadline::Screening {

using Language::ScreeningCue;

CallScreener::CallScreener(ScreeningConfig config)
    : m_cfg(config)
{
}

CallClass CallScreener::classOf(ScreeningCue::Kind k)
{
    switch (k) {
    case ScreeningCue::Kind::Voicemail: return CallClass::Voicemail;
    case ScreeningCue::Kind::Announcement: return CallClass::Announcement;
    case ScreeningCue::Kind::Ivr: return CallClass::Ivr;
    case ScreeningCue::Kind::None: break;
    }
    return CallClass::Human;
}

void CallScreener::decide(CallClass c, double confidence, const QString &reason, const QString &announcement)
{
    if (m_verdict.decided)
        return;
    m_verdict.decided = true;
    m_verdict.callClass = c;
    m_verdict.confidence = confidence;
    m_verdict.reason = reason;
    m_verdict.announcement = c == CallClass::Announcement ? announcement : QString();
    m_verdict.atMs = m_positionMs;
}

CallScreener::Edge CallScreener::detect(double level)
{
    const bool loud = level >= qMax(300.0, qMax(3.0 * m_floor, 0.15 * m_peak));
    // Noise floor: follows quiet frames down at once, creeps up slowly (+0.5 % a frame).
    m_floor = level < m_floor ? qMax(1.0, level) : m_floor * 1.005;
    if (loud)
        m_peak = qMax(m_peak, level);
    m_peak *= 0.999;
    if (!m_inSpeech) {
        m_candidateMs = loud ? m_candidateMs + 20 : 0;
        if (m_candidateMs < 60)
            return Edge::None;
        m_inSpeech = true;
        m_segmentStartMs = m_positionMs - m_candidateMs;
        m_gapMs = 0;
        m_candidateMs = 0;
        return Edge::Started;
    }
    m_gapMs = loud ? 0 : m_gapMs + 20;
    if (m_gapMs >= m_cfg.pauseMs) {
        m_inSpeech = false;
        return Edge::Ended;
    }
    return Edge::None;
}

bool CallScreener::pushAudio(const QByteArray &pcm, int sampleRate)
{
    if (sampleRate <= 0)
        return false;
    const bool was = m_verdict.decided;
    const int frameBytes = 20 * Audio::bytesPerMs(sampleRate);
    m_pending.append(pcm);
    qsizetype offset = 0;
    while (m_pending.size() - offset >= frameBytes) {
        const QByteArray frame(m_pending.constData() + offset, frameBytes);
        offset += frameBytes;
        m_positionMs += 20;
        const Edge ev = detect(Audio::rms(frame));
        if (ev == Edge::Started) {
            if (m_firstSpeechStartMs < 0)
                m_firstSpeechStartMs = m_segmentStartMs;
            ++m_segments;
            if (m_segments > 1)
                m_firstSegmentOver = true;
        } else if (ev == Edge::Ended && m_segments == 1) {
            m_firstSegmentOver = true;
        }
        if (m_inSpeech && m_gapMs == 0) { // a loud frame inside a segment
            m_speechMs += ev == Edge::Started ? 60 : 20;
            m_lastSpeechMs = m_positionMs;
            if (m_segments == 1 && !m_firstSegmentOver)
                m_firstSegmentMs = int(m_positionMs - m_segmentStartMs);
        }
        if (m_tones.feed(frame, sampleRate)) {
            const ToneDetector::Tone &t = m_tones.lastTone();
            m_lastBeepMs = m_positionMs;
            // Greeting: from the far end's first speech to the tone's start.
            const qint64 greetingMs = m_firstSpeechStartMs >= 0 ? qMax<qint64>(0, t.startMs - m_firstSpeechStartMs) : 0;
            if (!m_verdict.decided && greetingMs >= m_cfg.minSpeechBeforeBeepMs) {
                decide(CallClass::Voicemail, 0.95,
                       QStringLiteral("beep (%1 Hz) at %2 ms after %3 ms of greeting")
                           .arg(qRound(t.frequencyHz)).arg(t.startMs).arg(greetingMs));
            } else if (greetingMs < m_cfg.minSpeechBeforeBeepMs) {
                m_toneBeforeSpeech = true;
            }
        }
        if (!m_verdict.decided) {
            // A machine-long first segment with a machine-like phrase: no need to wait.
            if (m_firstSegmentMs >= m_cfg.longSpeechMs && m_weak.kind != ScreeningCue::Kind::None && !m_humanWords)
                decide(classOf(m_weak.kind), 0.8,
                       QStringLiteral("%1 ms of uninterrupted speech and \"%2\"").arg(m_firstSegmentMs).arg(m_weak.phrase),
                       m_weak.announcement);
            else if (m_positionMs >= m_cfg.deadlineMs
                     && (m_heardWords || m_firstSegmentMs < m_cfg.longSpeechMs
                         || m_positionMs >= m_cfg.deadlineMs + m_cfg.transcriptGraceMs))
                decideAtDeadline();
        }
    }
    m_pending.remove(0, offset);
    return !was && m_verdict.decided;
}

void CallScreener::onCue(const ScreeningCue &cue)
{
    if (cue.kind == ScreeningCue::Kind::None)
        return;
    if (cue.strong) {
        decide(classOf(cue.kind), 0.9, QStringLiteral("said \"%1\"").arg(cue.phrase), cue.announcement);
        return;
    }
    if (m_weak.kind == ScreeningCue::Kind::None)
        m_weak = cue;
}

bool CallScreener::pushTranscript(const QString &text, bool isFinal)
{
    if (m_verdict.decided || text.trimmed().isEmpty())
        return false;
    m_heardWords = true;
    m_humanWords = m_humanWords || Language::ScreeningPhrases::soundsHuman(text);
    if (isFinal) {
        if (!m_transcript.isEmpty())
            m_transcript += QLatin1Char(' ');
        m_transcript += text.trimmed();
        // Phrases split across finals ("the number you are calling" | "is switched off").
        onCue(Language::ScreeningPhrases::match(m_transcript));
    } else {
        onCue(Language::ScreeningPhrases::match(m_transcript.isEmpty() ? text : m_transcript + QLatin1Char(' ') + text));
    }
    return m_verdict.decided;
}

void CallScreener::decideAtDeadline()
{
    if (m_verdict.decided)
        return;
    if (m_firstSegmentMs >= m_cfg.longSpeechMs && !m_humanWords) {
        // A machine talked without a pause; the transcript (if any) tells which kind.
        if (m_weak.kind != ScreeningCue::Kind::None)
            decide(classOf(m_weak.kind), 0.75,
                   QStringLiteral("%1 ms of uninterrupted speech and \"%2\"").arg(m_firstSegmentMs).arg(m_weak.phrase),
                   m_weak.announcement);
        else if (m_heardWords)
            decide(CallClass::Human, 0.55,
                   QStringLiteral("%1 ms of uninterrupted speech, but the words are not a machine's").arg(m_firstSegmentMs));
        else
            decide(CallClass::Voicemail, 0.6,
                   QStringLiteral("%1 ms of uninterrupted speech before any pause%2")
                       .arg(m_firstSegmentMs)
                       .arg(m_toneBeforeSpeech ? QStringLiteral(" after a tone") : QString()));
        return;
    }
    if (m_humanWords)
        decide(CallClass::Human, 0.85, QStringLiteral("words people say to a caller, no machine cue"));
    else if (m_speechMs == 0)
        decide(CallClass::Human, 0.5, QStringLiteral("silence: no machine cue"));
    else
        decide(CallClass::Human, 0.85,
               QStringLiteral("short speech (%1 ms) then a pause, no machine cue").arg(m_firstSegmentMs));
}

const Verdict &CallScreener::finish()
{
    decideAtDeadline();
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
