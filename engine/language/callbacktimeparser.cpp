#include "language/callbacktimeparser.h"

#include "language/numberwords.h"
#include "language/text.h"

#include <QHash>
#include <QTimeZone>

namespace Leadline::Language {

namespace {

const QTime kEarliest(9, 0);
const QTime kLatest(21, 0);

enum class Part { None, Morning, Afternoon, Evening, Night };

struct PartInfo
{
    QTime defaultTime;
    QTime from;
    QTime until;
};

PartInfo partInfo(Part p)
{
    switch (p) {
    case Part::Morning: return {QTime(10, 0), QTime(6, 0), QTime(12, 0)};
    case Part::Afternoon: return {QTime(14, 0), QTime(12, 0), QTime(17, 0)};
    case Part::Evening: return {QTime(18, 0), QTime(17, 0), QTime(21, 0)};
    case Part::Night: return {QTime(20, 0), QTime(19, 0), QTime(23, 59)};
    case Part::None: break;
    }
    return {};
}

enum class Mode { At, After, Before };

struct Vocabulary
{
    QList<QStringList> today, tomorrow, dayAfter, nextWeek, weekend, nextWords;
    QList<QPair<QStringList, int>> weekdays;
    QList<QPair<QStringList, Part>> parts;
    QList<QStringList> am, pm, baje, noon, afterPrep, beforePrep, atPrep, afterSuffix, beforeSuffix, atSuffix;
    QList<QStringList> relPrefix, relSuffix, timeRangeSep, rangeEnd;
    QHash<QString, int> relUnitMinutes; // hour 60, minute 1
    QHash<QString, int> dayUnits;       // day 1, week 7

    Vocabulary()
    {
        today = phraseTable({"today", "aaj", "आज", "aaj hi", "this"});
        tomorrow = phraseTable({"tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "kal", "कल"});
        dayAfter = phraseTable({"day after tomorrow", "day after", "parso", "parson", "parsoon", "parsho", "परसों",
                                "परसो"});
        nextWeek = phraseTable({"next week", "agle hafte", "agle week", "अगले हफ्ते", "अगले हफ़्ते", "agle saptah",
                                "अगले सप्ताह", "coming week"});
        weekend = phraseTable({"weekend", "this weekend", "on the weekend", "वीकेंड"});
        nextWords = phraseTable({"next", "coming", "this", "agle", "अगले", "is", "इस", "on"});
        const char *days[] = {"monday|mon|somvar|somwar|सोमवार",
                              "tuesday|tue|tues|mangalvar|mangalwar|मंगलवार",
                              "wednesday|wed|budhvar|budhwar|बुधवार",
                              "thursday|thu|thurs|guruvar|guruwar|brihaspativar|गुरुवार|बृहस्पतिवार",
                              "friday|fri|shukravar|shukrawar|शुक्रवार",
                              "saturday|shanivar|shaniwar|शनिवार",
                              "sunday|ravivar|raviwar|itwar|itvar|रविवार|इतवार"};
        for (int d = 0; d < 7; ++d) {
            for (const QString &s : QString::fromUtf8(days[d]).split(QLatin1Char('|')))
                weekdays << qMakePair(foldedWords(s), d + 1);
        }
        const auto addPart = [this](Part p, std::initializer_list<const char *> ws) {
            for (const QStringList &w : phraseTable(ws))
                parts << qMakePair(w, p);
        };
        addPart(Part::Morning, {"morning", "in the morning", "subah", "subha", "subeh", "savere", "सुबह", "सवेरे"});
        addPart(Part::Afternoon, {"afternoon", "in the afternoon", "dopahar", "dopaher", "dophar", "दोपहर",
                                  "after lunch", "lunch ke baad", "लंच के बाद"});
        addPart(Part::Evening, {"evening", "in the evening", "shaam", "sham", "शाम", "shaam ko", "शाम को", "eve"});
        addPart(Part::Night, {"night", "at night", "tonight", "raat", "रात", "raat ko", "रात को"});
        am = phraseTable({"am", "a m", "a . m", "a . m ."});
        pm = phraseTable({"pm", "p m", "p . m", "p . m ."});
        baje = phraseTable({"baje", "बजे", "oclock", "o clock", "hrs", "hours"});
        noon = phraseTable({"noon", "12 noon", "midday"});
        afterPrep = phraseTable({"after", "post", "anytime after", "any time after", "sometime after"});
        beforePrep = phraseTable({"before"});
        atPrep = phraseTable({"at", "around", "by", "about", "at around", "at about", "approx", "between",
                              "anytime between", "from"});
        afterSuffix = phraseTable({"ke baad", "के बाद", "baad", "ke bad", "onwards", "se", "के बाद में"});
        beforeSuffix = phraseTable({"se pehle", "से पहले", "ke pehle", "se pahle"});
        atSuffix = phraseTable({"ke aas paas", "के आसपास", "ke around", "tak", "तक"});
        timeRangeSep = phraseTable({"se", "से", "to", "-", "–", "and", "till", "until"});
        rangeEnd = phraseTable({"ke beech", "ke bich", "के बीच", "ke darmiyan", "tak", "तक"});
        relPrefix = phraseTable({"in", "after", "within", "in another", "another", "in about", "after about"});
        relSuffix = phraseTable({"baad", "बाद", "ke baad", "के बाद", "mein", "में", "later", "from now", "me"});
        for (const char *w : {"hour", "hours", "hr", "hrs", "ghanta", "ghante", "ghanton", "घंटा", "घंटे", "घंटों"})
            relUnitMinutes.insert(fold(QString::fromUtf8(w)), 60);
        for (const char *w : {"minute", "minutes", "min", "mins", "minat", "minit", "मिनट"})
            relUnitMinutes.insert(fold(QString::fromUtf8(w)), 1);
        for (const char *w : {"day", "days", "din", "दिन"})
            dayUnits.insert(fold(QString::fromUtf8(w)), 1);
        for (const char *w : {"week", "weeks", "hafte", "hafta", "हफ्ते", "हफ्ता"})
            dayUnits.insert(fold(QString::fromUtf8(w)), 7);
    }
};

const Vocabulary &vocab()
{
    static const Vocabulary v;
    return v;
}

// "6:30", "6.30" (as Indians write times), or a number word ("saadhe chhe" = 6:30).
struct ClockNumber
{
    int hour = 0;
    int minute = 0;
    int tokenCount = 0;
};

std::optional<ClockNumber> clockNumberAt(const QList<Token> &tokens, int i)
{
    if (i >= tokens.size())
        return std::nullopt;
    const Token &t = tokens.at(i);
    if (t.kind == Token::Number && (t.text.contains(QLatin1Char(':')) || t.text.contains(QLatin1Char('.')))) {
        const QStringList parts = t.text.split(t.text.contains(QLatin1Char(':')) ? QLatin1Char(':') : QLatin1Char('.'));
        if (parts.size() != 2 || parts.at(1).size() != 2)
            return std::nullopt;
        bool okH = false, okM = false;
        const int h = parts.at(0).toInt(&okH);
        const int m = parts.at(1).toInt(&okM);
        if (!okH || !okM || h > 23 || m > 59)
            return std::nullopt;
        return ClockNumber{h, m, 1};
    }
    const auto n = NumberWords::matchAt(tokens, i);
    if (!n || n->value < 0 || n->value >= 24)
        return std::nullopt;
    const int h = int(n->value);
    const double frac = n->value - h;
    const int m = qRound(frac * 60);
    if (m != 0 && m != 15 && m != 30 && m != 45)
        return std::nullopt;
    return ClockNumber{h, m, n->tokenCount};
}

QDateTime roundUp(const QDateTime &t, int minutes)
{
    const qint64 step = qint64(minutes) * 60 * 1000;
    const qint64 ms = t.toMSecsSinceEpoch();
    const qint64 r = ((ms + step - 1) / step) * step;
    return QDateTime::fromMSecsSinceEpoch(r, t.timeZone());
}

} // namespace

QJsonObject CallbackTime::toJson() const
{
    return QJsonObject{{QStringLiteral("at"), at.toString(Qt::ISODate)},
                       {QStringLiteral("time_zone"), QString::fromUtf8(at.timeZone().id())},
                       {QStringLiteral("moved"), moved},
                       {QStringLiteral("phrase"), phrase}};
}

std::optional<CallbackWindow> CallbackWindow::fromCampaign(const QString &start, const QString &end, const QString &days)
{
    CallbackWindow w;
    w.start = QTime::fromString(start.trimmed(), QStringLiteral("HH:mm"));
    w.end = QTime::fromString(end.trimmed(), QStringLiteral("HH:mm"));
    if (!w.start.isValid() || !w.end.isValid() || w.start >= w.end)
        return std::nullopt;
    static const QStringList names = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                      QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat"),
                                      QStringLiteral("sun")};
    w.days.clear();
    for (const QString &d : days.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int idx = int(names.indexOf(d.trimmed().toLower()));
        if (idx < 0)
            return std::nullopt;
        if (!w.days.contains(idx + 1))
            w.days << idx + 1;
    }
    if (w.days.isEmpty())
        return std::nullopt;
    return w;
}

std::optional<QDateTime> CallbackTimeParser::fitIntoWindow(const QDateTime &local, const CallbackWindow &window,
                                                           bool *moved)
{
    const QTime start = qMax(window.start, kEarliest);
    const QTime end = qMin(window.end, kLatest);
    if (!local.isValid() || !start.isValid() || !end.isValid() || start >= end || window.days.isEmpty())
        return std::nullopt;
    const QTimeZone tz = local.timeZone();
    QDate d = local.date();
    QTime tm = local.time();
    bool shifted = false;
    for (int guard = 0; guard < 16; ++guard) {
        if (!window.days.contains(d.dayOfWeek())) {
            d = d.addDays(1);
            if (tm < start || tm >= end)
                tm = start;
            shifted = true;
            continue;
        }
        if (tm < start) {
            tm = start;
            shifted = true;
        } else if (tm >= end) {
            d = d.addDays(1);
            tm = start;
            shifted = true;
            continue;
        }
        if (moved)
            *moved = shifted;
        return QDateTime(d, tm, tz);
    }
    return std::nullopt;
}

std::optional<CallbackTime> CallbackTimeParser::parse(const QString &text, const QDateTime &now,
                                                      const QString &ianaTimeZone, const CallbackWindow &window)
{
    if (!now.isValid())
        return std::nullopt;
    const Vocabulary &v = vocab();
    QTimeZone tz(ianaTimeZone.toUtf8());
    if (!tz.isValid())
        tz = QTimeZone(defaultTimeZone().toUtf8());
    const QDateTime localNow = now.toTimeZone(tz);
    const QDate today = localNow.date();

    const QList<Token> tokens = tokenize(text);
    const int n = int(tokens.size());
    int spanFirst = n, spanLast = -1;
    auto cover = [&](int a, int b) {
        spanFirst = qMin(spanFirst, a);
        spanLast = qMax(spanLast, b);
    };

    std::optional<int> relMinutes;
    std::optional<int> dayOffset;
    std::optional<int> weekday;
    bool nextWeek = false, weekend = false, explicitToday = false;
    Part part = Part::None;
    std::optional<QTime> clock;
    Mode mode = Mode::At;
    int lastContext = -2; // last token of a day or part-of-day word

    for (int i = 0; i < n; ++i) {
        // Relative: "in 2 hours", "aadhe ghante baad", "3 din baad", "in 2 days".
        {
            const int pre = matchAnyPhrase(tokens, i, v.relPrefix);
            int k = i + pre;
            double qty = 0;
            int qtyLen = 0;
            if (k < n && (tokens.at(k).text == QLatin1String("a") || tokens.at(k).text == QLatin1String("an"))) {
                qty = 1;
                qtyLen = 1;
            } else if (const auto q = NumberWords::matchAt(tokens, k)) {
                qty = q->value;
                qtyLen = q->tokenCount;
            }
            if (qtyLen > 0 && k + qtyLen < n) {
                const QString unit = tokens.at(k + qtyLen).text;
                int end = k + qtyLen;
                // A callback is within days, not years: larger figures are not a time.
                if (v.relUnitMinutes.contains(unit) && qty > 0 && qty * v.relUnitMinutes.value(unit) <= 7 * 24 * 60) {
                    relMinutes = qRound(qty * v.relUnitMinutes.value(unit));
                } else if (v.dayUnits.contains(unit) && qty >= 1 && qty <= 60 && qty == int(qty)) {
                    dayOffset = int(qty) * v.dayUnits.value(unit);
                    lastContext = end;
                } else {
                    end = -1;
                }
                if (end >= 0) {
                    end += matchAnyPhrase(tokens, end + 1, v.relSuffix);
                    cover(i, end);
                    i = end;
                    continue;
                }
            }
        }
        // Days.
        if (const int m = matchAnyPhrase(tokens, i, v.dayAfter)) {
            dayOffset = 2;
            cover(i, i + m - 1);
            i += m - 1;
            lastContext = i;
            continue;
        }
        if (const int m = matchAnyPhrase(tokens, i, v.nextWeek)) {
            nextWeek = true;
            cover(i, i + m - 1);
            i += m - 1;
            lastContext = i;
            continue;
        }
        {
            const int pre = matchAnyPhrase(tokens, i, v.nextWords);
            int wd = 0;
            if (const int m = matchPairs(tokens, i + pre, v.weekdays, &wd)) {
                weekday = wd;
                cover(i, i + pre + m - 1);
                i += pre + m - 1;
                lastContext = i;
                continue;
            }
            if (const int m = matchAnyPhrase(tokens, i, v.weekend)) {
                weekend = true;
                cover(i, i + m - 1);
                i += m - 1;
                lastContext = i;
                continue;
            }
        }
        if (const int m = matchAnyPhrase(tokens, i, v.tomorrow)) {
            dayOffset = 1;
            cover(i, i + m - 1);
            i += m - 1;
            lastContext = i;
            continue;
        }
        {
            Part p = Part::None;
            const int t = matchAnyPhrase(tokens, i, v.today);
            const int m = matchPairs(tokens, i + t, v.parts, &p);
            if (m) {
                if (t)
                    explicitToday = true;
                part = p;
                cover(i, i + t + m - 1);
                i += t + m - 1;
                lastContext = i;
                continue;
            }
            if (t && tokens.at(i).text != QLatin1String("this")) {
                explicitToday = true;
                cover(i, i + t - 1);
                i += t - 1;
                lastContext = i;
                continue;
            }
        }
        if (const int m = matchAnyPhrase(tokens, i, v.noon)) {
            clock = QTime(12, 0);
            cover(i, i + m - 1);
            i += m - 1;
            continue;
        }
        // Clock: "at 6", "after 6", "6 pm", "6:30", "chhe baje", "6 ke baad", "11 se pehle".
        {
            Mode clockMode = Mode::At;
            int pre = matchAnyPhrase(tokens, i, v.afterPrep);
            if (pre) {
                clockMode = Mode::After;
            } else if ((pre = matchAnyPhrase(tokens, i, v.beforePrep))) {
                clockMode = Mode::Before;
            } else {
                pre = matchAnyPhrase(tokens, i, v.atPrep);
            }
            const auto c = clockNumberAt(tokens, i + pre);
            if (c) {
                int k = i + pre + c->tokenCount;
                int minute = c->minute;
                // "6 30 pm"
                if (k < n && tokens.at(k).kind == Token::Number && minute == 0) {
                    const int mm = tokens.at(k).text.toInt();
                    const bool meridiemFollows = matchAnyPhrase(tokens, k + 1, v.pm) || matchAnyPhrase(tokens, k + 1, v.am);
                    if (tokens.at(k).text.size() == 2 && mm < 60 && meridiemFollows) {
                        minute = mm;
                        ++k;
                    }
                }
                int meridiem = 0; // 1 am, 2 pm
                if (const int a = matchAnyPhrase(tokens, k, v.am)) {
                    meridiem = 1;
                    k += a;
                } else if (const int p = matchAnyPhrase(tokens, k, v.pm)) {
                    meridiem = 2;
                    k += p;
                }
                const int b = matchAnyPhrase(tokens, k, v.baje);
                k += b;
                const Mode prefixMode = clockMode;
                // The longest suffix wins: "se pehle" (before) over "se" (from).
                const int sa = matchAnyPhrase(tokens, k, v.afterSuffix);
                const int sb = matchAnyPhrase(tokens, k, v.beforeSuffix);
                const int sc = matchAnyPhrase(tokens, k, v.atSuffix);
                int suffix = qMax(sa, qMax(sb, sc));
                if (suffix && suffix == sb)
                    clockMode = Mode::Before;
                else if (suffix && suffix == sa)
                    clockMode = Mode::After;
                // "se" after a bare number is "from", only with a clock marker.
                if (suffix == sa && suffix && tokens.at(k).text == QLatin1String("se") && !(meridiem || b)) {
                    suffix = 0;
                    clockMode = prefixMode;
                }
                // A time range: "3 se 4 ke beech", "between 4 and 6 pm": the call goes at its start.
                if (!suffix || tokens.at(k).text == QLatin1String("se")) {
                    const int sep = matchAnyPhrase(tokens, k, v.timeRangeSep);
                    if (sep) {
                        if (const auto other = clockNumberAt(tokens, k + sep); other && other->hour > c->hour) {
                            int e = k + sep + other->tokenCount;
                            if (const int p2 = matchAnyPhrase(tokens, e, v.pm)) {
                                e += p2;
                                if (!meridiem)
                                    meridiem = 2;
                            } else if (const int a2 = matchAnyPhrase(tokens, e, v.am)) {
                                e += a2;
                                if (!meridiem)
                                    meridiem = 1;
                            }
                            e += matchAnyPhrase(tokens, e, v.baje);
                            e += matchAnyPhrase(tokens, e, v.rangeEnd);
                            clockMode = Mode::At;
                            suffix = e - k;
                        }
                    }
                }
                Part after = Part::None;
                const bool partFollows = matchPairs(tokens, k + suffix, v.parts, &after) > 0;
                const bool accepted = meridiem || b || pre || suffix || lastContext == i - 1 || partFollows;
                if (accepted && c->hour <= 23) {
                    int h = c->hour;
                    const Part ctx = part != Part::None ? part : after;
                    if (meridiem == 1) {
                        h = h == 12 ? 0 : h;
                    } else if (meridiem == 2) {
                        h = h < 12 ? h + 12 : h;
                    } else if (ctx == Part::Morning) {
                        // as said
                    } else if (ctx == Part::Afternoon || ctx == Part::Evening || ctx == Part::Night) {
                        h = h < 12 ? h + 12 : h;
                    } else if (h >= 1 && h <= 8) {
                        h += 12; // nobody is called at 6 am: "after 6" is the evening
                    }
                    if (h == 0 && meridiem != 1)
                        h = -1;
                    if (h >= 0 && h <= 23) {
                        clock = QTime(h, minute);
                        mode = clockMode;
                        cover(i, k + suffix - 1);
                        i = k + suffix - 1;
                        continue;
                    }
                }
            }
        }
    }

    if (!relMinutes && !dayOffset && !weekday && !nextWeek && !weekend && part == Part::None && !clock && !explicitToday)
        return std::nullopt;

    QDateTime target;
    if (relMinutes) {
        const QDateTime t = localNow.addSecs(qint64(*relMinutes) * 60);
        target = QDateTime(t.date(), QTime(t.time().hour(), t.time().minute()), tz);
    } else {
        QDate date = today;
        bool dayGiven = false;
        if (dayOffset) {
            date = today.addDays(*dayOffset);
            dayGiven = true;
        }
        if (nextWeek) {
            date = today.addDays(8 - today.dayOfWeek()); // Monday of next week
            if (weekday)
                date = date.addDays(*weekday - 1);
            dayGiven = true;
        } else if (weekday) {
            int delta = (*weekday - today.dayOfWeek() + 7) % 7;
            if (delta == 0 && !explicitToday)
                delta = 7; // "Monday" said on a Monday: the next one
            date = today.addDays(delta);
            dayGiven = true;
        } else if (weekend) {
            date = today.dayOfWeek() >= 6 ? today : today.addDays(6 - today.dayOfWeek());
            dayGiven = true;
        }
        if (explicitToday)
            dayGiven = true;

        QTime time;
        if (clock)
            time = mode == Mode::Before ? clock->addSecs(-3600) : *clock;
        else if (part != Part::None)
            time = partInfo(part).defaultTime;
        else
            time = qMax(window.start, kEarliest);
        target = QDateTime(date, time, tz);

        if (target <= localNow) {
            const bool sameDay = date == today;
            if (sameDay && !clock && part != Part::None && localNow.time() < partInfo(part).until) {
                target = roundUp(localNow.addSecs(30 * 60), 15); // "aaj shaam" said in the evening
            } else if (sameDay && !clock && part == Part::None && explicitToday) {
                target = roundUp(localNow.addSecs(30 * 60), 15); // "today"
            } else if (!dayGiven) {
                target = QDateTime(date.addDays(1), time, tz); // "at 6 pm" said at 7 pm: tomorrow
            } else {
                return std::nullopt; // "today morning" said in the afternoon
            }
        }
    }

    bool moved = false;
    const auto fitted = fitIntoWindow(target, window, &moved);
    if (!fitted)
        return std::nullopt;
    CallbackTime out;
    out.at = *fitted;
    out.moved = moved;
    out.phrase = spanLast >= 0 ? originalSpan(text, tokens, spanFirst, spanLast) : text.trimmed();
    return out;
}

} // namespace Leadline::Language
