// RequestLimits: the input limits every request and WebSocket passes before any handler sees
// it: header count and size (431), JSON nesting depth of JSON bodies (400 json_too_deep), and
// the largest WebSocket frame/message (close 1009). The body size limit (413) stays
// ServerOptions::maxBodyBytes. Settings: MAX_HEADER_COUNT, MAX_HEADER_BYTES, MAX_JSON_DEPTH,
// MAX_WS_MESSAGE_BYTES.
// Thread: immutable value, copied into each worker.
#pragma once

#include "core/result.h"
#include "httptypes.h"

#include <QByteArrayView>
#include <optional>

class QHttpServerRequest;

namespace Leadline { class Settings; }

namespace Leadline::Server {

struct RequestLimits
{
    int maxHeaderCount = 64;
    qint64 maxHeaderBytes = 32 * 1024;       // names + values of all headers
    int maxJsonDepth = 32;                   // nesting of objects/arrays in a JSON body
    qint64 maxWebSocketMessageBytes = 1024 * 1024;

    static RequestLimits fromSettings(const Settings &settings);
    // The error for a request over a limit (its response comes from httperror's table), or ok.
    Status check(const HttpRequest &request) const;
};

// Deepest nesting of objects/arrays in a JSON text (strings skipped; no validation).
int jsonNestingDepth(QByteArrayView json);

} // namespace Leadline::Server
