#include "router.h"

namespace Leadline::Server {

Result<qint64> RouteContext::id(int i) const
{
    bool ok = false;
    const qint64 value = args.value(i).toLongLong(&ok);
    if (!ok || value <= 0)
        return Error::make(Error::Code::NotFound, QStringLiteral("\"%1\" is not a valid id").arg(args.value(i)));
    return value;
}

void Router::add(QHttpServerRequest::Method method, const QString &pattern, RouteHandler handler, Access access)
{
    m_routes.append(Route{method, pattern, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(handler), access});
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
