// The one table that maps engine errors to HTTP statuses and the JSON error body
// {"error": {"code": "...", "message": "..."}}, with WWW-Authenticate on 401 and Retry-After on
// 429 and 503. Handlers return Result<HttpResponse>; their errors become responses here only
// (WorkerServer::dispatch). Thread: pure functions.
#pragma once

#include "core/result.h"
#include "httptypes.h"

namespace Leadline::Server {

int httpStatusFor(Error::Code code);
HttpResponse errorResponse(const Error &error);
// A handler's answer: its response, or its error through the table.
HttpResponse toResponse(Result<HttpResponse> result);

} // namespace Leadline::Server
