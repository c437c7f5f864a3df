// NumberWords: numbers as people say or type them, in English ("fifty", "one point two", "two and
// a half"), Devanagari Hindi ("पचास", "डेढ़", "ढाई", "सवा दो", "साढ़े तीन"), romanized Hindi
// ("pachas", "dedh", "dhai", "saadhe teen") and digits ("1.5", Indian "45,00,000", western
// "4,500,000", Devanagari "५०"). Lakh and crore are units, handled by BudgetParser; hundred/sau and
// thousand/hazaar are part of a number. Pure functions over immutable tables; thread-safe.
#pragma once

#include "language/text.h"

#include <optional>

namespace Leadline::Language {

struct NumberMatch
{
    double value = 0;
    int tokenCount = 0;      // tokens consumed from the start position
    bool fromDigits = false; // the number began with a digit token
    bool hasThousand = false; // a thousand/hazaar multiplier was part of it
};

class NumberWords
{
public:
    // The longest number starting at tokens[pos]; nullopt if none starts there.
    static std::optional<NumberMatch> matchAt(const QList<Token> &tokens, int pos);

    // The whole text must be one number ("pachas", "one point two", "45,00,000"); else nullopt.
    static std::optional<double> parse(const QString &text);

    // A digit token's folded text: "45,00,000" (Indian groups), "4,500,000", "1.5", "50".
    // Malformed grouping ("4,5", "45,000,00") and times ("6:30") give nullopt.
    static std::optional<double> parseDigits(const QString &folded);

    // Canonical Devanagari word for 0..100 ("पचास" for 50); empty outside that range.
    static QString hindiWord(int n);
};

} // namespace Leadline::Language
