// ScreeningPhrases: what an answering machine, a carrier announcement or an IVR menu says in the
// first seconds of a call, in English, Hindi (Devanagari) and romanized Hindi, as Indian operators
// and PBXs play them:
//   voicemail     "please leave a message after the beep", "संदेश छोड़ें", "beep ke baad"
//   announcement  "the number you are calling is currently switched off", "आप जिस नंबर पर कॉल कर
//                 रहे हैं वह अभी बंद है", "is not reachable", "पहुँच से बाहर है", "does not exist",
//                 "मौजूद नहीं है", "busy on another call", "व्यस्त है", "incoming calls are barred"
//   ivr           "press 1", "for sales press two", "एक दबाएं", "sales ke liye do dabayein"
// Strong cues decide on their own; weak ones ("busy", "बंद है", "not available", "you have
// reached") only count with machine framing ("the number you are calling", "जिस नंबर पर") or
// together with an audio cue, because people say them too ("I'm busy", "dukaan band hai").
// Pure functions over immutable tables; thread-safe.
#pragma once

#include <QList>
#include <QString>

namespace Leadline::Language {

struct ScreeningCue
{
    enum class Kind { None, Voicemail, Announcement, Ivr };
    Kind kind = Kind::None;
    bool strong = false;
    // For announcements: switched_off, not_reachable, busy, invalid, barred (empty otherwise).
    QString announcement;
    QString phrase; // the folded words that matched, for the reason text
    // Weak, but how only machines open: "the number you are calling", "जिस नंबर पर", "the person
    // you are calling" (worth a little more than other weak cues).
    bool framing = false;
};

class ScreeningPhrases
{
public:
    // The most telling cue in an utterance (strong before weak; voicemail before announcement
    // before IVR when several strong ones occur). Kind::None when nothing machine-like was said.
    static ScreeningCue match(const QString &utterance);
    // Every cue in an utterance, strong ones first, each phrase once: the screener weighs them
    // together (two weak cues of one class count for more than one).
    static QList<ScreeningCue> cues(const QString &utterance);
    // True when the utterance talks *to* the caller the way people do ("who is calling?",
    // "how may I help you", "कौन बोल रहा है", "boliye", "call me later"): then weak cues and
    // long speech never make it a machine.
    static bool soundsHuman(const QString &utterance);
};

} // namespace Leadline::Language
