// ExportsController: GET /campaigns/{id}/export.csv, every lead of a campaign with its latest
// outcome as CSV (read in pages of 5000). Part of DialerApi.
// Thread: immutable after registration; handlers run on the REST threads (their own connection).
#pragma once

#include "server/router.h"

namespace Leadline::Storage { class Database; }

namespace Leadline::Server {

class ExportsController
{
public:
    explicit ExportsController(const Storage::Database &db) : m_db(db) {}
    void registerRoutes(Router &router);

private:
    Reply exportCsv(const RouteContext &ctx) const;

    const Storage::Database &m_db;
};

} // namespace Leadline::Server
