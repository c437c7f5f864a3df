// IndianNumberSpeller: amounts spoken the Indian way, for TTS: 5000000 -> "fifty lakh" /
// "पचास लाख", 12000000 -> "one crore twenty lakh" / "एक करोड़ बीस लाख", 150000 -> "one lakh fifty
// thousand" / "एक लाख पचास हज़ार". Pure functions; thread-safe.
#pragma once

#include <QString>
#include <QtGlobal>

namespace Leadline::Language {

class IndianNumberSpeller
{
public:
    enum class Lang { English, Hindi };

    // Whole number in crore/lakh/thousand/hundred groups ("zero"/"शून्य" for 0, "minus"/"माइनस" below).
    static QString spell(qint64 n, Lang lang);

    // spell() for "en"/"en-IN"/"hi-Latn" (English words) or "hi" (Devanagari).
    static QString spell(qint64 n, const QString &languageCode);

    // Rewrites digit amounts in text for TTS: "₹50,00,000" and "50 lakh" stay readable
    // ("पचास लाख रुपये"), "1.5 crore" -> "one crore fifty lakh". Other numbers are left alone.
    static QString spellAmountsInText(const QString &text, Lang lang);
};

} // namespace Leadline::Language
