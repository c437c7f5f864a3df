// LanguageDetector: the language of one utterance: "hi" (Devanagari dominant), "hi-Latn" (Hinglish:
// romanized Hindi function words such as hai, nahi, haan, kya, mujhe, chahiye, kal, abhi, theek)
// or "en", with a confidence in [0, 1]. Pure function over immutable tables; thread-safe.
#pragma once

#include <QString>

namespace Leadline::Language {

struct DetectedLanguage
{
    QString code;          // "hi", "hi-Latn", "en"; empty when the text has no letters
    double confidence = 0; // 0..1
};

class LanguageDetector
{
public:
    static DetectedLanguage detect(const QString &utterance);

    // Share of letters that are Devanagari (0..1); 0 for text without letters.
    static double devanagariShare(const QString &text);
};

} // namespace Leadline::Language
