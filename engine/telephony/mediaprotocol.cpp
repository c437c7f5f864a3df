#include "mediaprotocol.h"

#include <QJsonDocument>

#include <charconv>
#include <cstdio>

namespace Leadline::Telephony {

namespace {

// The general reader: a QJsonObject (any valid JSON).
class JsonFields
{
public:
    explicit JsonFields(QJsonObject o = {}) : m_o(std::move(o)) {}
    bool string(const char *k, QString *out) const
    {
        const QJsonValue v = m_o.value(QLatin1String(k));
        if (!v.isString())
            return false;
        *out = v.toString();
        return true;
    }
    bool integer(const char *k, qint64 *out) const
    {
        const QJsonValue v = m_o.value(QLatin1String(k));
        if (!v.isDouble())
            return false;
        *out = qint64(v.toDouble());
        return true;
    }
    // A number given as a string ("8000", "128kbps", " 8000Hz"): its leading digits.
    bool leadingInteger(const char *k, qint64 *out) const
    {
        const QJsonValue v = m_o.value(QLatin1String(k));
        if (!v.isString())
            return false;
        const QString s = v.toString().trimmed();
        int end = 0;
        while (end < s.size() && s.at(end).isDigit())
            ++end;
        bool ok = false;
        *out = s.left(end).toLongLong(&ok);
        return ok;
    }
    QByteArray latin1(const char *k) const { return m_o.value(QLatin1String(k)).toString().toLatin1(); }
    std::optional<JsonFields> object(const char *k) const
    {
        const QJsonValue v = m_o.value(QLatin1String(k));
        if (!v.isObject())
            return std::nullopt;
        return JsonFields(v.toObject());
    }
    QJsonObject json() const { return m_o; }

private:
    QJsonObject m_o;
};

// The plain-shape scanner: a flat list of nodes (each names its parent object), read in one
// pass over the frame without copying it. Strings are views into the frame.
class PlainFrame
{
public:
    enum class Kind { String, Integer, Bool, Null, Object };
    struct Node
    {
        QByteArrayView key;
        QByteArrayView text; // String: its bytes; Bool: "true"/"false"
        qint64 integer = 0;
        int parent = -1;
        Kind kind = Kind::Null;
    };

    // False when the frame is not in the plain shape.
    bool scan(const QByteArray &frame)
    {
        m_p = frame.constData();
        m_end = m_p + frame.size();
        skipSpace();
        if (!object(-1))
            return false;
        skipSpace();
        return m_p == m_end;
    }
    int find(int parent, const char *key) const
    {
        const QByteArrayView k(key);
        for (int i = 0; i < m_count; ++i)
            if (m_nodes[i].parent == parent && m_nodes[i].key == k)
                return i;
        return -1;
    }
    const Node &node(int i) const { return m_nodes[i]; }
    int count() const { return m_count; }

private:
    static constexpr int kMaxNodes = 48;
    static constexpr int kMaxDepth = 4;
    static constexpr int kMaxDigits = 15; // exact as a double, as QJsonDocument reads numbers

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    bool string(QByteArrayView *out)
    {
        if (m_p == m_end || *m_p != '"')
            return false;
        const char *from = ++m_p;
        while (m_p < m_end && *m_p != '"') {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c < 0x20 || c >= 0x7f || c == '\\')
                return false; // control, non-ASCII or escaped: the general parser decides
            ++m_p;
        }
        if (m_p == m_end)
            return false;
        *out = QByteArrayView(from, m_p - from);
        ++m_p;
        return true;
    }
    bool word(const char *w)
    {
        const QByteArrayView v(w);
        if (m_end - m_p < v.size() || QByteArrayView(m_p, v.size()) != v)
            return false;
        m_p += v.size();
        return true;
    }
    bool integer(qint64 *out)
    {
        const bool negative = m_p < m_end && *m_p == '-';
        if (negative)
            ++m_p;
        const char *digits = m_p;
        qint64 n = 0;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            n = n * 10 + (*m_p++ - '0');
        const auto len = m_p - digits;
        if (len == 0 || len > kMaxDigits || (len > 1 && *digits == '0'))
            return false;
        if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
            return false; // fractions and exponents: the general parser
        *out = negative ? -n : n;
        return true;
    }
    bool object(int parent)
    {
        if (m_p == m_end || *m_p != '{' || ++m_depth > kMaxDepth)
            return false;
        ++m_p;
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            --m_depth;
            return true;
        }
        for (;;) {
            if (m_count == kMaxNodes)
                return false;
            const int self = m_count++;
            Node &n = m_nodes[self];
            n = Node{};
            n.parent = parent;
            if (!string(&n.key))
                return false;
            for (int i = 0; i < self; ++i)
                if (m_nodes[i].parent == parent && m_nodes[i].key == n.key)
                    return false; // duplicate key: which one wins is the general parser's call
            skipSpace();
            if (m_p == m_end || *m_p != ':')
                return false;
            ++m_p;
            skipSpace();
            if (m_p == m_end)
                return false;
            switch (*m_p) {
            case '"':
                n.kind = Kind::String;
                if (!string(&n.text))
                    return false;
                break;
            case '{':
                n.kind = Kind::Object;
                if (!object(self))
                    return false;
                break;
            case 't':
            case 'f':
                n.kind = Kind::Bool;
                n.text = *m_p == 't' ? QByteArrayView("true") : QByteArrayView("false");
                if (!word(*m_p == 't' ? "true" : "false"))
                    return false;
                break;
            case 'n':
                n.kind = Kind::Null;
                if (!word("null"))
                    return false;
                break;
            default:
                n.kind = Kind::Integer;
                if (!integer(&n.integer))
                    return false;
            }
            skipSpace();
            if (m_p == m_end)
                return false;
            if (*m_p == '}') {
                ++m_p;
                --m_depth;
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
            skipSpace();
        }
    }

    const char *m_p = nullptr;
    const char *m_end = nullptr;
    int m_depth = 0;
    int m_count = 0;
    Node m_nodes[kMaxNodes];
};

// One object of a scanned frame, read with the same calls as JsonFields.
class PlainFields
{
public:
    PlainFields(const PlainFrame &f, int self) : m_f(&f), m_self(self) {}
    bool string(const char *k, QString *out) const
    {
        const int i = m_f->find(m_self, k);
        if (i < 0 || m_f->node(i).kind != PlainFrame::Kind::String)
            return false;
        const QByteArrayView t = m_f->node(i).text;
        // The event names come with every frame: shared literals, no allocation.
        struct Known
        {
            const char *bytes;
            QString text;
        };
        static const Known known[] = {{"media", QStringLiteral("media")}, {"mark", QStringLiteral("mark")},
                                      {"start", QStringLiteral("start")}, {"stop", QStringLiteral("stop")},
                                      {"dtmf", QStringLiteral("dtmf")}, {"connected", QStringLiteral("connected")}};
        for (const Known &k : known) {
            if (t == QByteArrayView(k.bytes)) {
                *out = k.text;
                return true;
            }
        }
        *out = QString::fromLatin1(t);
        return true;
    }
    bool integer(const char *k, qint64 *out) const
    {
        const int i = m_f->find(m_self, k);
        if (i < 0 || m_f->node(i).kind != PlainFrame::Kind::Integer)
            return false;
        *out = m_f->node(i).integer;
        return true;
    }
    bool leadingInteger(const char *k, qint64 *out) const
    {
        const int i = m_f->find(m_self, k);
        if (i < 0 || m_f->node(i).kind != PlainFrame::Kind::String)
            return false;
        QByteArrayView t = m_f->node(i).text;
        while (!t.isEmpty() && t.front() == ' ') // scanned strings hold no other white space
            t = t.sliced(1);
        qsizetype end = 0;
        while (end < t.size() && t.at(end) >= '0' && t.at(end) <= '9')
            ++end;
        // No digits or too many for a qint64 fail, as QString::toLongLong does.
        qint64 n = 0;
        const auto r = std::from_chars(t.data(), t.data() + end, n);
        if (end == 0 || r.ec != std::errc())
            return false;
        *out = n;
        return true;
    }
    QByteArray latin1(const char *k) const
    {
        const int i = m_f->find(m_self, k);
        if (i < 0 || m_f->node(i).kind != PlainFrame::Kind::String)
            return {};
        const QByteArrayView t = m_f->node(i).text;
        return QByteArray::fromRawData(t.data(), t.size()); // the frame outlives the parse
    }
    std::optional<PlainFields> object(const char *k) const
    {
        const int i = m_f->find(m_self, k);
        if (i < 0 || m_f->node(i).kind != PlainFrame::Kind::Object)
            return std::nullopt;
        return PlainFields(*m_f, i);
    }
    QJsonObject json() const
    {
        QJsonObject o;
        for (int i = 0; i < m_f->count(); ++i) {
            const PlainFrame::Node &n = m_f->node(i);
            if (n.parent != m_self)
                continue;
            const QString key = QString::fromLatin1(n.key);
            switch (n.kind) {
            case PlainFrame::Kind::String:
                o.insert(key, QString::fromLatin1(n.text));
                break;
            case PlainFrame::Kind::Integer:
                o.insert(key, double(n.integer));
                break;
            case PlainFrame::Kind::Bool:
                o.insert(key, n.text == QByteArrayView("true"));
                break;
            case PlainFrame::Kind::Null:
                o.insert(key, QJsonValue(QJsonValue::Null));
                break;
            case PlainFrame::Kind::Object:
                o.insert(key, PlainFields(*m_f, i).json());
                break;
            }
        }
        return o;
    }

private:
    const PlainFrame *m_f;
    int m_self;
};

// First present key among the spellings; numbers become strings.
template <class Fields>
QString str(const Fields &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        QString s;
        if (o.string(k, &s))
            return s;
        qint64 n = 0;
        if (o.integer(k, &n))
            return QString::number(n);
    }
    return {};
}

// A number given as int or string ("8000", "128kbps", "8000Hz"); -1 when absent or unreadable.
template <class Fields>
qint64 num(const Fields &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        qint64 n = 0;
        if (o.integer(k, &n) || o.leadingInteger(k, &n))
            return n;
    }
    return -1;
}

template <class Fields>
Fields obj(const Fields &o, std::initializer_list<const char *> keys, const Fields &none)
{
    for (const char *k : keys)
        if (auto v = o.object(k))
            return *v;
    return none;
}

template <class Fields>
Result<MediaEvent> readEvent(const Fields &o, const Fields &none)
{
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
        const Fields s = obj(o, {"start"}, none);
        if (e.streamSid.isEmpty())
            e.streamSid = str(s, {"stream_sid", "streamSid"});
        e.callSid = str(s, {"call_sid", "callSid"});
        e.accountSid = str(s, {"account_sid", "accountSid"});
        e.from = str(s, {"from", "From"});
        e.to = str(s, {"to", "To"});
        e.customParameters = obj(s, {"custom_parameters", "customParameters"}, none).json();
        const qint64 rate = num(obj(s, {"media_format", "mediaFormat"}, none), {"sample_rate", "sampleRate"});
        e.sampleRate = rate > 0 ? int(rate) : 0;
    } else if (type == QLatin1String("media")) {
        e.type = MediaEvent::Type::Media;
        const Fields m = obj(o, {"media"}, none);
        e.chunk = num(m, {"chunk"});
        e.timestampMs = num(m, {"timestamp"});
        auto decoded = QByteArray::fromBase64Encoding(m.latin1("payload"), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return Error::make(Error::Code::BadRequest, QStringLiteral("media payload is not valid base64 (chunk %1)").arg(e.chunk));
        e.pcm = std::move(*decoded);
        if (e.pcm.size() % 2)
            e.pcm.chop(1);
    } else if (type == QLatin1String("dtmf")) {
        e.type = MediaEvent::Type::Dtmf;
        const Fields d = obj(o, {"dtmf"}, none);
        e.digit = str(d, {"digit"});
        e.durationMs = int(qMax<qint64>(0, num(d, {"duration"})));
    } else if (type == QLatin1String("mark")) {
        e.type = MediaEvent::Type::Mark;
        e.markName = str(obj(o, {"mark"}, none), {"name"});
    } else if (type == QLatin1String("stop")) {
        e.type = MediaEvent::Type::Stop;
        const Fields s = obj(o, {"stop"}, none);
        e.callSid = str(s, {"call_sid", "callSid"});
        e.accountSid = str(s, {"account_sid", "accountSid"});
        e.reason = str(s, {"reason"});
    }
    return e;
}

} // namespace

std::optional<MediaEvent> parsePlainMediaEvent(const QByteArray &frame)
{
    PlainFrame f;
    if (!f.scan(frame))
        return std::nullopt;
    auto e = readEvent(PlainFields(f, -1), PlainFields(f, -2));
    if (!e)
        return std::nullopt; // no event or bad base64: the general parser words the error
    return std::move(e.value());
}

Result<MediaEvent> parseMediaEventJson(const QByteArray &frame)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Code::BadRequest, QStringLiteral("media frame is not a JSON object (%1)")
                                                        .arg(err.error != QJsonParseError::NoError ? err.errorString() : QStringLiteral("not an object")));
    return readEvent(JsonFields(doc.object()), JsonFields());
}

Result<MediaEvent> parseMediaEvent(const QByteArray &frame)
{
    if (auto e = parsePlainMediaEvent(frame))
        return std::move(*e);
    return parseMediaEventJson(frame);
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
