#include "requestauth.h"

#include "core/securecompare.h"

#include <QHostAddress>

namespace Leadline::Server {

Status RequestAuth::check(const QHttpServerRequest &request) const
{
    const bool proxied = !request.value("x-forwarded-for").isEmpty() || !request.value("forwarded").isEmpty();
    if (request.remoteAddress().isLoopback() && !proxied)
        return okStatus();
    const QByteArray header = request.value("authorization");
    static const QByteArray prefix = QByteArrayLiteral("Bearer ");
    if (!m_token.isEmpty() && header.startsWith(prefix) && Leadline::constantTimeEquals(header.mid(prefix.size()).trimmed(), m_token))
        return okStatus();
    return Error::make(Error::Code::Unauthorized,
                       header.isEmpty() ? QStringLiteral("this endpoint needs Authorization: Bearer <token> from non-loopback clients")
                                        : QStringLiteral("invalid bearer token"));
}

} // namespace Leadline::Server
