// Prompts: the system prompt, the end_call tool schema and the fixed lines (greeting, nudge,
// apology, goodbye) in the call's language. Pure functions.
#pragma once

#include "callrecorder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>

namespace Leadline::Conversation {

// "hi" or "en" from what a CSV or campaign says ("Hindi", "हिन्दी", "hi-IN", "English", ...).
QString normalizeLanguage(const QString &value, const QString &fallback = QStringLiteral("en"));
QString fillTemplate(QString text, const CallContext &ctx);
QString systemPrompt(const CallContext &ctx, const QString &language);
QJsonArray callTools();
// Hot-lead handoff: end_call plus transfer_to_agent(reason, summary) when the campaign allows it.
QJsonArray callTools(bool handoffAvailable);
QString handoffInstructions();
QString connectingLine(const QString &agentName, const QString &language);
// No agent free: say so and when the team will call back (`when` already phrased).
QString noAgentLine(const QString &when, const QString &language);
// "today at 4:30 PM", "tomorrow at 10:00 AM", "on Monday at 11:00 AM" (Hindi: "कल सुबह 10:00 बजे");
// `at` in the lead's zone; "soon" when invalid.
QString callbackWhenPhrase(const QDateTime &at, const QDateTime &now, const QString &language);
QString greeting(const CallContext &ctx, const QString &language);
QString nudgeLine(const QString &language);
QString apologyLine(const QString &language);
// Said when the reply is slow to come (an LLM retry): the caller hears that we are there.
QString thinkingFillerLine(const QString &language);
// The short acknowledgements the system prompt asks a reply to open with ("Sure,", "जी,"): their
// audio is prepared when the engine starts (GreetingPrimer::warmPhrases), so a reply that opens
// with one starts playing as its first words arrive, without a TTS round trip.
QStringList openingAcknowledgements(const QString &language);
QString goodbyeLine(const QString &outcome, const QString &language);

// Project brief (issue 22). The facts block and rules appended to the system prompt: answer only
// from the brief, defer anything else to an advisor (note_question_for_advisor), offer the given
// site-visit slots (already in the lead's zone) and book with book_site_visit.
QString briefInstructions(const QString &facts, int briefVersion, const QList<QDateTime> &offered, const QDateTime &now,
                          bool brochure, const QString &language);
// note_question_for_advisor, book_site_visit and (when the brief has a brochure) send_brochure.
QJsonArray briefTools(bool brochure);
// What the agent says for a fact it does not have.
QString advisorLine(const QString &language);
// "Your site visit is booked for tomorrow at 11:00 AM for 2 people at <address>..."
QString siteVisitBookedLine(const QDateTime &at, const QDateTime &now, int visitors, const QString &address, const QString &language);
// The slot was refused (`reason`: closed_day, outside_hours, in_past, too_far, bad_time); offers `offered`.
QString siteVisitRefusedLine(const QString &reason, const QList<QDateTime> &offered, const QDateTime &now, const QString &language);
QString askVisitorsLine(const QString &language);
QString brochureSentLine(const QString &language);

} // namespace Leadline::Conversation
