#include "tokenscontroller.h"

#include "server/apitokenverifier.h"
#include "core/clock.h"
#include "core/logging.h"
#include "storage/apitokenrepository.h"
#include "storage/database.h"
#include "storage/columnvalues.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

TokensController::TokensController(const Storage::Database &db, const Clock &clock, ApiTokenVerifier *verifier)
    : m_db(db), m_clock(clock), m_verifier(verifier)
{
}

void TokensController::registerRoutes(Router &router)
{
    router.add(Method::Get, QStringLiteral("/tokens"), [this](const RouteContext &c) { return list(c); });
    router.add(Method::Post, QStringLiteral("/tokens"), [this](const RouteContext &c) { return create(c); });
    router.add(Method::Delete, QStringLiteral("/tokens/{id}"), [this](const RouteContext &c) { return revoke(c); });
}

QJsonObject TokensController::toJson(const Storage::ApiTokenRow &row)
{
    return QJsonObject{{QStringLiteral("id"), row.id},
                       {QStringLiteral("name"), row.name},
                       {QStringLiteral("created_at"), Storage::isoOrNull(row.createdAt, Qt::ISODate)},
                       {QStringLiteral("last_used_at"), Storage::isoOrNull(row.lastUsedAt, Qt::ISODate)},
                       {QStringLiteral("revoked_at"), Storage::isoOrNull(row.revokedAt, Qt::ISODate)},
                       {QStringLiteral("active"), row.active()}};
}

Reply TokensController::list(const RouteContext &) const
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto rows = Storage::ApiTokenRepository(conn.value()).list();
    if (!rows)
        return rows.error();
    QJsonArray out;
    for (const auto &r : rows.value())
        out.append(toJson(r));
    return HttpResponse::json(QJsonObject{{QStringLiteral("tokens"), out}});
}

Reply TokensController::create(const RouteContext &ctx) const
{
    const Error expected = Error::make(Error::Code::BadRequest, QStringLiteral("expected a JSON object {\"name\": \"...\"}"));
    auto given = ctx.jsonObject(expected.message);
    if (!given)
        return given.error();
    if (!given->value(QStringLiteral("name")).isString())
        return expected;
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto created = Storage::ApiTokenRepository(conn.value()).create(given->value(QStringLiteral("name")).toString(), m_clock.nowMs());
    if (!created)
        return created.error();
    if (m_verifier)
        m_verifier->invalidate();
    qCInfo(lcServer) << "API token created:" << created->row.name << "id" << created->row.id;
    QJsonObject body = toJson(created->row);
    body.insert(QStringLiteral("token"), QString::fromLatin1(created->token));
    return HttpResponse::json(body, 201);
}

Reply TokensController::revoke(const RouteContext &ctx) const
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto row = Storage::ApiTokenRepository(conn.value()).revoke(ctx.args.value(0), m_clock.nowMs());
    if (!row)
        return row.error();
    if (m_verifier)
        m_verifier->invalidate();
    qCInfo(lcServer) << "API token revoked:" << row->name << "id" << row->id;
    return HttpResponse::json(toJson(row.value()));
}

} // namespace Leadline::Server
