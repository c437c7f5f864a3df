#include "httperror.h"

#include <QJsonArray>
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
    case Error::Code::MethodNotAllowed: return 405;
    case Error::Code::PayloadTooLarge: return 413;
    case Error::Code::HeadersTooLarge: return 431;
    case Error::Code::TooManyRequests: return 429;
    case Error::Code::Unprocessable: return 422;
    case Error::Code::Unavailable: return 503;
    case Error::Code::Internal: return 500;
    }
    return 500;
}

static HttpResponse buildErrorResponse(const Error &error, const QStringList *problems)
{
    QJsonObject body{{QStringLiteral("code"), error.codeName()}, {QStringLiteral("message"), error.message}};
    if (problems)
        body.insert(QStringLiteral("problems"), QJsonArray::fromStringList(*problems));
    HttpResponse r = HttpResponse::json(QJsonObject{{QStringLiteral("error"), body}}, httpStatusFor(error.code));
    if (error.code == Error::Code::Unauthorized)
        r.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")});
    if (error.code == Error::Code::Unavailable || error.code == Error::Code::TooManyRequests)
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(error.retryAfterS > 0 ? error.retryAfterS : 5)});
    return r;
}

HttpResponse errorResponse(const Error &error)
{
    return buildErrorResponse(error, nullptr);
}

HttpResponse rejectedInput(const Error &error, const QStringList &problems)
{
    return buildErrorResponse(error, &problems);
}

HttpResponse toResponse(Result<HttpResponse> result)
{
    return result ? std::move(result).value() : errorResponse(result.error());
}

} // namespace Leadline::Server
