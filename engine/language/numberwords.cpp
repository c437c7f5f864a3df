#include "language/numberwords.h"

#include <QHash>

namespace Leadline::Language {

namespace {

struct HindiNumber
{
    int value;
    const char *devanagari; // canonical first, alternatives after '|'
    const char *roman;      // spellings seen in romanized Hindi, '|' separated
};

// Hindi has a separate word for every number from 1 to 99.
const HindiNumber kHindi[] = {
    {0, "शून्य", "shunya|shoonya"},
    {1, "एक", "ek|ik"},
    {2, "दो", "do|doh"},
    {3, "तीन", "teen|tin|theen"},
    {4, "चार", "char|chaar|chaar"},
    {5, "पाँच|पांच", "panch|paanch|paach|panc"},
    {6, "छह|छः|छे|छै", "chhe|chhah|chah|che|cheh|chhai|chhah|chheh|chey"},
    {7, "सात", "saat|sat"},
    {8, "आठ", "aath|ath|aat"},
    {9, "नौ", "nau|nou|nao"},
    {10, "दस", "das|dus|dass"},
    {11, "ग्यारह", "gyarah|gyaarah|gyara|gyaara|igyarah"},
    {12, "बारह", "barah|baarah|bara|baara"},
    {13, "तेरह", "terah|tera|teraah"},
    {14, "चौदह", "chaudah|chauda|chodah|choudah|chaudha"},
    {15, "पंद्रह|पन्द्रह", "pandrah|pandra|pandhra"},
    {16, "सोलह", "solah|sola|solha"},
    {17, "सत्रह", "satrah|satra|sattrah"},
    {18, "अठारह", "atharah|athara|attharah|athaarah"},
    {19, "उन्नीस", "unnees|unnis|unees|unis"},
    {20, "बीस", "bees|bis|beesh"},
    {21, "इक्कीस", "ikkees|ikkis|ekkis"},
    {22, "बाईस", "baees|bais|baais|baaees"},
    {23, "तेईस", "teis|teyis|teees|teiss"},
    {24, "चौबीस", "chaubees|chaubis|chobis|choubees"},
    {25, "पच्चीस", "pachchees|pachees|pachis|pacchis|pachchis"},
    {26, "छब्बीस", "chhabbees|chhabbis|chabbis|chabbees"},
    {27, "सत्ताईस", "sattaees|sattais|sattaais"},
    {28, "अट्ठाईस|अट्ठाइस", "atthaees|atthais|athais|athaees|atthaais"},
    {29, "उनतीस", "untees|untis|unatis"},
    {30, "तीस", "tees|tis|thees"},
    {31, "इकतीस|इकत्तीस", "iktees|iktis|ikattis"},
    {32, "बत्तीस", "battees|battis|batis"},
    {33, "तैंतीस|तेंतीस", "taintees|taintis|tetis|tentis"},
    {34, "चौंतीस", "chauntees|chauntis|chontis|chautis"},
    {35, "पैंतीस", "paintees|paintis|pentis|paitis"},
    {36, "छत्तीस", "chhattees|chhattis|chattis|chatis"},
    {37, "सैंतीस", "saintees|saintis|sentis"},
    {38, "अड़तीस", "adtees|adtis|artis|artees"},
    {39, "उनतालीस|उनचालीस", "untalees|untalis|unchalis"},
    {40, "चालीस", "chalees|chalis|chaalis|chaalees"},
    {41, "इकतालीस", "iktalees|iktalis"},
    {42, "बयालीस", "bayalees|bayalis|byalis|bayaalis"},
    {43, "तैंतालीस", "taintalees|taintalis|tentalis"},
    {44, "चौवालीस|चवालीस", "chauwalees|chauvalis|chawalis|chauwalis|chavalis"},
    {45, "पैंतालीस", "paintalees|paintalis|pentalis|paitalis"},
    {46, "छियालीस|छियालिस", "chhiyalees|chhiyalis|chiyalis|chhiyaalis"},
    {47, "सैंतालीस", "saintalees|saintalis|sentalis"},
    {48, "अड़तालीस", "adtalees|adtalis|artalis|artaalis"},
    {49, "उनचास", "unchaas|unchas"},
    {50, "पचास", "pachaas|pachas|pachash|pachaas"},
    {51, "इक्यावन", "ikyavan|ikyawan|ikyaavan"},
    {52, "बावन", "baavan|bavan|bawan|baawan"},
    {53, "तिरेपन|तिरपन", "tirepan|tirpan|tirapan"},
    {54, "चौवन", "chauvan|chauwan|chowan"},
    {55, "पचपन", "pachpan"},
    {56, "छप्पन", "chhappan|chappan"},
    {57, "सत्तावन", "sattavan|sattawan"},
    {58, "अट्ठावन|अठ्ठावन", "atthavan|atthawan|athavan"},
    {59, "उनसठ", "unsath|unsadh"},
    {60, "साठ", "saath|sath|saadh"},
    {61, "इकसठ", "iksath"},
    {62, "बासठ", "baasath|basath"},
    {63, "तिरेसठ|तिरसठ", "tiresath|tirsath"},
    {64, "चौंसठ", "chaunsath|chausath|chosath"},
    {65, "पैंसठ", "painsath|pensath"},
    {66, "छियासठ", "chhiyasath|chiyasath"},
    {67, "सड़सठ", "sadsath|sarsath"},
    {68, "अड़सठ", "adsath|arsath"},
    {69, "उनहत्तर", "unhattar"},
    {70, "सत्तर", "sattar|satar"},
    {71, "इकहत्तर", "ikhattar|ikahattar"},
    {72, "बहत्तर", "bahattar|behattar"},
    {73, "तिहत्तर", "tihattar"},
    {74, "चौहत्तर", "chauhattar|chohattar"},
    {75, "पचहत्तर", "pachhattar|pachattar|pachahattar"},
    {76, "छिहत्तर", "chhihattar|chihattar"},
    {77, "सतहत्तर", "sathattar|satattar|satahattar"},
    {78, "अठहत्तर", "athhattar|athattar|athahattar"},
    {79, "उन्यासी|उनासी", "unyasi|unasi|unnasi"},
    {80, "अस्सी", "assi|asi"},
    {81, "इक्यासी", "ikyasi|ikyaasi"},
    {82, "बयासी", "bayasi|byasi"},
    {83, "तिरासी", "tirasi"},
    {84, "चौरासी", "chaurasi|chorasi"},
    {85, "पचासी", "pachasi|pachaasi"},
    {86, "छियासी", "chhiyasi|chiyasi"},
    {87, "सत्तासी", "sattasi"},
    {88, "अट्ठासी", "atthasi|athasi"},
    {89, "नवासी", "navasi|nawasi"},
    {90, "नब्बे", "nabbe|nabbey|nabe"},
    {91, "इक्यानवे", "ikyanve|ikyanave"},
    {92, "बानवे|बानबे", "baanve|banve|baanbe"},
    {93, "तिरानवे", "tiranve|tiraanve"},
    {94, "चौरानवे", "chauranve|choranve"},
    {95, "पचानवे", "pachanve|pachaanve"},
    {96, "छियानवे", "chhiyanve|chiyanve"},
    {97, "सत्तानवे", "sattanve"},
    {98, "अट्ठानवे", "atthanve|athanve"},
    {99, "निन्यानवे|निन्नानवे", "ninyanve|ninnanve|ninyaanve"},
};

enum class WordKind { None, EnUnit, EnTens, HiWhole, Hundred, Thousand };

struct WordInfo
{
    WordKind kind = WordKind::None;
    double value = 0;
};

struct Tables
{
    QHash<QString, WordInfo> words;
    QHash<QString, double> prefix;     // sawa +0.25, saadhe +0.5, paune -0.25
    QHash<QString, double> standalone; // dedh 1.5, dhai 2.5, aadha 0.5, half 0.5

    Tables()
    {
        const char *units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                               "eighteen", "nineteen"};
        for (int k = 0; k < 20; ++k)
            words.insert(QLatin1String(units[k]), {WordKind::EnUnit, double(k)});
        const char *tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int k = 0; k < 8; ++k)
            words.insert(QLatin1String(tens[k]), {WordKind::EnTens, double(20 + 10 * k)});
        words.insert(QStringLiteral("fourty"), {WordKind::EnTens, 40});
        for (const HindiNumber &h : kHindi) {
            const QStringList spellings = QString::fromUtf8(h.devanagari).split(QLatin1Char('|'))
                + QString::fromUtf8(h.roman).split(QLatin1Char('|'));
            for (const QString &s : spellings) {
                const QString f = fold(s);
                if (!words.contains(f)) // English wins for shared spellings
                    words.insert(f, {WordKind::HiWhole, double(h.value)});
            }
        }
        for (const char *w : {"hundred", "sau", "सौ"})
            words.insert(fold(QString::fromUtf8(w)), {WordKind::Hundred, 100});
        for (const char *w : {"thousand", "hazaar", "hazar", "hajar", "hajaar", "हज़ार", "हजार"})
            words.insert(fold(QString::fromUtf8(w)), {WordKind::Thousand, 1000});

        for (const char *w : {"sawa", "sava", "savaa", "sawaa", "सवा"})
            prefix.insert(fold(QString::fromUtf8(w)), 0.25);
        for (const char *w : {"saadhe", "sadhe", "saade", "sade", "sarhe", "saadhey", "saare", "साढ़े", "साढे"})
            prefix.insert(fold(QString::fromUtf8(w)), 0.5);
        for (const char *w : {"paune", "pone", "paun", "पौने"})
            prefix.insert(fold(QString::fromUtf8(w)), -0.25);
        for (const char *w : {"dedh", "derh", "dedhh", "deddh", "डेढ़", "डेढ"})
            standalone.insert(fold(QString::fromUtf8(w)), 1.5);
        for (const char *w : {"dhai", "dhaai", "adhai", "adhaai", "ढाई", "अढ़ाई"})
            standalone.insert(fold(QString::fromUtf8(w)), 2.5);
        for (const char *w : {"aadha", "adha", "aadhe", "adhe", "aadhi", "आधा", "आधे", "आधी", "half"})
            standalone.insert(fold(QString::fromUtf8(w)), 0.5);
    }
};

const Tables &tables()
{
    static const Tables t;
    return t;
}

WordInfo wordInfo(const Token &t)
{
    if (t.kind != Token::Word)
        return {};
    return tables().words.value(t.text);
}

bool isWholeChunk(const Token &t)
{
    const WordInfo w = wordInfo(t);
    return w.kind == WordKind::EnUnit || w.kind == WordKind::EnTens || w.kind == WordKind::HiWhole;
}

// An integer 1..99 said as one or two words, or a digit token: what a fraction prefix applies to.
std::optional<NumberMatch> wholeChunk(const QList<Token> &tokens, int pos)
{
    if (pos >= tokens.size())
        return std::nullopt;
    const Token &t = tokens.at(pos);
    if (t.kind == Token::Number) {
        const auto v = NumberWords::parseDigits(t.text);
        if (!v)
            return std::nullopt;
        return NumberMatch{*v, 1, true, false};
    }
    const WordInfo w = wordInfo(t);
    if (w.kind == WordKind::HiWhole || w.kind == WordKind::EnUnit)
        return NumberMatch{w.value, 1, false, false};
    if (w.kind == WordKind::EnTens) {
        int n = 1;
        double v = w.value;
        int k = pos + 1;
        if (k < tokens.size() && tokens.at(k).text == QLatin1String("-"))
            ++k;
        if (k < tokens.size()) {
            const WordInfo u = wordInfo(tokens.at(k));
            if (u.kind == WordKind::EnUnit && u.value >= 1 && u.value <= 9) {
                v += u.value;
                n = k - pos + 1;
            }
        }
        return NumberMatch{v, n, false, false};
    }
    return std::nullopt;
}

} // namespace

std::optional<double> NumberWords::parseDigits(const QString &folded)
{
    if (folded.isEmpty() || folded.contains(QLatin1Char(':')))
        return std::nullopt;
    const QStringList parts = folded.split(QLatin1Char('.'));
    if (parts.size() > 2)
        return std::nullopt;
    const QString intPart = parts.at(0).isEmpty() && parts.size() == 2 ? QStringLiteral("0") : parts.at(0);
    const QStringList groups = intPart.split(QLatin1Char(','));
    for (const QString &g : groups) {
        if (g.isEmpty())
            return std::nullopt;
        for (QChar c : g) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return std::nullopt;
        }
    }
    if (groups.size() > 1) {
        if (groups.last().size() != 3 || groups.first().size() > 3)
            return std::nullopt;
        const auto middle = groups.mid(1, groups.size() - 2);
        bool indian = true, western = true;
        for (const QString &g : middle) {
            indian = indian && g.size() == 2;
            western = western && g.size() == 3;
        }
        if (middle.isEmpty()) {
            // "45,000" is both; fine either way.
        } else if (indian) {
            if (groups.first().size() > 2)
                return std::nullopt;
        } else if (!western) {
            return std::nullopt;
        }
    }
    QString digits = groups.join(QString());
    if (parts.size() == 2) {
        for (QChar c : parts.at(1)) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return std::nullopt;
        }
        digits += QLatin1Char('.') + parts.at(1);
    }
    bool ok = false;
    const double v = digits.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

std::optional<NumberMatch> NumberWords::matchAt(const QList<Token> &tokens, int pos)
{
    if (pos < 0 || pos >= tokens.size())
        return std::nullopt;
    const Tables &tb = tables();

    enum class Last { None, Chunk, Unit, Tens, Hundred, Thousand };
    Last last = Last::None;
    double total = 0;
    double current = 0;
    int i = pos;
    bool fromDigits = false;
    bool hasThousand = false;

    const Token &first = tokens.at(pos);
    if (first.kind == Token::Number) {
        const auto v = parseDigits(first.text);
        if (!v)
            return std::nullopt;
        current = *v;
        fromDigits = true;
        last = Last::Chunk;
        ++i;
    } else if (tb.prefix.contains(first.text)) {
        const double offset = tb.prefix.value(first.text);
        const auto inner = wholeChunk(tokens, pos + 1);
        if (inner && inner->value >= 1) {
            current = inner->value + offset;
            i = pos + 1 + inner->tokenCount;
            fromDigits = inner->fromDigits;
        } else if (offset == 0.25 || offset == -0.25) {
            current = 1 + offset; // "sawa lakh" = 1.25 lakh, "paune" alone = 0.75
            i = pos + 1;
        } else {
            return std::nullopt;
        }
        last = Last::Chunk;
    } else if (tb.standalone.contains(first.text)) {
        current = tb.standalone.value(first.text);
        last = Last::Chunk;
        ++i;
        if (first.text == QLatin1String("half") && i < tokens.size()
            && (tokens.at(i).text == QLatin1String("a") || tokens.at(i).text == QLatin1String("an")))
            ++i; // "half a crore"
    }

    while (i < tokens.size()) {
        const Token &t = tokens.at(i);
        const WordInfo w = wordInfo(t);
        const bool open = last == Last::None || last == Last::Hundred || last == Last::Thousand;
        if (w.kind == WordKind::EnUnit) {
            if (!(open || (last == Last::Tens && w.value >= 1 && w.value <= 9)))
                break;
            current += w.value;
            last = Last::Unit;
        } else if (w.kind == WordKind::EnTens || w.kind == WordKind::HiWhole) {
            if (!open)
                break;
            current += w.value;
            last = w.kind == WordKind::EnTens ? Last::Tens : Last::Unit;
        } else if (t.text == QLatin1String("-") && last == Last::Tens && i + 1 < tokens.size()
                   && wordInfo(tokens.at(i + 1)).kind == WordKind::EnUnit) {
            ++i;
            continue;
        } else if (w.kind == WordKind::Hundred) {
            if (last == Last::Hundred || last == Last::Thousand)
                break;
            if (last == Last::None)
                current = 1;
            current *= 100;
            last = Last::Hundred;
        } else if (w.kind == WordKind::Thousand) {
            if (last == Last::Thousand)
                break;
            if (last == Last::None)
                current = 1;
            total += current * 1000;
            current = 0;
            last = Last::Thousand;
            hasThousand = true;
        } else if (t.text == QLatin1String("and") && last == Last::Hundred && i + 1 < tokens.size()
                   && isWholeChunk(tokens.at(i + 1))) {
            ++i;
            continue;
        } else if ((t.text == QLatin1String("a") || t.text == QLatin1String("an")) && last == Last::None
                   && i + 1 < tokens.size()
                   && (wordInfo(tokens.at(i + 1)).kind == WordKind::Hundred
                       || wordInfo(tokens.at(i + 1)).kind == WordKind::Thousand)) {
            ++i;
            continue;
        } else if ((t.text == QLatin1String("point") || t.text == QLatin1String("dot"))
                   && (last == Last::Unit || last == Last::Tens || last == Last::Chunk) && current == qint64(current)) {
            // "one point two five" or "1 point 5"
            QString decimals;
            int k = i + 1;
            while (k < tokens.size()) {
                const WordInfo d = wordInfo(tokens.at(k));
                if (d.kind == WordKind::EnUnit && d.value <= 9 && tokens.at(k).kind == Token::Word) {
                    decimals += QString::number(int(d.value));
                    ++k;
                } else if (tokens.at(k).kind == Token::Number && decimals.isEmpty()
                           && !tokens.at(k).text.contains(QLatin1Char('.'))
                           && !tokens.at(k).text.contains(QLatin1Char(','))) {
                    decimals = tokens.at(k).text;
                    ++k;
                    break;
                } else {
                    break;
                }
            }
            if (decimals.isEmpty())
                break;
            current += QString(QStringLiteral("0.") + decimals).toDouble();
            last = Last::Chunk;
            i = k;
            continue;
        } else {
            break;
        }
        ++i;
    }
    if (i == pos)
        return std::nullopt;
    double value = total + current;

    // "two and a half", "2 and half"
    static const QList<QStringList> andHalf = phraseTable({"and a half", "and half", "aur aadha", "और आधा"});
    if (value == qint64(value)) {
        if (const int m = matchAnyPhrase(tokens, i, andHalf)) {
            value += 0.5;
            i += m;
        }
    }
    return NumberMatch{value, i - pos, fromDigits, hasThousand};
}

std::optional<double> NumberWords::parse(const QString &text)
{
    const QList<Token> tokens = tokenize(text);
    if (tokens.isEmpty())
        return std::nullopt;
    const auto m = matchAt(tokens, 0);
    if (!m || m->tokenCount != tokens.size())
        return std::nullopt;
    return m->value;
}

QString NumberWords::hindiWord(int n)
{
    for (const HindiNumber &h : kHindi) {
        if (h.value == n)
            return QString::fromUtf8(h.devanagari).section(QLatin1Char('|'), 0, 0);
    }
    if (n == 100)
        return QStringLiteral("सौ");
    return {};
}

} // namespace Leadline::Language
