#include "calllifecycle.h"
#include "core/liveevents.h"

#include "callingwindow.h"
#include "core/logging.h"
#include "retrypolicy.h"
#include "storage/callrepository.h"
#include "storage/callstatus.h"
#include "storage/database.h"
#include "storage/handoffstatus.h"

#include <QJsonObject>

namespace Leadline::Campaigns {

QString CallLifecycle::callStatusFor(const QString &carrierStatus, const QString &eventType)
{
    using Storage::CallStatus;
    const QString s = carrierStatus.trimmed().toLower();
    const QString ev = eventType.trimmed().toLower();
    if (ev == QLatin1String("answered"))
        return Storage::statusName(CallStatus::InProgress);
    if (ev == QLatin1String("ringing"))
        return Storage::statusName(CallStatus::Ringing);
    // Exotel's terminal statuses are ours (and two spellings of them).
    const std::optional<CallStatus> carrier = s == QLatin1String("cancelled") ? CallStatus::Canceled
                                              : s == QLatin1String("no_answer")
                                                  ? CallStatus::NoAnswer
                                                  : Storage::parseStatus<CallStatus>(s);
    if (carrier == CallStatus::Completed || carrier == CallStatus::Busy || carrier == CallStatus::NoAnswer
        || carrier == CallStatus::Failed || carrier == CallStatus::Canceled)
        return Storage::statusName(*carrier);
    // A terminal event with a status we do not know (or an intermediate one): not a success.
    return Storage::statusName(CallStatus::Unknown);
}

Storage::SettleOutput CallLifecycle::decide(const Storage::SettleInput &in, qint64 nowMs, const RetryDelays &delays)
{
    auto window = CallingWindow::of(in.campaign);
    const CallingWindow w = (window ? window.value() : CallingWindow()).forLeadZone(in.leadTimezone);
    RetryPolicy policy(RetryConfig{in.campaign.maxAttempts, in.campaign.retryDelaySeconds, 24 * 3600, delays});
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    const QDateTime callback = in.callbackAt > 0 ? QDateTime::fromMSecsSinceEpoch(in.callbackAt, Qt::UTC) : QDateTime();
    const AttemptResult attempt{in.carrierStatus, in.outcome, callback, in.priorCarrierFailures,
                                in.handoffStatus == Storage::statusName(Storage::HandoffStatus::NotAnswered)};
    const RetryDecision d = policy.decide(attempt, in.leadAttempts, now, w);
    Storage::SettleOutput out;
    out.leadStatus = d.leadStatus;
    out.lastOutcome = d.lastOutcome;
    out.nextAttemptAt = d.schedulesAnotherCall() ? d.at.toMSecsSinceEpoch() : 0;
    return out;
}

Result<bool> CallLifecycle::settle(qint64 callId, bool resettle, bool force, const QString &cutOffReason)
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    const qint64 now = m_clock.nowMs();
    return Storage::DialerQueue(db.value()).settle(callId, now, [now, delays = m_delays](const Storage::SettleInput &in) { return decide(in, now, delays); },
                                                   resettle, force, cutOffReason);
}

Result<bool> CallLifecycle::settleWithin(QSqlDatabase &db, qint64 callId, qint64 nowMs, bool resettle, const RetryDelays &delays)
{
    return Storage::DialerQueue(db).settleWithin(callId, nowMs, [nowMs, delays](const Storage::SettleInput &in) { return decide(in, nowMs, delays); },
                                                 resettle);
}

Result<CallLifecycle::Applied> CallLifecycle::report(const CallStatusReport &r)
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    Storage::CallRepository calls(db.value());
    Storage::DialerQueue queue(db.value());
    const qint64 now = m_clock.nowMs();

    Result<Storage::CallRow> call = r.providerSid.isEmpty()
                                        ? Result<Storage::CallRow>(Error::make(Error::Code::NotFound, QStringLiteral("no sid")))
                                        : calls.findByProviderSid(r.providerSid);
    if (!call && call.error().code != Error::Code::NotFound)
        return call.error();
    if (!call && r.callId > 0) {
        // The webhook beat the Calls/connect reply: find the row by our id and adopt the sid.
        call = calls.get(r.callId);
        if (call && !call->providerSid.isEmpty() && call->providerSid != r.providerSid)
            return Applied::UnknownCall; // CustomField points at a different call: do not trust it
        if (call && !r.providerSid.isEmpty()) {
            if (Status s = queue.setPlaced(call->id, r.providerSid, now); !s)
                return s.error();
        }
    }
    if (!call) {
        if (call.error().code == Error::Code::NotFound)
            return Applied::UnknownCall;
        return call.error();
    }
    const qint64 callId = call->id;
    const QString eventType = r.eventType.isEmpty() ? QStringLiteral("terminal") : r.eventType.toLower();
    Storage::DialerQueue::CarrierUpdate u;
    u.callId = callId;
    u.status = callStatusFor(r.carrierStatus, eventType);
    u.answeredAt = r.answeredAtMs > 0 ? r.answeredAtMs : (eventType == QLatin1String("answered") ? now : 0);
    u.endedAt = Storage::DialerQueue::isActive(u.status) ? 0 : (r.endedAtMs > 0 ? r.endedAtMs : now);
    u.durationS = r.durationS;
    u.conversationS = r.durationS;
    u.recordingUrl = r.recordingUrl;
    u.failureReason = r.failureReason;
    const bool wasUnknown = call->status == Storage::statusName(Storage::CallStatus::Unknown);
    auto changed = queue.applyCarrierUpdate(u, now);
    if (!changed)
        return changed.error();
    // (call, EventType) seen before: a duplicate delivery. The status update above is
    // monotonic anyway, so this only tells duplicates from stale out-of-order events.
    auto fresh = queue.recordWebhookEvent(callId, eventType, now);
    if (!fresh)
        return fresh.error();
    if (changed.value()) {
        qCInfo(lcCampaigns) << "call" << callId << "is now" << u.status << "(" << eventType << ")";
        if (m_events) {
            const Events::CallStatus e{callId, call->campaignId, call->leadId, u.status, QStringLiteral("carrier"), r.durationS >= 0 ? int(r.durationS) : -1};
            Events::publish(*m_events, e);
            if (!Storage::DialerQueue::isActive(u.status))
                Events::publish(*m_events, Events::CallEnded{callId, call->campaignId, call->leadId, u.status, {}, {}, e.source, e.durationS});
        }
    }
    if (!Storage::DialerQueue::isActive(u.status)) {
        // Also when nothing changed: the live call engine may have finished the row first.
        auto settled = settle(callId, wasUnknown && changed.value());
        if (!settled)
            return settled.error();
    }
    if (!changed.value())
        return fresh.value() ? Applied::NoChange : Applied::Duplicate;
    return Applied::Updated;
}

} // namespace Leadline::Campaigns
