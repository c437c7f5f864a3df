// Prompts: the system prompt, the end_call tool schema and the fixed lines (greeting, nudge,
// apology, goodbye) in the call's language. Pure functions.
#pragma once

#include "callrecorder.h"

#include <QJsonArray>
#include <QString>

namespace Leadline::Conversation {

// "hi" or "en" from what a CSV or campaign says ("Hindi", "हिन्दी", "hi-IN", "English", ...).
QString normalizeLanguage(const QString &value, const QString &fallback = QStringLiteral("en"));
QString fillTemplate(QString text, const CallContext &ctx);
QString systemPrompt(const CallContext &ctx, const QString &language);
QJsonArray callTools();
QString greeting(const CallContext &ctx, const QString &language);
QString nudgeLine(const QString &language);
QString apologyLine(const QString &language);
QString goodbyeLine(const QString &outcome, const QString &language);

} // namespace Leadline::Conversation
