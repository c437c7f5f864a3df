#include "exotelwebhook.h"

#include "exotelclient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Leadline::Telephony {

namespace {

// A flat, case-insensitive view over either body kind.
struct Fields
{
    QHash<QString, QString> flat; // lower-cased key -> value
    QJsonArray legs;              // JSON only

    QString get(const char *key) const { return flat.value(QString::fromLatin1(key).toLower()); }
};

QString scalar(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

void addForm(Fields &f, const QString &key, const QString &value)
{
    f.flat.insert(key.toLower(), value);
}

Result<Fields> parseMultipart(const QByteArray &contentType, const QByteArray &body)
{
    const QRegularExpression re(QStringLiteral("boundary=\"?([^\";]+)\"?"), QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(contentType));
    if (!m.hasMatch())
        return Error::make(Error::Code::BadRequest, QStringLiteral("multipart body without a boundary"));
    const QByteArray delimiter = "--" + m.captured(1).toLatin1();
    Fields f;
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break;
        const qsizetype next = body.indexOf(delimiter, pos);
        if (next < 0)
            break;
        QByteArray part = body.mid(pos, next - pos);
        if (part.startsWith("\r\n"))
            part.remove(0, 2);
        if (part.endsWith("\r\n"))
            part.chop(2);
        const qsizetype headerEnd = part.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QByteArray headers = part.left(headerEnd);
            const QRegularExpression nameRe(QStringLiteral("name=\"([^\"]*)\""), QRegularExpression::CaseInsensitiveOption);
            const auto nm = nameRe.match(QString::fromUtf8(headers));
            if (nm.hasMatch())
                addForm(f, nm.captured(1), QString::fromUtf8(part.mid(headerEnd + 4)));
        }
        pos = next;
    }
    return f;
}

} // namespace

QString ExotelStatusEvent::effectiveStatus() const
{
    if (!status.isEmpty() && status != QLatin1String("in-progress"))
        return status;
    for (const ExotelLeg &l : legs) {
        if (!l.status.isEmpty())
            return l.status;
    }
    return status;
}

QString ExotelStatusEvent::answeredBy() const
{
    for (const ExotelLeg &l : legs) {
        if (!l.answeredBy.isEmpty())
            return l.answeredBy;
    }
    return {};
}

static int toInt(const QString &s)
{
    bool ok = false;
    const double d = s.trimmed().toDouble(&ok);
    return ok ? int(d) : -1;
}

// Either body kind, flattened (JSON: scalars by lower-cased key, plus the Legs array).
static Result<Fields> parseFields(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray ct = contentType.toLower();
    const QByteArray trimmed = body.trimmed();
    Fields f;
    if (ct.contains("json") || (ct.isEmpty() && trimmed.startsWith('{'))) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            return Error::make(Error::Code::BadRequest, QStringLiteral("body is not a JSON object: %1").arg(err.errorString()));
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().compare(QLatin1String("Legs"), Qt::CaseInsensitive) == 0)
                f.legs = it.value().toArray();
            else
                f.flat.insert(it.key().toLower(), scalar(it.value()));
        }
    } else if (ct.startsWith("multipart/")) {
        return parseMultipart(contentType, body);
    } else {
        // application/x-www-form-urlencoded (or unlabelled): '+' means space in form bodies.
        QByteArray b = trimmed;
        b.replace('+', ' ');
        const QUrlQuery q(QString::fromUtf8(b));
        for (const auto &item : q.queryItems(QUrl::FullyDecoded))
            addForm(f, item.first, item.second);
    }
    return f;
}

Result<QHash<QString, QString>> parseExotelFormFields(const QByteArray &contentType, const QByteArray &body)
{
    auto f = parseFields(contentType, body);
    if (!f)
        return f.error();
    return std::move(f).value().flat;
}

Result<ExotelStatusEvent> parseExotelStatusCallback(const QByteArray &contentType, const QByteArray &body)
{
    auto parsed = parseFields(contentType, body);
    if (!parsed) {
        Error err = parsed.error();
        err.message = QStringLiteral("status callback: ") + err.message;
        return err;
    }
    const Fields f = std::move(parsed).value();

    ExotelStatusEvent e;
    e.callSid = f.get("CallSid").trimmed();
    if (e.callSid.isEmpty())
        return Error::make(Error::Code::BadRequest, QStringLiteral("status callback without CallSid"));
    e.eventType = f.get("EventType").trimmed().toLower();
    e.status = f.get("Status").trimmed().toLower();
    e.recordingUrl = f.get("RecordingUrl").trimmed();
    if (e.recordingUrl.compare(QLatin1String("null"), Qt::CaseInsensitive) == 0)
        e.recordingUrl.clear();
    e.dateCreated = ExotelClient::parseExotelTime(f.get("DateCreated"));
    e.dateUpdated = ExotelClient::parseExotelTime(f.get("DateUpdated"));
    e.startTime = ExotelClient::parseExotelTime(f.get("StartTime"));
    e.endTime = ExotelClient::parseExotelTime(f.get("EndTime"));
    e.conversationDurationS = toInt(f.get("ConversationDuration"));
    e.from = f.get("From");
    e.to = f.get("To");
    e.direction = f.get("Direction");
    e.customField = f.get("CustomField");
    const QRegularExpression callRe(QStringLiteral("(?:^|[;&,\\s])call=(\\d+)"));
    if (const auto m = callRe.match(e.customField); m.hasMatch())
        e.customCallId = m.captured(1).toLongLong();

    auto legFrom = [](auto get) {
        ExotelLeg l;
        l.status = get("status").trimmed().toLower();
        if (l.status == QLatin1String("null"))
            l.status.clear();
        l.onCallDurationS = toInt(get("oncallduration"));
        l.answeredBy = get("answeredby").trimmed().toLower();
        return l;
    };
    for (const QJsonValue &v : std::as_const(f.legs)) {
        QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("Leg")) && o.value(QStringLiteral("Leg")).isObject())
            o = o.value(QStringLiteral("Leg")).toObject();
        QHash<QString, QString> lower;
        for (auto it = o.begin(); it != o.end(); ++it)
            lower.insert(it.key().toLower(), scalar(it.value()));
        e.legs.append(legFrom([&](const char *k) { return lower.value(QString::fromLatin1(k)); }));
    }
    // Form bodies: Legs[0][Status], Legs[0][OnCallDuration] (encoding unverified [U]).
    for (int i = 0; i < 8 && f.legs.isEmpty(); ++i) {
        const QString prefix = QStringLiteral("legs[%1][").arg(i);
        bool any = false;
        for (auto it = f.flat.cbegin(); it != f.flat.cend() && !any; ++it)
            any = it.key().startsWith(prefix);
        if (!any)
            break;
        e.legs.append(legFrom([&](const char *k) { return f.flat.value(prefix + QString::fromLatin1(k) + QLatin1Char(']')); }));
    }
    return e;
}

} // namespace Leadline::Telephony
