#include "requestauth.h"

#include <QHostAddress>

namespace Leadline::Server {

bool RequestAuth::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Length is not secret (tokens have a fixed length); the content comparison does not stop early.
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

Status RequestAuth::check(const QHttpServerRequest &request) const
{
    const bool proxied = !request.value("x-forwarded-for").isEmpty() || !request.value("forwarded").isEmpty();
    if (request.remoteAddress().isLoopback() && !proxied)
        return okStatus();
    const QByteArray header = request.value("authorization");
    static const QByteArray prefix = QByteArrayLiteral("Bearer ");
    if (!m_token.isEmpty() && header.startsWith(prefix) && constantTimeEquals(header.mid(prefix.size()).trimmed(), m_token))
        return okStatus();
    return Error::make(Error::Code::Unauthorized,
                       header.isEmpty() ? QStringLiteral("this endpoint needs Authorization: Bearer <token> from non-loopback clients")
                                        : QStringLiteral("invalid bearer token"));
}

} // namespace Leadline::Server
