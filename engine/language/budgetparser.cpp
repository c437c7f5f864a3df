#include "language/budgetparser.h"

#include "language/numberwords.h"
#include "language/text.h"

#include <QHash>
#include <QSet>

namespace Leadline::Language {

namespace {

constexpr double kLakh = 1e5;
constexpr double kCrore = 1e7;
constexpr double kMinPlainRupees = 1e5; // a figure without lakh/crore must be at least ₹1,00,000
constexpr double kMaxRupees = 1e10;     // ₹1000 crore: anything above is not a lead's budget

struct Vocabulary
{
    QHash<QString, double> units; // lakh, crore, million, k
    QSet<QString> currencyPrefix;
    QSet<QString> currencySuffix;
    QList<QStringList> approxPrefix, approxSuffix, atMostPrefix, atMostSuffix, atLeastPrefix, atLeastSuffix;
    QList<QStringList> between, rangeSep, rangeAnd, rangeSuffix, rangeSuffixBetween;

    Vocabulary()
    {
        for (const char *w : {"lakh", "lakhs", "lac", "lacs", "laakh", "laakhs", "lakhon", "lkh", "lk", "l", "लाख"})
            units.insert(fold(QString::fromUtf8(w)), kLakh);
        for (const char *w : {"crore", "crores", "cr", "crs", "karod", "karor", "karode", "karoda", "करोड़", "करोड"})
            units.insert(fold(QString::fromUtf8(w)), kCrore);
        for (const char *w : {"million", "millions", "mn"})
            units.insert(fold(QString::fromUtf8(w)), 1e6);
        units.insert(QStringLiteral("k"), 1e3);
        for (const char *w : {"₹", "rs", "inr", "rupees", "rupee", "rupaye", "रु", "रुपये"})
            currencyPrefix.insert(fold(QString::fromUtf8(w)));
        for (const char *w : {"rupees", "rupee", "rs", "inr", "rupaye", "rupay", "rupye", "rupiya", "rupaiya", "रुपये",
                              "रुपए", "रुपया", "only"})
            currencySuffix.insert(fold(QString::fromUtf8(w)));

        approxPrefix = phraseTable({"around", "about", "approx", "approximately", "appx", "roughly", "nearly",
                                    "almost", "close to", "something like", "somewhere around", "somewhere near",
                                    "more or less", "ballpark", "lagbhag", "लगभग", "karib", "kareeb", "qareeb",
                                    "kareeban", "करीब", "क़रीब", "takriban", "तकरीबन", "~"});
        approxSuffix = phraseTable({"ish", "- ish", "or so", "odd", "approx", "approximately", "around", "ke aas paas",
                                    "ke aaspaas", "aas paas", "aaspaas", "ke aas pass", "के आसपास", "के आस पास",
                                    "आसपास", "ke karib", "ke kareeb", "के करीब", "give or take", "plus minus",
                                    "plus or minus"});
        atMostPrefix = phraseTable({"under", "below", "less than", "within", "up to", "upto", "not more than",
                                    "no more than", "maximum", "max", "at most", "at the most", "not above",
                                    "not over", "not exceeding"});
        atMostSuffix = phraseTable({"tak", "तक", "se kam", "से कम", "ke andar", "के अंदर", "ke under", "ke niche",
                                    "ke neeche", "के नीचे", "ke bhitar", "max", "maximum", "or less", "or below",
                                    "and below", "at most", "at the most", "tops", "se zyada nahi",
                                    "se jyada nahi", "से ज़्यादा नहीं", "se upar nahi", "से ऊपर नहीं"});
        atLeastPrefix = phraseTable({"above", "over", "more than", "at least", "atleast", "minimum", "min",
                                     "starting from", "starting at", "upwards of", "not less than",
                                     "no less than"});
        atLeastSuffix = phraseTable({"plus", "+", "se zyada", "se jyada", "se jada", "se zyaada", "से ज़्यादा",
                                     "se upar", "se oopar", "से ऊपर", "or more", "and above", "or above",
                                     "onwards", "upwards", "and up", "minimum", "min", "at least", "se kam nahi",
                                     "से कम नहीं"});
        between = phraseTable({"between", "from", "bich mein", "beech mein"});
        rangeSep = phraseTable({"-", "–", "—", "to", "till", "until", "se", "से", "or", "ya", "या"});
        rangeAnd = phraseTable({"and", "aur", "और"});
        rangeSuffixBetween = phraseTable({"ke beech", "ke bich", "के बीच", "ke beech mein", "के बीच में",
                                          "ke darmiyan", "beech mein"});
        rangeSuffix = phraseTable({"tak", "तक"});
    }
};

const Vocabulary &vocab()
{
    static const Vocabulary v;
    return v;
}

struct Raw
{
    double number = 0; // as said, before the unit
    double unit = 0;   // lakh, crore, million multiplier; 0 if none
    double inr = 0;
    int first = 0;
    int last = 0;
    bool currency = false;
    bool plainDigits = false; // one digit token with no grouping commas
    int plainDigitCount = 0;
};

double unitAt(const QString &text, const QList<Token> &tokens, int j)
{
    if (j >= tokens.size() || j == 0)
        return 0;
    const Token &t = tokens.at(j);
    const double u = vocab().units.value(t.text, 0);
    if (u == 0)
        return 0;
    // Single letters are units only right after the number ("50L", "500k") or as a capital "L".
    if (t.text == QLatin1String("l") || t.text == QLatin1String("k")) {
        const bool attached = tokens.at(j - 1).end == t.start && tokens.at(j - 1).kind != Token::Symbol;
        const bool capitalL = text.at(t.start) == QLatin1Char('L');
        if (!attached && !capitalL)
            return 0;
    }
    return u;
}

std::optional<Raw> matchRaw(const QString &text, const QList<Token> &tokens, int i)
{
    const Vocabulary &v = vocab();
    const int n = int(tokens.size());
    Raw r;
    r.first = i;
    int j = i;
    if (j < n && v.currencyPrefix.contains(tokens.at(j).text)) {
        r.currency = true;
        ++j;
        if (j < n && tokens.at(j).text == QLatin1String("."))
            ++j; // "Rs."
    }
    if (j >= n)
        return std::nullopt;
    if ((tokens.at(j).text == QLatin1String("a") || tokens.at(j).text == QLatin1String("an"))
        && unitAt(text, tokens, j + 1) >= kLakh) {
        r.number = 1; // "a crore"
        ++j;
    } else {
        const auto m = NumberWords::matchAt(tokens, j);
        if (!m)
            return std::nullopt;
        r.number = m->value;
        if (m->tokenCount == 1 && tokens.at(j).kind == Token::Number && !tokens.at(j).text.contains(QLatin1Char(','))) {
            r.plainDigits = true;
            r.plainDigitCount = int(tokens.at(j).text.section(QLatin1Char('.'), 0, 0).size());
        }
        j += m->tokenCount;
    }
    r.inr = r.number;
    if (const double u = unitAt(text, tokens, j)) {
        if (u >= kLakh)
            r.unit = u;
        r.inr = r.number * u;
        ++j;
        // Compound amounts: "1 crore 20 lakh", "one lakh fifty thousand".
        if (u == kCrore) {
            if (const auto m = NumberWords::matchAt(tokens, j)) {
                if (m->value < 100 && unitAt(text, tokens, j + m->tokenCount) == kLakh) {
                    r.inr += m->value * kLakh;
                    j += m->tokenCount + 1;
                }
            }
        }
        if (u >= kLakh) {
            if (const auto m = NumberWords::matchAt(tokens, j)) {
                if (m->hasThousand && m->value < kLakh) {
                    r.inr += m->value;
                    j += m->tokenCount;
                }
            }
        }
    }
    if (j < n && v.currencySuffix.contains(tokens.at(j).text)) {
        r.currency = true;
        ++j;
    }
    if (j + 1 < n && tokens.at(j).text == QLatin1String("/") && tokens.at(j + 1).text == QLatin1String("-"))
        j += 2; // "Rs. 45,00,000/-"
    r.last = j - 1;
    return r;
}

bool plausible(const Raw &r)
{
    if (r.inr <= 0 || r.inr > kMaxRupees)
        return false;
    if (r.unit >= kLakh)
        return true;
    if (r.inr < kMinPlainRupees)
        return false;
    // A long run of digits without grouping and without ₹/Rs is a phone number, not a budget.
    if (r.plainDigits && !r.currency && r.plainDigitCount > 9)
        return false;
    return true;
}

qint64 toInr(double v)
{
    return qRound64(v);
}

struct Candidate
{
    Budget budget;
    bool invalid = false; // e.g. a range whose ends are reversed
};

// A range starting at i: "between 60 and 80 lakh", "60-80 lakh", "1 to 1.5 crore", "60 से 80 लाख".
std::optional<Candidate> matchRange(const QString &text, const QList<Token> &tokens, int i, int *last)
{
    const Vocabulary &v = vocab();
    int k = i;
    const int betweenLen = matchAnyPhrase(tokens, k, v.between);
    k += betweenLen;
    auto a = matchRaw(text, tokens, k);
    if (!a)
        return std::nullopt;
    k = a->last + 1;
    int sep = matchAnyPhrase(tokens, k, v.rangeSep);
    bool viaAnd = false;
    if (!sep) {
        sep = matchAnyPhrase(tokens, k, v.rangeAnd);
        viaAnd = sep > 0;
    }
    std::optional<Raw> b;
    if (sep) {
        b = matchRaw(text, tokens, k + sep);
    } else if (a->unit == 0 && !a->currency && tokens.at(a->first).kind == Token::Word) {
        // "chalis pachas lakh", "पचास साठ लाख": two number words side by side are a range.
        b = matchRaw(text, tokens, k);
        if (b && (b->unit == 0 || tokens.at(b->first).kind != Token::Word || b->number <= a->number))
            b.reset();
    }
    if (!b)
        return std::nullopt;
    if (a->unit == 0 && b->unit != 0 && a->number < 1000) {
        a->unit = b->unit; // "60-80 lakh": the unit is said once
        a->inr = a->number * b->unit;
    }
    if (!plausible(*a) || !plausible(*b))
        return std::nullopt;
    int end = b->last + 1;
    int suffix = matchAnyPhrase(tokens, end, v.rangeSuffixBetween);
    const bool saidBetween = betweenLen > 0 || suffix > 0;
    if (!suffix)
        suffix = matchAnyPhrase(tokens, end, v.rangeSuffix);
    if (viaAnd && !saidBetween)
        return std::nullopt; // "50 lakh and 2 BHK" is not a range
    end += suffix;
    *last = end - 1;
    Candidate c;
    c.budget.minInr = toInr(a->inr);
    c.budget.maxInr = toInr(b->inr);
    c.budget.bound = c.budget.minInr == c.budget.maxInr ? Budget::Bound::Point : Budget::Bound::Range;
    c.invalid = c.budget.minInr > c.budget.maxInr;
    return c;
}

} // namespace

std::optional<Budget> BudgetParser::parse(const QString &text)
{
    const Vocabulary &v = vocab();
    const QList<Token> tokens = tokenize(text);
    const int n = int(tokens.size());
    QList<Candidate> found;
    QSet<int> covered; // token indexes inside a found amount
    int i = 0;
    while (i < n) {
        const int start = i;
        bool approx = false;
        Budget::Bound prefixBound = Budget::Bound::Point;
        for (int guard = 0; guard < 3; ++guard) {
            if (const int m = matchAnyPhrase(tokens, i, v.approxPrefix)) {
                approx = true;
                i += m;
            } else if (const int m = matchAnyPhrase(tokens, i, v.atMostPrefix)) {
                prefixBound = Budget::Bound::AtMost;
                i += m;
            } else if (const int m = matchAnyPhrase(tokens, i, v.atLeastPrefix)) {
                prefixBound = Budget::Bound::AtLeast;
                i += m;
            } else {
                break;
            }
            if (i < n && tokens.at(i).text == QLatin1String("."))
                ++i; // "approx." / "max."
        }

        int last = -1;
        std::optional<Candidate> c = matchRange(text, tokens, i, &last);
        if (!c) {
            const auto r = matchRaw(text, tokens, i);
            if (r && plausible(*r)) {
                Candidate single;
                const qint64 inr = toInr(r->inr);
                single.budget.bound = prefixBound;
                single.budget.minInr = prefixBound == Budget::Bound::AtMost ? 0 : inr;
                single.budget.maxInr = prefixBound == Budget::Bound::AtLeast ? Budget::kNoUpperLimit : inr;
                last = r->last;
                c = single;
            }
        }
        if (!c) {
            i = start + 1;
            continue;
        }

        // Qualifiers after the amount; the longest phrase wins ("se zyada nahi" over "se zyada").
        int end = last + 1;
        for (int guard = 0; guard < 2; ++guard) {
            const int ap = matchAnyPhrase(tokens, end, v.approxSuffix);
            const int mo = matchAnyPhrase(tokens, end, v.atMostSuffix);
            const int le = matchAnyPhrase(tokens, end, v.atLeastSuffix);
            const int best = qMax(ap, qMax(mo, le));
            if (best == 0)
                break;
            if (c->budget.bound == Budget::Bound::Point) {
                if (best == mo) {
                    c->budget.bound = Budget::Bound::AtMost;
                    c->budget.minInr = 0;
                } else if (best == le) {
                    c->budget.bound = Budget::Bound::AtLeast;
                    c->budget.maxInr = Budget::kNoUpperLimit;
                }
            }
            if (best == ap)
                approx = true;
            end += best;
        }
        c->budget.approximate = approx;
        c->budget.phrase = originalSpan(text, tokens, start, end - 1);
        for (int k = start; k < end; ++k)
            covered.insert(k);
        found << *c;
        i = end;
    }

    if (found.isEmpty())
        return std::nullopt;
    // A bare digit number left at the end of a clause ("50 lakh, no wait 70", "50 lakh ya 70") may be a
    // second budget with the unit left out: do not pick one.
    for (int k = 0; k < n; ++k) {
        if (covered.contains(k) || tokens.at(k).kind != Token::Number)
            continue;
        const auto m = NumberWords::matchAt(tokens, k);
        if (!m || m->value < 1 || m->value >= 1000)
            continue;
        const int after = k + m->tokenCount;
        const bool clauseEnd = after >= n || (tokens.at(after).kind == Token::Symbol
                                              && tokens.at(after).text != QLatin1String("-")
                                              && tokens.at(after).text != QLatin1String("/"));
        bool inCandidate = false;
        for (int j = k; j < after; ++j)
            inCandidate = inCandidate || covered.contains(j);
        if (clauseEnd && !inCandidate)
            return std::nullopt;
        k = after - 1;
    }
    const Candidate &first = found.first();
    for (const Candidate &c : found) {
        if (c.invalid)
            return std::nullopt;
        if (c.budget.minInr != first.budget.minInr || c.budget.maxInr != first.budget.maxInr
            || c.budget.bound != first.budget.bound)
            return std::nullopt; // two different amounts: do not pick one
    }
    return first.budget;
}

QJsonObject Budget::toJson() const
{
    return QJsonObject{{QStringLiteral("min_inr"), minInr},
                       {QStringLiteral("max_inr"), maxInr == kNoUpperLimit ? QJsonValue() : QJsonValue(maxInr)},
                       {QStringLiteral("bound"), BudgetParser::boundName(bound)},
                       {QStringLiteral("approximate"), approximate},
                       {QStringLiteral("phrase"), phrase}};
}

QString BudgetParser::boundName(Budget::Bound b)
{
    switch (b) {
    case Budget::Bound::Point: return QStringLiteral("point");
    case Budget::Bound::Range: return QStringLiteral("range");
    case Budget::Bound::AtMost: return QStringLiteral("at_most");
    case Budget::Bound::AtLeast: return QStringLiteral("at_least");
    }
    return {};
}

} // namespace Leadline::Language
