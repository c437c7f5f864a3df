#include "liveevents.h"

#include <QJsonDocument>
#include <QTimeZone>
#include <array>

namespace Leadline::Events {

namespace {

const std::array<std::pair<Type, const char *>, 8> kNames{{
    {Type::CallStarted, "call.started"},
    {Type::CallAnswered, "call.answered"},
    {Type::CallStatus, "call.status"},
    {Type::CallActivity, "call.activity"},
    {Type::CallTurn, "call.turn"},
    {Type::CallEnded, "call.ended"},
    {Type::CampaignProgress, "campaign.progress"},
    {Type::ProviderError, "provider.error"},
}};

// Field names, once for writers and readers.
const QString kCallId = QStringLiteral("call_id");
const QString kCampaignId = QStringLiteral("campaign_id");
const QString kLeadId = QStringLiteral("lead_id");
const QString kLeadName = QStringLiteral("lead_name");
const QString kPhone = QStringLiteral("phone");
const QString kAttempt = QStringLiteral("attempt");
const QString kStatus = QStringLiteral("status");
const QString kSource = QStringLiteral("source");
const QString kDurationS = QStringLiteral("duration_s");
const QString kState = QStringLiteral("state");
const QString kSpeaker = QStringLiteral("speaker");
const QString kText = QStringLiteral("text");
const QString kTurn = QStringLiteral("turn");
const QString kLanguage = QStringLiteral("language");
const QString kInterrupted = QStringLiteral("interrupted");
const QString kLatencyMs = QStringLiteral("latency_ms");
const QString kSttMs = QStringLiteral("stt_ms");
const QString kLlmMs = QStringLiteral("llm_ms");
const QString kTtsMs = QStringLiteral("tts_ms");
const QString kOutcome = QStringLiteral("outcome");
const QString kReason = QStringLiteral("reason");
const QString kLeadsTotal = QStringLiteral("leads_total");
const QString kLeadsDone = QStringLiteral("leads_done");
const QString kLeadsPending = QStringLiteral("leads_pending");
const QString kCallsActive = QStringLiteral("calls_active");
const QString kNextDueAt = QStringLiteral("next_due_at");
const QString kProvider = QStringLiteral("provider");
const QString kMessage = QStringLiteral("message");

// Lenient readers: a number or a numeric string; def when absent or unusable.
qint64 integer(const QJsonObject &o, const QString &key, qint64 def = 0)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? n : def;
    }
    return def;
}

QString text(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? v.toString() : (v.isDouble() ? QString::number(v.toDouble()) : QString());
}

void putId(QJsonObject &o, const QString &key, qint64 id)
{
    if (id > 0)
        o.insert(key, id);
}

void putText(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

} // namespace

QString typeName(Type type)
{
    for (const auto &[t, name] : kNames)
        if (t == type)
            return QString::fromLatin1(name);
    return QString();
}

Type typeNamed(const QString &name)
{
    for (const auto &[t, n] : kNames)
        if (name == QLatin1String(n))
            return t;
    return Type::Unknown;
}

QJsonObject CallParty::toJson() const
{
    QJsonObject o{{kCallId, callId}};
    putId(o, kCampaignId, campaignId);
    putId(o, kLeadId, leadId);
    o.insert(kLeadName, leadName);
    o.insert(kPhone, phone);
    if (attempt > 0)
        o.insert(kAttempt, attempt);
    return o;
}

CallParty CallParty::fromJson(const QJsonObject &o)
{
    CallParty e;
    e.callId = integer(o, kCallId);
    e.campaignId = integer(o, kCampaignId);
    e.leadId = integer(o, kLeadId);
    e.leadName = text(o, kLeadName);
    e.phone = text(o, kPhone);
    e.attempt = int(integer(o, kAttempt));
    return e;
}

QJsonObject CallStatus::toJson() const
{
    QJsonObject o{{kCallId, callId}, {kStatus, status}, {kSource, source}};
    putId(o, kCampaignId, campaignId);
    putId(o, kLeadId, leadId);
    if (durationS >= 0)
        o.insert(kDurationS, durationS);
    return o;
}

CallStatus CallStatus::fromJson(const QJsonObject &o)
{
    CallStatus e;
    e.callId = integer(o, kCallId);
    e.campaignId = integer(o, kCampaignId);
    e.leadId = integer(o, kLeadId);
    e.status = text(o, kStatus);
    e.source = text(o, kSource);
    e.durationS = int(integer(o, kDurationS, -1));
    return e;
}

QJsonObject CallActivity::toJson() const
{
    return QJsonObject{{kCallId, callId}, {kState, state}, {kSpeaker, speaker}, {kText, text}};
}

CallActivity CallActivity::fromJson(const QJsonObject &o)
{
    CallActivity e;
    e.callId = integer(o, kCallId);
    e.state = Events::text(o, kState);
    e.speaker = Events::text(o, kSpeaker);
    e.text = Events::text(o, kText);
    return e;
}

QJsonObject CallTurn::toJson() const
{
    QJsonObject o{{kCallId, callId}, {kTurn, turn}, {kSpeaker, speaker}, {kText, text}, {kLanguage, language}, {kInterrupted, interrupted}};
    putId(o, kCampaignId, campaignId);
    putId(o, kLeadId, leadId);
    if (isAgent()) {
        if (latencyMs >= 0) // left out when none of its parts is known
            o.insert(kLatencyMs, latencyMs);
        o.insert(kSttMs, sttMs);
        o.insert(kLlmMs, llmMs);
        o.insert(kTtsMs, ttsMs);
    }
    return o;
}

CallTurn CallTurn::fromJson(const QJsonObject &o)
{
    CallTurn e;
    e.callId = integer(o, kCallId);
    e.campaignId = integer(o, kCampaignId);
    e.leadId = integer(o, kLeadId);
    e.turn = int(integer(o, kTurn, -1));
    e.speaker = Events::text(o, kSpeaker);
    e.text = Events::text(o, kText);
    e.language = Events::text(o, kLanguage);
    e.interrupted = o.value(kInterrupted).toBool();
    e.latencyMs = int(integer(o, kLatencyMs, -1));
    e.sttMs = int(integer(o, kSttMs, -1));
    e.llmMs = int(integer(o, kLlmMs, -1));
    e.ttsMs = int(integer(o, kTtsMs, -1));
    return e;
}

QJsonObject CallEnded::toJson() const
{
    QJsonObject o{{kCallId, callId}, {kStatus, status}, {kSource, source}};
    putId(o, kCampaignId, campaignId);
    putId(o, kLeadId, leadId);
    if (source == QLatin1String("media")) // the session's outcome, even when none was reached
        o.insert(kOutcome, outcome);
    else
        putText(o, kOutcome, outcome);
    putText(o, kReason, reason);
    if (durationS >= 0)
        o.insert(kDurationS, durationS);
    return o;
}

CallEnded CallEnded::fromJson(const QJsonObject &o)
{
    CallEnded e;
    e.callId = integer(o, kCallId);
    e.campaignId = integer(o, kCampaignId);
    e.leadId = integer(o, kLeadId);
    e.status = text(o, kStatus);
    e.outcome = text(o, kOutcome);
    e.reason = text(o, kReason);
    e.source = text(o, kSource);
    e.durationS = int(integer(o, kDurationS, -1));
    return e;
}

QString CampaignProgress::nextDueAt() const
{
    return nextDueAtMs > 0 ? QDateTime::fromMSecsSinceEpoch(nextDueAtMs, QTimeZone::utc()).toString(Qt::ISODate) : QString();
}

QJsonObject CampaignProgress::toJson() const
{
    return QJsonObject{{kCampaignId, campaignId},   {kStatus, status},           {kLeadsTotal, leadsTotal},
                       {kLeadsDone, leadsDone},     {kLeadsPending, leadsPending}, {kCallsActive, callsActive},
                       {kNextDueAt, nextDueAtMs > 0 ? QJsonValue(nextDueAt()) : QJsonValue(QJsonValue::Null)}};
}

CampaignProgress CampaignProgress::fromJson(const QJsonObject &o)
{
    CampaignProgress e;
    e.campaignId = integer(o, kCampaignId);
    e.status = text(o, kStatus);
    e.leadsTotal = integer(o, kLeadsTotal);
    e.leadsDone = integer(o, kLeadsDone);
    e.leadsPending = integer(o, kLeadsPending);
    e.callsActive = int(qMax<qint64>(0, integer(o, kCallsActive)));
    const QDateTime due = QDateTime::fromString(text(o, kNextDueAt), Qt::ISODate);
    e.nextDueAtMs = due.isValid() ? due.toMSecsSinceEpoch() : 0;
    return e;
}

QJsonObject ProviderError::toJson() const
{
    QJsonObject o{{kProvider, provider}, {kMessage, message}};
    putId(o, kCallId, callId);
    putId(o, kCampaignId, campaignId);
    return o;
}

ProviderError ProviderError::fromJson(const QJsonObject &o)
{
    ProviderError e;
    e.provider = text(o, kProvider);
    e.callId = integer(o, kCallId);
    e.campaignId = integer(o, kCampaignId);
    e.message = text(o, kMessage);
    return e;
}

std::optional<Envelope> Envelope::parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    Envelope e;
    e.payload = doc.object();
    e.type = typeNamed(e.payload.value(QLatin1String("type")).toString());
    e.at = QDateTime::fromString(e.payload.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
    return e;
}

} // namespace Leadline::Events
