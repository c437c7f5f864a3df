#include "agentscontroller.h"

#include "handoff/agentservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

void AgentsController::registerRoutes(Router &router)
{
    router.add(Method::Get, QStringLiteral("/agents"), [this](const RouteContext &c) { return listAgents(c); });
    router.add(Method::Post, QStringLiteral("/agents"), [this](const RouteContext &c) { return createAgent(c); });
    router.add(Method::Patch, QStringLiteral("/agents/{id}"), [this](const RouteContext &c) { return updateAgent(c); });
    router.add(Method::Delete, QStringLiteral("/agents/{id}"), [this](const RouteContext &c) { return deleteAgent(c); });
}

static Result<QJsonObject> jsonBody(const RouteContext &ctx)
{
    return ctx.jsonObject(QStringLiteral("body must be a JSON object"));
}

Reply AgentsController::listAgents(const RouteContext &ctx) const
{
    const bool all = QUrlQuery(ctx.request.url()).queryItemValue(QStringLiteral("include_inactive")) == QLatin1String("1");
    auto agents = m_agents.list(all);
    if (!agents)
        return agents.error();
    QJsonArray arr;
    for (const auto &a : agents.value())
        arr.append(a.toJson());
    return HttpResponse::json(QJsonObject{{QStringLiteral("agents"), arr}});
}

Reply AgentsController::createAgent(const RouteContext &ctx) const
{
    auto body = jsonBody(ctx);
    if (!body)
        return body.error();
    auto created = m_agents.add(body.value());
    if (!created)
        return created.error();
    HttpResponse r = HttpResponse::json(created->toJson(), 201);
    r.headers.append({QByteArrayLiteral("Location"), "/agents/" + QByteArray::number(created->id)});
    return r;
}

Reply AgentsController::updateAgent(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    auto body = jsonBody(ctx);
    if (!body)
        return body.error();
    auto saved = m_agents.update(id.value(), body.value());
    if (!saved)
        return saved.error();
    return HttpResponse::json(saved->toJson());
}

Reply AgentsController::deleteAgent(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    if (Status s = m_agents.remove(id.value()); !s)
        return s.error();
    return HttpResponse::json(QJsonObject{{QStringLiteral("id"), id.value()}, {QStringLiteral("active"), false}});
}

} // namespace Leadline::Server
