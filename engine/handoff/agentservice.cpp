#include "agentservice.h"

#include "core/clock.h"
#include "handofflog.h"
#include "leads/phonenumber.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTime>
#include <QTimeZone>

namespace Leadline::Handoff {

static Error invalid(const QString &msg) { return Error::make(Error::Code::Validation, msg); }

AgentService::AgentService(const Storage::Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

Status AgentService::apply(const QJsonObject &body, SalesAgentRow &row)
{
    if (body.contains(QStringLiteral("name"))) {
        if (!body.value(QStringLiteral("name")).isString() || body.value(QStringLiteral("name")).toString().trimmed().isEmpty())
            return invalid(QStringLiteral("name must be a non-empty string"));
        row.name = body.value(QStringLiteral("name")).toString().trimmed();
    }
    if (body.contains(QStringLiteral("phone"))) {
        const auto p = Leads::PhoneNumber::normalize(body.value(QStringLiteral("phone")).toString());
        if (!p.ok())
            return invalid(QStringLiteral("phone: ") + p.detail);
        row.phoneE164 = p.e164;
    }
    if (body.contains(QStringLiteral("languages"))) {
        const QJsonValue v = body.value(QStringLiteral("languages"));
        QStringList langs;
        if (v.isArray())
            for (const QJsonValue &l : v.toArray())
                langs << l.toString();
        else
            langs = v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        QStringList clean;
        static const QRegularExpression code(QStringLiteral("^[a-z]{2}$"));
        for (QString l : std::as_const(langs)) {
            l = l.trimmed().toLower();
            if (l == QLatin1String("hindi"))
                l = QStringLiteral("hi");
            else if (l == QLatin1String("english"))
                l = QStringLiteral("en");
            if (!code.match(l).hasMatch())
                return invalid(QStringLiteral("languages must be two-letter codes like \"en\", \"hi\" (got \"%1\")").arg(l));
            if (!clean.contains(l))
                clean << l;
        }
        if (clean.isEmpty())
            return invalid(QStringLiteral("languages must name at least one language"));
        row.languages = clean;
    }
    const QJsonObject hours = body.value(QStringLiteral("working_hours")).toObject();
    for (const auto &[key, field] : {std::pair<const char *, QString *>{"start", &row.workStart}, {"end", &row.workEnd}}) {
        if (!hours.contains(QLatin1String(key)))
            continue;
        const QTime t = QTime::fromString(hours.value(QLatin1String(key)).toString().trimmed(), QStringLiteral("H:mm"));
        if (!t.isValid())
            return invalid(QStringLiteral("working_hours.%1 must be HH:MM").arg(QLatin1String(key)));
        *field = t.toString(QStringLiteral("HH:mm"));
    }
    if (hours.contains(QStringLiteral("days"))) {
        static const QStringList names = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
                                          QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
        QStringList days;
        for (const QString &d : hours.value(QStringLiteral("days")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString n = d.trimmed().left(3).toLower();
            if (!names.contains(n))
                return invalid(QStringLiteral("working_hours.days must be like \"mon,tue,wed\" (got \"%1\")").arg(d.trimmed()));
            days << n;
        }
        if (days.isEmpty())
            return invalid(QStringLiteral("working_hours.days must name at least one day"));
        row.workDays = days.join(QLatin1Char(','));
    }
    if (hours.contains(QStringLiteral("timezone"))) {
        const QString tz = hours.value(QStringLiteral("timezone")).toString().trimmed();
        if (!QTimeZone(tz.toUtf8()).isValid())
            return invalid(QStringLiteral("working_hours.timezone \"%1\" is not an IANA time zone").arg(tz));
        row.timezone = tz;
    }
    if (body.contains(QStringLiteral("available"))) {
        if (!body.value(QStringLiteral("available")).isBool())
            return invalid(QStringLiteral("available must be true or false"));
        row.available = body.value(QStringLiteral("available")).toBool();
    }
    if (body.contains(QStringLiteral("max_handoffs"))) {
        const QJsonValue v = body.value(QStringLiteral("max_handoffs"));
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 1 || v.toInt() > 50)
            return invalid(QStringLiteral("max_handoffs must be an integer from 1 to 50"));
        row.maxHandoffs = v.toInt();
    }
    return okStatus();
}

Result<QJsonObject> AgentService::fieldsFromArguments(const QStringList &args)
{
    if (args.size() < 2 || args.size() > 4)
        return invalid(QStringLiteral("agents add takes <name> <phone> [en,hi] [HH:MM-HH:MM]"));
    QJsonObject fields{{QStringLiteral("name"), args.at(0)}, {QStringLiteral("phone"), args.at(1)}};
    if (args.size() >= 3)
        fields.insert(QStringLiteral("languages"), args.at(2));
    if (args.size() == 4) {
        const QStringList hours = args.at(3).split(QLatin1Char('-'));
        if (hours.size() != 2)
            return invalid(QStringLiteral("working hours must look like 10:00-19:00"));
        fields.insert(QStringLiteral("working_hours"),
                      QJsonObject{{QStringLiteral("start"), hours.at(0)}, {QStringLiteral("end"), hours.at(1)}});
    }
    return fields;
}

Result<QList<SalesAgentRow>> AgentService::list(bool includeInactive) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    return HandoffRepository(db.value()).agents(includeInactive);
}

Result<SalesAgentRow> AgentService::add(const QJsonObject &fields) const
{
    if (!fields.value(QStringLiteral("name")).isString() || !fields.contains(QStringLiteral("phone")))
        return invalid(QStringLiteral("name and phone are required, e.g. {\"name\": \"Priya Sharma\", \"phone\": "
                                      "\"+919812345678\", \"languages\": [\"en\", \"hi\"]}"));
    SalesAgentRow row;
    if (Status s = apply(fields, row); !s)
        return s.error();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto created = HandoffRepository(db.value()).createAgent(row, m_clock.nowMs());
    if (created)
        qCInfo(lcHandoff) << "sales agent" << created->id << "added";
    return created;
}

Result<SalesAgentRow> AgentService::update(qint64 id, const QJsonObject &fields) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    HandoffRepository repo(db.value());
    auto row = repo.agent(id);
    if (!row)
        return row.error();
    if (!row->active)
        return Error::make(Error::Code::NotFound, QStringLiteral("agent %1 was removed").arg(id));
    SalesAgentRow updated = row.value();
    if (Status s = apply(fields, updated); !s)
        return s.error();
    return repo.updateAgent(updated, m_clock.nowMs());
}

Status AgentService::remove(qint64 id) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    if (Status s = HandoffRepository(db.value()).deactivateAgent(id, m_clock.nowMs()); !s)
        return s;
    qCInfo(lcHandoff) << "sales agent" << id << "removed";
    return okStatus();
}

Status AgentService::setAvailable(qint64 id, bool available) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    return HandoffRepository(db.value()).setAgentAvailable(id, available, m_clock.nowMs());
}

} // namespace Leadline::Handoff
