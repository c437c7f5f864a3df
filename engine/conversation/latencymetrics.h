// LatencyMetrics: what callers waited, for /metrics: histograms (milliseconds) of the reply
// latency (the caller's last word -> the first agent audio frame sent) and of its stages
// (end-of-speech wait, LLM first token, TTS first audio), and what speculative LLM requests
// cost (requests used and dropped, tokens wasted), fed with each finished call's SessionStats. One instance per process, made by the composition root.
// Thread: thread-safe (a mutex around a few arrays); recorded from every network worker.
#pragma once

#include "callsession.h"
#include "core/metricssource.h"

#include <QByteArray>
#include <QMutex>
#include <array>

namespace Leadline::Conversation {

class LatencyMetrics final : public MetricsSource
{
public:
    static constexpr std::array<int, 14> kBucketsMs = {100, 200, 300, 400, 500, 600, 650, 700, 800, 1000, 1250, 1500, 2000, 3000};
    enum Series { Reply, EndOfSpeech, LlmFirstToken, TtsFirstAudio, SeriesCount };

    void record(const SessionStats &stats);
    qint64 count(Series s) const;
    qint64 speculativeDropped() const;
    // leadline_reply_latency_ms and leadline_stage_latency_ms{stage=...}, Prometheus text.
    QByteArray prometheus() const override;

private:
    struct Histogram
    {
        std::array<qint64, kBucketsMs.size()> buckets{}; // not cumulative; summed when printed
        qint64 count = 0;
        double sumMs = 0;
        void add(qint64 us);
    };
    void addAll(Series s, const QList<qint64> &us);
    mutable QMutex m_mutex;
    std::array<Histogram, SeriesCount> m_series;
    qint64 m_specRequests = 0;
    qint64 m_specDropped = 0;
    qint64 m_specWastedTokens = 0;
};

} // namespace Leadline::Conversation
