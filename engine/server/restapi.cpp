#include "restapi.h"

#include "campaigns/campaignservice.h"
#include "core/logging.h"
#include "handoffapi.h"
#include "multipart.h"
#include "routehelpers.h"
#include "storage/database.h"
#include "storage/leadrepository.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

RestApi::RestApi(Campaigns::CampaignService &campaigns, const Storage::Database &db)
    : m_campaigns(campaigns), m_db(db)
{
    m_uptime.start();
}

void RestApi::registerRoutes(Router &router)
{
    router.add(Method::Get, QStringLiteral("/health"), [this](const RouteContext &c) { return health(c); }, Access::Public);
    router.add(Method::Post, QStringLiteral("/campaigns"), [this](const RouteContext &c) { return createCampaign(c); });
    router.add(Method::Get, QStringLiteral("/campaigns"), [this](const RouteContext &c) { return listCampaigns(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}"), [this](const RouteContext &c) { return getCampaign(c); });
    router.add(Method::Post, QStringLiteral("/campaigns/{id}/upload-csv"), [this](const RouteContext &c) { return uploadCsv(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/leads"), [this](const RouteContext &c) { return listLeads(c); });
}

Reply RestApi::health(const RouteContext &) const
{
    const Status db = m_db.ping();
    QJsonObject body{
        {QStringLiteral("status"), db ? QStringLiteral("ok") : QStringLiteral("degraded")},
        {QStringLiteral("database"), db ? QStringLiteral("ok") : db.error().message},
        {QStringLiteral("database_kind"), m_db.isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
        {QStringLiteral("version"), QStringLiteral(LEADLINE_VERSION)},
        {QStringLiteral("uptime_s"), m_uptime.elapsed() / 1000},
    };
    if (m_speech) {
        int running = 0;
        if (const auto list = m_campaigns.list()) {
            for (const auto &c : list.value())
                running += c.status == Storage::statusName(Storage::CampaignStatus::Running) ? 1 : 0;
        }
        body.insert(QStringLiteral("speech"), m_speech->health(running));
    }
    return HttpResponse::json(body, db ? 200 : 503);
}

Reply RestApi::createCampaign(const RouteContext &ctx) const
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

Reply RestApi::listCampaigns(const RouteContext &) const
{
    auto list = m_campaigns.list();
    if (!list)
        return list.error();
    QJsonArray arr;
    for (const auto &c : list.value())
        arr.append(c.toJson());
    return HttpResponse::json(QJsonObject{{QStringLiteral("campaigns"), arr}});
}

Reply RestApi::getCampaign(const RouteContext &ctx) const
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

Reply RestApi::uploadCsv(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    const QByteArray contentType = ctx.request.value("content-type");
    QByteArray csv;
    if (contentType.toLower().startsWith("multipart/")) {
        auto part = findMultipartPart(contentType, ctx.request.body(), "file");
        if (!part)
            return part.error();
        csv = part->data;
    } else {
        // Also accept the CSV as the raw body (Content-Type: text/csv).
        csv = ctx.request.body();
    }
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    auto report = m_campaigns.importCsv(id.value(), buffer);
    if (!report)
        return report.error();
    return HttpResponse::json(report->toJson());
}

Reply RestApi::listLeads(const RouteContext &ctx) const
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
