// CallScreening: a live call's side of call screening (the classifier is
// screening/callscreener.h, the policy screening/screeningpolicy.h). Feeds the screener the
// caller's audio and words while the first seconds are classified, records the verdict in the
// call's fields (class, confidence, reason, at_ms, announcement; a machine also as the failure
// reason), and says what the verdict means for the call: carry on (a person), hang up with the
// class's outcome, wait for the beep and then leave the voicemail message, or navigate an IVR
// with press_digits within its press budget. The session acts on the returned Step.
// Thread: its call session's network worker.
#pragma once

#include "callrecorder.h"
#include "outcomedraft.h"
#include "screening/callscreener.h"
#include "screening/screeningpolicy.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <memory>

namespace Leadline::Conversation {

class CallScreening
{
public:
    // What the session does after a feed.
    enum class Step {
        None,         // nothing new (no verdict yet, or still waiting for the beep)
        Converse,     // a person (or unsure): the conversation goes on
        Navigate,     // an IVR, SCREENING_IVR=navigate: stop talking; the LLM works the menu
        AwaitBeep,    // voicemail, leave-message: stop talking and wait for the beep
        VoicemailNow, // voicemail, leave-message, the beep heard already: stop talking, then as LeaveMessage
        LeaveMessage, // the beep (or quiet, or the wait ran out): say takeVoicemailMessage() and end
        HangUp,       // a machine: stop talking and end now (the outcome is decided)
    };
    // A machine verdict just now: the session stops talking (barge-in) and its silence timer.
    static bool machineVerdict(Step s)
    {
        return s == Step::Navigate || s == Step::AwaitBeep || s == Step::VoicemailNow || s == Step::HangUp;
    }

    explicit CallScreening(Screening::ScreeningPolicy policy = {}) : m_policy(std::move(policy)) {}

    // At the start of the conversation: screening runs if the policy enables it.
    // grammarTranscripts: the recogniser is grammar-constrained (its words are no evidence).
    void start(qint64 callId, bool grammarTranscripts);
    bool enabled() const { return m_screener != nullptr; }
    bool decided() const { return m_screener && m_screener->decided(); }

    // Caller audio (Active phase). The Step to act on; the audio is not conversation while
    // holdsAudio() (after acting) or once the call is no longer active.
    Step feedAudio(const QByteArray &pcm, int sampleRate, OutcomeDraft &outcome);
    // A transcript of the caller, before the verdict.
    Step feedTranscript(const QString &text, bool isFinal, OutcomeDraft &outcome);
    // Waiting for the voicemail beep: the caller's audio and words are not conversation.
    bool awaitingBeep() const { return m_voicemailMessagePending; }
    bool holdsAudio() const { return m_voicemailMessagePending; }
    // The voicemail message (custom or built-in in `language`, {name} filled); the outcome is
    // reopened (the session's endCall sets "voicemail").
    QString takeVoicemailMessage(const QString &language, const CallContext &ctx, OutcomeDraft &outcome);

    // IVR navigation (SCREENING_IVR=navigate after an IVR verdict).
    bool navigating() const { return m_ivrNavigating; }
    int presses() const { return m_ivrPresses; }
    void newLlmTurn() { m_pressedThisTurn = false; }
    bool pressedThisTurn() const { return m_pressedThisTurn; }
    // The press_digits tool: the keys to send as tones (empty: nothing to press — not
    // navigating, no valid key, or the press budget is spent, then the outcome is "ivr" and the
    // call ends when the LLM turn finishes).
    QString pressDigits(const QJsonObject &args, OutcomeDraft &outcome);

    // The call ends: a verdict from what was heard if the deadline was not reached, and the
    // outcome of a machine or of a menu that never led to a conversation (if none is decided).
    void finishCall(OutcomeDraft &outcome);
    // A do-not-call request heard on this call may go on the permanent DNC list (enabled() only).
    bool mayAddToDnc() const { return m_screener && m_screener->mayAddToDnc(); }
    QString label() const { return m_screener ? m_screener->verdict().label() : QString(); }

private:
    Step onScreened(OutcomeDraft &outcome);
    void record(OutcomeDraft &outcome) const; // the verdict into the call's fields

    Screening::ScreeningPolicy m_policy;
    qint64 m_callId = 0;
    std::unique_ptr<Screening::CallScreener> m_screener; // while the first seconds are classified
    bool m_voicemailMessagePending = false;             // waiting for the beep to leave a message
    bool m_ivrNavigating = false;                       // SCREENING_IVR=navigate: the LLM works the menu
    int m_ivrPresses = 0;
    bool m_pressedThisTurn = false;                     // keys instead of words this LLM turn
};

} // namespace Leadline::Conversation
