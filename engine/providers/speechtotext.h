// Provider interfaces: streaming speech-to-text. One instance per call, created on the call's
// worker thread and used only there (signals are delivered on that thread).
#pragma once

#include "core/result.h"

#include <QObject>
#include <QStringList>

namespace Leadline::Providers {

struct SttOptions
{
    int sampleRate = 8000;
    QString language = QStringLiteral("en-IN"); // "en-IN", "hi", "multi"
};

class SpeechToText : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QString name() const = 0;
    // Languages it can recognise ("en", "hi"); empty = whatever the vendor's multilingual model
    // covers. A caller speaking another language yields no useful text (nor language hint).
    virtual QStringList languages() const { return {}; }
    // True when every transcript is one phrase of a fixed grammar (the offline recogniser): any
    // audio, a machine's included, comes out as one of those phrases, so the words prove nothing
    // (call screening ignores them and an opt-out from them never reaches the DNC list alone).
    virtual bool grammarConstrained() const { return false; }
    virtual void start(const SttOptions &options) = 0;
    virtual void pushAudio(const QByteArray &pcm) = 0; // S16LE at options.sampleRate
    virtual void finalize() = 0;                        // caller stopped (local VAD): flush now
    virtual void stop() = 0;

Q_SIGNALS:
    void transcript(const QString &text, bool isFinal, const QString &language);
    void speechStarted();
    void endOfSpeech(); // endpointing / utterance end: the caller's turn is over
    void failed(const Leadline::Error &error);
    // The stream dropped mid-call and was opened again after gapMs; the call goes on (the gap's
    // audio was kept and sent to the new stream). Counted on /metrics.
    void reconnected(qint64 gapMs);
};

} // namespace Leadline::Providers
