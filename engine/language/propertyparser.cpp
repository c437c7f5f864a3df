#include "language/propertyparser.h"

#include "language/numberwords.h"
#include "language/text.h"

#include <QSet>

namespace Leadline::Language {

namespace {

struct TypeWord
{
    QStringList words;
    QString type;
};

struct Unit
{
    QList<QStringList> phrases;
    QString unit;
};

struct Vocabulary
{
    QList<QStringList> bhk, rk;
    QList<Unit> areaUnits;
    QList<TypeWord> types;
    QList<QStringList> typePhrases; // parallel to types
    QList<QStringList> forwardPreps, backwardPreps, alternatives;
    QSet<QString> stop;
    QSet<QString> localitySuffixes;

    void addType(const char *type, std::initializer_list<const char *> phrases)
    {
        for (const QStringList &p : phraseTable(phrases)) {
            types << TypeWord{p, QString::fromUtf8(type)};
            typePhrases << p;
        }
    }

    Vocabulary()
    {
        bhk = phraseTable({"bhk", "b h k", "बीएचके", "bedroom", "bedrooms", "bed room", "bed rooms", "bed", "beds",
                           "बेडरूम", "बेड रूम"});
        rk = phraseTable({"rk", "r k", "आरके", "आर के", "room kitchen", "room and kitchen", "room kitchen set",
                          "रूम किचन"});
        // Plot and carpet areas as Indian listings give them: gaj is a square yard.
        areaUnits = {
            {phraseTable({"gaj", "gaz", "गज", "sq yd", "sq yds", "sq . yd", "sq . yds", "sqyd", "sqyds", "sq yard",
                          "sq yards", "square yard", "square yards", "sq . yard", "yard", "yards", "वर्ग गज"}),
             QStringLiteral("sq_yd")},
            {phraseTable({"sq ft", "sq . ft", "sqft", "sq feet", "sq foot", "square feet", "square foot", "square ft",
                          "sft", "feet", "वर्ग फुट", "स्क्वायर फीट", "स्क्वेयर फीट", "sq fit", "square fit"}),
             QStringLiteral("sq_ft")},
            {phraseTable({"sq m", "sq . m", "sqm", "sq mt", "sq mtr", "square meter", "square meters", "square metre",
                          "square metres", "वर्ग मीटर"}),
             QStringLiteral("sq_m")},
            {phraseTable({"acre", "acres", "एकड़"}), QStringLiteral("acre")},
        };
        addType("apartment", {"flat", "flats", "apartment", "apartments", "apt", "condo", "फ्लैट", "फ़्लैट",
                              "अपार्टमेंट", "builder floor", "independent floor"});
        addType("villa", {"villa", "villas", "विला", "bungalow", "bunglow", "banglow", "बंगला", "kothi", "कोठी",
                          });
        addType("row_house", {"row house", "rowhouse", "row houses", "row villa", "रो हाउस", "townhouse", "town house"});
        addType("rk", {"rk flat", "rk apartment", "rk room"});
        addType("independent_house", {"independent house", "individual house", "independent home",
                                      "standalone house"});
        addType("plot", {"plot", "plots", "land", "प्लॉट", "प्लाट", "zameen", "jameen", "zamin", "ज़मीन",
                         "plotted development"});
        addType("penthouse", {"penthouse", "penthouses", "pent house", "पेंटहाउस", "पेंटहाउस फ्लैट"});
        addType("studio", {"studio", "studio apartment", "studio flat", "studio apartments", "स्टूडियो",
                           "स्टूडियो अपार्टमेंट"});
        addType("commercial", {"commercial", "commercial property", "commercial space", "कमर्शियल"});
        addType("office", {"office", "offices", "office space", "ऑफिस", "ऑफ़िस", "दफ्तर", "coworking"});
        addType("shop", {"shop", "shops", "showroom", "dukaan", "dukan", "दुकान", "retail space", "retail shop"});

        forwardPreps = phraseTable({"in", "near", "at", "around", "close to", "near to", "nearby", "next to",
                                    "opposite", "located in", "somewhere in", "somewhere near", "anywhere in"});
        backwardPreps = phraseTable({"mein", "me", "main", "में", "ke paas", "ke pass", "के पास", "ke aas paas",
                                     "के आसपास", "ke nazdeek", "के नजदीक", "ke kareeb", "के करीब", "side"});
        alternatives = phraseTable({"or", "/", "-", "to", "ya", "या"});

        for (const char *w :
             {"for", "with", "under", "below", "above", "around", "budget", "and", "or", "but", "within", "in", "near",
              "at", "on", "by", "the", "a", "an", "my", "your", "our", "this", "that", "some", "any", "please", "area",
              "side", "only", "if", "is", "it", "i", "we", "want", "need", "looking", "ke", "ki", "ka", "ko", "se",
              "mein", "me", "main", "hai", "hain", "chahiye", "mujhe", "hamein", "humein", "hume", "hamko", "humko",
              "koi", "ek", "bhi", "wala", "wali", "wale", "jo", "aur", "ya", "kahin", "yahan", "wahan", "location",
              "lakh", "lakhs", "crore", "cr", "rs", "months", "month", "year", "years", "days",
              "में", "के", "की", "का", "को", "से", "पास", "है", "हैं", "चाहिए", "मुझे", "हमें", "कोई", "एक", "भी",
              "वाला", "वाली", "या", "और", "लाख", "करोड़", "बजट", "कहीं", "give", "show", "tell", "send", "call",
              "let", "get", "find", "help", "book", "arrange", "text", "email", "message", "remind", "suggest",
              "can", "could", "would", "you", "yes", "no", "ok", "okay", "sir", "madam", "ji", "haan", "hello", "hi",
              "something", "anything", "dikhao", "dikhaiye", "batao", "bataiye", "chahte", "chahta", "chahti"})
            stop.insert(fold(QString::fromUtf8(w)));
        for (const QStringList &p : bhk)
            stop.insert(p.first());
        for (const QStringList &p : rk)
            stop.insert(p.first());
        for (const Unit &u : areaUnits) {
            for (const QStringList &p : u.phrases)
                stop.insert(p.first());
        }
        for (const QStringList &p : typePhrases)
            stop.insert(p.first());
        for (const char *w : {"road", "nagar", "layout", "phase", "sector", "city", "east", "west", "north", "south",
                              "extension", "colony", "park", "enclave", "vihar", "puram", "halli", "block", "stage"})
            localitySuffixes.insert(QString::fromUtf8(w));
    }
};

const Vocabulary &vocab()
{
    static const Vocabulary v;
    return v;
}

struct Counted
{
    int start;
    double value;
};

// A number ending right before token i, starting at most maxBack tokens earlier (the longest).
std::optional<Counted> numberBefore(const QList<Token> &tokens, int i, int maxBack)
{
    for (int back = maxBack; back >= 1; --back) {
        const int s = i - back;
        if (s < 0)
            continue;
        const auto num = NumberWords::matchAt(tokens, s);
        if (num && s + num->tokenCount == i)
            return Counted{s, num->value};
    }
    return std::nullopt;
}

bool isLatinWord(const Token &t)
{
    return t.kind == Token::Word && !t.text.isEmpty() && !isDevanagari(t.text.at(0));
}

bool looksLikeNumber(const QList<Token> &tokens, int k)
{
    return tokens.at(k).kind == Token::Number || NumberWords::matchAt(tokens, k).has_value();
}

// Whether token k can be part of a place name. `first`: the token that starts the name.
bool placeToken(const QString &text, const QList<Token> &tokens, int k, bool first, bool textHasCaps)
{
    const Vocabulary &v = vocab();
    const Token &t = tokens.at(k);
    if (t.kind == Token::Symbol)
        return false;
    if (t.kind == Token::Number)
        return !first; // "Sector 62", "Phase 2"
    if (v.stop.contains(t.text))
        return false;
    if (first && looksLikeNumber(tokens, k))
        return false;
    if (isLatinWord(t) && textHasCaps) {
        const bool capital = text.at(t.start).isUpper();
        return capital || (!first && v.localitySuffixes.contains(t.text));
    }
    return true;
}

struct Place
{
    int first = -1, last = -1;           // the name
    int phraseFirst = -1, phraseLast = -1; // with the preposition
};

std::optional<Place> findPlace(const QString &text, const QList<Token> &tokens)
{
    const Vocabulary &v = vocab();
    bool textHasCaps = false;
    for (QChar c : text) {
        if (c.isUpper()) {
            textHasCaps = true;
            break;
        }
    }
    const int n = int(tokens.size());
    for (int i = 0; i < n; ++i) {
        if (const int m = matchAnyPhrase(tokens, i, v.forwardPreps)) {
            int k = i + m;
            int end = k;
            while (end < n && end - k < 5 && placeToken(text, tokens, end, end == k, textHasCaps))
                ++end;
            if (end > k)
                return Place{k, end - 1, i, end - 1};
        }
        if (const int m = matchAnyPhrase(tokens, i, v.backwardPreps)) {
            int begin = i;
            while (begin > 0 && i - begin < 3) {
                // Walk backwards; a number may only follow a word ("Sector 62 mein").
                const int k = begin - 1;
                const bool firstCandidate = k == 0 || !placeToken(text, tokens, k - 1, false, textHasCaps);
                if (!placeToken(text, tokens, k, false, textHasCaps))
                    break;
                if (tokens.at(k).kind == Token::Number && firstCandidate)
                    break;
                begin = k;
            }
            if (begin < i && placeToken(text, tokens, begin, true, textHasCaps))
                return Place{begin, i - 1, begin, i + m - 1};
        }
    }
    return std::nullopt;
}

} // namespace

QJsonObject Property::toJson() const
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject{{QStringLiteral("type"), orNull(type)},
                       {QStringLiteral("bhk"), bhk > 0 ? QJsonValue(bhk) : QJsonValue()},
                       {QStringLiteral("rk"), rk > 0 ? QJsonValue(rk) : QJsonValue()},
                       {QStringLiteral("area"), area > 0 ? QJsonValue(area) : QJsonValue()},
                       {QStringLiteral("area_unit"), orNull(areaUnit)},
                       {QStringLiteral("commercial"), commercial},
                       {QStringLiteral("location"), orNull(location)},
                       {QStringLiteral("location_phrase"), orNull(locationPhrase)},
                       {QStringLiteral("phrase"), phrase}};
}

std::optional<Property> PropertyParser::parse(const QString &text)
{
    const Vocabulary &v = vocab();
    const QList<Token> tokens = tokenize(text);
    const int n = int(tokens.size());
    Property p;
    int spanFirst = n, spanLast = -1;
    auto cover = [&](int a, int b) {
        spanFirst = qMin(spanFirst, a);
        spanLast = qMax(spanLast, b);
    };

    // BHK count: a number ending right before "BHK"/"bedroom".
    bool bhkUndecided = false;
    for (int i = 0; i < n && p.bhk == 0 && !bhkUndecided; ++i) {
        const int m = matchAnyPhrase(tokens, i, v.bhk);
        if (!m)
            continue;
        const auto counted = numberBefore(tokens, i, 4);
        if (!counted || counted->value < 1 || counted->value > 10)
            continue;
        const int numStart = counted->start;
        const double value = counted->value;
        cover(numStart, i + m - 1);
        // "2 or 3 BHK", "2/3 BHK": the count is not decided, so it is not guessed.
        bool alternative = false;
        for (int back = 1; back <= 2 && !alternative; ++back) {
            const int sep = numStart - back;
            if (sep <= 0)
                break;
            if (const int a = matchAnyPhrase(tokens, sep, v.alternatives); a && sep + a == numStart) {
                const auto other = NumberWords::matchAt(tokens, sep - 1);
                alternative = other && sep - 1 + other->tokenCount == sep;
                if (alternative)
                    cover(sep - 1, i + m - 1);
            }
        }
        // "2BHK/3BHK", "2 BHK ya 3 BHK"
        if (const int a = matchAnyPhrase(tokens, i + m, v.alternatives); a && !alternative) {
            const int at = i + m + a;
            if (const auto other = NumberWords::matchAt(tokens, at)) {
                alternative = true;
                const int after = at + other->tokenCount;
                cover(numStart, after - 1 + matchAnyPhrase(tokens, after, v.bhk));
            }
        }
        if (alternative) {
            bhkUndecided = true;
        } else {
            p.bhk = value;
        }
    }

    // RK units ("1 RK", "1RK", "ek RK"): a count right before "RK"; "RK" alone means one.
    for (int i = 0; i < n && p.rk == 0; ++i) {
        const int m = matchAnyPhrase(tokens, i, v.rk);
        if (!m || (i + m < n && tokens.at(i + m).kind == Token::Word && tokens.at(i + m).text == QLatin1String("bhk")))
            continue;
        const auto counted = numberBefore(tokens, i, 3);
        const bool haveCount = counted && counted->value >= 1 && counted->value <= 4;
        const int first = haveCount ? counted->start : i;
        const int count = haveCount ? int(counted->value) : 1;
        if (i + m < n && v.localitySuffixes.contains(tokens.at(i + m).text))
            continue; // "R K Puram", "RK Nagar": a place
        p.rk = count;
        cover(first, i + m - 1);
    }

    // Area: a number right before a unit ("200 gaj", "1,200 sq. ft.", "150 square yards").
    for (int i = 0; i < n && p.area == 0; ++i) {
        const auto num = NumberWords::matchAt(tokens, i);
        if (!num || num->value <= 0)
            continue;
        const int at = i + num->tokenCount;
        for (const Unit &u : v.areaUnits) {
            if (const int m = matchAnyPhrase(tokens, at, u.phrases)) {
                p.area = num->value;
                p.areaUnit = u.unit;
                cover(i, at + m - 1);
                break;
            }
        }
    }

    // Type: the most specific said; "commercial" only marks the flag when something specific is said.
    QStringList specific;
    for (int i = 0; i < n; ++i) {
        int idx = -1;
        const int m = matchAnyPhrase(tokens, i, v.typePhrases, &idx);
        if (!m)
            continue;
        const QString type = v.types.at(idx).type;
        if (type == QLatin1String("commercial") || type == QLatin1String("office") || type == QLatin1String("shop"))
            p.commercial = true;
        if (type != QLatin1String("commercial") && !specific.contains(type))
            specific << type;
        cover(i, i + m - 1);
        i += m - 1;
    }
    if (p.rk > 0 && !specific.contains(QStringLiteral("rk"))) {
        specific.removeAll(QStringLiteral("apartment")); // "1 RK flat" is an RK unit
        specific << QStringLiteral("rk");
    }
    if (specific.size() == 1)
        p.type = specific.first();
    else if (specific.isEmpty() && p.commercial)
        p.type = QStringLiteral("commercial");

    if (const auto place = findPlace(text, tokens)) {
        p.location = originalSpan(text, tokens, place->first, place->last);
        p.locationPhrase = originalSpan(text, tokens, place->phraseFirst, place->phraseLast);
        cover(place->phraseFirst, place->phraseLast);
    }

    if (spanLast < 0)
        return std::nullopt;
    if (p.type.isEmpty() && p.bhk == 0 && p.rk == 0 && p.area == 0 && p.location.isEmpty() && specific.size() < 2)
        return std::nullopt;
    p.phrase = originalSpan(text, tokens, spanFirst, spanLast);
    return p;
}

} // namespace Leadline::Language
