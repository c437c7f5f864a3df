// Offline speech (no keys, no network): espeak-ng speaks English and Hindi; PocketSphinx in
// grammar mode on the fixture utterances, with the word accuracy recorded so regressions show.
#include "audio/pcm.h"
#include "audio/resampler.h"
#include "fakes/fixturereplayer.h"
#include "providers/local/offlinespeech.h"
#include "telephony/mediaprotocol.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Providers;

class tst_OfflineSpeech : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void espeakSpeaksEnglishAndHindi_data();
    void espeakSpeaksEnglishAndHindi();
    void recognitionAccuracyOnFixtures();
    void sttObjectEmitsTurns();
    void hindiCallHearsRomanizedHindi_data();
    void hindiCallHearsRomanizedHindi();
    void resultHoldsAcrossLineNoise_data();
    void resultHoldsAcrossLineNoise();

private:
    QByteArray phoneLine(const QString &text, const QString &language); // espeak-ng, cut to 8 kHz
    std::shared_ptr<OfflineSpeechEngine> m_engine;
};

void tst_OfflineSpeech::initTestCase()
{
    m_engine = std::make_shared<OfflineSpeechEngine>();
    QVERIFY2(m_engine->ttsAvailable(), "espeak-ng must be installed (scripts/install-deps.sh)");
    QVERIFY2(m_engine->sttAvailable(), "PocketSphinx and its en-us model must be installed (scripts/install-deps.sh)");
}

void tst_OfflineSpeech::espeakSpeaksEnglishAndHindi_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("language");
    QTest::newRow("english") << "Namaste Aarav, is this a good time to talk?" << "en";
    QTest::newRow("hindi") << "नमस्ते राहुल जी, क्या अभी बात कर सकते हैं?" << "hi";
}

void tst_OfflineSpeech::espeakSpeaksEnglishAndHindi()
{
    QFETCH(QString, text);
    QFETCH(QString, language);
    EspeakTts tts(m_engine);
    QByteArray pcm;
    int chunks = 0;
    bool done = false;
    connect(&tts, &TextToSpeech::audio, this, [&](int id, const QByteArray &b) { QCOMPARE(id, 7); pcm += b; ++chunks; });
    connect(&tts, &TextToSpeech::done, this, [&](int) { done = true; });
    TtsOptions opts;
    opts.language = language;
    tts.synthesize(7, text, opts);
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    const qint64 ms = Audio::durationMs(pcm.size(), tts.sampleRate());
    QVERIFY2(ms > 1500 && ms < 8000, qPrintable(QString::number(ms)));
    QVERIFY2(chunks > 1, "audio must stream in pieces");
    QVERIFY(Audio::rms(pcm) > 500);
}

static QByteArray fixtureAudio(const QString &name, int fromMs, int toMs)
{
    QByteArray all;
    for (const QByteArray &line : Testing::readFixture(name)) {
        auto e = Telephony::parseMediaEvent(line);
        if (e && e->type == Telephony::MediaEvent::Type::Media)
            all += e->pcm;
    }
    return all.mid(qMax(0, fromMs - 200) * 16, (toMs - fromMs + 400) * 16);
}

static int editDistance(const QStringList &a, const QStringList &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        prev = cur;
    }
    return prev[b.size()];
}

void tst_OfflineSpeech::recognitionAccuracyOnFixtures()
{
    struct Utterance { const char *fixture; int from, to; const char *truth; const char *mustContain; };
    const Utterance utterances[] = {
        {"interested.jsonl", 1000, 2520, "yes i am interested", "yes"},
        {"interested.jsonl", 3020, 4840, "please call me tomorrow evening", "tomorrow evening"},
        {"not_interested.jsonl", 1000, 2800, "no i am not interested", "no"},
        {"not_interested.jsonl", 3260, 4780, "i have already bought a flat", ""},
        {"not_interested.jsonl", 5360, 5920, "thank you", ""},
        {"barge_in.jsonl", 320, 4600, "hello yes who is calling i am driving right now", "driving"},
        {"dtmf.jsonl", 1000, 1500, "hello", ""},
    };
    int words = 0, errors = 0;
    for (const Utterance &u : utterances) {
        Audio::Resampler up(8000, OfflineSpeechEngine::kSttRate);
        QByteArray pcm = up.process(fixtureAudio(QString::fromLatin1(u.fixture), u.from, u.to));
        pcm += up.flush();
        const QString hyp = m_engine->recognizeBlocking(pcm);
        const QStringList truth = QString::fromLatin1(u.truth).split(QLatin1Char(' '));
        words += truth.size();
        errors += editDistance(truth, hyp.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        qInfo("%-22s %-48s -> %s", u.fixture, u.truth, qPrintable(hyp));
        QVERIFY2(QString::fromLatin1(u.mustContain).isEmpty() || hyp.contains(QString::fromLatin1(u.mustContain)), qPrintable(hyp));
    }
    const double accuracy = 1.0 - double(errors) / words;
    qInfo("offline STT word accuracy on the fixtures: %.1f%% (%d words, %d errors)", accuracy * 100, words, errors);
    // Measured 2026-12-07: 69.7 % (36.4 % before seeded dither and wider beams). The bar sits
    // just under it: a regression fails.
    QVERIFY2(accuracy >= 0.65, qPrintable(QString::number(accuracy)));
}

void tst_OfflineSpeech::sttObjectEmitsTurns()
{
    PocketsphinxStt stt(m_engine);
    QStringList finals;
    int ends = 0;
    connect(&stt, &SpeechToText::transcript, this, [&](const QString &t, bool fin, const QString &) { if (fin) finals << t; });
    connect(&stt, &SpeechToText::endOfSpeech, this, [&] { ++ends; });
    stt.start(SttOptions{});
    for (const QByteArray &line : Testing::readFixture(QStringLiteral("interested.jsonl"))) {
        auto e = Telephony::parseMediaEvent(line);
        if (e && e->type == Telephony::MediaEvent::Type::Media)
            stt.pushAudio(e->pcm);
    }
    QTRY_COMPARE_WITH_TIMEOUT(ends, 2, 10000);
    QCOMPARE(finals.size(), 2);
    QVERIFY2(finals.at(1).contains(QStringLiteral("tomorrow evening")), qPrintable(finals.join(QStringLiteral(" | "))));
}

void tst_OfflineSpeech::hindiCallHearsRomanizedHindi_data()
{
    QTest::addColumn<QString>("spoken");   // what the demo's Hindi caller says (espeak-ng's Hindi voice)
    QTest::addColumn<QString>("expected"); // a word the Hindi-call grammar must recognise
    // Not "हाँ मुझे इंटरेस्ट है": espeak's Hindi "interest" matches nothing reliably (measured).
    QTest::newRow("callback") << QStringLiteral("कल शाम को कॉल कीजिए") << QStringLiteral("kal");
}

void tst_OfflineSpeech::hindiCallHearsRomanizedHindi()
{
    // The en-us acoustic model with a few romanized Hindi answers (only for calls in Hindi):
    // enough for the offline demo's Hindi caller; real Hindi recognition needs Deepgram.
    QFETCH(QString, spoken);
    QFETCH(QString, expected);
    const QByteArray line = phoneLine(spoken, QStringLiteral("hi")); // through the phone line: 8 kHz
    QVERIFY(!line.isEmpty());
    Audio::Resampler up(8000, OfflineSpeechEngine::kSttRate);
    const QByteArray pcm16k = up.process(line) + up.flush();
    const QString hindiCall = m_engine->recognizeBlocking(pcm16k, QStringLiteral("multi"));
    const QString englishCall = m_engine->recognizeBlocking(pcm16k, QStringLiteral("en-IN"));
    qInfo("%s -> Hindi call: \"%s\", English call: \"%s\"", qPrintable(spoken), qPrintable(hindiCall), qPrintable(englishCall));
    QVERIFY2(hindiCall.contains(expected), qPrintable(hindiCall));
    QVERIFY2(!englishCall.contains(expected), qPrintable(englishCall)); // English calls keep the English grammar
}

QByteArray tst_OfflineSpeech::phoneLine(const QString &text, const QString &language)
{
    EspeakTts tts(m_engine);
    QByteArray pcm;
    bool done = false;
    connect(&tts, &TextToSpeech::audio, this, [&](int, const QByteArray &b) { pcm += b; });
    connect(&tts, &TextToSpeech::done, this, [&](int) { done = true; });
    TtsOptions opts;
    opts.language = language;
    tts.synthesize(1, text, opts);
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return {};
    Audio::Resampler down(tts.sampleRate(), 8000);
    return down.process(pcm) + down.flush();
}

void tst_OfflineSpeech::resultHoldsAcrossLineNoise_data()
{
    QTest::addColumn<QString>("spoken");
    // Lines the demo's callees say that the recogniser used to lose to the line's faint noise
    // (bench/offline_stt_lines: 1 and 0 exact in 8 before seeded dither and wider beams).
    QTest::newRow("opt-out") << QStringLiteral("remove my number");
    QTest::newRow("question") << QStringLiteral("what is the stamp duty");
}

void tst_OfflineSpeech::resultHoldsAcrossLineNoise()
{
    // The same words on the same line, with a different few bits of line noise each time (as on
    // every real call): the recogniser must hear the same thing, through the live-call path.
    QFETCH(QString, spoken);
    const QByteArray line = phoneLine(spoken, QStringLiteral("en"));
    QVERIFY(!line.isEmpty());
    for (quint32 seed = 1; seed <= 4; ++seed) {
        QRandomGenerator rng{seed};
        PocketsphinxStt stt(m_engine);
        QStringList finals;
        bool ended = false;
        connect(&stt, &SpeechToText::transcript, this, [&](const QString &t, bool fin, const QString &) { if (fin) finals << t; });
        connect(&stt, &SpeechToText::endOfSpeech, this, [&] { ended = true; });
        stt.start(SttOptions{8000, QStringLiteral("en-IN")});
        const QByteArray stream = Audio::lineNoise(700 + 20 * int(seed), 8000, rng) + line + Audio::lineNoise(1500, 8000, rng);
        for (qsizetype i = 0; i < stream.size(); i += 320)
            stt.pushAudio(stream.mid(i, 320));
        QTRY_VERIFY_WITH_TIMEOUT(ended, 10000);
        QVERIFY2(finals.join(QLatin1Char(' ')) == spoken, qPrintable(QStringLiteral("seed %1: \"%2\"").arg(seed).arg(finals.join(QLatin1Char(' ')))));
    }
}

QTEST_GUILESS_MAIN(tst_OfflineSpeech)
#include "tst_offlinespeech.moc"
