// LatencyMetrics: finished calls' reply latency and stage times become Prometheus histograms
// (cumulative buckets, sum, count) for /metrics.
#include "conversation/latencymetrics.h"

#include <QtTest>

using namespace Leadline::Conversation;

class tst_LatencyMetrics : public QObject
{
    Q_OBJECT
private slots:
    void histograms();
};

void tst_LatencyMetrics::histograms()
{
    LatencyMetrics m;
    SessionStats a;
    a.responseLatencyUs = {620000, 900000};
    a.endOfSpeechWaitUs = {300000, 310000};
    a.llmFirstTokenUs = {300000};
    a.ttsFirstAudioUs = {150000, 160000};
    SessionStats b;
    b.responseLatencyUs = {5000000}; // beyond the last bucket: only +Inf
    b.speculativeRequests = 3;
    b.speculativeDropped = 1;
    b.speculativeWastedTokens = 12;
    m.record(a);
    m.record(b);
    QCOMPARE(m.count(LatencyMetrics::Reply), 3);
    QCOMPARE(m.count(LatencyMetrics::TtsFirstAudio), 2);
    const QByteArray text = m.prometheus();
    QVERIFY(text.contains("# TYPE leadline_reply_latency_ms histogram\n"));
    QVERIFY(text.contains("leadline_reply_latency_ms_bucket{le=\"600\"} 0\n"));
    QVERIFY(text.contains("leadline_reply_latency_ms_bucket{le=\"650\"} 1\n"));
    QVERIFY(text.contains("leadline_reply_latency_ms_bucket{le=\"1000\"} 2\n"));
    QVERIFY(text.contains("leadline_reply_latency_ms_bucket{le=\"3000\"} 2\n"));
    QVERIFY(text.contains("leadline_reply_latency_ms_bucket{le=\"+Inf\"} 3\n"));
    QVERIFY(text.contains("leadline_reply_latency_ms_sum 6520.0\n"));
    QVERIFY(text.contains("leadline_reply_latency_ms_count 3\n"));
    QVERIFY(text.contains("leadline_stage_latency_ms_bucket{stage=\"end_of_speech\",le=\"300\"} 1\n"));
    QVERIFY(text.contains("leadline_stage_latency_ms_bucket{stage=\"end_of_speech\",le=\"400\"} 2\n"));
    QVERIFY(text.contains("leadline_stage_latency_ms_count{stage=\"llm_first_token\"} 1\n"));
    QVERIFY(text.contains("leadline_stage_latency_ms_bucket{stage=\"tts_first_audio\",le=\"200\"} 2\n"));
    QVERIFY(text.contains("leadline_llm_speculative_requests_total{result=\"used\"} 2\n"));
    QVERIFY(text.contains("leadline_llm_speculative_requests_total{result=\"dropped\"} 1\n"));
    QVERIFY(text.contains("leadline_llm_speculative_wasted_tokens_total 12\n"));
}

QTEST_GUILESS_MAIN(tst_LatencyMetrics)
#include "tst_latencymetrics.moc"
