#include "campaignservice.h"
#include "core/settings.h"

#include "core/logging.h"
#include "leads/leadimporter.h"
#include "storage/campaignrepository.h"
#include "storage/database.h"
#include "storage/leadrepository.h"

#include <QJsonArray>
#include <QSqlError>
#include <QRegularExpression>
#include <QTime>
#include <QTimeZone>

namespace Leadline::Campaigns {

using Storage::CampaignRow;

CampaignService::CampaignService(const Storage::Database &db, const Clock &clock, CampaignDefaults defaults)
    : m_db(db), m_clock(clock), m_defaults(defaults)
{
}

static Error invalid(const QString &msg) { return Error::make(Error::Code::Validation, msg); }

Status CampaignService::validate(const CampaignRow &r)
{
    if (r.name.trimmed().isEmpty())
        return invalid(QStringLiteral("name is required"));
    if (r.name.size() > 200)
        return invalid(QStringLiteral("name is longer than 200 characters"));
    const QTime start = QTime::fromString(r.windowStart, QStringLiteral("HH:mm"));
    const QTime end = QTime::fromString(r.windowEnd, QStringLiteral("HH:mm"));
    if (!start.isValid())
        return invalid(QStringLiteral("calling_window.start must be HH:MM, got \"%1\"").arg(r.windowStart));
    if (!end.isValid())
        return invalid(QStringLiteral("calling_window.end must be HH:MM, got \"%1\"").arg(r.windowEnd));
    if (start >= end)
        return invalid(QStringLiteral("calling_window.start must be before calling_window.end"));
    static const QStringList days = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                     QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                     QStringLiteral("sun")};
    const QStringList given = r.callingDays.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (given.isEmpty())
        return invalid(QStringLiteral("calling_window.days must name at least one day"));
    for (const QString &d : given) {
        if (!days.contains(d.trimmed().toLower()))
            return invalid(QStringLiteral("calling_window.days: unknown day \"%1\" (use mon..sun)").arg(d));
    }
    if (!QTimeZone(r.timezone.toUtf8()).isValid())
        return invalid(QStringLiteral("timezone \"%1\" is not an IANA time zone").arg(r.timezone));
    if (r.maxConcurrent < 1 || r.maxConcurrent > 1000)
        return invalid(QStringLiteral("max_concurrent must be between 1 and 1000"));
    if (r.maxAttempts < 1 || r.maxAttempts > 20)
        return invalid(QStringLiteral("max_attempts must be between 1 and 20"));
    if (r.retryDelaySeconds < 60 || r.retryDelaySeconds > 7 * 24 * 3600)
        return invalid(QStringLiteral("retry_delay_s must be between 60 and 604800"));
    if (auto status = Storage::requireStatus<Storage::CampaignStatus>(r.status); !status)
        return status.error();
    return okStatus();
}

Result<CampaignRow> CampaignService::create(const QJsonObject &body)
{
    CampaignRow r;
    r.windowStart = QTime(m_defaults.callingHoursStart, 0).toString(QStringLiteral("HH:mm"));
    r.windowEnd = QTime(qBound(0, m_defaults.callingHoursEnd, 23), 0).toString(QStringLiteral("HH:mm"));
    auto str = [&](const char *key, QString &field) -> Status {
        const QJsonValue v = body.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return okStatus();
        if (!v.isString())
            return invalid(QStringLiteral("%1 must be a string").arg(QLatin1String(key)));
        field = v.toString().trimmed();
        return okStatus();
    };
    auto integer = [&](const char *key, int &field) -> Status {
        const QJsonValue v = body.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return okStatus();
        if (!v.isDouble() || v.toDouble() != double(v.toInt()))
            return invalid(QStringLiteral("%1 must be an integer").arg(QLatin1String(key)));
        field = v.toInt();
        return okStatus();
    };
    if (!body.value(QStringLiteral("name")).isString())
        return invalid(QStringLiteral("name is required and must be a string"));
    for (Status s : {str("name", r.name), str("script", r.script), str("language", r.language),
                     str("voice", r.voice), str("timezone", r.timezone),
                     integer("max_concurrent", r.maxConcurrent), integer("max_attempts", r.maxAttempts),
                     integer("retry_delay_s", r.retryDelaySeconds)}) {
        if (!s)
            return s.error();
    }
    const QJsonValue window = body.value(QStringLiteral("calling_window"));
    if (window.isObject()) {
        const QJsonObject w = window.toObject();
        if (w.value(QStringLiteral("start")).isString())
            r.windowStart = w.value(QStringLiteral("start")).toString();
        if (w.value(QStringLiteral("end")).isString())
            r.windowEnd = w.value(QStringLiteral("end")).toString();
        const QJsonValue days = w.value(QStringLiteral("days"));
        if (days.isString())
            r.callingDays = days.toString().toLower().remove(QLatin1Char(' '));
        else if (days.isArray()) {
            QStringList list;
            for (const QJsonValue &d : days.toArray())
                list << d.toString().toLower();
            r.callingDays = list.join(QLatin1Char(','));
        }
    } else if (!window.isUndefined() && !window.isNull()) {
        return invalid(QStringLiteral("calling_window must be an object {start, end, days}"));
    }
    if (auto s = validate(r); !s)
        return s.error();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto created = Storage::CampaignRepository(db.value()).create(r, m_clock.nowMs());
    if (created)
        qCInfo(lcCampaigns) << "created campaign" << created->id << created->name;
    return created;
}

Result<CampaignRow> CampaignService::get(qint64 id) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    return Storage::CampaignRepository(db.value()).get(id);
}

Result<CampaignRow> CampaignService::resolve(const QString &idOrName) const
{
    bool isNumber = false;
    const qint64 id = idOrName.toLongLong(&isNumber);
    if (isNumber) {
        auto byId = get(id);
        if (byId || byId.error().code != Error::Code::NotFound)
            return byId;
    }
    auto db = m_db.connection();
    if (!db)
        return db.error();
    return Storage::CampaignRepository(db.value()).findByName(idOrName.trimmed());
}

Result<QList<CampaignRow>> CampaignService::list() const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    return Storage::CampaignRepository(db.value()).list();
}

Result<CampaignRow> CampaignService::setStatus(qint64 id, const QString &status)
{
    auto to = Storage::requireStatus<Storage::CampaignStatus>(status);
    if (!to)
        return to.error();
    return setStatus(id, to.value());
}

Result<CampaignRow> CampaignService::setStatus(qint64 id, Storage::CampaignStatus status)
{
    if (status == Storage::CampaignStatus::Running && m_startGuard) {
        if (Status s = m_startGuard(); !s)
            return s.error();
    }
    auto db = m_db.connection();
    if (!db)
        return db.error();
    Storage::CampaignRepository repo(db.value());
    if (auto s = repo.setStatus(id, status, m_clock.nowMs()); !s)
        return s.error();
    return repo.get(id);
}

ImportLimits ImportLimits::fromSettings(const Settings &s)
{
    ImportLimits l;
    auto positive = [&s](const char *name, qint64 fallback) { return s.positiveValue(QString::fromLatin1(name), fallback); };
    l.maxRows = positive("MAX_CSV_ROWS", l.maxRows);
    l.maxColumns = int(positive("MAX_CSV_COLUMNS", l.maxColumns));
    l.maxRecordBytes = positive("MAX_CSV_RECORD_BYTES", l.maxRecordBytes);
    return l;
}

Result<Leads::ImportReport> CampaignService::importCsv(qint64 campaignId, QIODevice &csv, const Progress &progress)
{
    auto dbr = m_db.connection();
    if (!dbr)
        return dbr.error();
    QSqlDatabase db = dbr.value();
    if (auto c = get(campaignId); !c)
        return c.error();
    if (!db.transaction())
        return Storage::sqlError(QStringLiteral("cannot begin import"), db.lastError());
    Storage::LeadRepository repo(db);
    auto fail = [&](const Error &e) -> Result<Leads::ImportReport> {
        db.rollback();
        return e;
    };
    if (auto s = repo.lockCampaignForImport(campaignId); !s)
        return fail(s.error());
    Leads::ImportContext ctx;
    auto existing = repo.phonesOfCampaign(campaignId);
    if (!existing)
        return fail(existing.error());
    auto dnc = repo.dncPhones();
    if (!dnc)
        return fail(dnc.error());
    ctx.maxRows = m_importLimits.maxRows;
    ctx.maxColumns = m_importLimits.maxColumns;
    ctx.maxRecordBytes = m_importLimits.maxRecordBytes;
    ctx.existing = std::move(existing).value();
    ctx.dnc = std::move(dnc).value();

    const qint64 now = m_clock.nowMs();
    QList<Storage::LeadRow> rows;
    Storage::LeadBulkWriter writer(db, campaignId, now);
    auto sink = [&](const QList<Leads::LeadRecord> &batch) -> Status {
        rows.clear();
        rows.reserve(batch.size());
        for (const Leads::LeadRecord &rec : batch) {
            Storage::LeadRow r;
            r.name = rec.name;
            r.phoneE164 = rec.phoneE164;
            r.email = rec.email;
            r.city = rec.city;
            r.budget = rec.budget;
            r.propertyType = rec.propertyType;
            r.language = rec.language;
            if (!rec.customKeys.isEmpty())
                r.custom = rec.customJson();
            r.sourceLine = rec.line;
            rows.append(std::move(r));
        }
        return writer.write(rows);
    };
    Leads::LeadImporter importer;
    auto report = importer.run(csv, ctx, sink, progress);
    if (!report)
        return fail(report.error());
    if (Status s = writer.finish(); !s)
        return fail(s.error());
    if (!db.commit())
        return fail(Storage::sqlError(QStringLiteral("cannot commit import"), db.lastError()));
    qCInfo(lcCampaigns) << "imported" << report->accepted << "leads into campaign" << campaignId << ","
                        << report->rejected.size() << "rows rejected";
    return report;
}

} // namespace Leadline::Campaigns
