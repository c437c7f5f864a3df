#include "callingwindow.h"

#include "storage/dialerqueue.h"

#include <QRegularExpression>
#include <QStringList>

namespace Leadline::Campaigns {

static Error invalid(const QString &msg) { return Error::make(Error::Code::Validation, msg); }

Result<CallingWindow> CallingWindow::of(const Storage::DialerCampaign &c)
{
    return make(c.windowStart, c.windowEnd, c.callingDays, c.timezone, c.holidays);
}

Result<CallingWindow> CallingWindow::make(const QString &start, const QString &end, const QString &days,
                                          const QString &timeZone, const QString &holidays)
{
    CallingWindow w;
    w.m_start = QTime::fromString(start.trimmed(), QStringLiteral("HH:mm"));
    w.m_end = QTime::fromString(end.trimmed(), QStringLiteral("HH:mm"));
    if (!w.m_start.isValid())
        return invalid(QStringLiteral("calling window start must be HH:MM, got \"%1\"").arg(start));
    if (!w.m_end.isValid()) {
        // "24:00" means end of day; anything past 21:00 is clipped anyway.
        if (end.trimmed() == QLatin1String("24:00"))
            w.m_end = QTime(23, 59, 59, 999);
        else
            return invalid(QStringLiteral("calling window end must be HH:MM, got \"%1\"").arg(end));
    }
    static const QStringList names = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                      QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                      QStringLiteral("sun")};
    const QStringList given = days.toLower().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    if (!given.isEmpty()) {
        w.m_days.clear();
        for (const QString &d : given) {
            const int i = names.indexOf(d.left(3));
            if (i < 0)
                return invalid(QStringLiteral("calling days: unknown day \"%1\" (use mon..sun)").arg(d));
            w.m_days.insert(i + 1);
        }
    } else {
        w.m_days = {1, 2, 3, 4, 5, 6, 7};
    }
    const QString tz = timeZone.trimmed().isEmpty() ? QStringLiteral("Asia/Kolkata") : timeZone.trimmed();
    w.m_zone = QTimeZone(tz.toUtf8());
    if (!w.m_zone.isValid())
        return invalid(QStringLiteral("timezone \"%1\" is not an IANA time zone").arg(tz));
    for (const QString &h : holidays.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
        const QDate d = QDate::fromString(h, Qt::ISODate);
        if (!d.isValid())
            return invalid(QStringLiteral("holiday \"%1\" is not a YYYY-MM-DD date").arg(h));
        w.m_holidays.insert(d);
    }
    return w;
}

CallingWindow CallingWindow::forLeadZone(const QString &leadTimeZone) const
{
    CallingWindow w = *this;
    const QString tz = leadTimeZone.trimmed();
    if (!tz.isEmpty()) {
        const QTimeZone z(tz.toUtf8());
        if (z.isValid())
            w.m_zone = z;
    }
    return w;
}

QTime CallingWindow::effectiveStart() const { return qMax(m_start, QTime(kHardStartHour, 0)); }
QTime CallingWindow::effectiveEnd() const { return qMin(m_end, QTime(kHardEndHour, 0)); }

bool CallingWindow::hasAnyOpening() const { return effectiveStart() < effectiveEnd() && !m_days.isEmpty(); }

bool CallingWindow::dayAllowed(const QDate &localDate) const
{
    return m_days.contains(localDate.dayOfWeek()) && !m_holidays.contains(localDate);
}

bool CallingWindow::isOpen(const QDateTime &utc) const
{
    if (!utc.isValid() || !hasAnyOpening())
        return false;
    const QDateTime local = utc.toTimeZone(m_zone);
    const QTime t = local.time();
    return dayAllowed(local.date()) && t >= effectiveStart() && t < effectiveEnd();
}

QDateTime CallingWindow::nextOpen(const QDateTime &utc) const
{
    if (!utc.isValid() || !hasAnyOpening())
        return {};
    if (isOpen(utc))
        return utc;
    const QDateTime local = utc.toTimeZone(m_zone);
    const QTime s = effectiveStart();
    QDate day = local.date();
    // Today only counts when we are still before the start; otherwise from tomorrow on.
    if (local.time() >= s)
        day = day.addDays(1);
    for (int i = 0; i < 400; ++i, day = day.addDays(1)) {
        if (!dayAllowed(day))
            continue;
        const QDateTime candidate(day, s, m_zone);
        if (candidate.isValid() && candidate > utc)
            return candidate.toUTC();
    }
    return {};
}

} // namespace Leadline::Campaigns
