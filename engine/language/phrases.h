// Phrases: short replies that must not interrupt the agent (backchannels: "haan", "ji", "accha",
// "hmm", "ok", "theek hai", "हाँ", "जी", "yes yes") and requests never to be called again ("don't
// call me", "call mat karna", "DND", "मुझे कॉल मत करो", "remove my number"), in English, Hindi
// and Hinglish. Pure functions over immutable tables; thread-safe.
#pragma once

#include <QString>

namespace Leadline::Language {

class Phrases
{
public:
    // True for a short acknowledgement only (at most four words, all acknowledgements): "haan ji",
    // "ok ok", "हाँ जी". "haan mujhe 2 BHK chahiye" is an answer, not a backchannel.
    static bool isBackchannel(const QString &utterance);

    // True when the caller asks not to be called (do-not-call). "Don't call me now, call me
    // tomorrow" / "abhi call mat karo, kal karna" defer the call and are not opt-outs.
    static bool isOptOut(const QString &utterance);
};

} // namespace Leadline::Language
