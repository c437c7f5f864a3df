// CallingWindow: when a lead may be called. A campaign window (HH:MM-HH:MM on some weekdays,
// optional holiday dates) is evaluated in the lead's local time: the lead's own IANA zone when
// it has one, else the campaign's zone. Whatever the campaign says, the window is clipped to the
// legal hard bound 09:00-21:00 local (TRAI / Exotel rule). Start is inclusive, end exclusive:
// a 10:00-19:00 window is open at 10:00 and 18:59, closed at 09:59 and 19:00.
// Thread: value type, pure functions; safe to copy between threads.
#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QTime>
#include <QTimeZone>

namespace Leadline::Storage {
struct DialerCampaign;
}

namespace Leadline::Campaigns {

class CallingWindow
{
public:
    static constexpr int kHardStartHour = 9;
    static constexpr int kHardEndHour = 21;

    CallingWindow() = default; // 10:00-19:00 mon..sat, Asia/Kolkata
    // start/end "HH:MM"; days "mon,tue,..." (or empty for every day); timeZone IANA id;
    // holidays "YYYY-MM-DD" separated by commas, spaces or semicolons.
    static Result<CallingWindow> make(const QString &start, const QString &end, const QString &days,
                                      const QString &timeZone, const QString &holidays = {});
    // A campaign's window as the dialer reads it (its start, end, days, zone and holidays).
    static Result<CallingWindow> of(const Storage::DialerCampaign &campaign);

    // The same window evaluated in a lead's zone; an empty or unknown zone keeps the campaign's.
    CallingWindow forLeadZone(const QString &leadTimeZone) const;

    bool isOpen(const QDateTime &utc) const;
    // utc itself when open; else the first instant the window opens; invalid when it never
    // opens (empty effective window, no calling days, or a year of holidays).
    QDateTime nextOpen(const QDateTime &utc) const;

    QTime effectiveStart() const;
    QTime effectiveEnd() const;
    QTimeZone timeZone() const { return m_zone; }
    bool hasAnyOpening() const;

private:
    bool dayAllowed(const QDate &localDate) const;

    QTime m_start{10, 0};
    QTime m_end{19, 0};
    QSet<int> m_days{1, 2, 3, 4, 5, 6}; // Qt::DayOfWeek values, Monday = 1
    QTimeZone m_zone{QByteArrayLiteral("Asia/Kolkata")};
    QSet<QDate> m_holidays;
};

} // namespace Leadline::Campaigns
