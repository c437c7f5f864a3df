// Provider interfaces: streaming text-to-speech. One instance per call, on the call's worker
// thread. Requests are served in order; cancel() drops all of them.
#pragma once

#include "core/result.h"

#include <QObject>

namespace Leadline::Providers {

struct TtsOptions
{
    QString language = QStringLiteral("en"); // "en", "hi"
    QString voice;
};

class TextToSpeech : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QString name() const = 0;
    virtual int sampleRate() const = 0; // rate of the PCM it emits
    virtual void synthesize(int requestId, const QString &text, const TtsOptions &options) = 0;
    virtual void cancel() = 0;
    // Open the connection to the vendor now (TCP/TLS), before the first request needs it.
    virtual void warmUp() {}

Q_SIGNALS:
    void audio(int requestId, const QByteArray &pcm); // S16LE mono at sampleRate()
    void done(int requestId);
    void failed(int requestId, const Leadline::Error &error);
    // A failure the caller did not hear as one (said by a spare voice instead): for the metrics.
    void degraded(int requestId, const Leadline::Error &error);
};

} // namespace Leadline::Providers
