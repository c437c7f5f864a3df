// CallbackTimeParser: when to call back, as said ("tomorrow evening", "kal shaam", "Monday after 6",
// "parso subah", "in 2 hours", "कल शाम 6 बजे", "next week"), to a timestamp in the lead's time
// zone, moved inside the campaign's calling window and never outside 09:00-21:00 local.
// Pure function of (text, now, zone, window); thread-safe.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace Leadline::Language {

// The calling window a callback must fall in (the campaign's, in the lead's local time). Start
// inclusive, end exclusive, as Campaigns::CallingWindow; always clipped to 09:00-21:00.
struct CallbackWindow
{
    QTime start{9, 0};                  // first allowed call start, local time
    QTime end{21, 0};                   // calls start before this, local time
    QList<int> days{1, 2, 3, 4, 5, 6, 7}; // allowed Qt::DayOfWeek values, 1 = Monday

    // From a campaign's "HH:MM", "HH:MM", "mon,tue,..." (as stored in CampaignRow); nullopt if invalid.
    static std::optional<CallbackWindow> fromCampaign(const QString &start, const QString &end, const QString &days);
};

struct CallbackTime
{
    QDateTime at;   // in the lead's time zone
    QString phrase; // as said: "kal shaam 6 baje", "Monday after 6"
    bool moved = false; // shifted into the calling window (the agent may say so)

    // {"at" (ISO 8601 with offset), "time_zone", "moved", "phrase"}
    QJsonObject toJson() const;
};

class CallbackTimeParser
{
public:
    static QString defaultTimeZone() { return QStringLiteral("Asia/Kolkata"); }

    // `ianaTimeZone` is the lead's zone (an unknown id falls back to Asia/Kolkata). "kal" and
    // "parso" mean tomorrow and the day after: a callback is never in the past. A bare hour is read
    // inside calling hours ("after 6" = 18:00, "at 10" = 10:00); a day alone means the window's
    // start that day. nullopt when no time is stated, it has passed, or the window allows no call.
    static std::optional<CallbackTime> parse(const QString &text, const QDateTime &now,
                                             const QString &ianaTimeZone = defaultTimeZone(),
                                             const CallbackWindow &window = {});

    // The first moment at or after `local` inside the window and 09:00-21:00, in local's zone.
    static std::optional<QDateTime> fitIntoWindow(const QDateTime &local, const CallbackWindow &window,
                                                  bool *moved = nullptr);
};

} // namespace Leadline::Language
