#include "sitevisitplanner.h"

#include "language/callbacktimeparser.h"

#include <QLocale>

namespace Leadline::Projects {

SiteVisitPlanner::SiteVisitPlanner(SiteVisitRules rules, const QString &fallbackTimeZone, int minNoticeMinutes, int horizonDays)
    : m_rules(std::move(rules)), m_minNoticeMinutes(minNoticeMinutes), m_horizonDays(horizonDays)
{
    for (const QString &id : {m_rules.timezone, fallbackTimeZone, QStringLiteral("Asia/Kolkata")}) {
        if (!id.isEmpty() && QTimeZone(id.toUtf8()).isValid()) {
            m_zone = QTimeZone(id.toUtf8());
            break;
        }
    }
}

QList<QDateTime> SiteVisitPlanner::nextSlots(const QDateTime &now, int count) const
{
    QList<QDateTime> out;
    const QDateTime local = now.toTimeZone(m_zone);
    const int slot = m_rules.slotMinutes * 60;
    const int span = m_rules.start.secsTo(m_rules.end);
    // Morning: the first slot; later: the slot nearest the middle of the afternoon.
    const int later = qMax(0, (span * 2 / 3) / slot * slot);
    for (int d = 0; d <= m_horizonDays && out.size() < count; ++d) {
        const QDate day = local.date().addDays(d);
        if (!m_rules.days.contains(day.dayOfWeek()))
            continue;
        for (int offset : {0, later}) {
            const QDateTime at(day, m_rules.start.addSecs(offset), m_zone);
            if (check(at, now) && (out.isEmpty() || out.last() != at) && out.size() < count)
                out.append(at);
        }
    }
    return out;
}

Result<QDateTime> SiteVisitPlanner::check(const QDateTime &at, const QDateTime &now) const
{
    auto refuse = [](const QString &code, const QString &message) {
        return Error::make(Error::Code::Validation, message, code);
    };
    if (!at.isValid())
        return refuse(QStringLiteral("bad_time"), QStringLiteral("no date and time"));
    const QDateTime local = at.toTimeZone(m_zone);
    if (at < now.addSecs(qint64(m_minNoticeMinutes) * 60))
        return refuse(QStringLiteral("in_past"), QStringLiteral("%1 has passed or is too soon").arg(local.toString(Qt::ISODate)));
    if (now.daysTo(at) > m_horizonDays)
        return refuse(QStringLiteral("too_far"), QStringLiteral("more than %1 days ahead").arg(m_horizonDays));
    if (!m_rules.days.contains(local.date().dayOfWeek()))
        return refuse(QStringLiteral("closed_day"), QStringLiteral("the site is closed on %1")
                                                        .arg(QLocale(QLocale::English).dayName(local.date().dayOfWeek())));
    if (local.time() < m_rules.start || local.time() >= m_rules.end)
        return refuse(QStringLiteral("outside_hours"), QStringLiteral("visits are between %1 and %2")
                                                           .arg(m_rules.start.toString(QStringLiteral("HH:mm")),
                                                                m_rules.end.toString(QStringLiteral("HH:mm"))));
    return at;
}

Result<QDateTime> SiteVisitPlanner::resolve(const QJsonObject &args, const QDateTime &now, const QString &leadTimeZone) const
{
    QTimeZone leadZone(leadTimeZone.toUtf8());
    if (!leadZone.isValid())
        leadZone = m_zone;
    const QDate date = QDate::fromString(args.value(QStringLiteral("date")).toString().trimmed(), Qt::ISODate);
    const QString timeText = args.value(QStringLiteral("time")).toString().trimmed();
    QTime time = QTime::fromString(timeText, QStringLiteral("HH:mm"));
    if (!time.isValid())
        time = QTime::fromString(timeText, QStringLiteral("H:mm"));
    if (date.isValid() && time.isValid())
        return check(QDateTime(date, time, leadZone), now);
    const QString when = args.value(QStringLiteral("when")).toString().trimmed();
    if (!when.isEmpty()) {
        // The visiting hours as the window, so "Saturday" alone means its first slot.
        Language::CallbackWindow window;
        window.start = m_rules.start;
        window.end = m_rules.end;
        window.days = m_rules.days;
        const QString zone = QString::fromUtf8(leadZone.id());
        if (const auto t = Language::CallbackTimeParser::parse(when, now, zone, window)) {
            if (!t->moved)
                return check(t->at, now);
            // Moved into the hours by the parser: the caller asked for another time; say why not.
            if (const auto asked = Language::CallbackTimeParser::parse(when, now, zone); asked && !asked->moved)
                if (auto c = check(asked->at, now); !c)
                    return c.error();
            return Error::make(Error::Code::Validation, QStringLiteral("\"%1\" is outside the visiting hours").arg(when),
                               QStringLiteral("outside_hours"));
        }
    }
    return Error::make(Error::Code::Validation, QStringLiteral("no date and time in the booking"), QStringLiteral("bad_time"));
}

} // namespace Leadline::Projects
