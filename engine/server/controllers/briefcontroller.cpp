#include "briefcontroller.h"

#include "server/httperror.h"
#include "storage/database.h"
#include "storage/sitevisitqueries.h"
#include "projects/briefservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

void BriefController::registerRoutes(Router &router)
{
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/brief"), [this](const RouteContext &c) { return getBrief(c); });
    router.add(Method::Put, QStringLiteral("/campaigns/{id}/brief"), [this](const RouteContext &c) { return putBrief(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/site-visits"), [this](const RouteContext &c) { return siteVisits(c, false); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/site-visits.csv"), [this](const RouteContext &c) { return siteVisits(c, true); });
}

static HttpResponse briefResponse(const Storage::BriefRecord &r, int status = 200)
{
    return HttpResponse::json(
        QJsonObject{{QStringLiteral("campaign_id"), r.campaignId},
                    {QStringLiteral("version"), r.version},
                    {QStringLiteral("brief"), r.brief},
                    {QStringLiteral("updated_at"), QDateTime::fromMSecsSinceEpoch(r.createdAt, Qt::UTC).toString(Qt::ISODateWithMs)},
                    {QStringLiteral("agent_preview"), Projects::BriefService::preview(r.brief)}},
        status);
}

Reply BriefController::getBrief(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    auto r = m_briefs.get(id.value());
    if (!r) // 404 "no_brief" when the campaign has none yet
        return r.error();
    return briefResponse(r.value());
}

Reply BriefController::putBrief(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    const QByteArray body = ctx.request.body();
    auto r = m_briefs.putText(id.value(), body);
    if (r)
        return briefResponse(r.value());
    if (r.error().detailCode != QLatin1String("invalid_brief"))
        return r.error();
    // 400 "invalid_brief" with every problem at once, so a client (or the console) can mark each field.
    return rejectedInput(r.error(), Projects::ProjectBrief::problems(QJsonDocument::fromJson(body).object()));
}

Reply BriefController::siteVisits(const RouteContext &ctx, bool csv) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto rows = Storage::SiteVisitQueries(conn.value()).forCampaign(id.value());
    if (!rows)
        return rows.error();
    if (csv) {
        QByteArray out = Storage::csvLine(Storage::SiteVisitRow::csvHeader());
        for (const Storage::SiteVisitRow &r : rows.value())
            out += Storage::csvLine(r.csvCells());
        HttpResponse r = HttpResponse::text(out, "text/csv; charset=utf-8");
        r.headers.append({QByteArrayLiteral("Content-Disposition"),
                          "attachment; filename=\"site-visits-" + QByteArray::number(id.value()) + ".csv\""});
        return r;
    }
    QJsonArray arr;
    for (const Storage::SiteVisitRow &r : rows.value()) {
        const QStringList cells = r.csvCells();
        arr.append(QJsonObject{{QStringLiteral("call_id"), r.callId},
                               {QStringLiteral("lead_id"), r.leadId},
                               {QStringLiteral("name"), r.leadName},
                               {QStringLiteral("phone"), r.phoneE164},
                               {QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(r.visitAt, Qt::UTC).toString(Qt::ISODate)},
                               {QStringLiteral("local_date"), cells.at(4)},
                               {QStringLiteral("local_time"), cells.at(5)},
                               {QStringLiteral("time_zone"), cells.at(6)},
                               {QStringLiteral("visitors"), r.visitors},
                               {QStringLiteral("turn"), r.turn},
                               {QStringLiteral("question_for_advisor"), r.questionForAdvisor.isEmpty() ? QJsonValue() : QJsonValue(r.questionForAdvisor)},
                               {QStringLiteral("brief_version"), r.briefVersion > 0 ? QJsonValue(r.briefVersion) : QJsonValue()},
                               {QStringLiteral("sms_status"), r.smsStatus.isEmpty() ? QJsonValue() : QJsonValue(r.smsStatus)}});
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("campaign_id"), id.value()}, {QStringLiteral("site_visits"), arr}});
}

} // namespace Leadline::Server
