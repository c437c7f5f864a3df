#include "result.h"

namespace Leadline {

QString Error::codeName() const
{
    if (!detailCode.isEmpty())
        return detailCode;
    switch (code) {
    case Code::BadRequest: return QStringLiteral("bad_request");
    case Code::Validation: return QStringLiteral("validation_failed");
    case Code::BadEncoding: return QStringLiteral("bad_encoding");
    case Code::NotACsv: return QStringLiteral("not_a_csv");
    case Code::NotFound: return QStringLiteral("not_found");
    case Code::Conflict: return QStringLiteral("conflict");
    case Code::Unauthorized: return QStringLiteral("unauthorized");
    case Code::Forbidden: return QStringLiteral("forbidden");
    case Code::MethodNotAllowed: return QStringLiteral("method_not_allowed");
    case Code::PayloadTooLarge: return QStringLiteral("payload_too_large");
    case Code::HeadersTooLarge: return QStringLiteral("headers_too_large");
    case Code::TooManyRequests: return QStringLiteral("too_many_requests");
    case Code::Unprocessable: return QStringLiteral("unprocessable");
    case Code::Unavailable: return QStringLiteral("unavailable");
    case Code::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace Leadline
