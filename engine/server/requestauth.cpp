#include "requestauth.h"

#include "apitokenverifier.h"
#include "core/securecompare.h"

#include <QHostAddress>

namespace Leadline::Server {

bool RequestAuth::acceptsToken(const QByteArray &token) const
{
    if (token.isEmpty())
        return false;
    if (!m_token.isEmpty() && Leadline::constantTimeEquals(token, m_token))
        return true;
    return m_tokens && m_tokens->verify(token) != 0;
}

Status RequestAuth::check(const HttpRequest &request) const
{
    const bool proxied = !request.value("x-forwarded-for").isEmpty() || !request.value("forwarded").isEmpty();
    if (request.remoteAddress().isLoopback() && !proxied)
        return okStatus();
    const QByteArray header = request.value("authorization");
    static const QByteArray prefix = QByteArrayLiteral("Bearer ");
    if (header.startsWith(prefix) && acceptsToken(header.mid(prefix.size()).trimmed()))
        return okStatus();
    return Error::make(Error::Code::Unauthorized,
                       header.isEmpty() ? QStringLiteral("this endpoint needs Authorization: Bearer <token> from non-loopback clients")
                                        : QStringLiteral("invalid bearer token"));
}

} // namespace Leadline::Server
