#include "routehelpers.h"

#include "storage/database.h"

#include <QUrlQuery>

namespace Leadline::Server {

Result<RowScope> rowScope(const RouteContext &ctx, const Storage::Database &db, int arg)
{
    auto id = ctx.id(arg);
    if (!id)
        return id.error();
    auto conn = db.connection();
    if (!conn)
        return conn.error();
    return RowScope{id.value(), conn.value()};
}

Result<CampaignScope> campaignScope(qint64 campaignId, const Storage::Database &db)
{
    auto conn = db.connection();
    if (!conn)
        return conn.error();
    auto campaign = Storage::CampaignRepository(conn.value()).get(campaignId);
    if (!campaign)
        return campaign.error();
    return CampaignScope{campaignId, conn.value(), campaign.value()};
}

Result<CampaignScope> campaignScope(const RouteContext &ctx, const Storage::Database &db, int arg)
{
    auto id = ctx.id(arg);
    if (!id)
        return id.error();
    return campaignScope(id.value(), db);
}

Result<qint64> queryInt(const RouteContext &ctx, const QString &name, qint64 fallback, const QString &complaint)
{
    const QString text = ctx.request.query().queryItemValue(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 0)
        return Error::make(Error::Code::BadRequest, complaint);
    return v;
}

} // namespace Leadline::Server
