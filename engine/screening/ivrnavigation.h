// IVR navigation (optional, SCREENING_IVR=navigate): when a PBX menu answers, the LLM may press
// keys with a `press_digits` tool to reach a person. Exotel's media stream has no outbound DTMF
// event (reference §1.5), so digits are sent in-band: standard DTMF dual tones in the call's
// audio (80 ms tone, 80 ms gap), which G.711 paths carry to the PBX. Whether every PBX behind
// Exotel accepts in-band DTMF is unverified.
// Pure functions; thread-safe.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

namespace Leadline::Screening {

// The keys of `digits` that are DTMF keys (0-9, *, #), at most maxDigits of them.
QString dtmfKeys(const QString &digits, int maxDigits = 8);
// S16LE PCM of the keys as DTMF tones at sampleRate (empty when no valid key).
QByteArray dtmfAudio(const QString &keys, int sampleRate, int toneMs = 80, int gapMs = 80);
// The tools for a call talking to an IVR: `tools` plus press_digits(digits, reason), and "ivr"
// added to end_call's outcome choices.
QJsonArray ivrTools(QJsonArray tools);
// Extra system-prompt text for the IVR part of a call.
QString ivrInstructions();

} // namespace Leadline::Screening
