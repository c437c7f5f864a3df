#include "language/phrases.h"

#include "language/text.h"

#include <QSet>

namespace Leadline::Language {

namespace {

// Runs of one letter become a single letter: "haaan" -> "han", "hmmm" -> "hm", "accha" -> "acha".
QString squeeze(const QString &word)
{
    QString out;
    for (QChar c : word) {
        if (out.isEmpty() || out.back() != c || !c.isLetter() || isDevanagari(c))
            out += c;
    }
    return out;
}

const QSet<QString> &backchannelWords()
{
    static const QSet<QString> s = [] {
        QSet<QString> r;
        for (const char *w :
             {"haan", "haa", "ha", "han", "haanji", "hanji", "ji", "jee", "accha", "acha", "achha", "achchha", "hmm",
              "hm", "mm", "mhm", "ok", "okay", "okey", "okie", "k", "theek", "thik", "hai", "yes", "yeah", "yep", "ya",
              "yup", "right", "sure", "uh", "huh", "alright", "fine", "correct", "sahi", "bilkul", "oh", "achcha",
              "हाँ", "हां", "हा", "जी", "अच्छा", "अच्छा", "ठीक", "है", "हम्म", "ओके", "बिल्कुल", "सही", "हाँजी", "हांजी"})
            r.insert(squeeze(fold(QString::fromUtf8(w))));
        return r;
    }();
    return s;
}

bool containsPhrase(const QStringList &ws, const QList<QStringList> &table)
{
    for (int i = 0; i < ws.size(); ++i) {
        for (const QStringList &p : table) {
            if (i + p.size() <= ws.size() && ws.mid(i, p.size()) == p)
                return true;
        }
    }
    return false;
}

struct OptOutVocabulary
{
    QList<QStringList> strong, weak, deferral;
    QSet<QString> callWords, negWords;

    OptOutVocabulary()
    {
        strong = phraseTable(
            {"dnd", "डीएनडी", "remove my number", "remove me", "remove my name",
             "delete my number", "take me off", "take my number off", "unsubscribe", "stop calling", "stop call",
             "stop these calls", "stop the calls", "never call", "dont ever call", "do not ever call",
             "no more calls", "dont call me again", "do not call me again", "dont call again", "dont contact me",
             "do not contact me", "number hata do", "number hatao", "number hata dijiye", "mera number hata",
             "number delete", "dobara call mat", "dubara call mat", "phir se call mat", "fir se call mat",
             "kabhi call mat", "kabhi bhi call mat", "call band karo", "calls band karo", "call karna band",
             "phone karna band", "नंबर हटा", "कॉल बंद", "मेरा नंबर हटा", "दोबारा कॉल मत", "दोबारा फोन मत",
             "फिर से कॉल मत", "कभी कॉल मत"});
        weak = phraseTable({"do not disturb", "dont disturb", "dont call", "do not call", "dont phone", "do not phone", "dont ring", "no calls",
                            "call nahi chahiye", "calls nahi chahiye", "call na karein", "call na kare",
                            "call na karna", "call nahi karna", "कॉल नहीं चाहिए", "फोन नहीं चाहिए"});
        deferral = phraseTable({"now", "right now", "abhi", "अभी", "today", "aaj", "आज", "tomorrow", "kal", "कल",
                                "later", "baad", "बाद", "evening", "morning", "afternoon", "shaam", "subah", "शाम",
                                "सुबह", "busy", "meeting", "driving", "parso", "परसों", "next week", "hour",
                                "hours", "ghante", "घंटे", "minutes", "this time", "is time", "at this time",
                                "office time", "weekend", "after", "before", "pm", "am", "baje", "बजे", "ke baad", "monday", "tuesday", "wednesday", "thursday", "friday",
                                "saturday", "sunday"});
        for (const char *w : {"call", "calls", "phone", "fone", "कॉल", "फोन", "फ़ोन", "kol"})
            callWords.insert(fold(QString::fromUtf8(w)));
        for (const char *w : {"mat", "मत"})
            negWords.insert(fold(QString::fromUtf8(w)));
    }
};

const OptOutVocabulary &optOut()
{
    static const OptOutVocabulary v;
    return v;
}

} // namespace

bool Phrases::isBackchannel(const QString &utterance)
{
    const QStringList ws = utteranceWords(utterance);
    if (ws.isEmpty() || ws.size() > 4)
        return false;
    bool content = false;
    for (const QString &w : ws) {
        const QString s = squeeze(w);
        if (!backchannelWords().contains(s))
            return false;
        if (s != QLatin1String("hai") && s != QStringLiteral("है") && s != QLatin1String("uh"))
            content = true;
    }
    return content;
}

bool Phrases::isOptOut(const QString &utterance)
{
    const OptOutVocabulary &v = optOut();
    const QStringList ws = utteranceWords(utterance);
    if (ws.isEmpty())
        return false;
    if (containsPhrase(ws, v.strong))
        return true;
    bool weak = containsPhrase(ws, v.weak);
    // "call mat karo", "mat karo call", "mujhe call mat karna", "कॉल मत करो": a call word and "mat"
    // within three words of each other.
    for (int i = 0; i < ws.size() && !weak; ++i) {
        if (!v.callWords.contains(ws.at(i)))
            continue;
        for (int j = qMax(0, i - 3); j <= qMin(int(ws.size()) - 1, i + 3) && !weak; ++j)
            weak = v.negWords.contains(ws.at(j));
    }
    if (!weak)
        return false;
    return !containsPhrase(ws, v.deferral); // "abhi call mat karo, kal karna" defers
}

} // namespace Leadline::Language
