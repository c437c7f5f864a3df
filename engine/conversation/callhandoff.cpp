#include "callhandoff.h"

#include "language/callbacktimeparser.h"
#include "outcomedraft.h"
#include "prompts.h"

#include <QStringList>
#include <QTimeZone>

namespace Leadline::Conversation {

bool CallHandoff::askTransfer(const QJsonObject &args)
{
    if (!m_available || m_requested)
        return false;
    m_transferArgs = args.isEmpty() ? QJsonObject{{QStringLiteral("reason"), QStringLiteral("unspecified")}} : args;
    return true;
}

HandoffRequest CallHandoff::request(const CallContext &ctx, const QList<Providers::ChatMessage> &history,
                                    const OutcomeDraft &outcome, const QString &language)
{
    m_requested = true;
    QStringList words;
    for (const Providers::ChatMessage &m : history)
        if (m.role == QLatin1String("user") && !m.content.startsWith(QLatin1Char('(')))
            words << m.content;
    while (words.size() > 4)
        words.removeFirst();
    QJsonObject summary{{QStringLiteral("name"), ctx.leadName},
                        {QStringLiteral("phone"), ctx.phoneE164},
                        {QStringLiteral("city"), ctx.city},
                        {QStringLiteral("budget"), ctx.budget},
                        {QStringLiteral("property"), ctx.propertyType},
                        {QStringLiteral("language"), language},
                        {QStringLiteral("caller_words"), words.join(QStringLiteral(" / "))}};
    // What the caller said in this call beats what the CSV had.
    for (const char *key : {"budget", "property", "timeline", "summary"}) {
        QString v = m_transferArgs.value(QLatin1String(key)).toString().trimmed();
        if (v.isEmpty())
            v = outcome.reportedValue(QLatin1String(key));
        if (!v.isEmpty())
            summary.insert(QLatin1String(key), v);
    }
    HandoffRequest req;
    req.callId = ctx.callId;
    req.leadId = ctx.leadId;
    req.campaignId = ctx.campaignId;
    req.callerLanguage = language;
    req.reason = m_transferArgs.value(QStringLiteral("reason")).toString();
    req.summary = summary;
    return req;
}

std::optional<CallHandoff::Ending> CallHandoff::decide(const Result<HandoffDecision> &d, const CallContext &ctx,
                                                      const QList<Providers::ChatMessage> &history, const QDateTime &now,
                                                      const QString &lang)
{
    if (m_decided)
        return std::nullopt;
    m_decided = true;
    if (d && d->connected) {
        m_transferring = true;
        const QJsonObject fields{{QStringLiteral("handoff"), QJsonObject{{QStringLiteral("handoff_id"), d->handoffId},
                                                                        {QStringLiteral("agent"), d->agentName},
                                                                        {QStringLiteral("reason"), m_transferArgs.value(QStringLiteral("reason"))},
                                                                        {QStringLiteral("summary"), m_transferArgs.value(QStringLiteral("summary"))}}}};
        return Ending{QStringLiteral("interested"), fields, connectingLine(d->agentName, lang)};
    }
    // Nobody can take the call: a callback at the time the caller named, else the next slot.
    const auto window = Language::CallbackWindow::fromCampaign(ctx.windowStart, ctx.windowEnd, ctx.callingDays)
                            .value_or(Language::CallbackWindow{});
    QJsonObject fields{{QStringLiteral("handoff"), QJsonObject{{QStringLiteral("failure"), d ? QStringLiteral("no_agent_available")
                                                                                                : d.error().message}}}};
    std::optional<Language::CallbackTime> when;
    for (auto it = history.crbegin(); it != history.crend() && !when; ++it)
        if (it->role == QLatin1String("user"))
            if ((when = Language::CallbackTimeParser::parse(it->content, now, ctx.timezone, window)))
                fields.insert(QStringLiteral("callback_time"), it->content);
    QDateTime at;
    if (when) {
        at = when->at;
    } else {
        QTimeZone tz(ctx.timezone.toUtf8());
        if (!tz.isValid())
            tz = QTimeZone("Asia/Kolkata");
        if (const auto slot = Language::CallbackTimeParser::fitIntoWindow(now.toTimeZone(tz).addSecs(3600), window)) {
            at = slot.value();
            m_callbackAtMs = at.toMSecsSinceEpoch();
        }
    }
    return Ending{QStringLiteral("callback"), fields, noAgentLine(callbackWhenPhrase(at, now, lang), lang)};
}

} // namespace Leadline::Conversation
