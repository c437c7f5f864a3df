// The one table that maps engine errors to HTTP statuses and the JSON error body
// {"error": {"code": "...", "message": "..."}}. Thread: pure functions.
#pragma once

#include "core/result.h"
#include "httptypes.h"

namespace Leadline::Server {

int httpStatusFor(Error::Code code);
HttpResponse errorResponse(const Error &error);
HttpResponse errorResponse(int status, const QString &code, const QString &message);

} // namespace Leadline::Server
