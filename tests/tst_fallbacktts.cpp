// FallbackTts: a sentence the primary voice fails (or stalls on) is said by the fallback voice,
// resampled to the primary's rate; audio leaves in request order; a filler covers a long wait;
// failed() only when both voices fail; no fallback means failures pass through.
#include "providers/fallbacktts.h"

#include <QtTest>

using namespace Leadline;
using namespace Leadline::Providers;

namespace {

// A voice the test drives by hand: records requests, emits what the test tells it to.
class ManualTts final : public TextToSpeech
{
public:
    ManualTts(QString name, int rate) : m_name(std::move(name)), m_rate(rate) {}
    QString name() const override { return m_name; }
    int sampleRate() const override { return m_rate; }
    void synthesize(int requestId, const QString &text, const TtsOptions &) override { requests.append({requestId, text}); }
    void cancel() override { ++cancels; }
    void say(int id, int bytes) { emit audio(id, QByteArray(bytes, '\x01')); }
    void finish(int id) { emit done(id); }
    void fail(int id, const QString &why) { emit failed(id, Error::make(Error::Code::Unavailable, why, QStringLiteral("rate_limited"))); }
    QList<QPair<int, QString>> requests;
    int cancels = 0;

private:
    QString m_name;
    int m_rate;
};

struct Heard
{
    QStringList events; // "a1:320", "d1", "f1"
    QMap<int, int> bytes;
    int degraded = 0;
    void attach(FallbackTts &t)
    {
        QObject::connect(&t, &TextToSpeech::audio, &t, [this](int id, const QByteArray &pcm) {
            if (events.isEmpty() || events.last() != QStringLiteral("a%1").arg(id))
                events << QStringLiteral("a%1").arg(id);
            bytes[id] += int(pcm.size());
        });
        QObject::connect(&t, &TextToSpeech::done, &t, [this](int id) { events << QStringLiteral("d%1").arg(id); });
        QObject::connect(&t, &TextToSpeech::failed, &t, [this](int id, const Error &) { events << QStringLiteral("f%1").arg(id); });
        QObject::connect(&t, &TextToSpeech::degraded, &t, [this](int, const Error &) { ++degraded; });
    }
};

FallbackTtsConfig quiet()
{
    FallbackTtsConfig c;
    c.fillerAfterMs = 60000; // no fillers or stalls unless a test asks
    c.stallMs = 60000;
    return c;
}

} // namespace

class tst_FallbackTts : public QObject
{
    Q_OBJECT
private slots:
    void failedSentenceIsSaidByTheFallbackInOrder();
    void fillerCoversALongWait();
    void stalledPrimaryHandsTheHeadToTheFallback();
    void bothVoicesFailingIsReported();
    void withoutFallbackFailuresPassThrough();
};

void tst_FallbackTts::failedSentenceIsSaidByTheFallbackInOrder()
{
    auto *primary = new ManualTts(QStringLiteral("vendor"), 8000);
    auto *spare = new ManualTts(QStringLiteral("offline"), 16000);
    FallbackTts tts(std::unique_ptr<TextToSpeech>(primary), std::unique_ptr<TextToSpeech>(spare), quiet());
    Heard heard;
    heard.attach(tts);
    QCOMPARE(tts.name(), QStringLiteral("vendor"));
    QCOMPARE(tts.sampleRate(), 8000);
    tts.synthesize(1, QStringLiteral("One."), TtsOptions{});
    tts.synthesize(2, QStringLiteral("Two."), TtsOptions{});
    primary->fail(1, QStringLiteral("HTTP 429"));
    QCOMPARE(spare->requests, (QList<QPair<int, QString>>{{1, QStringLiteral("One.")}}));
    QCOMPARE(heard.degraded, 1);
    // The primary is quicker with sentence 2: it waits behind sentence 1.
    primary->say(2, 640);
    primary->finish(2);
    QVERIFY(heard.events.isEmpty());
    spare->say(1, 3200); // 100 ms at 16 kHz
    spare->finish(1);
    QCOMPARE(heard.events, (QStringList{QStringLiteral("a1"), QStringLiteral("d1"), QStringLiteral("a2"), QStringLiteral("d2")}));
    QVERIFY2(qAbs(heard.bytes.value(1) - 1600) <= 64, qPrintable(QString::number(heard.bytes.value(1)))); // resampled to 8 kHz
    QCOMPARE(heard.bytes.value(2), 640);
    QCOMPARE(tts.fallbacks(), 1);
}

void tst_FallbackTts::fillerCoversALongWait()
{
    auto *primary = new ManualTts(QStringLiteral("vendor"), 8000);
    auto *spare = new ManualTts(QStringLiteral("offline"), 8000);
    FallbackTtsConfig cfg = quiet();
    cfg.fillerAfterMs = 20;
    FallbackTts tts(std::unique_ptr<TextToSpeech>(primary), std::unique_ptr<TextToSpeech>(spare), cfg);
    Heard heard;
    heard.attach(tts);
    TtsOptions hi;
    hi.language = QStringLiteral("hi");
    tts.synthesize(1, QStringLiteral("नमस्ते।"), hi);
    QTRY_COMPARE(spare->requests.size(), 1);
    QCOMPARE(spare->requests.first().first, -1);
    QCOMPARE(spare->requests.first().second, cfg.fillerHindi);
    spare->say(-1, 320);
    primary->say(1, 640); // arrives while the filler is still being said: after it
    QCOMPARE(heard.bytes.value(1), 320);
    spare->finish(-1);
    primary->finish(1);
    QCOMPARE(heard.bytes.value(1), 960);
    QCOMPARE(heard.events, (QStringList{QStringLiteral("a1"), QStringLiteral("d1")}));
    QCOMPARE(tts.fillers(), 1);
    QCOMPARE(tts.fallbacks(), 0);
}

void tst_FallbackTts::stalledPrimaryHandsTheHeadToTheFallback()
{
    auto *primary = new ManualTts(QStringLiteral("vendor"), 8000);
    auto *spare = new ManualTts(QStringLiteral("offline"), 8000);
    FallbackTtsConfig cfg = quiet();
    cfg.stallMs = 20;
    FallbackTts tts(std::unique_ptr<TextToSpeech>(primary), std::unique_ptr<TextToSpeech>(spare), cfg);
    Heard heard;
    heard.attach(tts);
    tts.synthesize(1, QStringLiteral("One."), TtsOptions{});
    tts.synthesize(2, QStringLiteral("Two."), TtsOptions{});
    QTRY_COMPARE(spare->requests.size(), 1);
    QCOMPARE(primary->cancels, 1);
    // Sentence 2 asked of the primary again (it had not been sent: no second bill).
    QCOMPARE(primary->requests.size(), 3);
    QCOMPARE(primary->requests.last().first, 2);
    spare->say(1, 320);
    spare->finish(1);
    primary->say(2, 320);
    primary->finish(2);
    QCOMPARE(heard.events, (QStringList{QStringLiteral("a1"), QStringLiteral("d1"), QStringLiteral("a2"), QStringLiteral("d2")}));
    QCOMPARE(heard.degraded, 1);
}

void tst_FallbackTts::bothVoicesFailingIsReported()
{
    auto *primary = new ManualTts(QStringLiteral("vendor"), 8000);
    auto *spare = new ManualTts(QStringLiteral("offline"), 8000);
    FallbackTts tts(std::unique_ptr<TextToSpeech>(primary), std::unique_ptr<TextToSpeech>(spare), quiet());
    Heard heard;
    heard.attach(tts);
    tts.synthesize(1, QStringLiteral("One."), TtsOptions{});
    tts.synthesize(2, QStringLiteral("Two."), TtsOptions{});
    primary->fail(1, QStringLiteral("HTTP 500"));
    spare->fail(1, QStringLiteral("espeak broken"));
    primary->say(2, 320);
    primary->finish(2);
    QCOMPARE(heard.events, (QStringList{QStringLiteral("f1"), QStringLiteral("a2"), QStringLiteral("d2")}));
    // cancel(): both voices dropped, nothing more comes out.
    tts.synthesize(3, QStringLiteral("Three."), TtsOptions{});
    tts.cancel();
    primary->say(3, 320);
    QCOMPARE(heard.events.size(), 3);
    QCOMPARE(spare->cancels, 1);
}

void tst_FallbackTts::withoutFallbackFailuresPassThrough()
{
    auto *primary = new ManualTts(QStringLiteral("vendor"), 8000);
    FallbackTts tts(std::unique_ptr<TextToSpeech>(primary), nullptr, quiet());
    Heard heard;
    heard.attach(tts);
    tts.synthesize(1, QStringLiteral("One."), TtsOptions{});
    primary->fail(1, QStringLiteral("HTTP 429"));
    QCOMPARE(heard.events, QStringList{QStringLiteral("f1")});
    QCOMPARE(heard.degraded, 0);
}

QTEST_GUILESS_MAIN(tst_FallbackTts)
#include "tst_fallbacktts.moc"
