#include "language/indiannumberspeller.h"

#include "language/numberwords.h"
#include "language/text.h"

#include <QRegularExpression>

namespace Leadline::Language {

namespace {

QString englishBelow100(int n)
{
    static const char *units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                  "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                  "seventeen", "eighteen", "nineteen"};
    static const char *tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    if (n < 20)
        return QLatin1String(units[n]);
    QString s = QLatin1String(tens[n / 10]);
    if (n % 10)
        s += QLatin1Char(' ') + QLatin1String(units[n % 10]);
    return s;
}

QString below100(int n, IndianNumberSpeller::Lang lang)
{
    return lang == IndianNumberSpeller::Lang::Hindi ? NumberWords::hindiWord(n) : englishBelow100(n);
}

QString spellPositive(qint64 n, IndianNumberSpeller::Lang lang)
{
    const bool hi = lang == IndianNumberSpeller::Lang::Hindi;
    QStringList parts;
    const qint64 crore = n / 10000000;
    n %= 10000000;
    if (crore > 0)
        parts << spellPositive(crore, lang) + (hi ? QStringLiteral(" करोड़") : QStringLiteral(" crore"));
    const int lakh = int(n / 100000);
    n %= 100000;
    if (lakh > 0)
        parts << below100(lakh, lang) + (hi ? QStringLiteral(" लाख") : QStringLiteral(" lakh"));
    const int thousand = int(n / 1000);
    n %= 1000;
    if (thousand > 0)
        parts << below100(thousand, lang) + (hi ? QStringLiteral(" हज़ार") : QStringLiteral(" thousand"));
    const int hundred = int(n / 100);
    n %= 100;
    if (hundred > 0)
        parts << below100(hundred, lang) + (hi ? QStringLiteral(" सौ") : QStringLiteral(" hundred"));
    if (n > 0)
        parts << below100(int(n), lang);
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString IndianNumberSpeller::spell(qint64 n, Lang lang)
{
    const bool hi = lang == Lang::Hindi;
    if (n == 0)
        return hi ? NumberWords::hindiWord(0) : QStringLiteral("zero");
    if (n < 0) {
        if (n == std::numeric_limits<qint64>::min())
            return {};
        return (hi ? QStringLiteral("माइनस ") : QStringLiteral("minus ")) + spellPositive(-n, lang);
    }
    return spellPositive(n, lang);
}

QString IndianNumberSpeller::spell(qint64 n, const QString &languageCode)
{
    return spell(n, languageCode == QLatin1String("hi") ? Lang::Hindi : Lang::English);
}

QString IndianNumberSpeller::spellAmountsInText(const QString &text, Lang lang)
{
    // "₹ 45,00,000", "Rs. 45,00,000", "50 lakh", "1.5 crore", "1.2 Cr", "50L"
    static const QRegularExpression re(
        QStringLiteral("(?:(₹|\\bRs\\.?|\\bINR)\\s?)?(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s?(lakhs?|lacs?|l|crores?|cr|"
                       "लाख|करो(?:\\x{095C}|\\x{0921}\\x{093C}?))(?![\\p{L}\\p{M}]))?"),
        QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption);
    QString out;
    int last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const bool currency = m.capturedLength(1) > 0;
        const QString unit = m.captured(3).toLower();
        if (!currency && unit.isEmpty())
            continue; // not an amount
        const auto value = NumberWords::parseDigits(fold(m.captured(2))); // "५०" too
        if (!value)
            continue;
        double mult = 1;
        if (unit.startsWith(QLatin1String("l")) || unit == QStringLiteral("लाख"))
            mult = 1e5;
        else if (!unit.isEmpty())
            mult = 1e7;
        const qint64 rupees = qRound64(*value * mult);
        QString spoken = spell(rupees, lang);
        if (currency)
            spoken += lang == Lang::Hindi ? QStringLiteral(" रुपये") : QStringLiteral(" rupees");
        out += text.mid(last, m.capturedStart() - last) + spoken;
        last = int(m.capturedEnd());
    }
    out += text.mid(last);
    return out;
}

} // namespace Leadline::Language
