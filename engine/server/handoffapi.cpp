#include "handoffapi.h"
#include "storage/handoffstatus.h"

#include "core/clock.h"
#include "core/logging.h"
#include "core/settings.h"
#include "leads/phonenumber.h"
#include "storage/database.h"
#include "handoff/agentservice.h"
#include "handoff/handoffservice.h"

#include <QJsonDocument>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

Result<HandoffApiOptions> HandoffApiOptions::fromSettings(const Settings &s)
{
    HandoffApiOptions o;
    o.flowMode = Handoff::flowModeFrom(s);
    o.exotelSecret = s.value(QStringLiteral("EXOTEL_WEBHOOK_SECRET")).toUtf8();
    const QString fallback = s.value(QStringLiteral("HANDOFF_FALLBACK_NUMBER")).trimmed();
    if (!fallback.isEmpty()) {
        const auto p = Leads::PhoneNumber::normalize(fallback);
        if (!p.ok())
            return Error::make(Error::Code::Validation,
                               QStringLiteral("HANDOFF_FALLBACK_NUMBER \"%1\" is not a usable phone number: %2 (e.g. +919800000099 or "
                                              "09800000099; leave it empty for none)")
                                   .arg(fallback, p.detail),
                               QStringLiteral("invalid_setting"));
        o.fallbackNumber = p.e164;
    }
    return o;
}

HandoffApi::HandoffApi(const Storage::Database &db, const Clock &clock, HandoffApiOptions options)
    : m_options(std::move(options)), m_service(db, clock, m_options.flowMode, m_options.fallbackNumber),
      m_agents(db, clock), m_agentRoutes(m_agents), m_handoffRoutes(m_service, m_options.flowMode),
      m_exotelFlow(m_service, m_options.exotelSecret)
{
}

void HandoffApi::registerRoutes(Router &router)
{
    m_agentRoutes.registerRoutes(router);
    m_handoffRoutes.registerRoutes(router);
    m_exotelFlow.registerRoutes(router);
}

Error HandoffApi::handoffNeedsFlowMode()
{
    return Handoff::HandoffService::needsFlowMode();
}

// ---------------------------------------------------------------- campaigns

Status HandoffApi::validateCampaignBody(const QJsonObject &body) const
{
    return m_service.validateCampaignFlag(body.value(QStringLiteral("handoff_enabled")));
}

Status HandoffApi::applyCampaignBody(qint64 campaignId, const QJsonObject &body, QJsonObject &out) const
{
    const QJsonValue v = body.value(QStringLiteral("handoff_enabled"));
    if (v.isBool()) {
        if (Status s = m_service.setCampaignHandoff(campaignId, v.toBool()); !s)
            qCWarning(lcServer) << "campaign" << campaignId << "handoff flag not stored:" << s.error().message;
    }
    return decorateCampaign(campaignId, out);
}

Status HandoffApi::decorateCampaign(qint64 campaignId, QJsonObject &out) const
{
    auto on = m_service.campaignHandoffEnabled(campaignId);
    if (!on)
        return on.error();
    out.insert(QStringLiteral("handoff_enabled"), on.value());
    out.insert(QStringLiteral("handoff_available"), m_options.flowMode);
    return okStatus();
}

} // namespace Leadline::Server
