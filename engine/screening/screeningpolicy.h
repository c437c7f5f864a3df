// Call screening classes and what a call does in each: human -> converse; voicemail -> hang up
// (default) or leave a short message, outcome "voicemail" (retried per the retry policy);
// carrier announcement -> end at once, outcome "invalid_number" (number does not exist: never
// retried) or "unreachable" (switched off, not reachable, busy, barred: retried); IVR/PBX menu
// -> end, outcome "ivr" (not retried), or (SCREENING_IVR=navigate) let the LLM press keys to
// reach a person. The campaigns table has no options column, so the policy is product-wide, from
// settings (SCREENING, SCREENING_VOICEMAIL, SCREENING_VOICEMAIL_MESSAGE, SCREENING_IVR,
// SCREENING_DEADLINE_MS). Value types and pure functions; thread-safe.
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace Leadline {
class Settings;
}

namespace Leadline::Screening {

enum class CallClass { Human, Voicemail, Announcement, Ivr };

// "human", "voicemail", "announcement", "ivr".
QString className(CallClass c);

struct ScreeningConfig
{
    int deadlineMs = 6000;           // a verdict by this much answered audio, whatever happens
    int longSpeechMs = 3500;         // far-end speech this long before any pause = a machine talking
    int pauseMs = 600;               // a gap this long ends a far-end speech segment
    int minSpeechBeforeBeepMs = 1000; // a beep counts as a voicemail beep after this much greeting
    // Long speech and no words yet at the deadline: wait this much longer for the transcript
    // (a person talking on would otherwise be taken for a machine when the STT is slow).
    int transcriptGraceMs = 2000;
    // The recogniser only returns phrases of a grammar (the offline PocketSphinx): its words are
    // not evidence of anything, so screening ignores them and decides on audio cues alone.
    bool grammarTranscripts = false;
};

struct ScreeningPolicy
{
    enum class VoicemailAction { HangUp, LeaveMessage };
    enum class IvrAction { HangUp, Navigate }; // Navigate: the LLM presses keys (ivrnavigation.h)
    bool enabled = true;
    VoicemailAction voicemail = VoicemailAction::HangUp;
    IvrAction ivr = IvrAction::HangUp;
    int maxIvrPresses = 4; // navigate: key presses before giving up with outcome "ivr"
    QString voicemailMessage; // empty: a built-in line in the call's language
    int maxWaitForBeepMs = 15000; // leave-message: speak after the beep, or after this at the latest
    ScreeningConfig config;

    static ScreeningPolicy fromSettings(const Settings &settings);
    // The call outcome for a machine class ("" for a human). announcement: switched_off,
    // not_reachable, busy, invalid, barred.
    static QString outcomeFor(CallClass c, const QString &announcement);
    // The built-in voicemail message ("en" or "hi"), with {name} for the lead's name.
    static QString defaultVoicemailMessage(const QString &language);
};

// Offline speech on live calls: the offline recogniser (PocketSphinx, no DEEPGRAM_API_KEY) hears
// only a small English grammar and forces any audio, a machine's included, into it. Starting a
// campaign that dials a real carrier (EXOTEL_API_KEY set and EXOTEL_API_BASE_URL not a loopback
// simulator) on offline speech needs ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS=yes; /health and the
// console say when campaigns run on offline speech. Value type; thread-safe.
struct OfflineSpeechPolicy
{
    bool offlineSpeech = false;  // no DEEPGRAM_API_KEY: PocketSphinx recognises the calls
    bool realCarrier = false;    // calls go out through a real Exotel account
    bool allowed = false;        // ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS

    static OfflineSpeechPolicy fromSettings(const Settings &settings);
    // Whether a campaign may start now (an Unprocessable error saying what to set when not).
    Status mayStartCampaign() const;
    // For /health: {"recognition": "offline"|"live", "real_carrier", "offline_allowed_for_live_calls",
    // "campaigns_running": n} plus "warning" when campaigns run on offline speech.
    QJsonObject health(int campaignsRunning) const;
};

} // namespace Leadline::Screening
