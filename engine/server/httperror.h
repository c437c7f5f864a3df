// The one table that maps engine errors to HTTP statuses and the JSON error body
// {"error": {"code": "...", "message": "..."}} (plus "problems": [...] from rejectedInput), with WWW-Authenticate on 401 and Retry-After on 429 and 503. Handlers return
// Result<HttpResponse> (Reply); their errors, and the server's own refusals (405, 413, 431, 401
// ...), become responses here only: through toResponse (WorkerServer::respond). No handler module
// calls errorResponse itself (tst_httperror checks the sources). Thread: pure functions.
#pragma once

#include "core/result.h"
#include "httptypes.h"

#include <QStringList>

namespace Leadline::Server {

int httpStatusFor(Error::Code code);
HttpResponse errorResponse(const Error &error); // the table itself; handlers return the Error instead
// An input refused with every problem listed at once ("problems" in the error body), so a client
// can mark each field: a handler returns this response (PUT /campaigns/{id}/brief).
HttpResponse rejectedInput(const Error &error, const QStringList &problems);
// A handler's answer: its response, or its error through the table.
HttpResponse toResponse(Result<HttpResponse> result);

} // namespace Leadline::Server
