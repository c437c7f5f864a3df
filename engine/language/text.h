// Text: the tokenizer and folding shared by the language parsers. Pure functions, no state;
// thread-safe.
//
// Folding makes spellings that speech-to-text and people produce interchangeable: NFC, lower
// case, Devanagari nukta dropped (ढ़ = ढ, ज़ = ज), chandrabindu = anusvara (हाँ = हां),
// ZWJ/ZWNJ and apostrophes dropped (don't = dont), Devanagari digits as ASCII (५० = 50).
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Leadline::Language {

struct Token
{
    enum Kind { Word, Number, Symbol };
    Kind kind = Word;
    QString text; // folded
    int start = 0; // offset of the first character in the original text
    int end = 0;   // one past the last character in the original text
};

// Splits text into words (letters and combining marks), numbers (digits with inner ',' '.' ':'
// followed by a digit, e.g. "45,00,000", "1.5", "6:30") and single-character symbols
// (punctuation, ₹, -, +, ~). Whitespace separates and is dropped. A change between letters and
// digits splits ("50L" = "50" "l", "3BHK" = "3" "bhk").
QList<Token> tokenize(const QString &text);

// The folding described above, applied to a whole string.
QString fold(const QString &text);

// Folds a space-separated phrase and returns its words, for building match tables.
QStringList foldedWords(const QString &phrase);

// The folded words and numbers of an utterance (its symbols dropped), for phrase matching.
QStringList utteranceWords(const QString &text);

// The original text covered by tokens [first, last].
QString originalSpan(const QString &text, const QList<Token> &tokens, int first, int last);

// Number of tokens matched when `words` (folded) occur at tokens[pos...]; 0 if they do not.
int matchWords(const QList<Token> &tokens, int pos, const QStringList &words);

// Longest match among several folded phrases at pos; returns the token count (0 = none) and, if
// index is given, which phrase matched.
int matchAnyPhrase(const QList<Token> &tokens, int pos, const QList<QStringList> &phrases, int *index = nullptr);

// Longest match among (phrase, value) pairs at pos; returns the token count (0 = none) and sets
// *value to the matched pair's value.
template<typename T>
int matchPairs(const QList<Token> &tokens, int pos, const QList<QPair<QStringList, T>> &table, T *value)
{
    int best = 0;
    for (const auto &p : table) {
        const int m = matchWords(tokens, pos, p.first);
        if (m > best) {
            best = m;
            *value = p.second;
        }
    }
    return best;
}

// Builds a phrase table from UTF-8 literals (each folded, split on spaces).
QList<QStringList> phraseTable(std::initializer_list<const char *> utf8Phrases);

bool isDevanagari(QChar c);

} // namespace Leadline::Language
