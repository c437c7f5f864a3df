#include "briefrepository.h"

#include "database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Storage {

Result<BriefRecord> BriefRepository::one(const QString &sql, qint64 campaignId, int version)
{
    QSqlQuery q(m_db);
    QVariantList binds{campaignId};
    if (version > 0)
        binds << version;
    const Status found = selectOne(
        q, sql, binds, QStringLiteral("cannot read the project brief"),
        Error::make(Error::Code::NotFound,
                    version > 0 ? QStringLiteral("campaign %1 has no brief version %2").arg(campaignId).arg(version)
                                : QStringLiteral("campaign %1 has no project brief yet").arg(campaignId),
                    QStringLiteral("no_brief")));
    if (!found)
        return found.error();
    BriefRecord r;
    r.campaignId = campaignId;
    r.version = q.value(0).toInt();
    r.brief = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
    r.createdAt = q.value(2).toLongLong();
    return r;
}

Result<BriefRecord> BriefRepository::latest(qint64 campaignId)
{
    return one(QStringLiteral("SELECT version, brief, created_at FROM campaign_briefs WHERE campaign_id = ? "
                              "ORDER BY version DESC LIMIT 1"),
               campaignId, 0);
}

Result<BriefRecord> BriefRepository::version(qint64 campaignId, int version)
{
    return one(QStringLiteral("SELECT version, brief, created_at FROM campaign_briefs WHERE campaign_id = ? AND version = ?"),
               campaignId, version);
}

Result<BriefRecord> BriefRepository::save(qint64 campaignId, const QJsonObject &brief, qint64 nowMs)
{
    const QString text = QString::fromUtf8(QJsonDocument(brief).toJson(QJsonDocument::Compact));
    for (int attempt = 0; attempt < 2; ++attempt) {
        QSqlQuery q(m_db);
        // The version is computed in the INSERT; the unique index turns a race into a retry.
        q.prepare(QStringLiteral("INSERT INTO campaign_briefs (campaign_id, version, brief, created_at) "
                                 "SELECT CAST(? AS BIGINT), COALESCE(MAX(version), 0) + 1, CAST(? AS TEXT), CAST(? AS BIGINT) "
                                 "FROM campaign_briefs WHERE campaign_id = ?"));
        q.addBindValue(campaignId);
        q.addBindValue(text);
        q.addBindValue(nowMs);
        q.addBindValue(campaignId);
        if (q.exec())
            return latest(campaignId);
        if (attempt == 1 || !q.lastError().text().contains(QLatin1String("unique"), Qt::CaseInsensitive))
            return sqlError(QStringLiteral("cannot store the project brief"), q.lastError());
    }
    return Error::make(Error::Code::Conflict, QStringLiteral("the brief was changed at the same time; try again"));
}

} // namespace Leadline::Storage
