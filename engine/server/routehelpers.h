// The prologue the REST handlers share, as small functions returning Result<T>: the path's
// {id}, this thread's database connection, the campaign the path names (404 when there is
// none). A handler returns their error as it is; it becomes HTTP in httperror (the one place).
// Thread: pure functions; each handler calls them on its REST thread (its own connection).
#pragma once

#include "router.h"
#include "storage/campaignrepository.h"
#include "storage/columnvalues.h"

#include <QJsonValue>
#include <QSqlDatabase>

namespace Leadline::Storage { class Database; }

namespace Leadline::Server {

// A route on one row: its id (the path's i-th placeholder) and this thread's connection.
struct RowScope
{
    qint64 id = 0;
    QSqlDatabase db;
};
Result<RowScope> rowScope(const RouteContext &ctx, const Storage::Database &db, int arg = 0);

// A route under /campaigns/{id}: the id, the connection and the campaign (NotFound when none).
struct CampaignScope
{
    qint64 id = 0;
    QSqlDatabase db;
    Storage::CampaignRow campaign;
};
Result<CampaignScope> campaignScope(const RouteContext &ctx, const Storage::Database &db, int arg = 0);
// The same for a campaign id read elsewhere (a query parameter).
Result<CampaignScope> campaignScope(qint64 campaignId, const Storage::Database &db);

// A time for JSON: ISO 8601 UTC with milliseconds, or null when ms <= 0 (storage/columnvalues.h).
using Storage::isoOrNull;

// A non-negative integer query parameter (absent: fallback); BadRequest (400) with `complaint`.
Result<qint64> queryInt(const RouteContext &ctx, const QString &name, qint64 fallback, const QString &complaint);

} // namespace Leadline::Server
