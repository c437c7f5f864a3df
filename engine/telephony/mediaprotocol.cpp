#include "mediaprotocol.h"

#include <QJsonDocument>

#include <cstdio>

namespace Leadline::Telephony {

// First present key among the spellings; numbers become strings.
static QString str(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return QString::number(qint64(v.toDouble()));
    }
    return {};
}

// A number given as int or string ("8000", "128kbps", "8000Hz"); -1 when absent or unreadable.
static qint64 num(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isDouble())
            return qint64(v.toDouble());
        if (v.isString()) {
            QString s = v.toString().trimmed();
            int end = 0;
            while (end < s.size() && s.at(end).isDigit())
                ++end;
            bool ok = false;
            const qint64 n = s.left(end).toLongLong(&ok);
            if (ok)
                return n;
        }
    }
    return -1;
}

static QJsonObject obj(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (v.isObject())
            return v.toObject();
    }
    return {};
}

Result<MediaEvent> parseMediaEvent(const QByteArray &frame)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Code::BadRequest, QStringLiteral("media frame is not a JSON object (%1)")
                                                        .arg(err.error != QJsonParseError::NoError ? err.errorString() : QStringLiteral("not an object")));
    const QJsonObject o = doc.object();
    MediaEvent e;
    e.rawType = str(o, {"event", "Event"});
    if (e.rawType.isEmpty())
        return Error::make(Error::Code::BadRequest, QStringLiteral("media frame has no \"event\""));
    const QString type = e.rawType.toLower();
    e.sequenceNumber = num(o, {"sequence_number", "sequenceNumber"});
    e.streamSid = str(o, {"stream_sid", "streamSid"});

    if (type == QLatin1String("connected")) {
        e.type = MediaEvent::Type::Connected;
    } else if (type == QLatin1String("start")) {
        e.type = MediaEvent::Type::Start;
        const QJsonObject s = obj(o, {"start"});
        if (e.streamSid.isEmpty())
            e.streamSid = str(s, {"stream_sid", "streamSid"});
        e.callSid = str(s, {"call_sid", "callSid"});
        e.accountSid = str(s, {"account_sid", "accountSid"});
        e.from = str(s, {"from", "From"});
        e.to = str(s, {"to", "To"});
        e.customParameters = obj(s, {"custom_parameters", "customParameters"});
        const QJsonObject fmt = obj(s, {"media_format", "mediaFormat"});
        const qint64 rate = num(fmt, {"sample_rate", "sampleRate"});
        e.sampleRate = rate > 0 ? int(rate) : 0;
    } else if (type == QLatin1String("media")) {
        e.type = MediaEvent::Type::Media;
        const QJsonObject m = obj(o, {"media"});
        e.chunk = num(m, {"chunk"});
        e.timestampMs = num(m, {"timestamp"});
        const QByteArray b64 = m.value(QStringLiteral("payload")).toString().toLatin1();
        auto decoded = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return Error::make(Error::Code::BadRequest, QStringLiteral("media payload is not valid base64 (chunk %1)").arg(e.chunk));
        e.pcm = std::move(*decoded);
        if (e.pcm.size() % 2)
            e.pcm.chop(1);
    } else if (type == QLatin1String("dtmf")) {
        e.type = MediaEvent::Type::Dtmf;
        const QJsonObject d = obj(o, {"dtmf"});
        e.digit = str(d, {"digit"});
        e.durationMs = int(qMax<qint64>(0, num(d, {"duration"})));
    } else if (type == QLatin1String("mark")) {
        e.type = MediaEvent::Type::Mark;
        e.markName = str(obj(o, {"mark"}), {"name"});
    } else if (type == QLatin1String("stop")) {
        e.type = MediaEvent::Type::Stop;
        const QJsonObject s = obj(o, {"stop"});
        e.callSid = str(s, {"call_sid", "callSid"});
        e.accountSid = str(s, {"account_sid", "accountSid"});
        e.reason = str(s, {"reason"});
    }
    return e;
}

static QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

// True when s needs no JSON escaping (Exotel's stream ids are letters, digits and a few marks).
static bool plainJsonText(const QString &s)
{
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x7f || u == '"' || u == '\\')
            return false;
    }
    return true;
}

QByteArray mediaFrame(const QString &streamSid, const QByteArray &pcm, qint64 chunk, qint64 timestampMs)
{
    // The hot path (every 20 ms of every call): written directly, byte for byte what
    // QJsonDocument makes of the object below (keys sorted), in one buffer.
    if (plainJsonText(streamSid)) {
        char digits[2][24];
        const int chunkLen = std::snprintf(digits[0], sizeof digits[0], "%lld", static_cast<long long>(chunk));
        const int tsLen = std::snprintf(digits[1], sizeof digits[1], "%lld", static_cast<long long>(timestampMs));
        static constexpr char k1[] = "{\"event\":\"media\",\"media\":{\"chunk\":\"";
        static constexpr char k2[] = "\",\"payload\":\"";
        static constexpr char k3[] = "\",\"timestamp\":\"";
        static constexpr char k4[] = "\"},\"stream_sid\":\"";
        static constexpr char k5[] = "\"}";
        const qsizetype b64 = (pcm.size() + 2) / 3 * 4;
        QByteArray out;
        out.reserve(qsizetype(sizeof k1 + sizeof k2 + sizeof k3 + sizeof k4 + sizeof k5) + chunkLen + tsLen + b64 + streamSid.size());
        out.append(k1, sizeof k1 - 1).append(digits[0], chunkLen).append(k2, sizeof k2 - 1);
        out.append(pcm.toBase64());
        out.append(k3, sizeof k3 - 1).append(digits[1], tsLen).append(k4, sizeof k4 - 1);
        out.append(streamSid.toLatin1()).append(k5, sizeof k5 - 1);
        return out;
    }
    return compact(QJsonObject{
        {QStringLiteral("event"), QStringLiteral("media")},
        {QStringLiteral("stream_sid"), streamSid},
        {QStringLiteral("media"), QJsonObject{{QStringLiteral("chunk"), QString::number(chunk)},
                                              {QStringLiteral("timestamp"), QString::number(timestampMs)},
                                              {QStringLiteral("payload"), QString::fromLatin1(pcm.toBase64())}}},
    });
}

QByteArray markFrame(const QString &streamSid, const QString &name)
{
    return compact(QJsonObject{{QStringLiteral("event"), QStringLiteral("mark")},
                               {QStringLiteral("stream_sid"), streamSid},
                               {QStringLiteral("mark"), QJsonObject{{QStringLiteral("name"), name}}}});
}

QByteArray clearFrame(const QString &streamSid)
{
    return compact(QJsonObject{{QStringLiteral("event"), QStringLiteral("clear")}, {QStringLiteral("stream_sid"), streamSid}});
}

} // namespace Leadline::Telephony
