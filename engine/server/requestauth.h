// RequestAuth: who may call operator routes. Loopback clients are trusted unless the request
// came through a proxy (X-Forwarded-For / Forwarded present); everyone else needs
// "Authorization: Bearer <API_TOKEN>", compared in constant time. Thread: immutable, shared.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHttpServerRequest>

namespace Leadline::Server {

class RequestAuth
{
public:
    explicit RequestAuth(QByteArray apiToken) : m_token(std::move(apiToken)) {}
    Status check(const QHttpServerRequest &request) const;

private:
    QByteArray m_token;
};

} // namespace Leadline::Server
