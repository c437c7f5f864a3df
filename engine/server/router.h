// Router: method + path pattern ("/campaigns/{id}/leads") -> handler. Built once on the main
// thread before the workers start, then only read (shared by all network workers).
#pragma once

#include "core/result.h"
#include "httptypes.h"

#include <QHttpServerRequest>
#include <QJsonObject>
#include <QStringList>
#include <functional>

namespace Leadline::Server {

struct RouteContext
{
    HttpRequest request; // a copy: handlers run on the REST threads, not the network worker
    QStringList args; // the {placeholders} of the pattern, in order

    // The i-th placeholder as a positive id; NotFound (404) when it is not one.
    Result<qint64> id(int i = 0) const;
    // The body as a JSON object; BadRequest (400) "<expected>" when it is not one (with the
    // parser's complaint after ": " when detailed is set).
    Result<QJsonObject> jsonObject(const QString &expected, bool detailed = false) const;
};

// A handler answers with a response or an error; errors become HTTP in one place (httperror.h).
using Reply = Result<HttpResponse>;
using RouteHandler = std::function<Reply(const RouteContext &)>;

enum class Access {
    Operator, // loopback, or a valid Bearer token
    Public,   // anyone (e.g. /health for load balancers)
};

class Router
{
public:
    // A second route for the same method and path shape ("/a/{id}" and "/a/{x}" are the same)
    // is not added: it would never be reached. check() reports it, and the server refuses to start.
    void add(QHttpServerRequest::Method method, const QString &pattern, RouteHandler handler,
             Access access = Access::Operator);
    // A WebSocket path (upgrade requests); the socket itself is handed to the worker's handler.
    void addWebSocketPath(const QString &path) { m_wsPaths.append(path); }
    bool isWebSocketPath(const QString &path) const { return m_wsPaths.contains(path); }

    struct Match
    {
        const RouteHandler *handler = nullptr;
        Access access = Access::Operator;
        QStringList args;
        QString pattern; // the matched pattern, for logs and metrics labels
        bool pathKnown = false; // the path exists for another method (-> 405)
    };
    Match match(QHttpServerRequest::Method method, const QString &path) const;
    // Every duplicate route added, or ok. ServerPool::start() fails with this error.
    Status check() const;

private:
    struct Route
    {
        QHttpServerRequest::Method method;
        QString pattern;
        QStringList segments;
        RouteHandler handler;
        Access access;
    };
    QList<Route> m_routes;
    QStringList m_wsPaths;
    QStringList m_duplicates; // "POST /campaigns/{id}/pause", as added the second time
};

} // namespace Leadline::Server
