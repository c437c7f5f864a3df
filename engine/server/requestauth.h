// RequestAuth: who may call operator routes. Loopback clients are trusted unless the request
// came through a proxy (X-Forwarded-For / Forwarded present); everyone else needs
// "Authorization: Bearer <token>": the configured API_TOKEN (compared in constant time) or an
// active token from the api_tokens table (ApiTokenVerifier, when given).
// Thread: immutable, shared by all network workers (the verifier locks internally).
#pragma once

#include "core/result.h"

#include <QByteArray>
#include "httptypes.h"

namespace Leadline::Server { class ApiTokenVerifier; }

namespace Leadline::Server {

class RequestAuth
{
public:
    explicit RequestAuth(QByteArray apiToken, const ApiTokenVerifier *tokens = nullptr)
        : m_token(std::move(apiToken)), m_tokens(tokens) {}
    Status check(const HttpRequest &request) const;
    // True when `token` is API_TOKEN or an active database token (no loopback rule).
    bool acceptsToken(const QByteArray &token) const;

private:
    QByteArray m_token;
    const ApiTokenVerifier *m_tokens = nullptr;
};

} // namespace Leadline::Server
