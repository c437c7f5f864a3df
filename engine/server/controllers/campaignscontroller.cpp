#include "campaignscontroller.h"

#include "campaigns/campaignservice.h"
#include "server/handoffapi.h"
#include "server/routehelpers.h"
#include "storage/leadrepository.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

CampaignsController::CampaignsController(Campaigns::CampaignService &campaigns, const Storage::Database &db)
    : m_campaigns(campaigns), m_db(db)
{
}

void CampaignsController::registerRoutes(Router &router)
{
    router.add(Method::Post, QStringLiteral("/campaigns"), [this](const RouteContext &c) { return create(c); });
    router.add(Method::Get, QStringLiteral("/campaigns"), [this](const RouteContext &c) { return list(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}"), [this](const RouteContext &c) { return get(c); });
}

Reply CampaignsController::create(const RouteContext &ctx) const
{
    auto body = ctx.jsonObject(QStringLiteral("body must be a JSON object like {\"name\": \"Test\"}"), true);
    if (!body)
        return body.error();
    if (m_handoff) {
        if (Status s = m_handoff->validateCampaignBody(body.value()); !s)
            return s.error();
    }
    auto created = m_campaigns.create(body.value());
    if (!created)
        return created.error();
    QJsonObject out = created->toJson();
    if (m_handoff) {
        if (Status s = m_handoff->applyCampaignBody(created->id, body.value(), out); !s)
            return s.error();
    }
    HttpResponse r = HttpResponse::json(out, 201);
    r.headers.append({QByteArrayLiteral("Location"), "/campaigns/" + QByteArray::number(created->id)});
    return r;
}

Reply CampaignsController::list(const RouteContext &) const
{
    auto list = m_campaigns.list();
    if (!list)
        return list.error();
    QJsonArray arr;
    for (const auto &c : list.value())
        arr.append(c.toJson());
    return HttpResponse::json(QJsonObject{{QStringLiteral("campaigns"), arr}});
}

Reply CampaignsController::get(const RouteContext &ctx) const
{
    auto c = campaignScope(ctx, m_db);
    if (!c)
        return c.error();
    QJsonObject body = c->campaign.toJson();
    if (m_handoff) {
        if (Status s = m_handoff->decorateCampaign(c->id, body); !s)
            return s.error(); // never a 200 without the flag
    }
    auto leads = Storage::LeadRepository(c->db).count(c->id);
    if (!leads)
        return leads.error(); // nor without lead_count
    body.insert(QStringLiteral("lead_count"), leads.value());
    return HttpResponse::json(body);
}

} // namespace Leadline::Server
