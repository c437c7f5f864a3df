#include "webhookpayload.h"

#include "storage/callstatus.h"

#include <QDateTime>
#include <QJsonDocument>
#include <cmath>

namespace Leadline::Webhooks {

QString callEndedEventId(qint64 callId) { return QStringLiteral("call_ended.%1").arg(callId); }
QString handoffEventId(qint64 callId) { return QStringLiteral("handoff.%1").arg(callId); }

static double round2(double v) { return std::round(v * 100.0) / 100.0; }

static QString iso(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); }

static QString transcriptUrl(const QString &baseUrl, qint64 callId)
{
    QString base = baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + QStringLiteral("/calls/%1/transcript").arg(callId);
}

QJsonObject costEstimate(const Prices &p, int durationS, int conversationS, bool connected)
{
    const int talkS = conversationS > 0 ? conversationS : qMax(0, durationS);
    const qint64 billable = connected && durationS > 0 ? (durationS + 59) / 60 : 0;
    const Storage::CostEstimate e = Storage::CostEstimate::of(billable, talkS, 0, p);
    return QJsonObject{
        {QStringLiteral("currency"), QStringLiteral("INR")},
        {QStringLiteral("billable_minutes"), billable},
        {QStringLiteral("telephony"), round2(e.telephony)},
        {QStringLiteral("stt"), round2(e.stt)},
        {QStringLiteral("llm"), round2(e.llm)},
        {QStringLiteral("tts"), round2(e.tts)},
        {QStringLiteral("total"), round2(e.total)},
    };
}

static QJsonObject leadJson(const CallEndedSource &src)
{
    QJsonObject lead = src.lead;
    lead.insert(QStringLiteral("campaign"), src.campaign);
    return lead;
}

QByteArray callEndedPayload(const CallEndedSource &src, const QString &baseUrl, const Prices &prices, qint64 createdAtMs)
{
    const QJsonObject &c = src.call;
    const qint64 callId = c.value(QStringLiteral("id")).toInteger();
    const QJsonObject raw = c.value(QStringLiteral("fields")).toObject();
    // The qualification fields, normalised where the language module understood them.
    QJsonObject fields{
        {QStringLiteral("budget"), c.value(QStringLiteral("budget"))},
        {QStringLiteral("property"), c.value(QStringLiteral("property"))},
        {QStringLiteral("timeline"), c.value(QStringLiteral("timeline"))},
        {QStringLiteral("callback_at"), c.value(QStringLiteral("callback_at"))},
        {QStringLiteral("language"), c.value(QStringLiteral("language"))},
        {QStringLiteral("question_for_advisor"), c.value(QStringLiteral("question_for_advisor"))},
        {QStringLiteral("brief_version"), c.value(QStringLiteral("brief_version"))},
        {QStringLiteral("extracted"), raw},
    };
    auto rawText = [&raw](const char *key) {
        const QJsonValue v = raw.value(QLatin1String(key));
        return (v.isObject() ? v.toObject().value(QStringLiteral("value")) : v).toString().trimmed();
    };
    const QString summary = rawText("summary");
    const QString status = c.value(QStringLiteral("status")).toString();
    const bool connected = !c.value(QStringLiteral("answered_at")).isNull() || status == Storage::statusName(Storage::CallStatus::Completed);
    const QJsonObject body{
        {QStringLiteral("event"), QStringLiteral("call_ended")},
        {QStringLiteral("event_id"), callEndedEventId(callId)},
        {QStringLiteral("created_at"), iso(createdAtMs)},
        {QStringLiteral("lead"), leadJson(src)},
        {QStringLiteral("call"), QJsonObject{
             {QStringLiteral("id"), callId},
             {QStringLiteral("attempt"), c.value(QStringLiteral("attempt"))},
             {QStringLiteral("status"), status},
             {QStringLiteral("connected"), connected},
             {QStringLiteral("provider_sid"), c.value(QStringLiteral("provider_sid"))},
             {QStringLiteral("started_at"), c.value(QStringLiteral("started_at"))},
             {QStringLiteral("answered_at"), c.value(QStringLiteral("answered_at"))},
             {QStringLiteral("ended_at"), c.value(QStringLiteral("ended_at"))},
             {QStringLiteral("finalized_at"), src.settledAt > 0 ? QJsonValue(iso(src.settledAt)) : QJsonValue()},
             {QStringLiteral("duration_s"), src.durationS},
             {QStringLiteral("recording_url"), c.value(QStringLiteral("recording_url"))},
             {QStringLiteral("failure_reason"), c.value(QStringLiteral("failure_reason"))},
         }},
        {QStringLiteral("outcome"), c.value(QStringLiteral("outcome"))},
        // {"at" (UTC ISO), "visitors", "turn"} when the agent booked a site visit, else null.
        {QStringLiteral("site_visit"), c.value(QStringLiteral("site_visit"))},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("summary"), summary.isEmpty() ? QJsonValue() : QJsonValue(summary)},
        {QStringLiteral("transcript_url"), transcriptUrl(baseUrl, callId)},
        {QStringLiteral("cost"), costEstimate(prices, src.durationS, src.conversationS, connected)},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray handoffPayload(const CallEndedSource &src, const QJsonObject &handoff, const QString &baseUrl, qint64 createdAtMs)
{
    const qint64 callId = src.call.value(QStringLiteral("id")).toInteger();
    const QJsonObject body{
        {QStringLiteral("event"), QStringLiteral("handoff")},
        {QStringLiteral("event_id"), handoffEventId(callId)},
        {QStringLiteral("created_at"), iso(createdAtMs)},
        {QStringLiteral("lead"), leadJson(src)},
        {QStringLiteral("call"), QJsonObject{{QStringLiteral("id"), callId},
                                             {QStringLiteral("provider_sid"), src.call.value(QStringLiteral("provider_sid"))}}},
        {QStringLiteral("handoff"), handoff},
        {QStringLiteral("transcript_url"), transcriptUrl(baseUrl, callId)},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace Leadline::Webhooks
