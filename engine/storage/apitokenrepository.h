// ApiTokenRepository: SQL for the api_tokens table (named REST bearer tokens, created and revoked
// by operators). Only the SHA-256 of a token is stored: tokens are 32 random bytes (256 bits),
// so a fast hash is enough (no password stretching needed) and lets a presented token be found
// by its hash. The clear token exists once, in the result of create().
// Thread: the caller's; construct it with that thread's connection (Database::connection()).
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Leadline::Storage {

struct ApiTokenRow
{
    qint64 id = 0;
    QString name;
    QByteArray hash;      // hex SHA-256 of the token
    qint64 createdAt = 0; // ms since the epoch (UTC)
    qint64 lastUsedAt = 0; // 0 = never used
    qint64 revokedAt = 0;  // 0 = active
    bool active() const { return revokedAt == 0; }
};

class ApiTokenRepository
{
public:
    explicit ApiTokenRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    struct Created
    {
        ApiTokenRow row;
        QByteArray token; // the clear token: show it once, never store or log it
    };
    // A new token named `name` (unique among active tokens; 409 otherwise).
    Result<Created> create(const QString &name, qint64 nowMs);
    // Every token, newest first (revoked ones included), without the clear token.
    Result<QList<ApiTokenRow>> list();
    // Active tokens only (for the authentication cache).
    Result<QList<ApiTokenRow>> active();
    // Revokes by numeric id or by the name of an active token. NotFound when nothing matches;
    // revoking an already revoked token (by id) is a no-op that returns it.
    Result<ApiTokenRow> revoke(const QString &idOrName, qint64 nowMs);
    Status touch(qint64 id, qint64 nowMs);

    static QByteArray generateToken();                // "llt_" + 43 base64url characters
    static QByteArray hashToken(const QByteArray &token); // hex SHA-256

private:
    Result<ApiTokenRow> getById(qint64 id);
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
