#include "exotelclient.h"

#include "core/oneshotbody.h"
#include "core/logging.h"
#include "core/settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimeZone>

namespace Leadline::Telephony {

// Case-insensitive key lookup: the Connect Voice AI docs show lower-cased keys [Q].
static QJsonValue ci(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    if (!v.isUndefined())
        return v;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return {};
}

static QString str(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return {};
}

static int intOr(const QJsonValue &v, int fallback)
{
    if (v.isDouble())
        return v.toInt();
    bool ok = false;
    const int i = int(v.toString().trimmed().toDouble(&ok));
    return ok ? i : fallback;
}

ExotelConfig ExotelConfig::fromSettings(const Settings &s)
{
    ExotelConfig c;
    c.apiBaseUrl = s.value(QStringLiteral("EXOTEL_API_BASE_URL"));
    c.accountSid = s.value(QStringLiteral("EXOTEL_ACCOUNT_SID"));
    c.apiKey = s.value(QStringLiteral("EXOTEL_API_KEY"));
    c.apiToken = s.value(QStringLiteral("EXOTEL_API_TOKEN"));
    c.callerId = s.value(QStringLiteral("EXOTEL_VIRTUAL_NUMBER"));
    c.exophloId = s.value(QStringLiteral("EXOTEL_EXOPHLO_ID"));
    c.ourBaseUrl = s.value(QStringLiteral("OUR_BASE_URL"));
    c.webhookSecret = s.value(QStringLiteral("EXOTEL_WEBHOOK_SECRET"));
    bool ok = false;
    const int limit = s.value(QStringLiteral("EXOTEL_TIME_LIMIT_S")).toInt(&ok);
    if (ok && limit > 0)
        c.timeLimitS = qMin(limit, 14400);
    const double rate = s.value(QStringLiteral("EXOTEL_REQUESTS_PER_SECOND")).toDouble(&ok);
    if (ok && rate > 0)
        c.requestsPerSecond = rate;
    return c;
}

ExotelClient::ExotelClient(QNetworkAccessManager &nam, ExotelConfig config, QObject *parent)
    : QObject(parent), m_nam(nam), m_config(std::move(config))
{
    while (m_config.apiBaseUrl.endsWith(QLatin1Char('/')))
        m_config.apiBaseUrl.chop(1);
    m_tokens = qMax(1, m_config.burst);
    m_refill.start();
    m_backoffClock.start();
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &ExotelClient::pump);
}

ExotelClient::~ExotelClient()
{
    for (const QPointer<QNetworkReply> &r : std::as_const(m_inFlight)) {
        if (r) {
            r->disconnect(this);
            r->abort();
            r->deleteLater();
        }
    }
}

QString ExotelClient::streamUrl(const ExotelConfig &c, const QString &token)
{
    QString base = c.ourBaseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.startsWith(QLatin1String("https://")))
        base = QLatin1String("wss://") + base.mid(8);
    else if (base.startsWith(QLatin1String("http://")))
        base = QLatin1String("ws://") + base.mid(7);
    else if (!base.startsWith(QLatin1String("ws")))
        base = QLatin1String("wss://") + base;
    return base + QLatin1String("/media?sample-rate=8000&lc=") + token;
}

QString ExotelClient::statusCallbackUrl(const ExotelConfig &c)
{
    QString base = c.ourBaseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (!base.startsWith(QLatin1String("http")))
        base = QLatin1String("https://") + base;
    return base + QLatin1String("/webhooks/exotel/status?k=")
           + QString::fromLatin1(QUrl::toPercentEncoding(c.webhookSecret));
}

QString ExotelClient::formValue(const FormFields &form, const QString &key)
{
    const QStringList v = formValues(form, key);
    return v.isEmpty() ? QString() : v.first();
}

QStringList ExotelClient::formValues(const FormFields &form, const QString &key)
{
    QStringList out;
    for (const auto &item : form) {
        if (item.first == key)
            out << item.second;
    }
    return out;
}

ExotelClient::FormFields ExotelClient::connectForm(const ExotelConfig &c, const ExotelDialRequest &r)
{
    FormFields f;
    auto add = [&f](const QString &k, const QString &v) { f.append({k, v}); };
    add(QStringLiteral("From"), r.to);
    add(QStringLiteral("CallerId"), c.callerId);
    if (r.mode == ExotelDialRequest::Mode::Stream) {
        add(QStringLiteral("StreamUrl"), streamUrl(c, r.correlationToken));
        add(QStringLiteral("StreamType"), QStringLiteral("bidirectional"));
    } else {
        add(QStringLiteral("Url"), QStringLiteral("http://my.exotel.com/%1/exoml/start_voice/%2").arg(c.accountSid, c.exophloId));
        add(QStringLiteral("CallType"), QStringLiteral("trans"));
        add(QStringLiteral("TimeOut"), QString::number(c.timeOutS));
    }
    add(QStringLiteral("TimeLimit"), QString::number(c.timeLimitS));
    add(QStringLiteral("Record"), c.record ? QStringLiteral("true") : QStringLiteral("false"));
    if (c.record)
        add(QStringLiteral("RecordingChannels"), QStringLiteral("dual"));
    add(QStringLiteral("CustomField"),
                   QStringLiteral("call=%1;lead=%2;lc=%3").arg(r.callId).arg(r.leadId).arg(r.correlationToken));
    add(QStringLiteral("StatusCallback"), statusCallbackUrl(c));
    add(QStringLiteral("StatusCallbackEvents[]"), QStringLiteral("answered"));
    add(QStringLiteral("StatusCallbackEvents[]"), QStringLiteral("terminal"));
    add(QStringLiteral("StatusCallbackContentType"), QStringLiteral("application/json"));
    return f;
}

// application/x-www-form-urlencoded: every value fully percent-encoded ('+' included).
static QByteArray formBody(const ExotelClient::FormFields &fields)
{
    QByteArray out;
    for (const auto &item : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(item.first, "[]") + '=' + QUrl::toPercentEncoding(item.second);
    }
    return out;
}

QDateTime ExotelClient::parseExotelTime(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (dt.isValid())
        return QDateTime(dt.date(), dt.time(), QTimeZone("Asia/Kolkata")).toUTC();
    dt = QDateTime::fromString(t, Qt::ISODate);
    if (dt.isValid())
        return dt.timeSpec() == Qt::LocalTime ? QDateTime(dt.date(), dt.time(), QTimeZone("Asia/Kolkata")).toUTC() : dt.toUTC();
    return {};
}

Error ExotelClient::errorFor(int s, const QString &vendorMessage)
{
    const QString vm = vendorMessage.isEmpty() ? QString() : QLatin1String(": ") + vendorMessage;
    auto mk = [&](Error::Code code, const char *detail, const QString &msg, bool retryable) {
        Error e = Error::make(code, msg + vm, QString::fromLatin1(detail));
        e.retryable = retryable;
        return e;
    };
    if (s == 0)
        return mk(Error::Code::Unavailable, "exotel_network", QStringLiteral("cannot reach Exotel (network error)"), true);
    if (s == 400)
        return mk(Error::Code::BadRequest, "exotel_bad_request", QStringLiteral("Exotel rejected the request (HTTP 400)"), false);
    if (s == 401)
        return mk(Error::Code::Unauthorized, "exotel_bad_credentials",
                  QStringLiteral("Exotel rejected the credentials (HTTP 401): check EXOTEL_API_KEY, EXOTEL_API_TOKEN "
                                 "and that EXOTEL_API_BASE_URL is the account's cluster"), false);
    if (s == 402)
        return mk(Error::Code::Forbidden, "exotel_payment_required",
                  QStringLiteral("Exotel refused: plan or usage limit reached (HTTP 402)"), false);
    if (s == 403)
        return mk(Error::Code::Forbidden, "exotel_forbidden",
                  QStringLiteral("Exotel denied access (HTTP 403): the feature (Connect Voice AI / flow) may not be "
                                 "enabled for this account"), false);
    if (s == 404)
        return mk(Error::Code::NotFound, "exotel_not_found",
                  QStringLiteral("Exotel: no such resource (HTTP 404): check EXOTEL_ACCOUNT_SID"), false);
    if (s == 409)
        return mk(Error::Code::Conflict, "exotel_conflict", QStringLiteral("Exotel: concurrent update conflict (HTTP 409)"), true);
    if (s == 429)
        return mk(Error::Code::Unavailable, "exotel_rate_limited", QStringLiteral("Exotel rate limit reached (HTTP 429)"), true);
    if (s >= 500)
        return mk(Error::Code::Unavailable, "exotel_server_error", QStringLiteral("Exotel server error (HTTP %1)").arg(s), true);
    return mk(Error::Code::Internal, "exotel_unexpected", QStringLiteral("unexpected Exotel reply (HTTP %1)").arg(s), false);
}

Result<ExotelCall> ExotelClient::parseCallReply(int httpStatus, const QByteArray &body)
{
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    const QJsonObject root = doc.object();
    if (httpStatus < 200 || httpStatus >= 300) {
        const QJsonObject ex = ci(root, QLatin1String("RestException")).toObject();
        QString msg = str(ci(ex, QLatin1String("Message")));
        if (msg.isEmpty() && !doc.isObject())
            msg = QString::fromUtf8(body.left(200)).simplified();
        return errorFor(httpStatus, msg);
    }
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Code::Unavailable,
                           QStringLiteral("Exotel answered with something that is not JSON (is the URL missing .json?): %1")
                               .arg(QString::fromUtf8(body.left(120)).simplified()),
                           QStringLiteral("exotel_bad_reply"));
    const QJsonValue callV = ci(root, QLatin1String("Call"));
    const QJsonObject call = callV.isObject() ? callV.toObject() : root;
    ExotelCall c;
    c.sid = str(ci(call, QLatin1String("Sid")));
    if (c.sid.isEmpty())
        return Error::make(Error::Code::Unavailable, QStringLiteral("Exotel reply has no Call.Sid"), QStringLiteral("exotel_bad_reply"));
    c.status = str(ci(call, QLatin1String("Status"))).toLower();
    c.from = str(ci(call, QLatin1String("From")));
    c.recordingUrl = str(ci(call, QLatin1String("RecordingUrl")));
    c.startTime = parseExotelTime(str(ci(call, QLatin1String("StartTime"))));
    c.endTime = parseExotelTime(str(ci(call, QLatin1String("EndTime"))));
    c.durationS = intOr(ci(call, QLatin1String("Duration")), -1);
    bool ok = false;
    const double price = str(ci(call, QLatin1String("Price"))).toDouble(&ok);
    c.price = ok ? price : -1;
    const QJsonObject details = ci(call, QLatin1String("Details")).toObject();
    c.conversationDurationS = intOr(ci(details, QLatin1String("ConversationDuration")), -1);
    c.raw = call;
    return c;
}

QUrl ExotelClient::accountUrl(const QString &suffix) const
{
    return QUrl(m_config.apiBaseUrl + QLatin1String("/v1/Accounts/") + QString::fromLatin1(QUrl::toPercentEncoding(m_config.accountSid)) + suffix);
}

QNetworkRequest ExotelClient::makeRequest(const QUrl &url) const
{
    QNetworkRequest req(url);
    req.setRawHeader("Authorization", "Basic " + (m_config.apiKey + QLatin1Char(':') + m_config.apiToken).toUtf8().toBase64());
    req.setRawHeader("Accept", "application/json");
    req.setTransferTimeout(m_config.requestTimeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    return req;
}

quint64 ExotelClient::connectCall(const ExotelDialRequest &request, CallCallback done)
{
    Pending p;
    p.id = m_nextId++;
    p.verb = "POST";
    p.url = accountUrl(QStringLiteral("/Calls/connect.json"));
    p.body = formBody(connectForm(m_config, request));
    p.done = std::move(done);
    const quint64 id = p.id;
    qCInfo(lcTelephony) << "queue Calls/connect for call" << request.callId << "lead" << request.leadId
                        << (request.mode == ExotelDialRequest::Mode::Stream ? "stream mode" : "flow mode");
    enqueue(std::move(p));
    return id;
}

quint64 ExotelClient::callDetails(const QString &callSid, CallCallback done)
{
    Pending p;
    p.id = m_nextId++;
    p.verb = "GET";
    p.url = accountUrl(QStringLiteral("/Calls/%1.json").arg(QString::fromLatin1(QUrl::toPercentEncoding(callSid))));
    p.done = std::move(done);
    const quint64 id = p.id;
    enqueue(std::move(p));
    return id;
}

quint64 ExotelClient::sendSms(const QString &from, const QString &to, const QString &body, SmsCallback done)
{
    Pending p;
    p.id = m_nextId++;
    p.verb = "POST";
    p.url = accountUrl(QStringLiteral("/Sms/send.json"));
    p.body = formBody(FormFields{{QStringLiteral("From"), from}, {QStringLiteral("To"), to}, {QStringLiteral("Body"), body}});
    p.rawDone = [done = std::move(done)](int status, const QByteArray &reply) {
        if (done)
            done(status > 0 ? parseSmsReply(status, reply) : Result<QString>(errorFor(0, QString())));
    };
    const quint64 id = p.id;
    enqueue(std::move(p));
    return id;
}

Result<QString> ExotelClient::parseSmsReply(int httpStatus, const QByteArray &body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    if (httpStatus < 200 || httpStatus >= 300) {
        const QJsonObject ex = ci(root, QLatin1String("RestException")).toObject();
        QString msg = str(ci(ex, QLatin1String("Message")));
        if (msg.isEmpty())
            msg = QString::fromUtf8(body.left(200)).simplified();
        return errorFor(httpStatus, msg);
    }
    const QJsonValue smsV = ci(root, QLatin1String("SMSMessage"));
    const QJsonObject sms = smsV.isObject() ? smsV.toObject() : root;
    const QString sid = str(ci(sms, QLatin1String("Sid")));
    if (sid.isEmpty())
        return Error::make(Error::Code::Unavailable, QStringLiteral("Exotel SMS reply has no Sid"), QStringLiteral("exotel_bad_reply"));
    return sid;
}

bool ExotelClient::cancelQueued(quint64 requestId)
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (it->id == requestId) {
            m_queue.erase(it);
            return true;
        }
    }
    return false;
}

void ExotelClient::enqueue(Pending p, bool front)
{
    if (front)
        m_queue.push_front(std::move(p));
    else
        m_queue.push_back(std::move(p));
    pump();
}

bool ExotelClient::takeToken()
{
    const double rate = qMax(0.01, m_config.requestsPerSecond);
    m_tokens = qMin(double(qMax(1, m_config.burst)), m_tokens + m_refill.restart() / 1000.0 * rate);
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return true;
    }
    return false;
}

void ExotelClient::pump()
{
    while (!m_queue.empty()) {
        const qint64 now = m_backoffClock.elapsed();
        if (now < m_backoffUntilMs) {
            m_pumpTimer.start(int(m_backoffUntilMs - now));
            return;
        }
        if (!takeToken()) {
            const double rate = qMax(0.01, m_config.requestsPerSecond);
            m_pumpTimer.start(qMax(1, int((1.0 - m_tokens) / rate * 1000.0) + 1));
            return;
        }
        Pending p = std::move(m_queue.front());
        m_queue.pop_front();
        send(std::move(p));
    }
}

void ExotelClient::send(Pending p)
{
    const QNetworkRequest req = makeRequest(p.url);
    QNetworkReply *reply = nullptr;
    if (p.verb == "POST") {
        QNetworkRequest post = req;
        post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        // Sent once: if Exotel took it and the connection died, Qt must not place it again.
        auto *body = new OneShotBody(p.body);
        post.setHeader(QNetworkRequest::ContentLengthHeader, body->size());
        reply = m_nam.post(post, body);
        body->setParent(reply);
    } else {
        reply = m_nam.get(req);
    }
    m_inFlight.append(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, p = std::move(p)]() mutable {
        m_inFlight.removeAll(reply);
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 429) {
            ++m_backoffLevel;
            qint64 delay = qMin<qint64>(qint64(m_config.backoffBaseMs) << qMin(m_backoffLevel - 1, 20), m_config.backoffMaxMs);
            bool ok = false;
            const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
            if (ok && retryAfter > 0)
                delay = qMax<qint64>(delay, qMin<qint64>(qint64(retryAfter) * 1000, m_config.backoffMaxMs));
            m_backoffUntilMs = qMax(m_backoffUntilMs, m_backoffClock.elapsed() + delay);
            if (p.attempts429 < m_config.max429Retries) {
                ++p.attempts429;
                qCWarning(lcTelephony) << "Exotel rate limit (429): backing off" << delay << "ms, retry" << p.attempts429;
                enqueue(std::move(p), true);
                return;
            }
        } else if (status > 0) {
            m_backoffLevel = 0;
        }
        if (p.rawDone) {
            if (status <= 0)
                qCWarning(lcTelephony).noquote() << p.verb << p.url.path() << "failed:" << reply->errorString();
            p.rawDone(status, body);
            return;
        }
        Result<ExotelCall> r = status > 0 ? parseCallReply(status, body) : Result<ExotelCall>(errorFor(0, reply->errorString()));
        if (!r)
            qCWarning(lcTelephony).noquote() << p.verb << p.url.path() << "failed:" << r.error().message;
        if (p.done)
            p.done(std::move(r));
    });
}

} // namespace Leadline::Telephony
