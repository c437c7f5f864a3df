// BudgetParser: a property budget as Indian callers say it ("50 lakh", "50L", "₹45,00,000",
// "1.2 Cr", "डेढ़ करोड़", "pachas lakh", "60-80 lakh", "around one crore", "under 50 lakh") to
// whole rupees. Pure function over immutable tables; thread-safe.
//
// Never guesses: no amount, a bare number below ₹1,00,000 ("50"), or two different amounts that
// do not form a range give nullopt, and the caller keeps the text as said.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace Leadline::Language {

struct Budget
{
    enum class Bound {
        Point,   // "50 lakh": minInr == maxInr
        Range,   // "60-80 lakh": minInr < maxInr
        AtMost,  // "under 50 lakh": minInr == 0, maxInr = the figure
        AtLeast, // "above 1 crore": minInr = the figure, maxInr == kNoUpperLimit
    };
    static constexpr qint64 kNoUpperLimit = -1;

    qint64 minInr = 0;
    qint64 maxInr = 0;
    QString phrase;           // the matched text, as said
    bool approximate = false; // "around", "lagbhag", "ke aas paas", "~", "50 lakh odd"
    Bound bound = Bound::Point;

    // {"min_inr", "max_inr" (null when no upper limit), "bound", "approximate", "phrase"}
    QJsonObject toJson() const;

    bool operator==(const Budget &o) const
    {
        return minInr == o.minInr && maxInr == o.maxInr && phrase == o.phrase && approximate == o.approximate
            && bound == o.bound;
    }
};

class BudgetParser
{
public:
    // The one budget stated in text; nullopt when there is none or it is ambiguous.
    static std::optional<Budget> parse(const QString &text);

    static QString boundName(Budget::Bound b); // "point", "range", "at_most", "at_least"
};

} // namespace Leadline::Language
