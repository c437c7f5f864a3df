#include "language/screeningphrases.h"

#include "language/text.h"

#include <QSet>

namespace Leadline::Language {

namespace {

struct Table
{
    QList<QStringList> phrases;
    QString label;
};

struct Vocabulary
{
    QList<QStringList> voicemailStrong, voicemailWeak, framing, ivrWeak, ivrStrong;
    QList<Table> announcementStrong, announcementWeak;
    QSet<QString> pressWords, hindiPressWords, numberWords;
    QSet<QString> voicemailFraming; // weak voicemail phrases only machines open with
    QSet<QString> firstPerson;      // "i", "मैं", "main": a person's own greeting, not the network's
    QList<QStringList> human;

    Vocabulary()
    {
        voicemailStrong = phraseTable(
            {"leave a message", "leave your message", "leave me a message", "leave a voice message", "leave a voicemail",
             "leave your name", "after the beep", "after the tone", "at the beep", "at the tone", "record your message",
             "voice mail", "voicemail", "voice mailbox", "mailbox", "cant take your call", "cannot take your call",
             "can not take your call", "unable to take your call", "not available to take your call",
             "cant come to the phone", "cannot come to the phone",
             "संदेश छोड़", "सन्देश छोड़", "मैसेज छोड़", "बीप के बाद", "बीप की आवाज़ के बाद", "अपना संदेश",
             "संदेश रिकॉर्ड", "वॉइस मेल", "वॉयस मेल", "वॉइसमेल", "sandesh chhodein", "sandesh chhode",
             "sandesh chodein", "sandesh chode", "message chhodein", "message chhode", "message chodein",
             "beep ke baad", "beep ki awaaz ke baad", "apna sandesh", "sandesh record", "record your message",
             "leave your name and number", "after the beep", "नाम और नंबर छोड़", "नाम और नंबर छोड़ें", "नाम और नंबर छोड़ दें",
             "naam aur number chhod", "naam aur number chhodein", "naam aur number chhodiye", "naam aur number chod",
             "message chhodiye", "message chodiye", "sandesh chhodiye", "संदेश छोड़ें", "संदेश रिकॉर्ड करें",
             "phone nahi utha sakta", "phone nahi utha sakti", "फोन नहीं उठा सकता", "फोन नहीं उठा सकती",
             "फ़ोन नहीं उठा सकता", "फ़ोन नहीं उठा सकती", "not able to take your call", "not able to answer",
             "cant answer the phone", "cannot answer the phone", "cant answer your call", "cannot answer your call",
             "unable to answer your call", "unable to answer the phone", "cant get to the phone", "cannot get to the phone", "away from the phone",
             "away from my phone", "message chhod", "message chod", "sandesh chhod", "sandesh chod",
             "कॉल नहीं ले सकता", "कॉल नहीं ले सकती", "call nahi le sakta", "call nahi le sakti",
             "कॉल का जवाब नहीं दे", "call ka jawab nahi de", "phone nahi utha pa", "फ़ोन नहीं उठा पा",
             "फोन नहीं उठा पा"});
        voicemailWeak = phraseTable({"get back to you", "call you back as soon", "not available", "is unavailable", "you have reached", "youve reached",
                                     "you reached", "please leave", "abhi uplabdh nahi", "अभी उपलब्ध नहीं", "available nahi hoon",
                                     "उपलब्ध नहीं हूँ", "उपलब्ध नहीं हूं", "वापस कॉल", "call you back", "will call you back",
                                     "the person you are calling", "जिस व्यक्ति को", "jis vyakti ko", "missed your call",
                                     "sorry i missed", "return your call", "drop me a message", "drop a message"});
        for (const char *p : {"the person you are calling", "जिस व्यक्ति को", "jis vyakti ko", "missed your call"})
            voicemailFraming.insert(foldedWords(QString::fromUtf8(p)).join(QLatin1Char(' ')));
        // Machine framing: how announcements start or end.
        framing = phraseTable(
            {"the number you are calling", "the number you are trying", "the number you have dialled",
             "the number you have dialed", "number you have called", "the number you dialled", "the number you dialed",
             "the subscriber you", "the mobile number you", "the customer you are calling", "the person you are calling",
             "please try again later", "please try later", "please check the number", "jis number par", "jis number pe",
             "dial kiya gaya number", "dwara dial kiya", "kripya thodi der baad", "kripya baad mein", "जिस नंबर पर",
             "जिस नंबर पे", "डायल किया गया नंबर", "द्वारा डायल किया", "कृपया थोड़ी देर बाद", "कृपया बाद में",
             "कृपया नंबर की जांच", "कृपया नंबर जांच", "jis number ko", "जिस नंबर को", "aapne jo number",
             "आपने जो नंबर", "dial kar rahe hain", "डायल कर रहे हैं", "the number you have called",
             "the subscriber you are trying", "please check the number and try"});
        announcementStrong = {
            {phraseTable({"currently switched off", "is switched off", "has been switched off", "switched off at the moment",
                          "abhi switch off", "switch off hai", "स्विच ऑफ है", "स्विच ऑफ़ है", "अभी स्विच ऑफ"}),
             QStringLiteral("switched_off")},
            {phraseTable({"not reachable", "is unreachable", "out of coverage", "outside the coverage", "out of network",
                          "outside network coverage", "network coverage area se bahar", "pahunch se bahar", "pahuch se bahar",
                          "पहुंच से बाहर", "पहुँच से बाहर", "नेटवर्क क्षेत्र से बाहर", "कवरेज क्षेत्र से बाहर",
                          "नेटवर्क कवरेज क्षेत्र", "sampark nahi ho", "संपर्क नहीं हो"}),
             QStringLiteral("not_reachable")},
            {phraseTable({"busy on another call", "is busy on another", "busy with another call", "currently busy please",
                          "dusri call par vyast", "doosri call par vyast", "दूसरी कॉल पर व्यस्त", "दूसरे कॉल पर व्यस्त"}),
             QStringLiteral("busy")},
            {phraseTable({"does not exist", "doesnt exist", "do not exist", "is not in service", "no longer in service",
                          "not a valid number", "is invalid", "invalid number", "not valid", "incorrect number",
                          "maujood nahi", "mojood nahi", "maujud nahi", "मौजूद नहीं", "मौजूद नही", "मान्य नहीं",
                          "सेवा में नहीं", "अमान्य"}),
             QStringLiteral("invalid")},
            {phraseTable({"calls are barred", "call barred", "calls barred", "has been barred", "is barred", "are barred", "have been barred",
                          "incoming calls are not allowed", "incoming facility", "incoming call facility",
                          "incoming calls restricted", "temporarily suspended", "has been suspended",
                          "रोक लगा", "कॉल पर रोक", "इनकमिंग कॉल की सुविधा", "इनकमिंग सुविधा", "अस्थायी रूप से बंद",
                          "incoming call ki suvidha", "call par rok"}),
             QStringLiteral("barred")},
        };
        announcementWeak = {
            {phraseTable({"switched off", "switch off", "abhi band hai", "band hai", "बंद है", "अभी बंद"}),
             QStringLiteral("switched_off")},
            {phraseTable({"busy", "vyast", "व्यस्त", "on another call", "another call"}), QStringLiteral("busy")},
            {phraseTable({"not available", "unavailable", "uplabdh nahi", "उपलब्ध नहीं"}), QStringLiteral("not_reachable")},
        };
        human = phraseTable({"who is this", "who is calling", "who is speaking", "whos calling", "whos this", "who are you",
                             "who is it", "how may i help", "how can i help", "may i know", "tell me", "call me later",
                             "call me in", "call me after", "call me tomorrow", "call later", "call back later", "kaun",
                             "kon", "कौन", "boliye", "bolie", "बोलिए", "बोलो", "bataiye", "batao", "बताइए", "बताओ",
                             "kya kaam", "क्या काम", "baad mein call", "बाद में कॉल", "haan ji", "हाँ जी", "ji boliye",
                             "hello ji", "हेलो जी", "speaking", "may i know who", "who is this", "yes tell me", "tell me",
                             "baad mein call karna", "baad mein baat", "बाद में बात", "कॉल मत करना", "call mat karna",
                             "do not call", "dont call", "कौन बोल रहा", "kaun bol raha", "remove my number",
                             "not interested", "interested nahi", "इंटरेस्टेड नहीं", "मुझे नहीं चाहिए", "nahi chahiye"});
        ivrWeak = phraseTable({"for sales", "for english", "for hindi", "to speak to", "to talk to", "main menu",
                               "thank you for calling", "welcome to", "your call is important", "all our executives",
                               "all our agents", "extension number", "the extension", "हिंदी के लिए", "इंग्लिश के लिए",
                               "अंग्रेज़ी के लिए", "hindi ke liye", "english ke liye", "कॉल करने के लिए धन्यवाद",
                               "call karne ke liye dhanyavad", "में आपका स्वागत है", "mein aapka swagat hai", "customer support",
                               "customer care", "for support", "dial extension", "thanks for calling", "connecting you to",
                               "connecting your call", "please hold", "thank you for your patience"});
        // What only a menu says: hold queues and "enter your extension".
        ivrStrong = phraseTable({"please hold while we connect", "hold while we connect", "while we connect your call",
                                 "please enter your", "please enter the", "enter your extension", "enter the extension",
                                 "followed by the hash", "followed by hash", "your call is important", "stay on the line",
                                 "will be with you shortly", "all our executives are busy", "all our agents are busy",
                                 "next available executive", "next available agent", "कृपया प्रतीक्षा करें",
                                 "कृपया लाइन पर बने रहें", "लाइन पर बने रहें", "एक्सटेंशन नंबर डालें", "अपना एक्सटेंशन नंबर",
                                 "से जोड़ी जा रही है", "अगले उपलब्ध अधिकारी", "kripya pratiksha karein", "line par bane rahein",
                                 "extension number dalein", "extension number daalein", "आपकी कॉल महत्वपूर्ण है",
                                 "your call is being transferred", "call is being transferred", "transferring your call",
                                 "transfer ki ja rahi", "transfer kiya ja raha", "ट्रांसफर की जा रही", "ट्रांसफर किया जा रहा",
                                 "dial the extension", "your partys extension", "this call may be recorded",
                                 "call may be recorded", "calls may be recorded", "recorded for quality",
                                 "for quality and training", "for quality purposes", "all our representatives are busy",
                                 "सभी प्रतिनिधि व्यस्त", "सभी अधिकारी व्यस्त"});
        for (const char *w : {"दबाएं", "दबाए", "दबाइए", "दबाइये", "दबाये", "दबाएँ", "दबाऐं", "dabaye", "dabayen", "dabayein",
                              "dabaiye", "dabaaiye", "dabaen", "dabaein"})
            hindiPressWords.insert(fold(QString::fromUtf8(w)));
        for (const char *w : {"i", "im", "ive", "ill", "my", "me", "main", "मैं", "मेरा", "मेरी", "मुझे", "mera", "meri", "mujhe"})
            firstPerson.insert(fold(QString::fromUtf8(w)));
        for (const char *w : {"press", "dial", "pressing"})
            pressWords.insert(fold(QString::fromUtf8(w)));
        pressWords.unite(hindiPressWords);
        for (const char *w : {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "zero", "one", "two", "three", "four",
                              "five", "six", "seven", "eight", "nine", "star", "hash", "pound", "शून्य", "एक", "दो", "तीन",
                              "चार", "पांच", "पाँच", "छह", "छः", "सात", "आठ", "नौ", "ek", "teen", "char", "chaar", "paanch",
                              "panch", "chhe", "chhah", "saat", "aath", "nau", "shunya", "स्टार", "हैश"})
            numberWords.insert(fold(QString::fromUtf8(w)));
    }
};

const Vocabulary &vocabulary()
{
    static const Vocabulary v;
    return v;
}

// Where phrase p starts in ws at i, or -1. A phrase of three or more words also matches with up
// to two other words spoken inside it ("your call is VERY important", "calls to this number have
// been TEMPORARILY barred", "आपकी कॉल हमारे लिए महत्वपूर्ण है"): recorded prompts vary their filler
// words, and a short phrase stays exact so a gap cannot make it up from unrelated words.
constexpr int kMaxInsertedWords = 2;

bool matchesAt(const QStringList &ws, int i, const QStringList &p)
{
    if (i + p.size() > ws.size() || ws.at(i) != p.first())
        return false;
    const int allowed = p.size() >= 3 ? kMaxInsertedWords : 0;
    int inserted = 0;
    int k = i + 1;
    for (int j = 1; j < p.size(); ++j) {
        while (k < ws.size() && ws.at(k) != p.at(j) && inserted < allowed) {
            ++k;
            ++inserted;
        }
        if (k >= ws.size() || ws.at(k) != p.at(j))
            return false;
        ++k;
    }
    return true;
}

// The first phrase of the table found in ws (joined with spaces), or an empty string.
QString find(const QStringList &ws, const QList<QStringList> &table)
{
    for (int i = 0; i < ws.size(); ++i) {
        for (const QStringList &p : table) {
            if (matchesAt(ws, i, p))
                return p.join(QLatin1Char(' '));
        }
    }
    return {};
}

// Every phrase of the table found in ws, each once, in the order they are spoken.
QStringList findAll(const QStringList &ws, const QList<QStringList> &table)
{
    QStringList out;
    for (int i = 0; i < ws.size(); ++i) {
        for (const QStringList &p : table) {
            if (matchesAt(ws, i, p)) {
                const QString joined = p.join(QLatin1Char(' '));
                if (!out.contains(joined))
                    out << joined;
            }
        }
    }
    return out;
}

// A recorded carrier announcement speaks of "the number" and "the subscriber", never as "I":
// "मैं अभी व्यस्त हूँ, कृपया बाद में कॉल करें" is somebody's voicemail, not a network busy tone.
bool speaksInFirstPerson(const QStringList &ws, const QSet<QString> &firstPerson)
{
    for (const QString &w : ws) {
        if (firstPerson.contains(w))
            return true;
    }
    return false;
}

} // namespace

bool ScreeningPhrases::soundsHuman(const QString &utterance)
{
    return !find(utteranceWords(utterance), vocabulary().human).isEmpty();
}

QList<ScreeningCue> ScreeningPhrases::cues(const QString &utterance)
{
    const Vocabulary &v = vocabulary();
    const QStringList ws = utteranceWords(utterance);
    QList<ScreeningCue> out;
    if (ws.isEmpty())
        return out;
    auto add = [&out](ScreeningCue::Kind kind, bool strong, const QString &phrase, const QString &announcement = {}) {
        ScreeningCue c;
        c.kind = kind;
        c.strong = strong;
        c.phrase = phrase;
        c.announcement = announcement;
        out << c;
    };
    // Strong cues, most telling first.
    for (const QString &p : findAll(ws, v.voicemailStrong))
        add(ScreeningCue::Kind::Voicemail, true, p);
    const QStringList framed = findAll(ws, v.framing);
    const QStringList ivrStrong = findAll(ws, v.ivrStrong);
    const bool firstPerson = speaksInFirstPerson(ws, v.firstPerson);
    for (const Table &t : v.announcementStrong) {
        // "All our executives are currently busy, please stay on the line" is a queue, not a busy number.
        if (t.label == QLatin1String("busy") && !ivrStrong.isEmpty())
            continue;
        for (const QString &p : findAll(ws, t.phrases))
            add(ScreeningCue::Kind::Announcement, true, p, t.label);
    }
    if (!framed.isEmpty() && !firstPerson) {
        for (const Table &t : v.announcementWeak) {
            // "The person you are calling is not available" opens voicemail greetings too: no
            // announcement cue beyond the framing itself.
            if (t.label == QLatin1String("not_reachable"))
                continue;
            for (const QString &p : findAll(ws, t.phrases))
                add(ScreeningCue::Kind::Announcement, true, framed.first() + QStringLiteral(" … ") + p, t.label);
        }
    }
    // IVR: a "press" word with a digit next to it ("press 1", "for sales press two", "एक दबाएं").
    for (int i = 0; i < ws.size(); ++i) {
        if (!v.pressWords.contains(ws.at(i)))
            continue;
        for (int j = qMax(0, i - 2); j <= qMin(int(ws.size()) - 1, i + 2); ++j) {
            // "do" (two) only before a Hindi press word: "do dabayein", never "what do I press".
            const bool hindiTwo = j < i && v.hindiPressWords.contains(ws.at(i))
                                  && (ws.at(j) == QLatin1String("do") || ws.at(j) == QStringLiteral("दो"));
            if (j != i && (v.numberWords.contains(ws.at(j)) || hindiTwo)) {
                add(ScreeningCue::Kind::Ivr, true, j < i ? ws.at(j) + QLatin1Char(' ') + ws.at(i) : ws.at(i) + QLatin1Char(' ') + ws.at(j));
                break;
            }
        }
    }
    for (const QString &p : ivrStrong)
        add(ScreeningCue::Kind::Ivr, true, p);
    // Weak cues: machine-like, not conclusive on their own.
    for (const QString &p : findAll(ws, v.voicemailWeak)) {
        add(ScreeningCue::Kind::Voicemail, false, p);
        out.last().framing = v.voicemailFraming.contains(p);
    }
    for (const QString &p : firstPerson ? QStringList() : framed) {
        add(ScreeningCue::Kind::Announcement, false, p, QStringLiteral("not_reachable"));
        out.last().framing = true;
    }
    if (framed.isEmpty()) {
        for (const Table &t : v.announcementWeak) {
            for (const QString &p : findAll(ws, t.phrases))
                add(ScreeningCue::Kind::Announcement, false, p, t.label);
        }
    }
    for (const QString &p : findAll(ws, v.ivrWeak))
        add(ScreeningCue::Kind::Ivr, false, p);
    return out;
}

ScreeningCue ScreeningPhrases::match(const QString &utterance)
{
    const QList<ScreeningCue> all = cues(utterance);
    for (const ScreeningCue &c : all) {
        if (c.strong)
            return c;
    }
    return all.isEmpty() ? ScreeningCue() : all.first();
}

} // namespace Leadline::Language
