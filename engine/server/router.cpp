#include "router.h"

#include <QJsonDocument>

namespace Leadline::Server {

Result<qint64> RouteContext::id(int i) const
{
    bool ok = false;
    const qint64 value = args.value(i).toLongLong(&ok);
    if (!ok || value <= 0)
        return Error::make(Error::Code::NotFound, QStringLiteral("\"%1\" is not a valid id").arg(args.value(i)));
    return value;
}

Result<QJsonObject> RouteContext::jsonObject(const QString &expected, bool detailed) const
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &err);
    if (err.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    if (!detailed)
        return Error::make(Error::Code::BadRequest, expected);
    return Error::make(Error::Code::BadRequest,
                       QStringLiteral("%1: %2").arg(expected, err.error != QJsonParseError::NoError ? err.errorString()
                                                                                                   : QStringLiteral("not an object")));
}

static QString methodName(QHttpServerRequest::Method m)
{
    using M = QHttpServerRequest::Method;
    switch (m) {
    case M::Get: return QStringLiteral("GET");
    case M::Post: return QStringLiteral("POST");
    case M::Put: return QStringLiteral("PUT");
    case M::Delete: return QStringLiteral("DELETE");
    case M::Patch: return QStringLiteral("PATCH");
    case M::Head: return QStringLiteral("HEAD");
    default: return QString::number(int(m));
    }
}

// "/campaigns/{id}/pause" -> "campaigns/{}/pause": two patterns of one shape match the same paths.
static QString shapeOf(const QStringList &segments)
{
    QStringList shape;
    for (const QString &seg : segments)
        shape.append(seg.startsWith(QLatin1Char('{')) ? QStringLiteral("{}") : seg);
    return shape.join(QLatin1Char('/'));
}

void Router::add(QHttpServerRequest::Method method, const QString &pattern, RouteHandler handler, Access access)
{
    const QStringList segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString shape = shapeOf(segments);
    for (const Route &r : std::as_const(m_routes)) {
        if (r.method == method && shapeOf(r.segments) == shape) {
            m_duplicates.append(QStringLiteral("%1 %2").arg(methodName(method), pattern));
            return;
        }
    }
    m_routes.append(Route{method, pattern, segments, std::move(handler), access});
}

Status Router::check() const
{
    if (m_duplicates.isEmpty())
        return okStatus();
    return Error::make(Error::Code::Internal,
                       QStringLiteral("route registered twice (only the first would ever answer): %1").arg(m_duplicates.join(QStringLiteral(", "))));
}

Router::Match Router::match(QHttpServerRequest::Method method, const QString &path) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Match result;
    for (const Route &r : m_routes) {
        if (r.segments.size() != parts.size())
            continue;
        QStringList args;
        bool ok = true;
        for (int i = 0; i < parts.size() && ok; ++i) {
            const QString &seg = r.segments.at(i);
            if (seg.startsWith(QLatin1Char('{')))
                args.append(parts.at(i));
            else
                ok = seg == parts.at(i);
        }
        if (!ok)
            continue;
        if (r.method != method) {
            result.pathKnown = true;
            continue;
        }
        result.handler = &r.handler;
        result.access = r.access;
        result.args = args;
        result.pattern = r.pattern;
        return result;
    }
    return result;
}

} // namespace Leadline::Server
