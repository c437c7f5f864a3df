#include "handoffscontroller.h"

#include "handoff/handoffservice.h"
#include "server/routehelpers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

void HandoffsController::registerRoutes(Router &router)
{
    router.add(Method::Get, QStringLiteral("/handoffs"), [this](const RouteContext &c) { return listHandoffs(c); });
    router.add(Method::Put, QStringLiteral("/campaigns/{id}/handoff"), [this](const RouteContext &c) { return setCampaignHandoff(c); });
}

Reply HandoffsController::setCampaignHandoff(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    const auto parsed = ctx.jsonObject(QString());
    const QJsonObject body = parsed ? parsed.value() : QJsonObject();
    if (!body.value(QStringLiteral("enabled")).isBool())
        return Error::make(Error::Code::BadRequest, QStringLiteral("body must be {\"enabled\": true|false}"));
    const bool enabled = body.value(QStringLiteral("enabled")).toBool();
    if (Status s = m_service.setCampaignHandoff(id.value(), enabled); !s)
        return s.error();
    return HttpResponse::json(QJsonObject{{QStringLiteral("campaign_id"), id.value()},
                                          {QStringLiteral("handoff_enabled"), enabled},
                                          {QStringLiteral("handoff_available"), m_flowMode}});
}

Reply HandoffsController::listHandoffs(const RouteContext &ctx) const
{
    const QUrlQuery q(ctx.request.url());
    qint64 campaignId = 0;
    if (q.hasQueryItem(QStringLiteral("campaign_id"))) {
        auto given = queryInt(ctx, QStringLiteral("campaign_id"), 0, QStringLiteral("campaign_id must be a positive integer"));
        if (!given || given.value() == 0)
            return Error::make(Error::Code::BadRequest, QStringLiteral("campaign_id must be a positive integer"));
        campaignId = given.value();
    }
    const int limit = q.hasQueryItem(QStringLiteral("limit")) ? q.queryItemValue(QStringLiteral("limit")).toInt() : 200;
    auto rows = m_service.handoffs(campaignId, limit);
    if (!rows)
        return rows.error();
    QJsonArray arr;
    for (const auto &h : rows.value())
        arr.append(h.toJson());
    return HttpResponse::json(QJsonObject{{QStringLiteral("handoffs"), arr}});
}

} // namespace Leadline::Server
