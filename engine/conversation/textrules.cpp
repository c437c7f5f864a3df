#include "textrules.h"

#include "conversationlog.h"
#include "language/budgetparser.h"
#include "language/callbacktimeparser.h"
#include "language/languagedetector.h"
#include "language/phrases.h"
#include "language/propertyparser.h"
#include "language/timelineparser.h"

#include <QJsonObject>
#include <QTimeZone>

namespace Leadline::Conversation {

bool isBackchannel(const QString &text) { return Language::Phrases::isBackchannel(text); }
bool isOptOut(const QString &text) { return Language::Phrases::isOptOut(text); }

QString detectLanguage(const QString &text, const QString &sttLanguage)
{
    const Language::DetectedLanguage d = Language::LanguageDetector::detect(text);
    if (!d.code.isEmpty())
        return d.code;
    if (sttLanguage.startsWith(QLatin1String("hi")))
        return QStringLiteral("hi");
    return {};
}

static QString rawField(const QJsonObject &fields, const char *key)
{
    const QJsonValue v = fields.value(QLatin1String(key));
    return (v.isObject() ? v.toObject().value(QStringLiteral("value")) : v).toString().trimmed();
}

void applyExtraction(Storage::CallOutcome &outcome, const CallContext &ctx, const QDateTime &now)
{
    QJsonObject normalized;
    if (const QString budget = rawField(outcome.fields, "budget"); !budget.isEmpty()) {
        if (const auto b = Language::BudgetParser::parse(budget)) {
            outcome.budgetMin = b->minInr;
            outcome.budgetMax = b->maxInr == Language::Budget::kNoUpperLimit ? 0 : b->maxInr;
            outcome.budgetText = b->phrase;
            normalized.insert(QStringLiteral("budget"), b->toJson());
        } else {
            outcome.budgetText = budget; // kept as said; never guessed
        }
    }
    const QString property = rawField(outcome.fields, "property");
    const QString location = rawField(outcome.fields, "location");
    if (!property.isEmpty() || !location.isEmpty()) {
        const QString said = location.isEmpty() ? property : property + QStringLiteral(" in ") + location;
        if (const auto p = Language::PropertyParser::parse(said)) {
            QStringList parts;
            if (p->bhk > 0)
                parts << QStringLiteral("%1 BHK").arg(p->bhk);
            if (!p->type.isEmpty())
                parts << p->type;
            outcome.property = parts.isEmpty() ? said : parts.join(QLatin1Char(' '));
            normalized.insert(QStringLiteral("property"), p->toJson());
        } else {
            outcome.property = said;
        }
    }
    if (const QString timeline = rawField(outcome.fields, "timeline"); !timeline.isEmpty()) {
        const QDate today = now.toTimeZone(QTimeZone(ctx.timezone.toUtf8())).date();
        if (const auto t = Language::TimelineParser::parse(timeline, today)) {
            outcome.timeline = Language::TimelineParser::bucketName(t->bucket);
            normalized.insert(QStringLiteral("timeline"), QJsonObject{{QStringLiteral("bucket"), outcome.timeline},
                                                                      {QStringLiteral("phrase"), t->phrase}});
        } else {
            outcome.timeline = timeline;
        }
    }
    if (const QString callback = rawField(outcome.fields, "callback_time"); !callback.isEmpty()) {
        const auto window = Language::CallbackWindow::fromCampaign(ctx.windowStart, ctx.windowEnd, ctx.callingDays);
        if (const auto c = Language::CallbackTimeParser::parse(callback, now, ctx.timezone, window.value_or(Language::CallbackWindow{}))) {
            outcome.callbackAt = c->at.toMSecsSinceEpoch();
            normalized.insert(QStringLiteral("callback"), c->toJson());
        }
    }
    if (!normalized.isEmpty())
        outcome.fields.insert(QStringLiteral("normalized"), normalized);
}

} // namespace Leadline::Conversation
