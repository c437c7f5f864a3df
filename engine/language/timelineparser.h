// TimelineParser: when a lead plans to buy ("immediately", "abhi", "turant", "3-4 months",
// "in six months", "next year", "agle saal", "after Diwali", "just browsing") as a normalized
// bucket plus the phrase it came from. Pure function of (text, today); thread-safe.
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Leadline::Language {

enum class TimelineBucket {
    Immediate,     // now, within about two weeks
    Within3Months, // up to 3 months
    Months3To6,    // more than 3, up to 6 months
    Months6To12,   // more than 6, up to 12 months
    Over12Months,  // more than a year
    Undecided,     // just browsing, not sure, no plans
};

struct Timeline
{
    TimelineBucket bucket = TimelineBucket::Undecided;
    QString phrase; // as said

    QJsonObject toJson() const; // {"bucket", "phrase"}
};

class TimelineParser
{
public:
    // `today` (the lead's local date) places dated phrases: "after Diwali", "by March", "this year".
    // nullopt when no timeline is stated or two different ones are.
    static std::optional<Timeline> parse(const QString &text, const QDate &today);

    // "immediate", "within_3_months", "3_6_months", "6_12_months", "over_12_months", "undecided"
    static QString bucketName(TimelineBucket b);
    static std::optional<TimelineBucket> bucketFromName(const QString &name);

    // The bucket for a horizon in months (upper bound of what was said).
    static TimelineBucket bucketForMonths(double months);
};

} // namespace Leadline::Language
