#include "handoffservice.h"

#include "core/clock.h"
#include "core/settings.h"
#include "handofflog.h"
#include "leads/phonenumber.h"
#include "storage/database.h"
#include "storage/handoffstatus.h"
#include "telephony/exotelwebhook.h"

#include <QDateTime>
#include <cmath>

namespace Leadline::Handoff {

bool flowModeFrom(const Settings &s)
{
    return s.value(QStringLiteral("EXOTEL_CALL_MODE")).compare(QLatin1String("flow"), Qt::CaseInsensitive) == 0;
}

HandoffService::HandoffService(const Storage::Database &db, const Clock &clock, bool flowMode, QString fallbackNumber)
    : m_db(db), m_clock(clock), m_flowMode(flowMode), m_fallbackNumber(std::move(fallbackNumber))
{
}

Error HandoffService::needsFlowMode()
{
    return Error::make(Error::Code::Unprocessable,
                       QStringLiteral("hot-lead handoff needs Exotel flow mode (EXOTEL_CALL_MODE=flow with a Voicebot -> Passthru -> "
                                      "Connect flow); in direct StreamUrl mode closing the bot's socket ends the call, so there is "
                                      "nothing to hand the caller to"),
                       QStringLiteral("handoff_unavailable_in_direct_mode"));
}

// ---------------------------------------------------------------- campaign switch

Status HandoffService::validateCampaignFlag(const QJsonValue &v) const
{
    if (v.isUndefined() || v.isNull())
        return okStatus();
    if (!v.isBool())
        return Error::make(Error::Code::Validation, QStringLiteral("handoff_enabled must be true or false"));
    if (v.toBool() && !m_flowMode)
        return needsFlowMode();
    return okStatus();
}

Status HandoffService::setCampaignHandoff(qint64 campaignId, bool enabled) const
{
    if (enabled && !m_flowMode)
        return needsFlowMode();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    if (Status s = HandoffRepository(db.value()).setCampaignHandoffEnabled(campaignId, enabled, m_clock.nowMs()); !s)
        return s;
    qCInfo(lcHandoff) << "campaign" << campaignId << "handoff" << (enabled ? "enabled" : "disabled");
    return okStatus();
}

Result<bool> HandoffService::campaignHandoffEnabled(qint64 campaignId) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    return HandoffRepository(db.value()).campaignHandoffEnabled(campaignId);
}

Result<QList<HandoffRow>> HandoffService::handoffs(qint64 campaignId, int limit) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    return HandoffRepository(db.value()).handoffs(campaignId, limit);
}

// ---------------------------------------------------------------- Exotel flow

Result<HandoffRow> HandoffService::handoffFor(const QString &callSid) const
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    return HandoffRepository(conn.value()).handoffForProviderSid(callSid);
}

// Numbers leave in one format: E.164 (agents are stored so; this also covers older rows).
static QString e164(const QString &number)
{
    const auto p = Leads::PhoneNumber::normalize(number);
    return p.ok() ? p.e164 : number;
}

static bool routable(const HandoffRow &h)
{
    return h.agentId > 0 && !h.agentPhone.isEmpty()
           && Storage::statusNames(Storage::openHandoffStatuses()).contains(h.status);
}

Result<HandoffRow> HandoffService::connect(const QString &sid) const
{
    auto h = handoffFor(sid);
    if (!h) {
        if (h.error().code != Error::Code::NotFound)
            qCWarning(lcHandoff) << "Passthru for" << sid << "cannot read handoffs:" << h.error().message << "- hang-up branch";
        else
            qCInfo(lcHandoff) << "Passthru for" << sid << "without a handoff: hang-up branch";
        return h;
    }
    if (!routable(h.value())) {
        qCInfo(lcHandoff) << "Passthru for" << sid << "with handoff" << h->id << "in state" << h->status << ": hang-up branch";
        return Error::make(Error::Code::Conflict, QStringLiteral("handoff %1 is %2").arg(h->id).arg(h->status));
    }
    if (auto conn = m_db.connection()) {
        if (Status s = HandoffRepository(conn.value()).markConnecting(h->id, m_clock.nowMs()); !s)
            qCWarning(lcHandoff) << "handoff" << h->id << "not marked connecting:" << s.error().message; // routing still goes on
    }
    qCInfo(lcHandoff) << "Passthru for" << sid << ": connect branch (handoff" << h->id << ", agent" << h->agentId << ")";
    return h;
}

Result<QString> HandoffService::agentNumber(const QString &sid) const
{
    auto h = sid.isEmpty() ? Result<HandoffRow>(Error::make(Error::Code::NotFound, QStringLiteral("no CallSid"))) : handoffFor(sid);
    // Exotel may fetch the number again (retries, fallback URL): an agent leg already under way
    // or finished answers the same number, so the answer never changes for a CallSid.
    if (h && h->agentId > 0 && !h->agentPhone.isEmpty() && h->status != Storage::statusName(Storage::HandoffStatus::Failed)) {
        qCInfo(lcHandoff) << "dial-whom for" << sid << ": agent" << h->agentId << "(handoff" << h->id << ")";
        return e164(h->agentPhone);
    }
    return Error::make(Error::Code::NotFound, QStringLiteral("no agent to dial for this CallSid"));
}

// ---------------------------------------------------------------- analytics and call ends

Result<QJsonObject> HandoffService::analytics(QSqlDatabase db, qint64 campaignId)
{
    auto s = HandoffRepository(std::move(db)).stats(campaignId);
    if (!s)
        return s.error();
    return QJsonObject{{QStringLiteral("requested"), s->requested},
                       {QStringLiteral("handoffs"), s->handoffs},
                       {QStringLiteral("answered"), s->answered},
                       {QStringLiteral("not_answered"), s->notAnswered},
                       {QStringLiteral("no_agent"), s->noAgent},
                       {QStringLiteral("answer_rate"), std::round(s->answerRate() * 10000.0) / 10000.0}};
}

bool HandoffService::recordCallEnd(const Storage::Database &db, const Telephony::ExotelStatusEvent &e)
{
    if (!e.isTerminal())
        return false;
    auto conn = db.connection();
    if (!conn)
        return false;
    HandoffRepository repo(conn.value());
    auto h = repo.handoffForProviderSid(e.callSid);
    if (!h && e.customCallId > 0)
        h = repo.handoffForCall(e.customCallId);
    if (!h || h->agentId == 0)
        return false;
    // Legs[0] is the lead, Legs[1] the agent the Connect applet dialled [U: leg order on flow calls].
    bool answered = false;
    if (e.legs.size() >= 2) {
        const Telephony::ExotelLeg &agent = e.legs.at(1);
        answered = agent.status == QLatin1String("completed") && agent.onCallDurationS != 0;
    }
    const QDateTime end = e.endTime.isValid() ? e.endTime : e.dateUpdated;
    auto changed = repo.finishHandoff(h->callId, answered, end.isValid() ? end.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch());
    if (changed && changed.value())
        qCInfo(lcHandoff) << "handoff" << h->id << "of call" << h->callId << (answered ? "answered by the agent" : "not answered");
    return changed && changed.value();
}

} // namespace Leadline::Handoff
