#include "exotelsimulator.h"

#include "audio/pcm.h"
#include "audio/resampler.h"
#include "core/logging.h"
#include "providers/local/offlinespeech.h"
#include "telephony/mediaprotocol.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcSim, "leadline.sim", QtInfoMsg)

namespace Leadline::Sim {

static QString hex(int bytes)
{
    QByteArray b(bytes, Qt::Uninitialized);
    for (char &c : b)
        c = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(b.toHex());
}

static QString exotelTime(const QDateTime &t) { return t.toTimeZone(QTimeZone("Asia/Kolkata")).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")); }

// One simulated callee on one call.
class SimCall : public QObject
{
public:
    SimCall(ExotelSimulator *sim, SimCallRecord record, Persona persona, QString streamUrl, QString statusCallback,
            QString customField)
        : QObject(sim), m_sim(sim), m_rec(std::move(record)), m_persona(std::move(persona)), m_streamUrl(std::move(streamUrl)),
          m_statusCallback(std::move(statusCallback)), m_customField(std::move(customField))
    {
        m_created = now();
        m_tick.setTimerType(Qt::PreciseTimer);
        m_tick.setInterval(20);
        connect(&m_tick, &QTimer::timeout, this, [this] { tick(); });
        QTimer::singleShot(m_persona.ringMs, this, [this] { ring(); });
        // Synthesize what the callee will say, ahead of time.
        m_audio.resize(m_persona.lines.size());
        for (int i = 0; i < m_persona.lines.size(); ++i) {
            if (!m_sim->m_speech || !m_sim->m_speech->ttsAvailable())
                break;
            auto resampler = std::make_shared<Audio::Resampler>(m_sim->m_speech->ttsSampleRate(), 8000);
            auto pending = std::make_shared<QByteArray>();
            m_sim->m_speech->synthesize(
                m_persona.lines.at(i).text, m_persona.language, this,
                [resampler, pending](const QByteArray &pcm) { *pending += resampler->process(pcm); },
                [this, i, resampler, pending](bool ok) {
                    // A line is said once its synthesis has finished, never while it is under way.
                    m_audio[i] = *pending + resampler->flush();
                    if (!ok)
                        qCWarning(lcSim) << "persona" << m_rec.persona << "line" << i << "could not be synthesized";
                }, [] { return false; });
        }
    }

    const SimCallRecord &record() const { return m_rec; }

private:
    QDateTime now() const { return m_sim->m_cfg.clock ? m_sim->m_cfg.clock->now() : QDateTime::currentDateTimeUtc(); }
    void ring()
    {
        if (m_persona.answer != QLatin1String("answered")) {
            finish(m_persona.answer);
            return;
        }
        m_rec.status = QStringLiteral("in-progress");
        m_answered = now();
        callback(QStringLiteral("answered"));
        m_ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(m_ws, &QWebSocket::connected, this, [this] { onConnected(); });
        connect(m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &m) { onServer(m.toUtf8()); });
        connect(m_ws, &QWebSocket::disconnected, this, [this] { finish(QStringLiteral("completed")); });
        m_ws->open(QUrl(m_streamUrl));
    }

    void send(const QJsonObject &o)
    {
        if (m_ws && m_ws->isValid())
            m_ws->sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }

    void onConnected()
    {
        m_streamSid = hex(16);
        const QString lc = QUrlQuery(QUrl(m_streamUrl)).queryItemValue(QStringLiteral("lc"));
        send(QJsonObject{{QStringLiteral("event"), QStringLiteral("connected")}});
        send(QJsonObject{{QStringLiteral("event"), QStringLiteral("start")}, {QStringLiteral("sequence_number"), ++m_seq},
                         {QStringLiteral("stream_sid"), m_streamSid},
                         {QStringLiteral("start"),
                          QJsonObject{{QStringLiteral("stream_sid"), m_streamSid}, {QStringLiteral("call_sid"), m_rec.sid},
                                      {QStringLiteral("account_sid"), m_sim->m_cfg.accountSid}, {QStringLiteral("from"), m_rec.phone},
                                      {QStringLiteral("to"), QStringLiteral("08047112233")},
                                      {QStringLiteral("custom_parameters"), QJsonObject{{QStringLiteral("lc"), lc}}},
                                      {QStringLiteral("media_format"), QJsonObject{{QStringLiteral("encoding"), QStringLiteral("base64")},
                                                                                   {QStringLiteral("sample_rate"), QStringLiteral("8000")},
                                                                                   {QStringLiteral("bit_rate"), QStringLiteral("128kbps")}}}}}});
        m_clock.start();
        m_tick.start();
    }

    void onServer(const QByteArray &frame)
    {
        const QJsonObject o = QJsonDocument::fromJson(frame).object();
        const QString ev = o.value(QStringLiteral("event")).toString();
        const qint64 now = m_clock.elapsed();
        if (ev == QLatin1String("media")) {
            const qint64 ms = QByteArray::fromBase64(o[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size() / 16;
            m_playEnd = qMax(m_playEnd, now) + ms;
            m_agentSpokeSinceLine = true;
            ++m_rec.agentFrames;
        } else if (ev == QLatin1String("clear")) {
            m_playEnd = now;
            ++m_markEpoch;
            ++m_rec.clearsReceived;
        } else if (ev == QLatin1String("mark")) {
            const int epoch = m_markEpoch;
            const QString name = o[QStringLiteral("mark")][QStringLiteral("name")].toString();
            QTimer::singleShot(int(qMax<qint64>(0, m_playEnd - now)), this, [this, epoch, name] {
                if (epoch == m_markEpoch)
                    send(QJsonObject{{QStringLiteral("event"), QStringLiteral("mark")}, {QStringLiteral("sequence_number"), ++m_seq},
                                     {QStringLiteral("stream_sid"), m_streamSid}, {QStringLiteral("mark"), QJsonObject{{QStringLiteral("name"), name}}}});
            });
        }
    }

    QByteArray nextFrame()
    {
        const qint64 now = m_clock.elapsed();
        if (m_speaking.isEmpty() && m_nextLine < m_persona.lines.size()) {
            const PersonaLine &line = m_persona.lines.at(m_nextLine);
            const bool agentQuiet = now >= m_playEnd && m_agentSpokeSinceLine && now - m_playEnd >= line.afterAgentMs;
            const bool due = line.atMs >= 0 ? now >= line.atMs : agentQuiet;
            // Under load the synthesis of a line can still be under way when it is due: the
            // callee then pauses a little longer, as a person thinking would.
            if (due && !m_audio.value(m_nextLine).isEmpty()) {
                m_speaking = m_audio.at(m_nextLine);
                qCDebug(lcSim) << "call" << m_rec.sid << "persona" << m_rec.persona << "says" << line.text << "at" << now << "ms ("
                               << m_speaking.size() / 16 << "ms of audio)";
                if (m_persona.voicemail)
                    m_speaking += Audio::silence(300, 8000) + Audio::tone(500, 8000, 1000.0, 0.5); // the beep
                ++m_nextLine;
                m_agentSpokeSinceLine = false;
                m_lastSpokeAt = now;
            }
        }
        if (!m_speaking.isEmpty()) {
            QByteArray f = m_speaking.left(320);
            m_speaking.remove(0, f.size());
            Audio::padTo(f, 320);
            m_lastSpokeAt = now;
            return f;
        }
        return Audio::lineNoise(20, 8000, *QRandomGenerator::global()); // about -66 dBFS like the fixtures
    }

    void tick()
    {
        // Keep real time: send as many 20 ms frames as are due.
        while (m_sentMs + 20 <= m_clock.elapsed() + 20) {
            const QByteArray pcm = nextFrame();
            send(QJsonObject{{QStringLiteral("event"), QStringLiteral("media")}, {QStringLiteral("sequence_number"), ++m_seq},
                             {QStringLiteral("stream_sid"), m_streamSid},
                             {QStringLiteral("media"), QJsonObject{{QStringLiteral("chunk"), ++m_chunk},
                                                                   {QStringLiteral("timestamp"), QString::number(m_sentMs)},
                                                                   {QStringLiteral("payload"), QString::fromLatin1(pcm.toBase64())}}}});
            m_sentMs += 20;
            for (const auto &d : std::as_const(m_persona.dtmf)) {
                if (d.first >= m_sentMs - 20 && d.first < m_sentMs)
                    send(QJsonObject{{QStringLiteral("event"), QStringLiteral("dtmf")}, {QStringLiteral("sequence_number"), ++m_seq},
                                     {QStringLiteral("stream_sid"), m_streamSid},
                                     {QStringLiteral("dtmf"), QJsonObject{{QStringLiteral("digit"), d.second}, {QStringLiteral("duration"), QStringLiteral("160")}}}});
            }
        }
        const qint64 now = m_clock.elapsed();
        const bool saidAll = m_nextLine >= m_persona.lines.size() && m_speaking.isEmpty();
        const bool longQuiet = saidAll && now >= m_playEnd + m_persona.patienceMs && now - m_lastSpokeAt > m_persona.patienceMs;
        if (now >= m_persona.hangupAfterMs || (longQuiet && !m_persona.lines.isEmpty()))
            hangUp();
    }

    void hangUp()
    {
        if (!m_ws)
            return;
        send(QJsonObject{{QStringLiteral("event"), QStringLiteral("stop")}, {QStringLiteral("sequence_number"), ++m_seq},
                         {QStringLiteral("stream_sid"), m_streamSid},
                         {QStringLiteral("stop"), QJsonObject{{QStringLiteral("call_sid"), m_rec.sid}, {QStringLiteral("reason"), QStringLiteral("callended")}}}});
        m_ws->close();
    }

    void callback(const QString &eventType)
    {
        if (m_statusCallback.isEmpty())
            return;
        const bool terminal = eventType == QLatin1String("terminal");
        QJsonObject body{{QStringLiteral("CallSid"), m_rec.sid}, {QStringLiteral("EventType"), eventType},
                         {QStringLiteral("Status"), terminal ? m_rec.status : QStringLiteral("in-progress")},
                         {QStringLiteral("DateCreated"), exotelTime(m_created)},
                         {QStringLiteral("DateUpdated"), exotelTime(now())},
                         {QStringLiteral("From"), m_rec.phone}, {QStringLiteral("To"), QString()},
                         {QStringLiteral("PhoneNumberSid"), QStringLiteral("08047112233")}, {QStringLiteral("Direction"), QStringLiteral("outbound-api")},
                         {QStringLiteral("RecordingUrl"), QJsonValue()}};
        if (terminal) {
            body.insert(QStringLiteral("StartTime"), exotelTime(m_created));
            body.insert(QStringLiteral("EndTime"), exotelTime(now()));
            body.insert(QStringLiteral("ConversationDuration"), m_rec.durationS);
            body.insert(QStringLiteral("CustomField"), m_customField);
            body.insert(QStringLiteral("Legs"), QJsonArray{QJsonObject{{QStringLiteral("OnCallDuration"), m_rec.durationS},
                                                                       {QStringLiteral("Status"), m_rec.status}}});
            if (m_rec.status == QLatin1String("completed"))
                body.insert(QStringLiteral("RecordingUrl"), QStringLiteral("http://127.0.0.1:%1/recordings/%2.mp3").arg(m_sim->m_port).arg(m_rec.sid));
        }
        m_sim->postCallback(m_statusCallback, body);
    }

    void finish(const QString &status)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_tick.stop();
        m_rec.status = status;
        if (m_answered.isValid())
            m_rec.durationS = m_answered.secsTo(now());
        callback(QStringLiteral("terminal"));
        const int n = m_sim->m_callCounter;
        if (m_sim->m_cfg.duplicateCallbacks && n % 2 == 0)
            QTimer::singleShot(300, this, [this] { callback(QStringLiteral("terminal")); });
        if (m_sim->m_cfg.outOfOrderCallbacks && n % 3 == 0 && m_answered.isValid())
            QTimer::singleShot(600, this, [this] { callback(QStringLiteral("answered")); });
        qCInfo(lcSim) << "call" << m_rec.sid << "persona" << m_rec.persona << "ended" << status << m_rec.durationS << "s";
        QTimer::singleShot(1000, this, [this] { m_sim->m_active.remove(m_rec.sid); m_sim->m_done.append(m_rec); emit m_sim->callFinished(m_rec); deleteLater(); });
    }

    ExotelSimulator *m_sim;
    SimCallRecord m_rec;
    Persona m_persona;
    QString m_streamUrl, m_statusCallback, m_customField, m_streamSid;
    QDateTime m_created, m_answered;
    QWebSocket *m_ws = nullptr;
    QTimer m_tick;
    QElapsedTimer m_clock;
    QList<QByteArray> m_audio; // per line, once its synthesis has finished
    QByteArray m_speaking;
    int m_nextLine = 0;
    qint64 m_sentMs = 0, m_playEnd = 0, m_lastSpokeAt = 0;
    int m_seq = 0, m_chunk = 0, m_markEpoch = 0;
    bool m_agentSpokeSinceLine = false, m_finished = false;
};

ExotelSimulator::ExotelSimulator(SimulatorConfig config, QList<Persona> personas,
                                 std::shared_ptr<Providers::OfflineSpeechEngine> speech, QObject *parent)
    : QAbstractHttpServer(parent), m_cfg(std::move(config)), m_personas(std::move(personas)), m_speech(std::move(speech))
{
}

ExotelSimulator::~ExotelSimulator() = default;

quint16 ExotelSimulator::listenLoopback(quint16 port)
{
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, port))
        return 0;
    bind(tcp);
    m_port = tcp->serverPort();
    return m_port;
}

QString ExotelSimulator::baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

static QString last10(const QString &phone)
{
    QString digits;
    for (QChar c : phone)
        if (c.isDigit())
            digits += c;
    return digits.right(10);
}

void ExotelSimulator::assignPersona(const QString &phone, const QString &persona) { m_assigned.insert(last10(phone), persona); }

const Persona &ExotelSimulator::personaFor(const QString &phone)
{
    const QString wanted = m_assigned.value(last10(phone));
    for (const Persona &p : std::as_const(m_personas))
        if (p.name == wanted)
            return p;
    return m_personas.at(m_rotation++ % m_personas.size());
}

QList<SimCallRecord> ExotelSimulator::calls() const
{
    QList<SimCallRecord> out = m_done;
    for (SimCall *c : m_active)
        out.append(c->record());
    return out;
}

int ExotelSimulator::activeCalls() const { return int(m_active.size()); }

bool ExotelSimulator::rateLimited()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!m_requestTimes.isEmpty() && now - m_requestTimes.first() > 60000)
        m_requestTimes.removeFirst();
    if (m_requestTimes.size() >= m_cfg.requestsPerMinute)
        return true;
    m_requestTimes.append(now);
    return false;
}

void ExotelSimulator::reply(const QHttpServerRequest &request, QTcpSocket *socket, int status, const QByteArray &json)
{
    QHttpServerResponder r = makeResponder(request, socket);
    r.write(json, QByteArrayLiteral("application/json"), static_cast<QHttpServerResponder::StatusCode>(status));
}

static QByteArray restError(int status, int code, const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("RestException"), QJsonObject{{QStringLiteral("Status"), status},
                                                                                  {QStringLiteral("Code"), code},
                                                                                  {QStringLiteral("Message"), message}}}})
        .toJson(QJsonDocument::Compact);
}

static QByteArray callJson(const SimCallRecord &r, const QString &account)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("Call"), QJsonObject{
        {QStringLiteral("Sid"), r.sid}, {QStringLiteral("AccountSid"), account}, {QStringLiteral("From"), r.phone},
        {QStringLiteral("PhoneNumberSid"), QStringLiteral("08047112233")}, {QStringLiteral("Status"), r.status},
        {QStringLiteral("Direction"), QStringLiteral("outbound-api")}, {QStringLiteral("Duration"), r.durationS ? QJsonValue(QString::number(r.durationS)) : QJsonValue()},
        {QStringLiteral("DateCreated"), exotelTime(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("Uri"), QStringLiteral("/v1/Accounts/%1/Calls/%2.json").arg(account, r.sid)}}}})
        .toJson(QJsonDocument::Compact);
}

bool ExotelSimulator::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    const QString prefix = QStringLiteral("/v1/Accounts/%1/Calls").arg(m_cfg.accountSid);
    if (!path.startsWith(prefix))
        return false;
    const QByteArray expected = "Basic " + QByteArray(m_cfg.apiKey + ':' + m_cfg.apiToken).toBase64();
    if (request.value("authorization") != expected) {
        reply(request, socket, 401, restError(401, 20003, QStringLiteral("Authentication is required to view this resource.")));
        return true;
    }
    if (rateLimited()) {
        reply(request, socket, 429, restError(429, 20429, QStringLiteral("Too many requests")));
        return true;
    }
    const QString rest = path.mid(prefix.size());
    if (request.method() == QHttpServerRequest::Method::Post && (rest == QLatin1String("/connect") || rest == QLatin1String("/connect.json"))) {
        const QUrlQuery form(QString::fromUtf8(request.body()));
        const QString from = form.queryItemValue(QStringLiteral("From"), QUrl::FullyDecoded);
        const QString streamUrl = form.queryItemValue(QStringLiteral("StreamUrl"), QUrl::FullyDecoded);
        const QString flowUrl = form.queryItemValue(QStringLiteral("Url"), QUrl::FullyDecoded);
        if (from.isEmpty() || last10(from).size() != 10) {
            reply(request, socket, 400, restError(400, 34001, QStringLiteral("From number is not a valid phone number")));
            return true;
        }
        if (form.queryItemValue(QStringLiteral("CallerId")).isEmpty()) {
            reply(request, socket, 400, restError(400, 34002, QStringLiteral("CallerId is required")));
            return true;
        }
        if (streamUrl.isEmpty() == flowUrl.isEmpty()
            || (!streamUrl.isEmpty() && form.queryItemValue(QStringLiteral("StreamType")) != QLatin1String("bidirectional"))) {
            reply(request, socket, 400, restError(400, 34003, QStringLiteral("Give StreamUrl with StreamType=bidirectional, or Url")));
            return true;
        }
        if (streamUrl.size() >= 600) {
            reply(request, socket, 400, restError(400, 34004, QStringLiteral("StreamUrl must be under 600 characters")));
            return true;
        }
        SimCallRecord rec;
        rec.sid = hex(16);
        rec.phone = QStringLiteral("0") + last10(from); // Exotel answers in national form
        const Persona &persona = personaFor(from);
        rec.persona = persona.name;
        ++m_callCounter;
        auto *call = new SimCall(this, rec, persona, streamUrl, form.queryItemValue(QStringLiteral("StatusCallback"), QUrl::FullyDecoded),
                                 form.queryItemValue(QStringLiteral("CustomField"), QUrl::FullyDecoded));
        m_active.insert(rec.sid, call);
        reply(request, socket, 200, callJson(rec, m_cfg.accountSid));
        return true;
    }
    if (request.method() == QHttpServerRequest::Method::Get) {
        QString sid = rest.mid(1);
        if (sid.endsWith(QLatin1String(".json")))
            sid.chop(5);
        for (const SimCallRecord &r : calls())
            if (r.sid == sid) {
                reply(request, socket, 200, callJson(r, m_cfg.accountSid));
                return true;
            }
        reply(request, socket, 404, restError(404, 20404, QStringLiteral("The requested resource was not found")));
        return true;
    }
    return false;
}

void ExotelSimulator::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    reply(request, socket, 404, restError(404, 20404, QStringLiteral("The requested resource was not found")));
}

void ExotelSimulator::postCallback(const QString &url, const QJsonObject &body)
{
    QNetworkRequest req{QUrl(url)};
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *r = m_nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(r, &QNetworkReply::finished, r, &QObject::deleteLater);
}

} // namespace Leadline::Sim
