// Exotel bidirectional media stream protocol (shared/reference/exotel.md §1): tolerant parsing
// of inbound text frames and builders for outbound media / mark / clear frames.
// Pure functions; thread-safe.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Leadline::Telephony {

struct MediaEvent
{
    enum class Type { Connected, Start, Media, Dtmf, Mark, Stop, Unknown };
    Type type = Type::Unknown;
    QString rawType;          // the event name as sent (for logs about unknown events)
    qint64 sequenceNumber = -1;
    QString streamSid;

    // start
    QString callSid;
    QString accountSid;
    QString from;
    QString to;
    QJsonObject customParameters;
    int sampleRate = 0;       // 0 = not stated

    // media
    qint64 chunk = -1;
    qint64 timestampMs = -1;
    QByteArray pcm;           // decoded S16LE; an odd trailing byte is dropped

    // dtmf
    QString digit;
    int durationMs = 0;

    // mark
    QString markName;

    // stop
    QString reason;
};

// Parses one text frame. Errors (invalid JSON, missing "event", bad base64) come back as
// Error::Code::BadRequest with a message fit for a log line; unknown events parse as Unknown.
// Frames in the plain shape Exotel sends (an object of objects, ASCII strings without escapes,
// integers) are read by a small strict scanner without building a QJsonDocument; anything else
// (escapes, non-ASCII, arrays, fractions, duplicate keys, malformed JSON) goes through
// QJsonDocument, which also words the errors. Both give the same MediaEvent for a frame.
Result<MediaEvent> parseMediaEvent(const QByteArray &frame);

// The two halves of parseMediaEvent, for tests and benchmarks: the scanner (nullopt when the
// frame is not in the plain shape, whether or not it is valid JSON) and the QJsonDocument parser.
std::optional<MediaEvent> parsePlainMediaEvent(const QByteArray &frame);
Result<MediaEvent> parseMediaEventJson(const QByteArray &frame);

// Outbound frames (compact JSON). Payload is S16LE PCM, base64-encoded here.
QByteArray mediaFrame(const QString &streamSid, const QByteArray &pcm, qint64 chunk, qint64 timestampMs);
QByteArray markFrame(const QString &streamSid, const QString &name);
QByteArray clearFrame(const QString &streamSid);

} // namespace Leadline::Telephony
