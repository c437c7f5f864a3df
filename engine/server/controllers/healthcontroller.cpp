#include "healthcontroller.h"

#include "campaigns/campaignservice.h"
#include "storage/database.h"

#include <QJsonObject>

namespace Leadline::Server {

HealthController::HealthController(Campaigns::CampaignService &campaigns, const Storage::Database &db)
    : m_campaigns(campaigns), m_db(db)
{
    m_uptime.start();
}

void HealthController::registerRoutes(Router &router)
{
    router.add(QHttpServerRequest::Method::Get, QStringLiteral("/health"), [this](const RouteContext &c) { return health(c); },
               Access::Public);
}

Reply HealthController::health(const RouteContext &) const
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
    // A degraded node is still answered with its health (a load balancer reads the 503), not an error.
    return HttpResponse::json(body, db ? 200 : 503);
}

} // namespace Leadline::Server
