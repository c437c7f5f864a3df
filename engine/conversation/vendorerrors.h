// VendorErrors: counts vendor (STT/LLM/TTS) failures that reached a call, by stage, provider and
// kind (timeout, rate_limited, server_error, malformed, connection, auth, other), for /metrics
// (leadline_vendor_errors_total), and the failures a call rode out by reconnecting
// (leadline_vendor_reconnects_total, with the time the stream was gone). One instance per process, made by the composition root and
// handed to the MediaEndpoint (which gives it to each CallSession) and to the DialerApi.
// Thread: thread-safe (a mutex around a small map); sessions on every worker record into it.
#pragma once

#include "core/metricssource.h"
#include "core/result.h"

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QString>
#include <tuple>

namespace Leadline::Conversation {

class VendorErrors final : public MetricsSource
{
public:
    // stage: "stt", "llm" or "tts"; provider: the client's name() ("deepgram", "openai", ...).
    void record(const QString &stage, const QString &provider, const Error &error);
    qint64 count(const QString &stage, const QString &provider, const QString &kind) const;
    qint64 total() const;
    // A stream that dropped mid-call and was open again after gapMs (the call went on).
    void recordReconnect(const QString &stage, const QString &provider, qint64 gapMs);
    qint64 reconnects(const QString &stage, const QString &provider) const;
    // The Prometheus family leadline_vendor_errors_total (HELP, TYPE and one line per key).
    QByteArray prometheus() const override;

    // The kind of a vendor error: its detailCode when the client set a known one, else a best
    // guess from the message (HTTP status, "timed out", ...).
    static QString kindOf(const Error &error);

private:
    using Key = std::tuple<QString, QString, QString>; // stage, provider, kind
    mutable QMutex m_mutex;
    QMap<Key, qint64> m_counts;
    struct Reconnects { qint64 count = 0; qint64 gapMsSum = 0; };
    QMap<std::pair<QString, QString>, Reconnects> m_reconnects; // by stage, provider
};

} // namespace Leadline::Conversation
