#include "callscontroller.h"

#include "server/routehelpers.h"
#include "storage/callrepository.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

void CallsController::registerRoutes(Router &router)
{
    router.add(Method::Get, QStringLiteral("/calls/{id}"), [this](const RouteContext &c) { return call(c); });
    router.add(Method::Get, QStringLiteral("/calls/{id}/transcript"), [this](const RouteContext &c) { return transcript(c); });
}

Reply CallsController::call(const RouteContext &ctx) const
{
    auto row = rowScope(ctx, m_db);
    if (!row)
        return row.error();
    auto c = Storage::CallRepository(row->db).get(row->id);
    if (!c)
        return c.error();
    return HttpResponse::json(c->toJson());
}

Reply CallsController::transcript(const RouteContext &ctx) const
{
    auto row = rowScope(ctx, m_db);
    if (!row)
        return row.error();
    Storage::CallRepository repo(row->db);
    if (auto c = repo.get(row->id); !c)
        return c.error();
    auto turns = repo.turns(row->id);
    if (!turns)
        return turns.error();
    QJsonArray arr;
    QString text;
    for (const auto &t : turns.value()) {
        arr.append(t.toJson());
        text += t.speaker + QLatin1String(": ") + t.text + QLatin1Char('\n');
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("call_id"), row->id},
                                          {QStringLiteral("turns"), arr},
                                          {QStringLiteral("text"), text}});
}

} // namespace Leadline::Server
