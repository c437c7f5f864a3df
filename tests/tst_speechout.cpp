// SpeechOut on a virtual clock: chunk sizes (>= 3,200 B, multiples of 320 B, a short chunk only
// at a reply's end), marks after the right byte offsets, pacing aheadOfRealTimeMs ahead of
// playback at exact times, silence padding before playback runs dry, barge-in clear, and no
// timer of its own when the worker's pacer is there. Time moves only by advanceMs(): no waiting.
#include "conversation/speechout.h"
#include "fakes/virtualtimers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Conversation;
using Leadline::Testing::VirtualTimerSource;

namespace {

// Keeps every frame with the virtual time it left at.
class VirtualTransport final : public MediaTransport
{
public:
    struct Frame
    {
        qint64 atMs;
        QString event;
        QByteArray pcm;   // media
        qint64 timestamp; // media
        QString mark;     // mark
    };
    explicit VirtualTransport(const VirtualTimerSource &time) : m_time(time) {}
    void sendText(const QByteArray &text) override
    {
        const QJsonObject o = QJsonDocument::fromJson(text).object();
        Frame f{m_time.nowMs(), o.value(QStringLiteral("event")).toString(), {}, -1, {}};
        if (f.event == QLatin1String("media")) {
            const QJsonObject m = o.value(QStringLiteral("media")).toObject();
            f.pcm = QByteArray::fromBase64(m.value(QStringLiteral("payload")).toString().toLatin1());
            f.timestamp = m.value(QStringLiteral("timestamp")).toString().toLongLong();
        } else if (f.event == QLatin1String("mark")) {
            f.mark = o.value(QStringLiteral("mark")).toObject().value(QStringLiteral("name")).toString();
        }
        frames.append(f);
    }
    void close(int, const QString &) override {}
    QList<Frame> media() const
    {
        QList<Frame> out;
        for (const Frame &f : frames)
            if (f.event == QLatin1String("media"))
                out.append(f);
        return out;
    }
    QStringList events() const // "media:3200", "mark:s1", "clear"
    {
        QStringList out;
        for (const Frame &f : frames)
            out << (f.event == QLatin1String("media") ? QStringLiteral("media:%1").arg(f.pcm.size())
                    : f.event == QLatin1String("mark") ? QString(QStringLiteral("mark:") + f.mark)
                                                       : f.event);
        return out;
    }
    QList<Frame> frames;

private:
    const VirtualTimerSource &m_time;
};

struct Rig
{
    explicit Rig(int aheadMs = 600, int sampleRate = 8000)
        : transport(time)
        , speech(transport, time, &owner, stats, aheadMs,
                 SpeechOut::Callbacks{[this] { return moreComing; },
                                      [this](qint64 nowUs, qint64 readyUs) { leaving.append({nowUs, readyUs}); },
                                      [this](qint64 remainingMs) { drained.append({time.nowMs(), remainingMs}); }})
    {
        speech.setStream(QStringLiteral("stream-1"), sampleRate);
    }
    VirtualTimerSource time;
    VirtualTransport transport;
    QObject owner;
    PacingStats stats;
    bool moreComing = true;
    QList<QPair<qint64, qint64>> leaving;
    QList<QPair<qint64, qint64>> drained; // (when, remainingMs)
    SpeechOut speech;
};

QByteArray tone(int bytes, char v = 0x11) { return QByteArray(bytes, v); }

} // namespace

class tst_SpeechOut : public QObject
{
    Q_OBJECT
private slots:
    void chunksAreFullUntilTheReplyEnds();
    void marksFollowTheirSentencesLastByte();
    void pacedAheadOfRealTimeAtExactTimes();
    void paddedWithSilenceBeforePlaybackRunsDry();
    void bargeInClearsEverything();
    void noClearWhenNothingWasSent();
    void fullChunkAt24k();
    void sharedPacerMeansNoOwnTimer();
};

void tst_SpeechOut::chunksAreFullUntilTheReplyEnds()
{
    Rig r;
    r.speech.append(tone(10000));
    r.speech.pump();
    // 600 ms ahead allowed: three 200 ms chunks; 400 B wait while the reply goes on.
    QCOMPARE(r.transport.events(), (QStringList{"media:3200", "media:3200", "media:3200"}));
    QCOMPARE(r.speech.queuedBytes(), qsizetype(400));
    r.time.advanceMs(1000); // nothing short goes out while more audio may come, however long
    QCOMPARE(r.transport.media().size(), 3);
    QVERIFY(r.drained.isEmpty());

    r.moreComing = false; // the reply is complete: its last chunk may be short, padded to 320
    r.speech.markHere(QStringLiteral("s1"));
    r.speech.pump();
    QCOMPARE(r.transport.events(), (QStringList{"media:3200", "media:3200", "media:3200", "media:640", "mark:s1"}));
    for (const auto &f : r.transport.media())
        QCOMPARE(f.pcm.size() % SpeechOut::kFrameBytes, 0);
    // A new playback run began at 1000 ms (the first had played out): 40 ms left to play.
    QCOMPARE(r.drained.size(), 1);
    QCOMPARE(r.drained.first(), (QPair<qint64, qint64>{1000, 40}));
    QCOMPARE(r.stats.framesSent, 4);
}

void tst_SpeechOut::marksFollowTheirSentencesLastByte()
{
    Rig r;
    r.speech.append(tone(4000, 0x21));
    r.speech.markHere(QStringLiteral("s1")); // ends at 4,160 (padded to 320)
    r.speech.append(tone(3000, 0x22));
    r.speech.markHere(QStringLiteral("s2")); // ends at 7,360
    r.moreComing = false;
    r.speech.pump();
    // s1 goes after the chunk holding byte 4,160 (the second), not by cutting a chunk short.
    QCOMPARE(r.transport.events(), (QStringList{"media:3200", "media:3200", "mark:s1", "media:960", "mark:s2"}));
    QCOMPARE(r.speech.sentBytes(), qint64(7360));
    QCOMPARE(r.speech.pendingMarks(), (QStringList{"s1", "s2"}));
    // The padding of sentence one is silence, between its audio and sentence two's.
    const QByteArray all = r.transport.media().at(0).pcm + r.transport.media().at(1).pcm;
    QCOMPARE(all.mid(4000, 160), QByteArray(160, '\0'));
    QCOMPARE(all.at(4160), char(0x22));
    r.speech.markEchoed(QStringLiteral("s1"));
    QCOMPARE(r.speech.pendingMarks(), QStringList{"s2"});
    r.speech.markEchoed(QStringLiteral("s2"));
    QVERIFY(!r.speech.marksPending());
}

void tst_SpeechOut::pacedAheadOfRealTimeAtExactTimes()
{
    Rig r(600);
    r.moreComing = false;
    r.speech.append(tone(32000)); // 2 s: ten chunks of 3,200 B (200 ms)
    r.speech.pump();
    r.time.advanceMs(3000);
    const auto media = r.transport.media();
    QCOMPARE(media.size(), 10);
    // Three at once (600 ms ahead), then each exactly when playback has eaten into the budget:
    // 1 ms after the run began, then every 200 ms.
    const QList<qint64> expected{0, 0, 0, 1, 201, 401, 601, 801, 1001, 1201};
    for (int i = 0; i < media.size(); ++i) {
        QCOMPARE(media.at(i).atMs, expected.at(i));
        QCOMPARE(media.at(i).timestamp, qint64(i) * 200); // the audio position Exotel is told
        QVERIFY2(media.at(i).timestamp - media.at(i).atMs <= 600, "never more than aheadOfRealTimeMs ahead");
    }
    // Every paced chunk left within 1 ms of its due time (the pump wakes 1 ms past it).
    QCOMPARE(r.stats.pacingJitterUs.size(), 9);
    for (qint64 us : std::as_const(r.stats.pacingJitterUs))
        QVERIFY2(us <= 1000, qPrintable(QString::number(us)));
    QCOMPARE(r.stats.pacingAtMs.last(), r.time.epochMs() - 3000 + 1201);
    // Drained when the last chunk left; 2,000 ms of audio, 1,201 ms of it played by then.
    QCOMPARE(r.drained, (QList<QPair<qint64, qint64>>{{1201, 799}}));
    QVERIFY(!r.speech.playing()); // played out by 2,000 ms
    QCOMPARE(r.time.activeTimers(), 0); // nothing left to wake for
}

void tst_SpeechOut::paddedWithSilenceBeforePlaybackRunsDry()
{
    Rig r;
    r.speech.append(tone(4000));
    r.speech.markHere(QStringLiteral("s1")); // sentence one done; sentence two still synthesising
    r.speech.pump();
    QCOMPARE(r.transport.events(), QStringList{"media:3200"});
    // 960 B wait: not a full chunk, and the reply goes on. Once playback is 100 ms from running
    // dry (at 101 ms), the chunk is filled up with silence rather than sent short.
    r.time.advanceMs(100);
    QCOMPARE(r.transport.media().size(), 1);
    r.time.advanceMs(1);
    QCOMPARE(r.transport.events(), (QStringList{"media:3200", "media:3200", "mark:s1"}));
    const auto second = r.transport.media().at(1);
    QCOMPARE(second.atMs, qint64(101));
    QCOMPARE(second.pcm.mid(960), QByteArray(3200 - 960, '\0'));
    QVERIFY(!r.speech.hasQueued());
    QVERIFY(r.drained.isEmpty()); // more is coming
}

void tst_SpeechOut::bargeInClearsEverything()
{
    Rig r;
    r.speech.append(tone(32000));
    r.speech.markHere(QStringLiteral("s1"));
    r.speech.pump();
    r.time.advanceMs(250);
    QVERIFY(r.speech.playing());
    QVERIFY(r.speech.audible());
    QVERIFY(r.time.activeTimers() > 0);
    const int before = r.transport.media().size();

    QVERIFY(r.speech.clearPlayback()); // audio was still playing at the caller's end
    QCOMPARE(r.transport.events().last(), QStringLiteral("clear"));
    QCOMPARE(r.stats.clearsSent, 1);
    r.speech.reset();
    QVERIFY(!r.speech.hasQueued());
    QVERIFY(!r.speech.playing());
    QVERIFY(!r.speech.marksPending());
    QCOMPARE(r.time.activeTimers(), 0);
    r.time.advanceMs(2000);
    QCOMPARE(r.transport.media().size(), before); // nothing more after the clear
    QVERIFY(!r.transport.events().contains(QStringLiteral("mark:s1")));

    // The next reply starts a new run at once, marks counted from the bytes sent so far.
    r.moreComing = false;
    r.speech.append(tone(320));
    r.speech.markHere(QStringLiteral("s2"));
    r.speech.pump();
    QCOMPARE(r.transport.events().mid(r.transport.events().size() - 2), (QStringList{"media:320", "mark:s2"}));
    QCOMPARE(r.transport.media().last().timestamp, qint64(0));
}

void tst_SpeechOut::noClearWhenNothingWasSent()
{
    Rig r;
    r.speech.append(tone(1000)); // queued, not sendable yet
    r.speech.pump();
    QVERIFY(!r.speech.clearPlayback());
    QVERIFY(r.transport.frames.isEmpty());
    QCOMPARE(r.stats.clearsSent, 0);
}

void tst_SpeechOut::fullChunkAt24k()
{
    Rig r(600, 24000);
    r.speech.append(tone(10000));
    r.speech.pump();
    // 4,800 B (100 ms at 24 kHz) per chunk; 400 B wait.
    QCOMPARE(r.transport.events(), (QStringList{"media:4800", "media:4800"}));
    r.moreComing = false;
    r.speech.padToFrame();
    r.speech.pump();
    QCOMPARE(r.transport.events().last(), QStringLiteral("media:640")); // the reply's short last chunk
}

void tst_SpeechOut::sharedPacerMeansNoOwnTimer()
{
    Rig r;
    WorkerPacer pacer;
    r.speech.setPacer(&pacer);
    r.speech.append(tone(32000));
    r.speech.pump();
    QCOMPARE(pacer.waiting(), 1);
    QCOMPARE(r.time.timersCreated(), 0); // one worker clock for all calls, no timer per call
    r.speech.cancelPump();
    QCOMPARE(pacer.waiting(), 0);
}

QTEST_GUILESS_MAIN(tst_SpeechOut)
#include "tst_speechout.moc"
