// Audio helpers: the energy VAD finds the speech the fixture README documents, and the
// resampler keeps a tone's frequency and length between 8/16/24 kHz.
#include "audio/pcm.h"
#include "audio/resampler.h"
#include "audio/vad.h"
#include "fakes/fixturereplayer.h"
#include "telephony/mediaprotocol.h"

#include <QRandomGenerator>
#include <QtTest>
#include <cmath>

using namespace Leadline;

class tst_Audio : public QObject
{
    Q_OBJECT
private slots:
    void vadFindsFixtureSpeech_data();
    void vadFindsFixtureSpeech();
    void resamplerKeepsFrequency_data();
    void resamplerKeepsFrequency();
    void resamplerIsStreaming();
    void lineNoiseIsFaintAndSeeded();
};

void tst_Audio::vadFindsFixtureSpeech_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QList<int>>("segments"); // start,end pairs in ms (README, 20 ms resolution)
    QTest::newRow("interested") << "interested.jsonl" << QList<int>{1000, 2520, 3020, 4840};
    QTest::newRow("not_interested") << "not_interested.jsonl" << QList<int>{1000, 2800, 3260, 4780, 5360, 5920};
}

void tst_Audio::vadFindsFixtureSpeech()
{
    QFETCH(QString, fixture);
    QFETCH(QList<int>, segments);
    // Hangover 450 ms: the fixtures' pauses inside a sentence (<= 380 ms) stay in the segment.
    Audio::EnergyVad vad(Audio::EnergyVad::Config{300.0, 4.0, 60, 450});
    QList<int> found;
    qint64 lastLoudEnd = 0;
    for (const QByteArray &line : Testing::readFixture(fixture)) {
        auto e = Telephony::parseMediaEvent(line);
        if (!e || e->type != Telephony::MediaEvent::Type::Media)
            continue;
        const auto ev = vad.feed(e->pcm, 8000);
        if (ev == Audio::EnergyVad::Event::SpeechStarted)
            found << int(vad.segmentStartMs());
        if (vad.inSpeech())
            lastLoudEnd = vad.segmentStartMs() + vad.speechMs();
        if (ev == Audio::EnergyVad::Event::SpeechEnded) {
            found << int(lastLoudEnd);
            // Where the speaker stopped, a hangover before the event (the end-of-speech wait).
            QCOMPARE(vad.lastSpeechEndMs(), lastLoudEnd);
            const qint64 hangover = vad.positionMs() - vad.lastSpeechEndMs();
            QVERIFY2(hangover >= 450 && hangover < 470, qPrintable(QString::number(hangover)));
        }
    }
    QCOMPARE(found.size(), segments.size());
    for (int i = 0; i < found.size(); ++i)
        // The README marks speech at RMS > 300; our VAD also adapts to the line's noise floor, so
        // a soft onset right after speech may be found up to a few frames later.
        QVERIFY2(std::abs(found.at(i) - segments.at(i)) <= 80,
                 qPrintable(QStringLiteral("boundary %1: %2 vs %3").arg(i).arg(found.at(i)).arg(segments.at(i))));
}

static double dominantFrequency(const QByteArray &pcm, int rate)
{
    // Zero crossings per second / 2.
    int crossings = 0;
    for (int i = 1; i < Audio::sampleCount(pcm); ++i)
        if ((Audio::sampleAt(pcm, i - 1) < 0) != (Audio::sampleAt(pcm, i) < 0))
            ++crossings;
    return crossings / 2.0 / (Audio::sampleCount(pcm) / double(rate));
}

void tst_Audio::resamplerKeepsFrequency_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::newRow("24k->8k (TTS to phone)") << 24000 << 8000;
    QTest::newRow("16k->8k") << 16000 << 8000;
    QTest::newRow("8k->16k (phone to recogniser)") << 8000 << 16000;
    QTest::newRow("22.05k->8k") << 22050 << 8000;
}

void tst_Audio::resamplerKeepsFrequency()
{
    QFETCH(int, from);
    QFETCH(int, to);
    const QByteArray in = Audio::tone(1000, from, 440.0, 0.5);
    Audio::Resampler r(from, to);
    QByteArray out = r.process(in);
    out += r.flush();
    QVERIFY2(std::abs(Audio::sampleCount(out) - to) <= 2, qPrintable(QString::number(Audio::sampleCount(out))));
    QVERIFY2(std::abs(dominantFrequency(out, to) - 440.0) < 5.0, qPrintable(QString::number(dominantFrequency(out, to))));
    // Energy is kept (a 440 Hz tone is far below every cut-off).
    QVERIFY(std::abs(Audio::rms(out) - Audio::rms(in)) / Audio::rms(in) < 0.05);

    // A tone above the target's Nyquist frequency is filtered out, not aliased in.
    if (to < from) {
        const QByteArray high = Audio::tone(1000, from, to * 0.6, 0.5);
        Audio::Resampler r2(from, to);
        QByteArray filtered = r2.process(high);
        filtered += r2.flush();
        QVERIFY2(Audio::rms(filtered) < Audio::rms(high) * 0.1, qPrintable(QString::number(Audio::rms(filtered))));
    }
}

void tst_Audio::resamplerIsStreaming()
{
    const QByteArray in = Audio::tone(500, 24000, 300.0, 0.5);
    Audio::Resampler whole(24000, 8000);
    QByteArray a = whole.process(in);
    a += whole.flush(); // separate statements: the order of + operands is unspecified
    Audio::Resampler pieces(24000, 8000);
    QByteArray b;
    for (int i = 0; i < in.size(); i += 333) // odd sizes: samples split across calls
        b += pieces.process(in.mid(i, 333));
    b += pieces.flush();
    QCOMPARE(b.size(), a.size());
    QCOMPARE(b, a);
}

void tst_Audio::lineNoiseIsFaintAndSeeded()
{
    QRandomGenerator a{7}, b{7}, c{8};
    const QByteArray noise = Audio::lineNoise(1000, 8000, a);
    QCOMPARE(noise.size(), 16000);
    QCOMPARE(Audio::lineNoise(1000, 8000, b), noise); // same seed, same line
    QVERIFY(Audio::lineNoise(1000, 8000, c) != noise);
    const double level = Audio::rms(noise); // uniform in [-24, 24]: rms about 14 (-67 dBFS)
    QVERIFY2(level > 10 && level < 18, qPrintable(QString::number(level)));
    int loudest = 0;
    for (int i = 0; i < Audio::sampleCount(noise); ++i)
        loudest = qMax(loudest, qAbs(int(Audio::sampleAt(noise, i))));
    QCOMPARE(loudest, 24);
}

QTEST_GUILESS_MAIN(tst_Audio)
#include "tst_audio.moc"
