#include "requestlimits.h"

#include "core/settings.h"

#include <QHttpServerRequest>

namespace Leadline::Server {

RequestLimits RequestLimits::fromSettings(const Settings &s)
{
    RequestLimits l;
    auto positive = [&s](const char *name, qint64 fallback) { return s.positiveValue(QString::fromLatin1(name), fallback); };
    l.maxHeaderCount = int(positive("MAX_HEADER_COUNT", l.maxHeaderCount));
    l.maxHeaderBytes = positive("MAX_HEADER_BYTES", l.maxHeaderBytes);
    l.maxJsonDepth = int(positive("MAX_JSON_DEPTH", l.maxJsonDepth));
    l.maxWebSocketMessageBytes = positive("MAX_WS_MESSAGE_BYTES", l.maxWebSocketMessageBytes);
    return l;
}

int jsonNestingDepth(QByteArrayView json)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"': inString = true; break;
        case '{': case '[': deepest = qMax(deepest, ++depth); break;
        case '}': case ']': depth = qMax(0, depth - 1); break;
        default: break;
        }
    }
    return deepest;
}

static bool looksLikeJson(const HttpRequest &request)
{
    if (request.value("content-type").toLower().contains("json"))
        return true;
    const QByteArray body = request.body();
    for (char c : body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

Status RequestLimits::check(const HttpRequest &request) const
{
    const auto headers = request.headers();
    if (headers.size() > maxHeaderCount)
        return Error::make(Error::Code::HeadersTooLarge,
                                         QStringLiteral("the request has %1 headers; at most %2 are accepted").arg(headers.size()).arg(maxHeaderCount),
                                         QStringLiteral("too_many_headers"));
    qint64 bytes = 0;
    for (const auto &h : headers)
        bytes += h.first.size() + h.second.size() + 4;
    if (bytes > maxHeaderBytes)
        return Error::make(Error::Code::HeadersTooLarge,
                                         QStringLiteral("the request headers are %1 bytes; at most %2 are accepted").arg(bytes).arg(maxHeaderBytes));
    if (!request.body().isEmpty() && looksLikeJson(request)) {
        const int depth = jsonNestingDepth(request.body());
        if (depth > maxJsonDepth)
            return Error::make(Error::Code::BadRequest,
                                             QStringLiteral("the JSON body nests %1 levels deep; at most %2 are accepted").arg(depth).arg(maxJsonDepth),
                                             QStringLiteral("json_too_deep"));
    }
    return okStatus();
}

} // namespace Leadline::Server
