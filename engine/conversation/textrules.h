// Text rules the call brain applies to what the caller says: backchannels, opt-out phrases,
// the caller's language, and turning the end_call tool's raw values into stored fields.
// Pure functions; thread-safe.
#pragma once

#include "callrecorder.h"

#include <QString>

namespace Leadline::Conversation {

bool isBackchannel(const QString &text);
bool isOptOut(const QString &text);
// "hi" or "en" for what the caller just said; sttLanguage is the recogniser's own guess.
QString detectLanguage(const QString &text, const QString &sttLanguage);
// Fills budget/property/timeline/callback columns from outcome.fields (raw LLM values kept).
void applyExtraction(Storage::CallOutcome &outcome, const CallContext &ctx);

} // namespace Leadline::Conversation
