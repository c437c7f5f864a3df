#include "language/languagedetector.h"

#include "language/text.h"

#include <QSet>

namespace Leadline::Language {

namespace {

// Romanized Hindi words that are not also common English words ("to", "do", "me", "main", "is",
// "hi", "par", "bus", "man" are left out on purpose).
const QSet<QString> &hinglishWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w :
             {"hai", "hain", "haan", "haa", "han", "nahi", "nahin", "nai", "kya", "kyaa", "mujhe", "humein", "hamein",
              "chahiye", "chahie", "kal", "abhi", "theek", "thik", "accha", "acha", "achha", "achchha", "aap",
              "aapko", "aapka", "aapki", "aapke", "hum", "mera", "meri", "mere", "tum", "tumhe", "kaise", "kaisa",
              "kab", "kahan", "kyun", "kyon", "kyunki", "bhai", "ji", "jee", "matlab", "lekin", "aur", "bhi", "sirf",
              "bahut", "bohot", "bahot", "kuch", "koi", "wala", "wali", "wale", "raha", "rahe", "rahi", "hoga", "hogi",
              "honge", "karna", "karo", "karenge", "karunga", "kariye", "kijiye", "kar", "dekh", "dekhna", "dekhte",
              "baat", "samajh", "chaliye", "chalo", "shaam", "subah", "ghar", "paisa", "paise", "mat", "liye", "ke",
              "ki", "ka", "ko", "se", "mein", "yeh", "ye", "woh", "wo", "vo", "yahan", "wahan", "jab", "agar",
              "toh", "phir", "fir", "bas", "thoda", "zyada", "jyada", "sahi", "bilkul", "zaroor", "jaroor", "arre",
              "haina", "parso", "lagbhag", "tak", "baad", "pehle", "wahi", "yahi", "kitna", "kitne", "kitni", "mahine",
              "saal", "chahta", "chahte", "chahti", "bolo", "boliye", "batao", "bataiye", "hoon", "hu", "hun", "tha",
              "thi", "gaya", "gayi", "abhee", "nahee", "dijiye", "milega", "milegi", "chahiye", "pata",
              "sakta", "sakte", "sakti", "wapas", "dobara", "baje", "ghante", "turant", "jaldi", "kitna", "apna",
              "apni", "apne", "unka", "unki", "inka", "uska", "uski", "sab", "sabhi", "hamara", "hamari", "humara"})
            s.insert(QString::fromUtf8(w));
        return s;
    }();
    return words;
}

} // namespace

double LanguageDetector::devanagariShare(const QString &text)
{
    int letters = 0, deva = 0;
    for (QChar c : text) {
        if (!(c.isLetter() || c.isMark()))
            continue;
        ++letters;
        if (isDevanagari(c))
            ++deva;
    }
    return letters == 0 ? 0.0 : double(deva) / letters;
}

DetectedLanguage LanguageDetector::detect(const QString &utterance)
{
    int letters = 0, deva = 0;
    for (QChar c : utterance) {
        if (!(c.isLetter() || c.isMark()))
            continue;
        ++letters;
        if (isDevanagari(c))
            ++deva;
    }
    if (letters == 0)
        return {};
    const double share = double(deva) / letters;
    if (share >= 0.5)
        return {QStringLiteral("hi"), qBound(0.5, 0.5 + share / 2, 1.0)};

    int words = 0, hindi = 0;
    for (const Token &t : tokenize(utterance)) {
        if (t.kind != Token::Word || isDevanagari(t.text.at(0)))
            continue;
        ++words;
        if (hinglishWords().contains(t.text))
            ++hindi;
    }
    if (words == 0)
        return {QStringLiteral("hi"), 0.5};
    const double ratio = double(hindi) / words;
    // One Hindi word in a short reply ("ok ji") or a fifth of a longer one makes it Hinglish.
    if (hindi >= 1 && (ratio >= 0.2 || (hindi >= 2 && ratio >= 0.15)))
        return {QStringLiteral("hi-Latn"), qBound(0.5, 0.5 + ratio, 0.99)};
    return {QStringLiteral("en"), qBound(0.5, 1.0 - 2 * ratio, 0.99)};
}

} // namespace Leadline::Language
