#include "campaignruncontroller.h"

#include "campaigns/campaigncontrol.h"
#include "core/clock.h"
#include "server/routehelpers.h"
#include "storage/database.h"
#include "storage/dialerqueue.h"

#include <QJsonObject>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

CampaignRunController::CampaignRunController(const Campaigns::CampaignControl &control, const Storage::Database &db,
                                             const Clock &clock)
    : m_control(control), m_db(db), m_clock(clock)
{
}

void CampaignRunController::registerRoutes(Router &router)
{
    router.add(Method::Post, QStringLiteral("/campaigns/{id}/start"), [this](const RouteContext &c) { return start(c); });
    router.add(Method::Post, QStringLiteral("/campaigns/{id}/pause"), [this](const RouteContext &c) { return pause(c); });
}

Reply CampaignRunController::start(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    auto c = m_control.start(id.value());
    if (!c)
        return c.error();
    QJsonObject body = c->toJson();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto next = Storage::DialerQueue(db.value()).nextDueAt(id.value());
    if (!next)
        return next.error(); // never a 200 without next_due_at
    body.insert(QStringLiteral("next_due_at"), isoOrNull(qMax(next.value(), m_clock.nowMs())));
    return HttpResponse::json(body);
}

Reply CampaignRunController::pause(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    auto c = m_control.pause(id.value());
    if (!c)
        return c.error();
    return HttpResponse::json(c->toJson());
}

} // namespace Leadline::Server
