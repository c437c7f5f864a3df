// Call screening (engine/screening): the tone detector, the phrase matcher, the screener's rules
// (a beep is one tone after a greeting and then silence; one weak cue never decides alone; line
// noise is not speech; SIT tones are carrier evidence; a grammar recogniser's words prove
// nothing) and the policy. Speech is espeak-ng (the product's offline TTS) resampled to 8 kHz.
// Accuracy over the 224-stream evaluation set is tst_screeningeval (and bench/screening_eval).
#include "audio/pcm.h"
#include "core/settings.h"
#include "audio/resampler.h"
#include "language/screeningphrases.h"
#include "providers/local/offlinespeech.h"
#include "screening/callscreener.h"
#include "screening/ivrnavigation.h"
#include "screening/tonedetector.h"

#include <QEventLoop>
#include <QtTest>
#include <cmath>

using namespace Leadline;
using namespace Leadline::Screening;
using Language::ScreeningCue;
using Language::ScreeningPhrases;

namespace {

constexpr int kRate = 8000;

// Deterministic noise: a 64-bit LCG, Box-Muller to a normal distribution.
class Noise
{
public:
    explicit Noise(quint64 seed) : m_state(seed * 6364136223846793005ULL + 1442695040888963407ULL) {}
    double uniform()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (double((m_state >> 11) & ((1ULL << 53) - 1)) + 0.5) / double(1ULL << 53);
    }
    double normal() { return std::sqrt(-2.0 * std::log(uniform())) * std::cos(2.0 * M_PI * uniform()); }

private:
    quint64 m_state;
};

void setSample(QByteArray &pcm, int i, double v)
{
    const auto s = qint16(qBound(-32768.0, std::round(v), 32767.0));
    pcm[2 * i] = char(quint16(s) & 0xff);
    pcm[2 * i + 1] = char(quint16(s) >> 8);
}

// Adds white noise of RMS sigma over the whole clip.
void addWhite(QByteArray &pcm, double sigma, quint64 seed)
{
    Noise noise(seed);
    for (int i = 0; i < Audio::sampleCount(pcm); ++i)
        setSample(pcm, i, Audio::sampleAt(pcm, i) + sigma * noise.normal());
}

// Adds white noise snrDb below the level of the loud (speech) frames, over the whole clip.
void addNoise(QByteArray &pcm, double snrDb, quint64 seed)
{
    double sum = 0.0;
    qint64 n = 0;
    const int frame = 160;
    for (int f = 0; (f + 1) * frame <= Audio::sampleCount(pcm); ++f) {
        const double r = Audio::rms(pcm.mid(f * frame * 2, frame * 2));
        if (r > 300.0) {
            sum += r * r;
            ++n;
        }
    }
    const double signal = n ? std::sqrt(sum / n) : 3000.0;
    addWhite(pcm, signal / std::pow(10.0, snrDb / 20.0), seed);
}

QByteArray resample(const QByteArray &pcm, int from, int to)
{
    Audio::Resampler r(from, to);
    QByteArray out = r.process(pcm);
    out += r.flush();
    return out;
}

struct Clip
{
    QString name;
    CallClass expected;
    QString language;    // espeak voice: "en" or "hi"
    QString text;
    int beepHz = 0;      // appended after the speech when set
    bool noisy = false;
    enum Transcript { Stt, Script, None } transcript = Stt;
    QString second;      // humans: a second short utterance after a pause
};

} // namespace

class tst_Screening : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void toneDetectorFindsBeeps_data();
    void toneDetectorFindsBeeps();
    void toneDetectorIgnoresSpeechNoiseAndBlips();
    void phraseMatcher_data();
    void phraseMatcher();
    void humanMarkers();
    void screenerDefaultsToHuman();
    void screenerWeighsEvidence();
    void policyMapsOutcomes();
    void offlineSpeechNeedsConsentForRealCalls();
    void ivrNavigationHelpers();

private:
    QByteArray speak(const QString &text, const QString &language); // 8 kHz
    std::shared_ptr<Providers::OfflineSpeechEngine> m_engine;
};

void tst_Screening::initTestCase()
{
    m_engine = std::make_shared<Providers::OfflineSpeechEngine>();
    QVERIFY2(m_engine->ttsAvailable(), "espeak-ng must be installed (scripts/install-deps.sh)");
    QVERIFY2(m_engine->sttAvailable(), "PocketSphinx and its en-us model must be installed (scripts/install-deps.sh)");
}

QByteArray tst_Screening::speak(const QString &text, const QString &language)
{
    QByteArray pcm;
    bool ok = false;
    QEventLoop loop;
    QObject ctx;
    m_engine->synthesize(
        text, language, &ctx, [&](const QByteArray &chunk) { pcm += chunk; },
        [&](bool done) {
            ok = done;
            loop.quit();
        },
        [] { return false; });
    loop.exec();
    return ok ? resample(pcm, m_engine->ttsSampleRate(), kRate) : QByteArray();
}

// ------------------------------------------------------------------ beep detector

void tst_Screening::toneDetectorFindsBeeps_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<double>("hz");
    QTest::addColumn<int>("ms");
    QTest::addColumn<bool>("noisy");
    QTest::newRow("1000 Hz 300 ms at 8 kHz") << 8000 << 1000.0 << 300 << false;
    QTest::newRow("1400 Hz 200 ms at 8 kHz, noisy") << 8000 << 1400.0 << 200 << true;
    QTest::newRow("440 Hz 500 ms at 16 kHz") << 16000 << 440.0 << 500 << false;
    QTest::newRow("1950 Hz 160 ms at 16 kHz, noisy") << 16000 << 1950.0 << 160 << true;
    QTest::newRow("837 Hz 250 ms at 8 kHz (off the 25 Hz grid)") << 8000 << 837.0 << 250 << false;
}

void tst_Screening::toneDetectorFindsBeeps()
{
    QFETCH(int, rate);
    QFETCH(double, hz);
    QFETCH(int, ms);
    QFETCH(bool, noisy);
    QByteArray pcm = Audio::silence(500, rate) + Audio::tone(ms, rate, hz, 0.3) + Audio::silence(500, rate);
    if (noisy)
        addNoise(pcm, 20.0, 7);
    ToneDetector d;
    int hits = 0;
    for (int off = 0; off < pcm.size(); off += 320) // 20 ms frames at 8 kHz, 10 ms at 16 kHz
        hits += d.feed(pcm.mid(off, 320), rate) ? 1 : 0;
    QCOMPARE(hits, 1);
    QCOMPARE(d.tonesDetected(), 1);
    QVERIFY2(std::abs(d.lastTone().frequencyHz - hz) <= 30.0, qPrintable(QString::number(d.lastTone().frequencyHz)));
    QVERIFY2(std::abs(d.lastTone().startMs - 500) <= 40, qPrintable(QString::number(d.lastTone().startMs)));
    QVERIFY(d.lastTone().durationMs >= 150);
}

void tst_Screening::toneDetectorIgnoresSpeechNoiseAndBlips()
{
    // A 100 ms blip is not a beep; out-of-band tones are not either.
    for (const auto &[hz, ms] : {std::pair<double, int>{1000.0, 100}, {200.0, 400}, {3000.0, 400}}) {
        ToneDetector d;
        d.feed(Audio::silence(200, kRate) + Audio::tone(ms, kRate, hz, 0.3) + Audio::silence(200, kRate), kRate);
        QVERIFY2(d.tonesDetected() == 0, qPrintable(QStringLiteral("%1 Hz %2 ms").arg(hz).arg(ms)));
    }
    // Pure noise.
    QByteArray noise = Audio::silence(2000, kRate);
    addWhite(noise, 3000.0, 3);
    ToneDetector dn;
    dn.feed(noise, kRate);
    QCOMPARE(dn.tonesDetected(), 0);
    // Speech (both voices, sustained vowels included).
    for (const auto &[text, lang] : {std::pair<const char *, const char *>{"Hello? Yes, who is this? Sooo, tell me.", "en"},
                                     {"हाँ जी, बोलिए। आप कौन बोल रहे हैं?", "hi"},
                                     {"The number you are calling is currently switched off.", "en"}}) {
        ToneDetector d;
        const QByteArray pcm = speak(QString::fromUtf8(text), QString::fromLatin1(lang));
        QVERIFY(pcm.size() > 8000);
        d.feed(pcm, kRate);
        QVERIFY2(d.tonesDetected() == 0, text);
    }
    // The purity measure itself: 1 for a sine at the frequency, ~0 elsewhere.
    const QByteArray t = Audio::tone(20, kRate, 1000.0, 0.5);
    QList<float> f;
    for (int i = 0; i < Audio::sampleCount(t); ++i)
        f << float(Audio::sampleAt(t, i));
    QVERIFY(ToneDetector::purity(f.constData(), int(f.size()), kRate, 1000.0) > 0.95);
    QVERIFY(ToneDetector::purity(f.constData(), int(f.size()), kRate, 1500.0) < 0.05);
}

// ------------------------------------------------------------------ phrase matcher

void tst_Screening::phraseMatcher_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("strong");
    QTest::addColumn<QString>("announcement");
    using K = ScreeningCue::Kind;
    auto row = [](const char *name, const char *text, K kind, bool strong, const char *ann = "") {
        QTest::newRow(name) << QString::fromUtf8(text) << int(kind) << strong << QString::fromUtf8(ann);
    };
    // Humans: nothing machine-like, even with words machines use too.
    row("hello", "Hello?", K::None, false);
    row("haan ji boliye", "haan ji, boliye", K::None, false);
    row("हाँ जी बोलिए", "हाँ जी, बोलिए", K::None, false);
    row("who is this", "Yes, who is this?", K::None, false);
    row("i'm busy is weak", "I'm busy right now", K::Announcement, false, "busy");
    row("dukaan band hai is weak", "abhi dukaan band hai", K::Announcement, false, "switched_off");
    row("press (no digit)", "I will press the issue later", K::None, false);
    row("what do I press", "what do I press now?", K::None, false);
    // Voicemail.
    row("leave a message", "Please leave a message after the beep.", K::Voicemail, true);
    row("can't take your call", "Hi, this is Priya, I can't take your call right now", K::Voicemail, true);
    row("संदेश छोड़ें", "कृपया बीप के बाद अपना संदेश छोड़ें", K::Voicemail, true);
    row("sandesh chhodein", "kripya beep ke baad sandesh chhodein", K::Voicemail, true);
    row("you have reached is weak", "You have reached Rahul", K::Voicemail, false);
    // Announcements, English / Hindi / romanized.
    row("switched off", "The number you are calling is currently switched off.", K::Announcement, true, "switched_off");
    row("बंद है framed", "आप जिस नंबर पर कॉल कर रहे हैं वह अभी बंद है", K::Announcement, true, "switched_off");
    row("switch off hai", "aap jis number par call kar rahe hain vah abhi switch off hai", K::Announcement, true, "switched_off");
    row("not reachable", "The number you are calling is not reachable at the moment", K::Announcement, true, "not_reachable");
    row("पहुँच से बाहर", "वह अभी पहुँच से बाहर है", K::Announcement, true, "not_reachable");
    row("पहुंच (anusvara)", "वह अभी पहुंच से बाहर है", K::Announcement, true, "not_reachable");
    row("pahunch se bahar", "jis number par aap call kar rahe hain vah pahunch se bahar hai", K::Announcement, true, "not_reachable");
    row("does not exist", "The number you have dialled does not exist", K::Announcement, true, "invalid");
    row("मौजूद नहीं", "आपके द्वारा डायल किया गया नंबर मौजूद नहीं है", K::Announcement, true, "invalid");
    row("maujood nahi", "yah number maujood nahi hai", K::Announcement, true, "invalid");
    row("busy on another call", "The number you are calling is busy on another call", K::Announcement, true, "busy");
    row("व्यस्त framed", "आप जिस नंबर पर कॉल कर रहे हैं वह व्यस्त है", K::Announcement, true, "busy");
    row("vyast framed", "aap jis number par call kar rahe hain vo vyast hai", K::Announcement, true, "busy");
    row("barred", "Incoming calls to this number are barred", K::Announcement, true, "barred");
    row("इनकमिंग सुविधा", "इस नंबर पर इनकमिंग कॉल की सुविधा उपलब्ध नहीं है", K::Announcement, true, "barred");
    row("framing alone is weak", "The number you are calling", K::Announcement, false, "not_reachable");
    // IVR.
    row("press 1", "For sales, press 1.", K::Ivr, true);
    row("press zero", "To speak to an executive, press zero", K::Ivr, true);
    row("एक दबाएं", "बिक्री के लिए एक दबाएं", K::Ivr, true);
    row("do dabayein", "support ke liye do dabayein", K::Ivr, true);
    row("welcome to is weak", "Welcome to Sunrise Realty", K::Ivr, false);
    // Recorded prompts vary their filler words: a phrase of three or more words matches with up to
    // two words inside it; a two-word phrase stays exact, and three inserted words are too many.
    row("two inserted words", "Incoming calls to this number have been temporarily barred.", K::Announcement, true, "barred");
    row("हमारे लिए inside", "आपकी कॉल हमारे लिए महत्वपूर्ण है", K::Ivr, true);
    row("three inserted words are too many", "your call to us is really very important", K::None, false);
    row("two-word phrases stay exact", "not really available", K::None, false);
    // A carrier never says "I": a first-person greeting with "please call later" and "busy" is a
    // voicemail, not a network busy announcement.
    row("मैं व्यस्त हूँ is no announcement", "मैं अभी व्यस्त हूँ, कृपया बाद में कॉल करें या संदेश छोड़ें।", K::Voicemail, true);
    row("framed busy without I", "कृपया बाद में कॉल करें, यह नंबर व्यस्त है", K::Announcement, true, "busy");
    // "All our executives are busy" is a queue, not a busy number.
    row("busy queue is an IVR", "All our executives are currently busy, please stay on the line.", K::Ivr, true);
    row("call recording notice", "This call may be recorded for quality purposes.", K::Ivr, true);
    row("transfer", "Please wait, your call is being transferred.", K::Ivr, true);
    row("not able to take your call", "Hello, I am not able to take your call at the moment.", K::Voicemail, true);
    row("कॉल नहीं ले सकता", "नमस्कार, मैं अभी कॉल नहीं ले सकता", K::Voicemail, true);
    row("message chhod dijiye", "abhi main busy hoon, apna message chhod dijiye", K::Voicemail, true);
    // Things a busy person says too stay weak: they never decide alone.
    row("return your call is weak", "Can I return your call in ten minutes?", K::Voicemail, false);
    row("drop me a message is weak", "I am busy, drop me a message on WhatsApp", K::Voicemail, false);
    // People answering (soundsHuman is checked separately below).
    row("receptionist", "Thank you for calling Sunrise Realty, how may I help you?", K::Ivr, false);
}

void tst_Screening::phraseMatcher()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(bool, strong);
    QFETCH(QString, announcement);
    const ScreeningCue cue = ScreeningPhrases::match(text);
    QCOMPARE(int(cue.kind), kind);
    if (cue.kind != ScreeningCue::Kind::None) {
        QCOMPARE(cue.strong, strong);
        QVERIFY(!cue.phrase.isEmpty());
    }
    QCOMPARE(cue.announcement, announcement);
}

void tst_Screening::humanMarkers()
{
    for (const char *t : {"Hello, who is calling?", "हाँ, कौन बोल रहा है?", "haan ji boliye", "how may I help you",
                          "abhi busy hoon, baad mein call karna", "Sorry, he is not available, may I know who is calling?",
                          "Please remove my number from your list", "I am not interested"})
        QVERIFY2(ScreeningPhrases::soundsHuman(QString::fromUtf8(t)), t);
    for (const char *t : {"The number you are calling is currently switched off", "Please leave a message after the beep",
                          "आप जिस नंबर पर कॉल कर रहे हैं वह अभी बंद है", "For sales, press 1", "Hi, you have reached Priya"})
        QVERIFY2(!ScreeningPhrases::soundsHuman(QString::fromUtf8(t)), t);
}

// ------------------------------------------------------------------ screener and policy

void tst_Screening::screenerDefaultsToHuman()
{
    // Silence: human (default), decided at the deadline and not before.
    CallScreener s;
    QVERIFY(!s.pushAudio(Audio::silence(5000, kRate), kRate));
    QVERIFY(!s.decided());
    QVERIFY(s.pushAudio(Audio::silence(1000, kRate), kRate));
    QCOMPARE(s.verdict().callClass, CallClass::Human);
    QCOMPARE(s.verdict().atMs, qint64(6000));
    // A weak cue ("I'm busy") from a person who then pauses stays human.
    CallScreener w;
    w.pushAudio(speak(QStringLiteral("I am busy."), QStringLiteral("en")), kRate);
    w.pushTranscript(QStringLiteral("I'm busy"), true);
    w.pushAudio(Audio::silence(6000, kRate), kRate);
    QVERIFY(w.decided());
    QCOMPARE(w.verdict().callClass, CallClass::Human);
    // A talkative person (a long first sentence with no pause) whose words are not a machine's
    // stays human; without words yet, the verdict waits for them (bounded).
    const QByteArray talk = speak(QStringLiteral("Hello yes tell me, I was looking for a two bedroom flat in Pune, near the "
                                                 "railway station, something under sixty lakh, what do you have for me?"),
                                  QStringLiteral("en"))
                            + Audio::silence(4000, kRate);
    CallScreener t;
    for (int off = 0; off < talk.size() && !t.decided(); off += 320) {
        t.pushAudio(talk.mid(off, 320), kRate);
        if (t.positionMs() == 6600)
            t.pushTranscript(QStringLiteral("hello yes tell me I was looking for a two bedroom flat in Pune"), true);
    }
    QVERIFY(t.decided());
    QCOMPARE(t.verdict().callClass, CallClass::Human);
    QVERIFY2(t.verdict().atMs >= 6600, qPrintable(t.verdict().reason));
    // A strong phrase decides at once.
    CallScreener m;
    m.pushAudio(Audio::silence(400, kRate), kRate);
    QVERIFY(m.pushTranscript(QStringLiteral("the number you have dialled does not exist"), false));
    QCOMPARE(m.verdict().callClass, CallClass::Announcement);
    QCOMPARE(m.verdict().announcement, QStringLiteral("invalid"));
    QCOMPARE(m.verdict().atMs, qint64(400));
    // A beep after a greeting, then silence: voicemail, with the beep in the reason.
    CallScreener b;
    const QByteArray greeting = speak(QStringLiteral("Hi, this is Rahul, please leave your details."), QStringLiteral("en"));
    b.pushAudio(greeting, kRate);
    QVERIFY(!b.decided());
    b.pushAudio(Audio::tone(300, kRate, 1000.0, 0.3), kRate);
    QVERIFY2(!b.decided(), "a beep counts once the silence after it is heard");
    b.pushAudio(Audio::silence(500, kRate), kRate);
    QVERIFY(b.decided());
    QCOMPARE(b.verdict().callClass, CallClass::Voicemail);
    QVERIFY2(b.verdict().reason.contains(QStringLiteral("beep")), qPrintable(b.verdict().reason));
    // The same tone followed by more speech or by other notes is not a beep.
    const QByteArray notes = Audio::tone(300, kRate, 1300.0, 0.3) + Audio::tone(300, kRate, 800.0, 0.3);
    for (const QByteArray &after : {greeting, notes}) {
        CallScreener j;
        j.pushAudio(greeting + Audio::tone(300, kRate, 1000.0, 0.3) + after + Audio::silence(300, kRate), kRate);
        QVERIFY2(!j.decided() || j.verdict().callClass != CallClass::Voicemail, qPrintable(j.verdict().reason));
        QVERIFY(!j.verdict().reason.contains(QStringLiteral("beep")));
    }
}

void tst_Screening::screenerWeighsEvidence()
{
    // (One weak cue and a pause stays human: screenerDefaultsToHuman, "I am busy".)
    // Line noise at -30 dBFS is not speech: the verdict is human by default, recorded unknown.
    QByteArray noise = Audio::silence(7000, kRate);
    addWhite(noise, 1036.0, 11); // -30 dBFS
    CallScreener q;
    q.pushAudio(noise, kRate);
    QVERIFY(q.decided());
    QCOMPARE(q.verdict().callClass, CallClass::Human);
    QVERIFY(q.verdict().unknown);
    QCOMPARE(q.verdict().label(), QStringLiteral("unknown"));
    QVERIFY2(q.verdict().reason.startsWith(QStringLiteral("silence")), qPrintable(q.verdict().reason));
    // ... and a short "hello?" over that noise, then waiting, is a person heard on evidence.
    QByteArray hello = Audio::silence(500, kRate) + speak(QStringLiteral("Hello?"), QStringLiteral("en"));
    hello += Audio::silence(int(7000 - Audio::durationMs(hello.size(), kRate)), kRate);
    addWhite(hello, 1036.0, 12);
    CallScreener h;
    h.pushAudio(hello, kRate);
    QVERIFY(h.decided());
    QCOMPARE(h.verdict().callClass, CallClass::Human);
    QVERIFY2(h.verdict().confidentHuman(), qPrintable(h.verdict().reason));
    QVERIFY(h.mayAddToDnc());
    // SIT tri-tone, then a machine talking on: a carrier announcement without any words.
    QByteArray sit = Audio::tone(274, kRate, 913.8, 0.3) + Audio::tone(274, kRate, 1370.6, 0.3) + Audio::tone(380, kRate, 1776.7, 0.3)
                     + Audio::silence(300, kRate);
    sit += speak(QStringLiteral("The subscriber you have called cannot be reached. Kindly try after some time, thank you."), QStringLiteral("en"));
    CallScreener a;
    a.pushAudio(sit + Audio::silence(2000, kRate), kRate);
    QVERIFY(a.decided());
    QCOMPARE(a.verdict().callClass, CallClass::Announcement);
    QVERIFY2(a.verdict().reason.contains(QStringLiteral("SIT")), qPrintable(a.verdict().reason));
    // A grammar recogniser's words are no evidence either way, and never put a number on the DNC list.
    ScreeningConfig grammar;
    grammar.grammarTranscripts = true;
    CallScreener g(grammar);
    g.pushAudio(Audio::silence(400, kRate), kRate);
    QVERIFY(!g.pushTranscript(QStringLiteral("for sales press one"), true));
    QVERIFY(!g.pushTranscript(QStringLiteral("who is calling"), true));
    g.pushAudio(speak(QStringLiteral("Hello?"), QStringLiteral("en")) + Audio::silence(6000, kRate), kRate);
    QVERIFY(g.decided());
    QCOMPARE(g.verdict().callClass, CallClass::Human);
    QVERIFY(!g.mayAddToDnc());
}

void tst_Screening::offlineSpeechNeedsConsentForRealCalls()
{
    Settings s = Settings::defaults();
    // No keys at all: offline speech, but no real carrier either (the demo, the simulator).
    QVERIFY(OfflineSpeechPolicy::fromSettings(s).mayStartCampaign());
    // A real Exotel account and offline speech: refused, saying what to set.
    s.set(QStringLiteral("EXOTEL_API_KEY"), QStringLiteral("key"));
    const OfflineSpeechPolicy refused = OfflineSpeechPolicy::fromSettings(s);
    QVERIFY(refused.offlineSpeech && refused.realCarrier && !refused.allowed);
    const Status st = refused.mayStartCampaign();
    QVERIFY(!st);
    QCOMPARE(st.error().code, Error::Code::Unprocessable);
    QVERIFY(st.error().message.contains(QStringLiteral("ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS")));
    QCOMPARE(refused.health(2).value(QStringLiteral("recognition")).toString(), QStringLiteral("offline"));
    QVERIFY(refused.health(2).value(QStringLiteral("warning")).toString().contains(QStringLiteral("2 campaign")));
    QVERIFY(!refused.health(0).contains(QStringLiteral("warning")));
    // The simulator on loopback is not a real carrier.
    s.set(QStringLiteral("EXOTEL_API_BASE_URL"), QStringLiteral("http://127.0.0.1:8123"));
    QVERIFY(OfflineSpeechPolicy::fromSettings(s).mayStartCampaign());
    s.set(QStringLiteral("EXOTEL_API_BASE_URL"), QStringLiteral("https://api.exotel.com"));
    // Explicit consent, or a live recogniser.
    s.set(QStringLiteral("ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS"), QStringLiteral("yes"));
    QVERIFY(OfflineSpeechPolicy::fromSettings(s).mayStartCampaign());
    s.set(QStringLiteral("ALLOW_OFFLINE_SPEECH_FOR_LIVE_CALLS"), QStringLiteral("no"));
    s.set(QStringLiteral("DEEPGRAM_API_KEY"), QStringLiteral("dg"));
    QVERIFY(OfflineSpeechPolicy::fromSettings(s).mayStartCampaign());
    QCOMPARE(OfflineSpeechPolicy::fromSettings(s).health(1).value(QStringLiteral("recognition")).toString(), QStringLiteral("live"));
}

void tst_Screening::policyMapsOutcomes()
{
    QCOMPARE(ScreeningPolicy::outcomeFor(CallClass::Human, {}), QString());
    QCOMPARE(ScreeningPolicy::outcomeFor(CallClass::Voicemail, {}), QStringLiteral("voicemail"));
    QCOMPARE(ScreeningPolicy::outcomeFor(CallClass::Ivr, {}), QStringLiteral("ivr"));
    QCOMPARE(ScreeningPolicy::outcomeFor(CallClass::Announcement, QStringLiteral("invalid")), QStringLiteral("invalid_number"));
    for (const char *a : {"switched_off", "not_reachable", "busy", "barred"})
        QCOMPARE(ScreeningPolicy::outcomeFor(CallClass::Announcement, QString::fromLatin1(a)), QStringLiteral("unreachable"));
    QVERIFY(ScreeningPolicy::defaultVoicemailMessage(QStringLiteral("en")).contains(QStringLiteral("{name}")));
    QVERIFY(ScreeningPolicy::defaultVoicemailMessage(QStringLiteral("hi")).contains(QStringLiteral("दोबारा कॉल")));
}

void tst_Screening::ivrNavigationHelpers()
{
    QCOMPARE(dtmfKeys(QStringLiteral("press 1, then #9*")), QStringLiteral("1#9*"));
    QCOMPARE(dtmfKeys(QStringLiteral("123456789"), 4), QStringLiteral("1234"));
    QVERIFY(dtmfAudio(QString(), 8000).isEmpty());
    // "5" = 770 + 1336 Hz, 80 ms tone + 80 ms gap.
    const QByteArray five = dtmfAudio(QStringLiteral("5"), 8000);
    QCOMPARE(Audio::durationMs(five.size(), 8000), qint64(160));
    QList<float> f;
    for (int i = 0; i < 640; ++i)
        f << float(Audio::sampleAt(five, i));
    QVERIFY(ToneDetector::purity(f.constData(), 640, 8000, 770.0) > 0.4);
    QVERIFY(ToneDetector::purity(f.constData(), 640, 8000, 1336.0) > 0.4);
    QVERIFY(ToneDetector::purity(f.constData(), 640, 8000, 697.0) < 0.05);
    // A two-tone key is not a voicemail beep.
    ToneDetector d;
    d.feed(dtmfAudio(QStringLiteral("5555"), 8000, 200, 50), 8000);
    QCOMPARE(d.tonesDetected(), 0);
    // The tools: press_digits added, "ivr" becomes an end_call outcome.
    QJsonArray tools{QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                                 {QStringLiteral("function"),
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("end_call")},
                                              {QStringLiteral("parameters"),
                                               QJsonObject{{QStringLiteral("properties"),
                                                            QJsonObject{{QStringLiteral("outcome"),
                                                                         QJsonObject{{QStringLiteral("enum"), QJsonArray{QStringLiteral("interested")}}}}}}}}}}}};
    const QJsonArray out = ivrTools(tools);
    QCOMPARE(out.size(), 2);
    QCOMPARE(out.at(1)[QStringLiteral("function")][QStringLiteral("name")].toString(), QStringLiteral("press_digits"));
    QCOMPARE(out.at(0)[QStringLiteral("function")][QStringLiteral("parameters")][QStringLiteral("properties")][QStringLiteral("outcome")][QStringLiteral("enum")].toArray(),
             (QJsonArray{QStringLiteral("interested"), QStringLiteral("ivr")}));
}

QTEST_GUILESS_MAIN(tst_Screening)
#include "tst_screening.moc"
