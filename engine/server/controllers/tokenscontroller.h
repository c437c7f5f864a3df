// TokensController: REST management of API tokens (operator routes, so loopback or a valid token):
//   GET /tokens            list (name, created, last used, revoked; never the token)
//   POST /tokens {"name"}  create; 201 with the clear token, shown this once
//   DELETE /tokens/{id}    revoke by id or name; 200 with the revoked row
// Create and revoke invalidate the verifier's cache, so a revoked token stops working at once
// on this node. Thread: immutable after registration; handlers run on the REST pool
// ("leadline-rest") and use that thread's database connection.
#pragma once

#include "server/router.h"

#include <QJsonObject>

namespace Leadline {
class Clock;
namespace Storage { class Database; struct ApiTokenRow; }
}

namespace Leadline::Server {

class ApiTokenVerifier;

class TokensController
{
public:
    TokensController(const Storage::Database &db, const Clock &clock, ApiTokenVerifier *verifier);
    void registerRoutes(Router &router);

    static QJsonObject toJson(const Storage::ApiTokenRow &row);

private:
    Reply list(const RouteContext &ctx) const;
    Reply create(const RouteContext &ctx) const;
    Reply revoke(const RouteContext &ctx) const;

    const Storage::Database &m_db;
    const Clock &m_clock;
    ApiTokenVerifier *m_verifier;
};

} // namespace Leadline::Server
