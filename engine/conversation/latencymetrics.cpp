#include "latencymetrics.h"

namespace Leadline::Conversation {

void LatencyMetrics::Histogram::add(qint64 us)
{
    const double ms = us / 1000.0;
    for (size_t i = 0; i < kBucketsMs.size(); ++i)
        if (ms <= kBucketsMs[i]) {
            ++buckets[i];
            break;
        }
    ++count;
    sumMs += ms;
}

void LatencyMetrics::addAll(Series s, const QList<qint64> &us)
{
    for (qint64 v : us)
        m_series[s].add(v);
}

void LatencyMetrics::record(const SessionStats &stats)
{
    QMutexLocker lock(&m_mutex);
    addAll(Reply, stats.responseLatencyUs);
    addAll(EndOfSpeech, stats.endOfSpeechWaitUs);
    addAll(LlmFirstToken, stats.llmFirstTokenUs);
    addAll(TtsFirstAudio, stats.ttsFirstAudioUs);
    m_specRequests += stats.speculativeRequests;
    m_specDropped += stats.speculativeDropped;
    m_specWastedTokens += stats.speculativeWastedTokens;
}

qint64 LatencyMetrics::speculativeDropped() const
{
    QMutexLocker lock(&m_mutex);
    return m_specDropped;
}

qint64 LatencyMetrics::count(Series s) const
{
    QMutexLocker lock(&m_mutex);
    return m_series[s].count;
}

QByteArray LatencyMetrics::prometheus() const
{
    auto lines = [](QByteArray &out, const QByteArray &name, const QByteArray &labels, const Histogram &h) {
        const QByteArray sep = labels.isEmpty() ? QByteArray() : labels + ',';
        qint64 cumulative = 0;
        for (size_t i = 0; i < kBucketsMs.size(); ++i) {
            cumulative += h.buckets[i];
            out += name + "_bucket{" + sep + "le=\"" + QByteArray::number(kBucketsMs[i]) + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += name + "_bucket{" + sep + "le=\"+Inf\"} " + QByteArray::number(h.count) + '\n';
        const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
        out += name + "_sum" + braces + ' ' + QByteArray::number(h.sumMs, 'f', 1) + '\n';
        out += name + "_count" + braces + ' ' + QByteArray::number(h.count) + '\n';
    };
    QMutexLocker lock(&m_mutex);
    QByteArray out = "# HELP leadline_reply_latency_ms The caller's last word to the first agent audio frame sent, per reply.\n"
                     "# TYPE leadline_reply_latency_ms histogram\n";
    lines(out, "leadline_reply_latency_ms", {}, m_series[Reply]);
    out += "# HELP leadline_stage_latency_ms Stages of a reply: end-of-speech wait, LLM first token, TTS first audio.\n"
           "# TYPE leadline_stage_latency_ms histogram\n";
    lines(out, "leadline_stage_latency_ms", "stage=\"end_of_speech\"", m_series[EndOfSpeech]);
    lines(out, "leadline_stage_latency_ms", "stage=\"llm_first_token\"", m_series[LlmFirstToken]);
    lines(out, "leadline_stage_latency_ms", "stage=\"tts_first_audio\"", m_series[TtsFirstAudio]);
    out += "# HELP leadline_llm_speculative_requests_total LLM requests started before the caller's turn was confirmed, by result.\n"
           "# TYPE leadline_llm_speculative_requests_total counter\n";
    out += "leadline_llm_speculative_requests_total{result=\"used\"} " + QByteArray::number(m_specRequests - m_specDropped) + '\n';
    out += "leadline_llm_speculative_requests_total{result=\"dropped\"} " + QByteArray::number(m_specDropped) + '\n';
    out += "# HELP leadline_llm_speculative_wasted_tokens_total Completion tokens (estimated) of dropped speculative requests.\n"
           "# TYPE leadline_llm_speculative_wasted_tokens_total counter\n";
    out += "leadline_llm_speculative_wasted_tokens_total " + QByteArray::number(m_specWastedTokens) + '\n';
    return out;
}

} // namespace Leadline::Conversation
