// Text rules the call brain applies to what the caller says: backchannels, opt-out phrases,
// the caller's language, and turning the end_call tool's raw values into stored fields.
// Pure functions; thread-safe.
#pragma once

#include "callrecorder.h"

#include <QDateTime>
#include <QString>

namespace Leadline::Conversation {

bool isBackchannel(const QString &text);
bool isOptOut(const QString &text);
// "en", "hi" or "hi-Latn" (Hinglish) for what the caller just said; sttLanguage is the
// recogniser's own guess, used when the text alone is not conclusive.
QString detectLanguage(const QString &text, const QString &sttLanguage);
// Normalizes the end_call tool's raw values (kept in outcome.fields) into the stored columns with
// the deterministic parsers: budget as INR integers (text when unparseable, never guessed),
// property, timeline bucket, callback time inside the campaign window.
void applyExtraction(Storage::CallOutcome &outcome, const CallContext &ctx, const QDateTime &now);

} // namespace Leadline::Conversation
