#include "campaignruncontroller.h"

#include "campaigns/callingwindow.h"
#include "campaigns/campaigncontrol.h"
#include "core/clock.h"
#include "server/routehelpers.h"
#include "storage/database.h"
#include "storage/dialerqueue.h"

#include <QJsonObject>
#include <QTimeZone>

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
    Storage::DialerQueue queue(db.value());
    auto next = queue.nextDueAt(id.value());
    if (!next)
        return next.error(); // never a 200 without next_due_at
    qint64 due = qMax(next.value(), m_clock.nowMs());
    // Outside the calling window the dialer moves the leads to its opening on its next pass, a
    // moment after this reply: say that time now (in the campaign's zone), not "now".
    if (auto campaign = queue.campaign(id.value())) {
        auto window = Campaigns::CallingWindow::of(campaign.value());
        const QDateTime opens = window ? window->nextOpen(QDateTime::fromMSecsSinceEpoch(due, QTimeZone::utc())) : QDateTime();
        if (opens.isValid())
            due = qMax(due, opens.toMSecsSinceEpoch());
    }
    body.insert(QStringLiteral("next_due_at"), isoOrNull(due));
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
