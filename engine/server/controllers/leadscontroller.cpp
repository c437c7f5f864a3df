#include "leadscontroller.h"

#include "campaigns/campaignservice.h"
#include "server/multipart.h"
#include "server/routehelpers.h"
#include "storage/leadrepository.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

LeadsController::LeadsController(Campaigns::CampaignService &campaigns, const Storage::Database &db)
    : m_campaigns(campaigns), m_db(db)
{
}

void LeadsController::registerRoutes(Router &router)
{
    router.add(Method::Post, QStringLiteral("/campaigns/{id}/upload-csv"), [this](const RouteContext &c) { return upload(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/leads"), [this](const RouteContext &c) { return list(c); });
}

Reply LeadsController::upload(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    const QByteArray contentType = ctx.request.value("content-type");
    QByteArray csv = ctx.request.body(); // also accepted as the raw body (Content-Type: text/csv)
    if (contentType.toLower().startsWith("multipart/")) {
        auto part = findMultipartPart(contentType, ctx.request.body(), "file");
        if (!part)
            return part.error();
        csv = part->data;
    }
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    auto report = m_campaigns.importCsv(id.value(), buffer);
    if (!report)
        return report.error();
    return HttpResponse::json(report->toJson());
}

Reply LeadsController::list(const RouteContext &ctx) const
{
    auto c = campaignScope(ctx, m_db);
    if (!c)
        return c.error();
    const QUrlQuery q = ctx.request.query();
    const qint64 after = q.queryItemValue(QStringLiteral("after")).toLongLong();
    const int limit = q.hasQueryItem(QStringLiteral("limit")) ? q.queryItemValue(QStringLiteral("limit")).toInt() : 100;
    auto page = Storage::LeadRepository(c->db).page(c->id, after, limit, q.queryItemValue(QStringLiteral("status")));
    if (!page)
        return page.error();
    QJsonArray leads;
    for (const auto &l : page->leads)
        leads.append(l.toJson());
    return HttpResponse::json(QJsonObject{
        {QStringLiteral("leads"), leads},
        {QStringLiteral("total"), page->total},
        {QStringLiteral("next_after"), page->nextAfterId ? QJsonValue(page->nextAfterId) : QJsonValue()},
    });
}

} // namespace Leadline::Server
