#include "campaignrepository.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Leadline::Storage {

static const char kColumns[] =
    "id, name, status, script, language, voice, window_start, window_end, calling_days, timezone, "
    "max_concurrent, max_attempts, retry_delay_s, created_at, updated_at";

static CampaignRow readRow(const QSqlQuery &q)
{
    CampaignRow r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.status = q.value(2).toString();
    r.script = q.value(3).toString();
    r.language = q.value(4).toString();
    r.voice = q.value(5).toString();
    r.windowStart = q.value(6).toString();
    r.windowEnd = q.value(7).toString();
    r.callingDays = q.value(8).toString();
    r.timezone = q.value(9).toString();
    r.maxConcurrent = q.value(10).toInt();
    r.maxAttempts = q.value(11).toInt();
    r.retryDelaySeconds = q.value(12).toInt();
    r.createdAt = q.value(13).toLongLong();
    r.updatedAt = q.value(14).toLongLong();
    return r;
}

static bool isUniqueViolation(const QSqlError &e)
{
    const QString code = e.nativeErrorCode();
    // PostgreSQL 23505; SQLite 2067 (SQLITE_CONSTRAINT_UNIQUE) or 19 with "UNIQUE" in the text.
    return code == QLatin1String("23505") || code == QLatin1String("2067")
           || e.text().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive);
}

Result<CampaignRow> CampaignRepository::create(const CampaignRow &in, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO campaigns (name, status, script, language, voice, window_start, window_end, "
        "calling_days, timezone, max_concurrent, max_attempts, retry_delay_s, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const QVariant &v : {QVariant(nonNull(in.name)), QVariant(nonNull(in.status)), QVariant(nonNull(in.script)), QVariant(nonNull(in.language)),
                              QVariant(nonNull(in.voice)), QVariant(nonNull(in.windowStart)), QVariant(nonNull(in.windowEnd)),
                              QVariant(nonNull(in.callingDays)), QVariant(nonNull(in.timezone)), QVariant(in.maxConcurrent),
                              QVariant(in.maxAttempts), QVariant(in.retryDelaySeconds), QVariant(nowMs),
                              QVariant(nowMs)})
        q.addBindValue(v);
    if (!q.exec()) {
        if (isUniqueViolation(q.lastError()))
            return Error::make(Error::Code::Conflict,
                               QStringLiteral("a campaign named \"%1\" already exists").arg(in.name),
                               QStringLiteral("duplicate_name"));
        return sqlError(QStringLiteral("cannot create campaign"), q.lastError());
    }
    return findByName(in.name);
}

Result<CampaignRow> CampaignRepository::get(qint64 id)
{
    QSqlQuery q(m_db);
    const Status found =
        selectOne(q, QStringLiteral("SELECT %1 FROM campaigns WHERE id = ?").arg(QLatin1String(kColumns)), {id},
                  QStringLiteral("cannot read campaign"),
                  Error::make(Error::Code::NotFound, QStringLiteral("no campaign with id %1").arg(id)));
    if (!found)
        return found.error();
    return readRow(q);
}

Result<CampaignRow> CampaignRepository::findByName(const QString &name)
{
    QSqlQuery q(m_db);
    const Status found =
        selectOne(q, QStringLiteral("SELECT %1 FROM campaigns WHERE name = ?").arg(QLatin1String(kColumns)), {name},
                  QStringLiteral("cannot read campaign"),
                  Error::make(Error::Code::NotFound, QStringLiteral("no campaign named \"%1\"").arg(name)));
    if (!found)
        return found.error();
    return readRow(q);
}

Result<QList<CampaignRow>> CampaignRepository::list()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM campaigns ORDER BY id").arg(QLatin1String(kColumns))))
        return sqlError(QStringLiteral("cannot list campaigns"), q.lastError());
    QList<CampaignRow> out;
    while (q.next())
        out.append(readRow(q));
    return out;
}

Status CampaignRepository::setStatus(qint64 id, CampaignStatus to, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ? AND status IN (%1)")
                  .arg(sqlInList(allowedFrom(to))));
    q.addBindValue(statusName(to));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot update campaign"), q.lastError());
    if (q.numRowsAffected() > 0)
        return okStatus();
    auto c = get(id); // not changed: gone, or a transition the table does not allow
    if (!c)
        return c.error();
    auto from = requireStatus<CampaignStatus>(c->status);
    if (!from)
        return from.error();
    return checkTransition(from.value(), to);
}

} // namespace Leadline::Storage
