#include "briefservice.h"

#include "storage/campaignrepository.h"
#include "storage/database.h"

#include <QFile>
#include <QFileInfo>

namespace Leadline::Projects {

Status BriefService::campaignExists(qint64 campaignId) const
{
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    auto c = Storage::CampaignRepository(conn.value()).get(campaignId);
    if (!c)
        return c.error();
    return okStatus();
}

Result<Storage::BriefRecord> BriefService::get(qint64 campaignId) const
{
    if (Status s = campaignExists(campaignId); !s)
        return s.error();
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    return Storage::BriefRepository(conn.value()).latest(campaignId);
}

Result<Storage::BriefRecord> BriefService::put(qint64 campaignId, const QJsonObject &json) const
{
    auto brief = ProjectBrief::fromJson(json);
    if (!brief)
        return brief.error();
    if (Status s = campaignExists(campaignId); !s)
        return s.error();
    auto conn = m_db.connection();
    if (!conn)
        return conn.error();
    return Storage::BriefRepository(conn.value()).save(campaignId, brief->toJson(), m_clock.nowMs());
}

Result<Storage::BriefRecord> BriefService::putText(qint64 campaignId, const QByteArray &jsonText) const
{
    auto brief = ProjectBrief::fromJsonText(jsonText);
    if (!brief)
        return brief.error();
    return put(campaignId, brief->toJson());
}

Result<Storage::BriefRecord> BriefService::importFile(qint64 campaignId, const QString &path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return Error::make(Error::Code::BadRequest,
                           QStringLiteral("%1: YAML is not supported; give the brief as JSON").arg(path), QStringLiteral("not_json"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::BadRequest, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    if (f.size() > ProjectBrief::kMaxBytes * 2)
        return Error::make(Error::Code::PayloadTooLarge, QStringLiteral("%1 is larger than a project brief can be").arg(path));
    return putText(campaignId, f.readAll());
}

QString BriefService::preview(const QJsonObject &storedBrief)
{
    auto b = ProjectBrief::fromJson(storedBrief);
    return b ? b->factsText() : b.error().message;
}

} // namespace Leadline::Projects
