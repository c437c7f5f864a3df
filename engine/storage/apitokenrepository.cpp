#include "apitokenrepository.h"

#include "database.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Storage {

static const char kColumns[] = "id, name, token_hash, created_at, last_used_at, revoked_at";

static ApiTokenRow readRow(const QSqlQuery &q)
{
    ApiTokenRow r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.hash = q.value(2).toString().toLatin1();
    r.createdAt = q.value(3).toLongLong();
    r.lastUsedAt = q.value(4).isNull() ? 0 : q.value(4).toLongLong();
    r.revokedAt = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
    return r;
}

static bool isUniqueViolation(const QSqlError &e)
{
    const QString code = e.nativeErrorCode();
    return code == QLatin1String("23505") || code == QLatin1String("2067")
           || e.text().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive);
}

QByteArray ApiTokenRepository::generateToken()
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    return QByteArrayLiteral("llt_") + raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray ApiTokenRepository::hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

Result<ApiTokenRepository::Created> ApiTokenRepository::create(const QString &rawName, qint64 nowMs)
{
    const QString name = rawName.trimmed();
    if (name.isEmpty() || name.size() > 100)
        return Error::make(Error::Code::Validation, QStringLiteral("a token needs a name of 1 to 100 characters"));
    bool numeric = false;
    name.toLongLong(&numeric);
    if (numeric)
        return Error::make(Error::Code::Validation, QStringLiteral("a token name must not be a number (numbers are ids)"));
    Created out;
    out.token = generateToken();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO api_tokens (name, token_hash, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(QString::fromLatin1(hashToken(out.token)));
    q.addBindValue(nowMs);
    if (!q.exec()) {
        if (isUniqueViolation(q.lastError()))
            return Error::make(Error::Code::Conflict, QStringLiteral("an active token named \"%1\" already exists").arg(name),
                               QStringLiteral("duplicate_name"));
        return sqlError(QStringLiteral("cannot create API token"), q.lastError());
    }
    q.prepare(QStringLiteral("SELECT %1 FROM api_tokens WHERE token_hash = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(QString::fromLatin1(hashToken(out.token)));
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("cannot read the new API token"), q.lastError());
    out.row = readRow(q);
    return out;
}

Result<QList<ApiTokenRow>> ApiTokenRepository::list()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM api_tokens ORDER BY id DESC").arg(QLatin1String(kColumns))))
        return sqlError(QStringLiteral("cannot list API tokens"), q.lastError());
    QList<ApiTokenRow> rows;
    while (q.next())
        rows.append(readRow(q));
    return rows;
}

Result<QList<ApiTokenRow>> ApiTokenRepository::active()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM api_tokens WHERE revoked_at IS NULL").arg(QLatin1String(kColumns))))
        return sqlError(QStringLiteral("cannot read API tokens"), q.lastError());
    QList<ApiTokenRow> rows;
    while (q.next())
        rows.append(readRow(q));
    return rows;
}

Result<ApiTokenRow> ApiTokenRepository::getById(qint64 id)
{
    QSqlQuery q(m_db);
    const Status found =
        selectOne(q, QStringLiteral("SELECT %1 FROM api_tokens WHERE id = ?").arg(QLatin1String(kColumns)), {id},
                  QStringLiteral("cannot read API token"),
                  Error::make(Error::Code::NotFound, QStringLiteral("no API token with id %1").arg(id)));
    if (!found)
        return found.error();
    return readRow(q);
}

Result<ApiTokenRow> ApiTokenRepository::revoke(const QString &idOrName, qint64 nowMs)
{
    bool numeric = false;
    const qint64 id = idOrName.trimmed().toLongLong(&numeric);
    QSqlQuery q(m_db);
    if (numeric) {
        q.prepare(QStringLiteral("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
        q.addBindValue(nowMs);
        q.addBindValue(id);
        if (!q.exec())
            return sqlError(QStringLiteral("cannot revoke API token"), q.lastError());
        return getById(id);
    }
    const Status named = selectOne(
        q, QStringLiteral("SELECT id FROM api_tokens WHERE name = ? AND revoked_at IS NULL"), {idOrName.trimmed()},
        QStringLiteral("cannot revoke API token"),
        Error::make(Error::Code::NotFound, QStringLiteral("no active API token named \"%1\"").arg(idOrName.trimmed())));
    if (!named)
        return named.error();
    const qint64 found = q.value(0).toLongLong();
    q.finish();
    q.prepare(QStringLiteral("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    q.addBindValue(nowMs);
    q.addBindValue(found);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot revoke API token"), q.lastError());
    return getById(found);
}

Status ApiTokenRepository::touch(qint64 id, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot record API token use"), q.lastError());
    return okStatus();
}

} // namespace Leadline::Storage
