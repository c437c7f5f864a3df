#include "callscreening.h"

#include "conversationlog.h"
#include "prompts.h"
#include "screening/ivrnavigation.h"

namespace Leadline::Conversation {

void CallScreening::start(qint64 callId, bool grammarTranscripts)
{
    m_callId = callId;
    if (!m_policy.enabled)
        return;
    Screening::ScreeningConfig screening = m_policy.config;
    screening.grammarTranscripts = grammarTranscripts;
    m_screener = std::make_unique<Screening::CallScreener>(screening);
}

CallScreening::Step CallScreening::feedAudio(const QByteArray &pcm, int sampleRate, OutcomeDraft &outcome)
{
    if (!m_screener)
        return Step::None;
    if (!m_screener->decided()) {
        if (m_screener->pushAudio(pcm, sampleRate))
            return onScreened(outcome);
    } else if (m_voicemailMessagePending) {
        // Speak after the beep, or once the greeting has gone quiet, or give up waiting.
        m_screener->pushAudio(pcm, sampleRate);
        const qint64 since = m_screener->verdict().atMs;
        if (m_screener->beepSince(since) || m_screener->quietMs() >= 1200
            || m_screener->positionMs() - since >= m_policy.maxWaitForBeepMs)
            return Step::LeaveMessage;
    }
    return Step::None;
}

CallScreening::Step CallScreening::feedTranscript(const QString &text, bool isFinal, OutcomeDraft &outcome)
{
    if (m_screener && !m_screener->decided() && m_screener->pushTranscript(text, isFinal))
        return onScreened(outcome);
    return Step::None;
}

void CallScreening::record(OutcomeDraft &outcome) const
{
    const Screening::Verdict &v = m_screener->verdict();
    const QString cls = v.label(); // "unknown" when human by default
    QJsonObject record{{QStringLiteral("class"), cls}, {QStringLiteral("confidence"), v.confidence},
                       {QStringLiteral("reason"), v.reason}, {QStringLiteral("at_ms"), v.atMs}};
    if (!v.announcement.isEmpty())
        record.insert(QStringLiteral("announcement"), v.announcement);
    outcome.setField(QStringLiteral("screening"), record);
    qCInfo(lcConversation) << "call" << m_callId << "screened as" << cls << "confidence" << v.confidence << "-" << v.reason;
    if (v.isMachine())
        outcome.noteFailure(QStringLiteral("screened"), QStringLiteral("%1 (%2)").arg(cls, v.reason));
}

CallScreening::Step CallScreening::onScreened(OutcomeDraft &outcome)
{
    record(outcome);
    const Screening::Verdict &v = m_screener->verdict();
    if (!v.isMachine())
        return Step::Converse;
    // Nobody is listening: the session stops talking and ends with the class's outcome.
    if (v.callClass == Screening::CallClass::Ivr && m_policy.ivr == Screening::ScreeningPolicy::IvrAction::Navigate) {
        // The menu's words reach the LLM as caller turns; it may press keys (press_digits).
        m_ivrNavigating = true;
        outcome.removeField(QStringLiteral("failure"));
        qCInfo(lcConversation) << "call" << m_callId << "navigating the IVR";
        return Step::Navigate;
    }
    outcome.decide(Screening::ScreeningPolicy::outcomeFor(v.callClass, v.announcement));
    if (v.callClass == Screening::CallClass::Voicemail
        && m_policy.voicemail == Screening::ScreeningPolicy::VoicemailAction::LeaveMessage) {
        m_voicemailMessagePending = true;
        return m_screener->beepSince(v.atMs) ? Step::VoicemailNow : Step::AwaitBeep;
    }
    return Step::HangUp;
}

QString CallScreening::takeVoicemailMessage(const QString &language, const CallContext &ctx, OutcomeDraft &outcome)
{
    m_voicemailMessagePending = false;
    const QString custom = m_policy.voicemailMessage;
    const QString message = fillTemplate(custom.isEmpty() ? Screening::ScreeningPolicy::defaultVoicemailMessage(language) : custom, ctx);
    qCInfo(lcConversation) << "call" << m_callId << "leaving a voicemail message";
    outcome.reopen(); // endCall sets it
    return message;
}

QString CallScreening::pressDigits(const QJsonObject &args, OutcomeDraft &outcome)
{
    const QString keys = Screening::dtmfKeys(args.value(QStringLiteral("digits")).toString());
    if (!m_ivrNavigating || keys.isEmpty()) {
        qCWarning(lcConversation) << "call" << m_callId << "ignoring press_digits" << args.value(QStringLiteral("digits")).toString();
        return {};
    }
    if (++m_ivrPresses > m_policy.maxIvrPresses) {
        qCInfo(lcConversation) << "call" << m_callId << "IVR: too many key presses, giving up";
        outcome.decide(QStringLiteral("ivr")); // ends the call when this LLM turn finishes
        return {};
    }
    m_pressedThisTurn = true;
    return keys;
}

void CallScreening::finishCall(OutcomeDraft &outcome)
{
    if (m_screener && !m_screener->decided() && m_screener->positionMs() > 0) {
        // The call ended before the screening deadline: classify what was heard.
        const Screening::Verdict &v = m_screener->finish();
        record(outcome);
        if (v.isMachine())
            outcome.decideIfOpen(Screening::ScreeningPolicy::outcomeFor(v.callClass, v.announcement));
    }
    if (m_ivrNavigating)
        outcome.decideIfOpen(QStringLiteral("ivr")); // the menu never led to a conversation outcome
}

} // namespace Leadline::Conversation
