#include "language/timelineparser.h"

#include "language/numberwords.h"
#include "language/text.h"

#include <QHash>
#include <QSet>

namespace Leadline::Language {

namespace {

constexpr double kDaysPerMonth = 30.44;

// Festival dates (main day) for the years we can place; outside them a festival is not guessed.
struct Festival
{
    const char *names; // '|' separated spellings
    QList<QDate> dates;
    bool fixed = false; // same day every year (month/day of dates.first())
};

const QList<Festival> &festivals()
{
    static const QList<Festival> f = {
        {"diwali|deepawali|deepavali|divali|dipawali|दिवाली|दीवाली|दीपावली",
         {QDate(2024, 11, 1), QDate(2025, 10, 20), QDate(2026, 11, 8), QDate(2027, 10, 29), QDate(2028, 10, 17),
          QDate(2029, 11, 5), QDate(2030, 10, 26)}},
        {"holi|होली",
         {QDate(2025, 3, 14), QDate(2026, 3, 4), QDate(2027, 3, 22), QDate(2028, 3, 11), QDate(2029, 3, 1),
          QDate(2030, 3, 20)}},
        {"sankranti|sankranthi|pongal|makar sankranti|संक्रांति|मकर संक्रांति", {QDate(2000, 1, 14)}, true},
        {"new year|naya saal|नया साल", {QDate(2000, 1, 1)}, true},
    };
    return f;
}

std::optional<QDate> nextOccurrence(const Festival &f, const QDate &today)
{
    if (f.fixed) {
        const QDate d = f.dates.first();
        QDate candidate(today.year(), d.month(), d.day());
        if (candidate <= today)
            candidate = candidate.addYears(1);
        return candidate;
    }
    for (const QDate &d : f.dates) {
        if (d > today)
            return d;
    }
    return std::nullopt;
}

enum class Unit { Day, Week, Month, Year };

struct Vocabulary
{
    QHash<QString, Unit> units;
    QList<QStringList> prefixes, suffixes, rangeSeps, horizonSeps, nextWords, thisWords, few, couple, undecided, immediate, soon;
    QList<QStringList> thisYear, monthCue, monthSuffix;
    QList<QPair<QStringList, int>> festivalNames; // phrase -> index in festivals()
    QList<QPair<QStringList, int>> monthNames;    // phrase -> month 1..12
    QSet<QString> negation;
    QList<QStringList> fixedHorizons;
    QList<double> fixedMonths;

    Vocabulary()
    {
        const auto addUnit = [this](Unit u, std::initializer_list<const char *> ws) {
            for (const char *w : ws)
                units.insert(fold(QString::fromUtf8(w)), u);
        };
        addUnit(Unit::Day, {"day", "days", "din", "dino", "dinon", "दिन", "दिनों"});
        addUnit(Unit::Week, {"week", "weeks", "wk", "wks", "hafte", "hafta", "haftey", "hafton", "हफ्ते", "हफ्ता",
                             "हफ़्ते", "हफ़्ता", "saptah", "सप्ताह"});
        addUnit(Unit::Month, {"month", "months", "mahine", "mahina", "mahino", "mahinon", "maheene", "maheena",
                              "mahene", "महीने", "महीना", "महीनों", "mth", "mths"});
        addUnit(Unit::Year, {"year", "years", "yr", "yrs", "saal", "sal", "saalon", "साल", "varsh", "वर्ष", "baras",
                             "बरस"});
        prefixes = phraseTable({"in", "within", "after", "around", "about", "approx", "approximately", "roughly",
                                "in the next", "in next", "within the next", "over the next", "in about",
                                "in around", "maybe", "probably", "another", "in another", "after another"});
        suffixes = phraseTable({"mein", "me", "में", "baad", "बाद", "ke baad", "के बाद", "ke andar", "के अंदर",
                                "tak", "तक", "from now", "later", "time", "down the line", "ke bheetar",
                                "bad", "ke bad"});
        rangeSeps = phraseTable({"-", "–", "to", "or", "se", "से", "ya", "या"});
        horizonSeps = phraseTable({"-", "–", "to", "se", "से"}); // "6 months to a year"; not "or"
        nextWords = phraseTable({"next", "agle", "agla", "अगले", "अगला", "aane wale", "आने वाले", "coming"});
        thisWords = phraseTable({"this", "is", "इस", "isi"});
        few = phraseTable({"few", "a few", "kuch", "कुछ"});
        couple = phraseTable({"a couple of", "couple of", "a couple"});
        thisYear = phraseTable({"this year", "is saal", "इस साल", "isi saal", "end of the year", "end of this year",
                                "year end", "by year end", "saal ke end tak", "saal ke aakhir tak",
                                "साल के अंत तक"});
        monthCue = phraseTable({"in", "by", "after", "before", "till", "until", "from", "around"});
        monthSuffix = phraseTable({"tak", "तक", "ke baad", "के बाद", "mein", "में", "se pehle", "से पहले"});
        undecided = phraseTable(
            {"just browsing", "just looking", "only looking", "browsing", "not sure", "unsure", "dont know",
             "do not know", "no idea", "no plans", "no plan", "not decided", "havent decided", "have not decided",
             "undecided", "no hurry", "no rush", "not in a hurry", "not urgent", "not now", "not immediately",
             "not right now", "depends", "lets see", "let us see", "will see", "thinking about it", "just exploring",
             "exploring", "maybe later", "later", "sometime", "pata nahi", "pata nahin", "पता नहीं", "abhi nahi",
             "abhi nahin", "अभी नहीं", "koi plan nahi", "koi jaldi nahi", "jaldi nahi", "कोई जल्दी नहीं",
             "sirf dekh rahe", "bas dekh rahe", "dekh rahe hain", "dekh raha hoon", "dekh rahi hoon",
             "soch rahe", "soch raha", "soch rahi", "सोच रहे", "देख रहे", "decide nahi", "tay nahi", "तय नहीं",
             "dekhte hain", "देखते हैं", "baad mein dekhenge", "abhi soch rahe"});
        immediate = phraseTable({"immediately", "immediate", "right away", "right now", "asap", "as soon as possible",
                                 "urgent", "urgently", "now", "this week", "today", "at the earliest",
                                 "ready to move", "abhi", "abhi ke abhi", "turant", "fauran", "foran", "अभी",
                                 "तुरंत", "फ़ौरन", "jitna jaldi", "jitni jaldi", "jaldi se jaldi", "जल्द से जल्द",
                                 "aaj", "आज", "is hafte", "इस हफ्ते", "this weekend", "straight away"});
        for (const auto &[phrase, months] : {qMakePair("saal bhar", 12.0), qMakePair("साल भर", 12.0),
                                             qMakePair("ek saal ke andar", 12.0), qMakePair("mahine bhar", 1.0),
                                             qMakePair("महीने भर", 1.0), qMakePair("a year or two", 24.0),
                                             qMakePair("year or two", 24.0), qMakePair("couple of years", 24.0),
                                             qMakePair("a couple of years", 24.0)}) {
            fixedHorizons << foldedWords(QString::fromUtf8(phrase));
            fixedMonths << months;
        }
        for (const char *w : {"nahi", "nahin", "nai", "not", "no", "नहीं", "ना"})
            negation.insert(fold(QString::fromUtf8(w)));
        soon = phraseTable({"soon", "very soon", "jaldi", "jald", "jaldi hi", "जल्दी", "जल्द", "shortly"});
        const char *months[] = {"january|jan|janvari|janwari|जनवरी",
                                "february|feb|farvari|farwari|फरवरी|फ़रवरी",
                                "march|mar|मार्च",
                                "april|apr|अप्रैल",
                                "may|mai|मई",
                                "june|jun|joon|जून",
                                "july|jul|julai|जुलाई",
                                "august|aug|agast|अगस्त",
                                "september|sept|sep|sitambar|सितंबर|सितम्बर",
                                "october|oct|aktubar|अक्टूबर",
                                "november|nov|navambar|नवंबर|नवम्बर",
                                "december|dec|disambar|दिसंबर|दिसम्बर"};
        for (int m = 0; m < 12; ++m) {
            for (const QString &s : QString::fromUtf8(months[m]).split(QLatin1Char('|')))
                monthNames << qMakePair(foldedWords(s), m + 1);
        }
        for (int k = 0; k < festivals().size(); ++k) {
            for (const QString &s : QString::fromUtf8(festivals().at(k).names).split(QLatin1Char('|')))
                festivalNames << qMakePair(foldedWords(s), k);
        }
    }
};

const Vocabulary &vocab()
{
    static const Vocabulary v;
    return v;
}

double toMonths(double n, Unit u)
{
    switch (u) {
    case Unit::Day: return n / kDaysPerMonth;
    case Unit::Week: return n * 7 / kDaysPerMonth;
    case Unit::Month: return n;
    case Unit::Year: return n * 12;
    }
    return n;
}

struct Explicit
{
    double months = 0;
    double monthsPerUnit = 0; // for "a year or two": the unit of the quantity said
    bool nextYear = false; // "next year": a convention, not a horizon
    int first = 0;
    int last = 0;
};

// A quantity before a time unit: "3", "3-4", "teen chaar", "a few", "a couple of", "an", "six".
std::optional<double> quantityBeforeUnit(const QList<Token> &tokens, int i, int *unitPos)
{
    const Vocabulary &v = vocab();
    const int n = int(tokens.size());
    if (const int m = matchAnyPhrase(tokens, i, v.couple)) {
        *unitPos = i + m;
        return 2.0;
    }
    if (const int m = matchAnyPhrase(tokens, i, v.few)) {
        *unitPos = i + m;
        return -1.0; // decided by the unit
    }
    if (i < n && (tokens.at(i).text == QLatin1String("a") || tokens.at(i).text == QLatin1String("an"))) {
        *unitPos = i + 1;
        return 1.0;
    }
    const auto a = NumberWords::matchAt(tokens, i);
    if (!a)
        return std::nullopt;
    int k = i + a->tokenCount;
    double value = a->value;
    // "3-4 months", "3 to 4 months", "teen chaar mahine": the upper end counts.
    const int sep = matchAnyPhrase(tokens, k, v.rangeSeps);
    if (const auto b = NumberWords::matchAt(tokens, k + sep); b && b->value > value) {
        value = b->value;
        k += sep + b->tokenCount;
    }
    *unitPos = k;
    return value;
}

std::optional<Explicit> matchExplicit(const QList<Token> &tokens, int i, const QDate &today)
{
    const Vocabulary &v = vocab();
    const int n = int(tokens.size());
    const int start = i;
    i += matchAnyPhrase(tokens, i, v.prefixes);
    if (i >= n)
        return std::nullopt;

    Explicit e;
    e.first = start;
    bool found = false;

    // "next month", "agle saal", "coming year", "this year", "saal bhar"
    int fixedIdx = -1;
    if (const int m = matchAnyPhrase(tokens, i, v.fixedHorizons, &fixedIdx)) {
        e.months = v.fixedMonths.at(fixedIdx);
        e.last = i + m - 1;
        found = true;
    } else if (const int m = matchAnyPhrase(tokens, i, v.thisYear); m && today.isValid()) {
        const QDate end(today.year(), 12, 31);
        e.months = qMax(0.0, today.daysTo(end) / kDaysPerMonth);
        e.last = i + m - 1;
        found = true;
    } else if (const int m = matchAnyPhrase(tokens, i, v.nextWords); m && i + m < n && v.units.contains(tokens.at(i + m).text)) {
        const Unit u = v.units.value(tokens.at(i + m).text);
        e.months = toMonths(1, u);
        e.nextYear = u == Unit::Year;
        e.last = i + m;
        found = true;
    } else if (const int m = matchAnyPhrase(tokens, i, v.thisWords); m && i + m < n && v.units.contains(tokens.at(i + m).text)
               && v.units.value(tokens.at(i + m).text) != Unit::Year) {
        e.months = toMonths(1, v.units.value(tokens.at(i + m).text)) / 2; // "this month": within it
        e.last = i + m;
        found = true;
    } else {
        int unitPos = -1;
        if (const auto q = quantityBeforeUnit(tokens, i, &unitPos); q && unitPos < n && v.units.contains(tokens.at(unitPos).text)) {
            const Unit u = v.units.value(tokens.at(unitPos).text);
            double qty = *q;
            if (qty < 0) // "a few": days 4, weeks 3, months 4, years 3
                qty = u == Unit::Day ? 4 : u == Unit::Week ? 3 : u == Unit::Month ? 4 : 3;
            e.months = toMonths(qty, u);
            e.monthsPerUnit = toMonths(1, u);
            e.last = unitPos;
            found = true;
        }
    }
    if (!found && today.isValid()) {
        // Festivals: "after Diwali", "Diwali ke baad", "by Holi".
        int idx = -1;
        if (const int m = matchPairs(tokens, i, v.festivalNames, &idx)) {
            if (const auto d = nextOccurrence(festivals().at(idx), today)) {
                e.months = today.daysTo(*d) / kDaysPerMonth;
                e.last = i + m - 1;
                found = true;
            }
        }
        // Months need a cue ("in March", "March tak") so "may" the verb is not a month.
        int month = 0;
        const int cue = matchAnyPhrase(tokens, start, v.monthCue);
        if (!found) {
            const int at = cue ? start + cue : i;
            if (const int m = matchPairs(tokens, at, v.monthNames, &month)) {
                const bool suffix = matchAnyPhrase(tokens, at + m, v.monthSuffix) > 0;
                if (cue || suffix) {
                    QDate d(today.year(), month, 15);
                    if (d <= today)
                        d = d.addYears(1);
                    e.months = today.daysTo(d) / kDaysPerMonth;
                    e.last = at + m - 1;
                    found = true;
                }
            }
        }
    }
    if (!found)
        return std::nullopt;
    e.last += matchAnyPhrase(tokens, e.last + 1, v.suffixes);
    return e;
}

} // namespace

QJsonObject Timeline::toJson() const
{
    return QJsonObject{{QStringLiteral("bucket"), TimelineParser::bucketName(bucket)},
                       {QStringLiteral("phrase"), phrase}};
}

TimelineBucket TimelineParser::bucketForMonths(double months)
{
    if (months <= 0.5)
        return TimelineBucket::Immediate;
    if (months <= 3.0001)
        return TimelineBucket::Within3Months;
    if (months <= 6.0001)
        return TimelineBucket::Months3To6;
    if (months <= 12.0001)
        return TimelineBucket::Months6To12;
    return TimelineBucket::Over12Months;
}

std::optional<Timeline> TimelineParser::parse(const QString &text, const QDate &today)
{
    const Vocabulary &v = vocab();
    const QList<Token> tokens = tokenize(text);
    const int n = int(tokens.size());

    // 1. Stated horizons win: "3-4 months", "next year", "after Diwali", "6 months to a year".
    QList<Timeline> explicitOnes;
    for (int i = 0; i < n; ++i) {
        auto e = matchExplicit(tokens, i, today);
        if (!e)
            continue;
        // "6 months to a year": one horizon, its far end counts.
        const int sep = matchAnyPhrase(tokens, e->last + 1, v.horizonSeps);
        if (sep) {
            if (auto f = matchExplicit(tokens, e->last + 1 + sep, today); f && f->months >= e->months) {
                f->first = e->first;
                e = f;
            }
        }
        // "3 months or 4", "ek saal ya do": a bare number after the unit, in the same unit.
        if (e->monthsPerUnit > 0) {
            const int alt = matchAnyPhrase(tokens, e->last + 1, v.rangeSeps);
            if (alt) {
                if (const auto q = NumberWords::matchAt(tokens, e->last + 1 + alt)) {
                    const int after = e->last + 1 + alt + q->tokenCount;
                    const int suffix = after < n ? matchAnyPhrase(tokens, after, v.suffixes) : 0;
                    const bool clauseEnds = after >= n || tokens.at(after).kind == Token::Symbol || suffix > 0;
                    if (clauseEnds && q->value * e->monthsPerUnit > e->months) {
                        e->months = q->value * e->monthsPerUnit;
                        e->last = after - 1 + suffix;
                    }
                }
            }
        }
        const TimelineBucket b = e->nextYear ? TimelineBucket::Months6To12 : bucketForMonths(e->months);
        explicitOnes << Timeline{b, originalSpan(text, tokens, e->first, e->last)};
        i = e->last;
    }
    if (!explicitOnes.isEmpty()) {
        for (const Timeline &t : explicitOnes) {
            if (t.bucket != explicitOnes.first().bucket)
                return std::nullopt; // "3 months or maybe a year": not one answer
        }
        return explicitOnes.first();
    }

    // 2. Undecided before immediate, so "abhi nahi" and "koi jaldi nahi" are not "abhi"/"jaldi".
    for (const auto &[table, bucket] : {qMakePair(&v.undecided, TimelineBucket::Undecided),
                                        qMakePair(&v.immediate, TimelineBucket::Immediate),
                                        qMakePair(&v.soon, TimelineBucket::Within3Months)}) {
        for (int i = 0; i < n; ++i) {
            const int m = matchAnyPhrase(tokens, i, *table);
            if (!m)
                continue;
            if (bucket != TimelineBucket::Undecided) {
                // "turant nahi", "jaldi nahin", "not soon": a negated hurry is no timeline yet.
                if (i + m < n && v.negation.contains(tokens.at(i + m).text))
                    return Timeline{TimelineBucket::Undecided, originalSpan(text, tokens, i, i + m)};
                if (i > 0 && v.negation.contains(tokens.at(i - 1).text))
                    return Timeline{TimelineBucket::Undecided, originalSpan(text, tokens, i - 1, i + m - 1)};
            }
            return Timeline{bucket, originalSpan(text, tokens, i, i + m - 1)};
        }
    }
    return std::nullopt;
}

QString TimelineParser::bucketName(TimelineBucket b)
{
    switch (b) {
    case TimelineBucket::Immediate: return QStringLiteral("immediate");
    case TimelineBucket::Within3Months: return QStringLiteral("within_3_months");
    case TimelineBucket::Months3To6: return QStringLiteral("3_6_months");
    case TimelineBucket::Months6To12: return QStringLiteral("6_12_months");
    case TimelineBucket::Over12Months: return QStringLiteral("over_12_months");
    case TimelineBucket::Undecided: return QStringLiteral("undecided");
    }
    return {};
}

std::optional<TimelineBucket> TimelineParser::bucketFromName(const QString &name)
{
    for (TimelineBucket b : {TimelineBucket::Immediate, TimelineBucket::Within3Months, TimelineBucket::Months3To6,
                             TimelineBucket::Months6To12, TimelineBucket::Over12Months, TimelineBucket::Undecided}) {
        if (bucketName(b) == name)
            return b;
    }
    return std::nullopt;
}

} // namespace Leadline::Language
