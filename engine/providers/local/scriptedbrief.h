// The scripted dialog's project-brief part: answers price, possession, RERA, location,
// amenity and FAQ questions from the brief in the request context ("brief"), defers anything
// else to an advisor (note_question_for_advisor), offers the site-visit slots the session gives
// ("site_visit_slots"), books the one the caller names (book_site_visit) and sends the brochure.
// Pure function of the request; thread-safe.
#pragma once

#include "scripteddialog.h"

#include <optional>

namespace Leadline::Providers {

// Text helpers shared by the scripted dialog's parts (case-insensitive, Unicode patterns). pattern
// must be a string literal (static storage): its compiled form is kept per thread, keyed by address.
namespace ScriptText {
bool matches(const QString &text, const char *pattern);
QString capture(const QString &text, const char *pattern); // the first match, trimmed; empty if none
int assistantAsked(const QList<ChatMessage> &messages, const QString &marker); // agent turns containing marker
} // namespace ScriptText

// The next step when the brief decides it; nullopt to let the qualification script go on.
std::optional<DialogStep> briefDialogStep(const LlmRequest &request, bool hindi);

} // namespace Leadline::Providers
