#include "mediaendpoint.h"

#include "conversationlog.h"
#include "core/securecompare.h"

#include <QRegularExpression>
#include <QTimer>

#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrlQuery>

namespace Leadline::Conversation {

namespace {

// The socket as a MediaTransport; owned by the session's host object.
class WebSocketTransport final : public MediaTransport
{
public:
    explicit WebSocketTransport(QWebSocket *ws) : m_ws(ws) {}
    void sendText(const QByteArray &frame) override
    {
        if (m_ws && m_ws->isValid())
            m_ws->sendTextMessage(QString::fromUtf8(frame));
    }
    void close(int code, const QString &reason) override
    {
        if (m_ws && m_ws->state() == QAbstractSocket::ConnectedState)
            m_ws->close(QWebSocketProtocol::CloseCode(code), reason);
    }

private:
    QPointer<QWebSocket> m_ws;
};

// Per-worker resources: one QNetworkAccessManager and one pacing clock for every call on this worker.
class WorkerHost final : public QObject
{
public:
    explicit WorkerHost(QObject *parent)
        : QObject(parent), nam(new QNetworkAccessManager(this)), pacer(new WorkerPacer(this))
    {
        setObjectName(QStringLiteral("leadline-media-host"));
    }
    QNetworkAccessManager *nam;
    WorkerPacer *pacer; // one pacing clock for every call on this worker
};

} // namespace

MediaAuthConfig MediaAuthConfig::fromSettings(const Settings &settings)
{
    MediaAuthConfig c;
    QString basic = settings.value(QStringLiteral("MEDIA_BASIC_AUTH"));
    if (basic.isEmpty() && settings.isSet(QStringLiteral("EXOTEL_API_KEY")) && settings.isSet(QStringLiteral("EXOTEL_API_TOKEN")))
        basic = settings.value(QStringLiteral("EXOTEL_API_KEY")) + QLatin1Char(':') + settings.value(QStringLiteral("EXOTEL_API_TOKEN"));
    const int colon = basic.indexOf(QLatin1Char(':'));
    if (colon > 0) {
        c.basicUser = basic.left(colon).toUtf8();
        c.basicPassword = basic.mid(colon + 1).toUtf8();
    }
    for (const QString &cidr : settings.value(QStringLiteral("MEDIA_IP_ALLOWLIST")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto net = QHostAddress::parseSubnet(cidr.trimmed());
        if (net.first.isNull())
            qCWarning(lcConversation) << "MEDIA_IP_ALLOWLIST: ignoring" << cidr;
        else
            c.allowList.append(net);
    }
    return c;
}

MediaEndpoint::MediaEndpoint(const Providers::ProviderFactory &providers, CallRecorder &recorder, const Clock &clock,
                             MediaAuthConfig auth, SessionConfig sessionConfig)
    : m_providers(providers), m_recorder(recorder), m_clock(clock), m_auth(std::move(auth)), m_sessionConfig(sessionConfig)
{
}

QString MediaEndpoint::authorize(const MediaAuthConfig &auth, const QHostAddress &peer, const QByteArray &authorization,
                                 const QUrlQuery &query)
{
    if (!auth.allowList.isEmpty()) {
        const bool allowed = std::any_of(auth.allowList.cbegin(), auth.allowList.cend(),
                                         [&](const auto &net) { return peer.isInSubnet(net.first, net.second); });
        if (!allowed)
            return QStringLiteral("address %1 is not on the media allow-list").arg(peer.toString());
    }
    if (!authorization.isEmpty()) {
        if (!authorization.startsWith("Basic ") || auth.basicUser.isEmpty())
            return QStringLiteral("unexpected Authorization scheme");
        const QByteArray expected = QByteArray(auth.basicUser + ':' + auth.basicPassword).toBase64();
        if (!constantTimeEquals(authorization.mid(6).trimmed(), expected))
            return QStringLiteral("wrong Basic credentials");
        return {};
    }
    const QString token = query.queryItemValue(QStringLiteral("lc"));
    static const QRegularExpression tokenShape(QStringLiteral("^[0-9a-fA-F]{16,64}$"));
    if (!token.isEmpty() && tokenShape.match(token).hasMatch())
        return {}; // checked against an open call row right after "start"
    return QStringLiteral("no credentials (Basic auth or a call token) on the upgrade request");
}

void MediaEndpoint::handle(std::unique_ptr<QWebSocket> socketPtr, QObject *worker)
{
    QWebSocket *ws = socketPtr.release();
    const QUrl url = ws->requestUrl();
    const QUrlQuery query(url);
    const QString why = authorize(m_auth, ws->peerAddress(), ws->request().rawHeader("Authorization"), query);
    if (!why.isEmpty()) {
        qCWarning(lcConversation) << "rejected media socket from" << ws->peerAddress().toString() << ":" << why;
        ws->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
        ws->deleteLater();
        return;
    }
    // The lower of this endpoint's cap and the server-wide MAX_WS_MESSAGE_BYTES already set.
    ws->setMaxAllowedIncomingMessageSize(qMin(ws->maxAllowedIncomingMessageSize(), quint64(m_auth.maxMessageBytes)));
    ws->setMaxAllowedIncomingFrameSize(qMin(ws->maxAllowedIncomingFrameSize(), quint64(m_auth.maxMessageBytes)));

    // By name: WorkerHost has no Q_OBJECT, so findChild<WorkerHost *> would match any child.
    auto *host = static_cast<WorkerHost *>(worker->findChild<QObject *>(QStringLiteral("leadline-media-host"), Qt::FindDirectChildrenOnly));
    if (!host)
        host = new WorkerHost(worker);
    ws->setParent(host);

    auto *transport = new WebSocketTransport(ws);
    auto *session = new CallSession(*transport, m_recorder, m_clock, m_timers, m_providers.createStt(host->nam),
                                    m_providers.createLlm(host->nam), m_providers.createTts(host->nam), m_sessionConfig, ws);
    const int rate = query.queryItemValue(QStringLiteral("sample-rate")).toInt();
    if (rate == 8000 || rate == 16000 || rate == 24000)
        session->setRequestedSampleRate(rate);
    session->setUrlToken(query.queryItemValue(QStringLiteral("lc")));
    session->setVendorErrors(m_vendorErrors);
    session->setHandoffDesk(m_handoffDesk);
    session->setPacer(host->pacer);
    session->setLeadMessenger(m_leadMessenger);
    session->setGreetingPrimer(m_greetings);
    if (m_sessionConfig.phraseCache)
        session->setPhraseCache(&m_phrases);
    m_active.ref();

    connect(ws, &QWebSocket::textMessageReceived, session, [session](const QString &m) { session->onTextFrame(m.toUtf8()); });
    connect(ws, &QWebSocket::binaryMessageReceived, session, [](const QByteArray &) {
        qCDebug(lcConversation) << "ignoring a binary media frame"; // Exotel sends text JSON only
    });
    connect(ws, &QWebSocket::disconnected, session, [session] { session->onTransportClosed(); });
    connect(session, &CallSession::activity, this, &MediaEndpoint::callActivity);
    // Known by call id once correlated (its first activity), so a supervisor can hang it up.
    connect(session, &CallSession::activity, session, [this, session](qint64 callId) {
        if (callId <= 0)
            return;
        QMutexLocker lock(&m_sessionsMutex);
        if (!m_sessions.contains(callId))
            m_sessions.insert(callId, session);
    });
    // Direct: while hangUp() holds the lock the session's memory cannot go away under it.
    connect(session, &QObject::destroyed, this, [this, session] {
        QMutexLocker lock(&m_sessionsMutex);
        for (auto it = m_sessions.begin(); it != m_sessions.end();)
            it = (it.value().isNull() || it.value().data() == session) ? m_sessions.erase(it) : std::next(it);
    }, Qt::DirectConnection);
    connect(session, &CallSession::ended, ws, [this, ws, session, transport](qint64 callId) {
        {
            QMutexLocker lock(&m_sessionsMutex);
            m_sessions.remove(callId);
        }
        emit sessionFinished(callId, session->stats());
        m_active.deref();
        // Let the close handshake go out, then free everything of this call.
        QTimer::singleShot(2000, ws, [ws] { ws->abort(); ws->deleteLater(); });
        connect(ws, &QObject::destroyed, [transport] { delete transport; });
    }, Qt::SingleShotConnection);
}

bool MediaEndpoint::hangUp(qint64 callId, const QString &reason)
{
    QMutexLocker lock(&m_sessionsMutex);
    const QPointer<CallSession> session = m_sessions.value(callId);
    if (!session)
        return false;
    // Queued to the session's worker; dropped by Qt if the session is gone by then.
    QMetaObject::invokeMethod(session.data(), [s = session.data(), reason] { s->hangUp(reason); }, Qt::QueuedConnection);
    return true;
}

} // namespace Leadline::Conversation
