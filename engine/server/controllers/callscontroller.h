// CallsController: the call resource: GET /calls/{id} and GET /calls/{id}/transcript (the
// turns, and the text as "speaker: words" lines). Part of DialerApi.
// Thread: immutable after registration; handlers run on the REST threads (their own connection).
#pragma once

#include "server/router.h"

namespace Leadline::Storage { class Database; }

namespace Leadline::Server {

class CallsController
{
public:
    explicit CallsController(const Storage::Database &db) : m_db(db) {}
    void registerRoutes(Router &router);

private:
    Reply call(const RouteContext &ctx) const;
    Reply transcript(const RouteContext &ctx) const;

    const Storage::Database &m_db;
};

} // namespace Leadline::Server
