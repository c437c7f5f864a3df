// SpeechOut: the agent's voice on the wire. Owns the outbound PCM (at the stream's rate), cuts it
// into chunks Exotel accepts (>= 3,200 B in multiples of 320 B; only a reply's last chunk may be
// shorter), sends the marks after the byte that ends their sentence, paces the chunks
// aheadOfRealTimeMs ahead of playback (on the worker's shared WorkerPacer, else one timer of its
// own from the TimerSource), pads with silence when playback would run dry between sentences,
// clears on barge-in, and keeps the pacing statistics. It reports back through Callbacks: whether
// more audio of the reply is coming, each chunk as it leaves, and the reply played out.
// Thread: its call session's network worker.
#pragma once

#include "core/timersource.h"
#include "mediatransport.h"
#include "workerpacer.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace Leadline::Conversation {

// The pacing figures of one call (part of SessionStats).
struct PacingStats
{
    // Interval between consecutive outbound media frames minus the audio they carried.
    QList<qint64> pacingJitterUs;
    QList<qint64> pacingAtMs; // when each of those frames left (ms since the epoch), for benchmarks
    int clearsSent = 0;
    int framesSent = 0;
};

class SpeechOut
{
public:
    static constexpr int kFrameBytes = 320;      // every chunk is a multiple of this
    static constexpr int kRunDryMs = 100;        // playback this close to running out: pad a chunk with silence
    static constexpr int kMaxPumpDelayMs = 200;

    struct Callbacks
    {
        // True while more audio of the current reply may still come (the LLM streams, a sentence
        // is being synthesised): then a chunk shorter than a full one waits. Required.
        std::function<bool()> moreAudioComing;
        // A media chunk is about to leave: time now and when its audio became sendable (µs,
        // on the TimerSource). Optional.
        std::function<void(qint64 nowUs, qint64 readyUs)> chunkLeaving;
        // Everything queued was sent and no more audio is coming; it plays out in remainingMs.
        // Optional.
        std::function<void(qint64 remainingMs)> drained;
    };

    // owner: the pacer's key and the own timer's context (the call session). stats: where the
    // pacing figures go (outlives this).
    SpeechOut(MediaTransport &transport, TimerSource &timers, QObject *owner, PacingStats &stats, int aheadOfRealTimeMs,
              Callbacks callbacks);
    ~SpeechOut();

    // The stream the audio goes to, known at "start".
    void setStream(const QString &streamSid, int sampleRate);
    // The worker's shared pacing clock (else a precise timer of its own, made when first needed).
    void setPacer(WorkerPacer *pacer) { m_pacer = pacer; }

    // Queues audio (at the stream's rate). Sends nothing until pump().
    void append(const QByteArray &pcm);
    // Pads what is queued to a whole 320-byte frame.
    void padToFrame();
    // Pads to a whole frame and has mark `name` sent after the chunk holding the last queued byte.
    void markHere(const QString &name);
    // Sends what may go now and schedules the next pump.
    void pump();
    // An echoed mark: no longer pending.
    void markEchoed(const QString &name) { m_pendingMarks.removeAll(name); }

    // Barge-in, first step: a "clear" goes to Exotel if anything was sent; true if audio was still
    // playing at the caller's end.
    bool clearPlayback();
    // Barge-in, second step: forget every queued byte, mark and the playback run.
    void reset();
    void cancelPump();
    // The call is over: nothing is sent any more.
    void close();

    bool hasQueued() const { return !m_outbound.isEmpty(); }
    qsizetype queuedBytes() const { return m_outbound.size(); }
    bool playing() const; // sent audio not yet played out (by the clock)
    bool audible() const { return hasQueued() || playing(); }
    bool marksPending() const { return !m_pendingMarks.isEmpty(); }
    const QStringList &pendingMarks() const { return m_pendingMarks; }
    qint64 sentBytes() const { return m_outboundOffset; } // bytes sent since the call began
    qint64 aheadMs() const; // audio sent beyond the playback position of this run
    int fullChunkBytes() const { return m_sampleRate == 24000 ? 4800 : 3200; }
    qsizetype sendableBytes() const; // what a pump may send now (0: wait)

private:
    qint64 playElapsedMs() const { return m_playStartUs >= 0 ? (m_timers.elapsedUs() - m_playStartUs) / 1000 : 0; }
    void noteReadiness();
    void schedulePump(int inMs);

    MediaTransport &m_transport;
    TimerSource &m_timers;
    QObject *m_owner;
    PacingStats &m_stats;
    int m_aheadMs;
    Callbacks m_cb;
    QString m_streamSid;
    int m_sampleRate = 8000;
    bool m_closed = false;

    QByteArray m_outbound;                   // PCM at stream rate waiting to be sent
    QList<QPair<qint64, QString>> m_marksAt; // outbound byte offset -> mark name to send after it
    QStringList m_pendingMarks;              // sent, not yet echoed
    qint64 m_outboundOffset = 0;             // bytes sent so far
    qint64 m_sentMs = 0;                     // audio ms sent in the current playback run
    qint64 m_playStartUs = -1;               // the first frame of the playback run (-1: none)
    qint64 m_chunkCounter = 0;
    qint64 m_readySinceUs = -1;              // when the next chunk's audio became available
    QPointer<WorkerPacer> m_pacer;
    std::unique_ptr<OneShotTimer> m_timer;   // only without a pacer
};

} // namespace Leadline::Conversation
