// SiteVisitPlanner: which site-visit slots the agent may offer and book. A slot is on a day the
// project is open, inside its visiting hours (project local time), at least minNoticeMinutes
// after now and within horizonDays; the caller hears it in the lead's time zone.
// Thread: value type; pure functions of (rules, now), thread-safe.
#pragma once

#include "core/result.h"
#include "projectbrief.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>

namespace Leadline::Projects {

class SiteVisitPlanner
{
public:
    // fallbackTimeZone: the campaign's zone, used when the brief names none.
    SiteVisitPlanner(SiteVisitRules rules, const QString &fallbackTimeZone, int minNoticeMinutes = 60, int horizonDays = 30);

    QTimeZone projectZone() const { return m_zone; }
    // The next `count` bookable slots after now (one in the morning and one later per open day).
    QList<QDateTime> nextSlots(const QDateTime &now, int count) const;
    // The slot itself, or Validation with detailCode closed_day / outside_hours / in_past / too_far.
    Result<QDateTime> check(const QDateTime &at, const QDateTime &now) const;
    // The book_site_visit tool's arguments: "date" (YYYY-MM-DD) and "time" (HH:MM) in the lead's
    // zone, or "when" as said ("Saturday 11 am", "kal subah 11 baje"); then check().
    Result<QDateTime> resolve(const QJsonObject &args, const QDateTime &now, const QString &leadTimeZone) const;

private:
    SiteVisitRules m_rules;
    QTimeZone m_zone;
    int m_minNoticeMinutes;
    int m_horizonDays;
};

} // namespace Leadline::Projects
