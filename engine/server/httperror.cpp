#include "httperror.h"

#include <QJsonObject>

namespace Leadline::Server {

int httpStatusFor(Error::Code code)
{
    switch (code) {
    case Error::Code::BadRequest: return 400;
    case Error::Code::Validation: return 400;
    case Error::Code::BadEncoding: return 422;
    case Error::Code::NotACsv: return 422;
    case Error::Code::NotFound: return 404;
    case Error::Code::Conflict: return 409;
    case Error::Code::Unauthorized: return 401;
    case Error::Code::Forbidden: return 403;
    case Error::Code::PayloadTooLarge: return 413;
    case Error::Code::Unprocessable: return 422;
    case Error::Code::Unavailable: return 503;
    case Error::Code::Internal: return 500;
    }
    return 500;
}

HttpResponse errorResponse(int status, const QString &code, const QString &message)
{
    return HttpResponse::json(QJsonObject{{QStringLiteral("error"),
                                           QJsonObject{{QStringLiteral("code"), code},
                                                       {QStringLiteral("message"), message}}}},
                              status);
}

HttpResponse errorResponse(const Error &error)
{
    HttpResponse r = errorResponse(httpStatusFor(error.code), error.codeName(), error.message);
    if (error.code == Error::Code::Unauthorized)
        r.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    if (error.code == Error::Code::Unavailable)
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")});
    return r;
}

} // namespace Leadline::Server
