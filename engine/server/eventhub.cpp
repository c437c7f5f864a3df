#include "eventhub.h"

#include "apitokenverifier.h"
#include "core/logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QPointer>
#include <QUrlQuery>

namespace Leadline::Server {

namespace {

// Per-worker fan-out to that worker's /events sockets.
class EventsHost final : public QObject
{
public:
    EventsHost(EventHub *hub, QObject *worker) : QObject(worker), m_hub(hub)
    {
        setObjectName(QStringLiteral("leadline-events-host"));
        connect(hub, &EventHub::published, this, &EventsHost::broadcast, Qt::QueuedConnection);
    }
    void add(QWebSocket *ws)
    {
        ws->setParent(this);
        m_sockets.append(ws);
        connect(ws, &QWebSocket::disconnected, this, [this, ws] {
            m_sockets.removeAll(ws);
            ws->deleteLater();
        });
        // Consoles only listen; anything they send is ignored.
        connect(ws, &QWebSocket::textMessageReceived, ws, [](const QString &) {});
    }

private:
    void broadcast(const QByteArray &json)
    {
        const QString text = QString::fromUtf8(json);
        for (QWebSocket *ws : std::as_const(m_sockets)) {
            if (ws->bytesToWrite() > m_hub->maxBacklogBytes) {
                qCWarning(lcServer) << "closing a slow /events consumer";
                ws->close(QWebSocketProtocol::CloseCodeTooMuchData, QStringLiteral("too slow"));
                continue;
            }
            ws->sendTextMessage(text);
        }
    }
    QPointer<EventHub> m_hub;
    QList<QWebSocket *> m_sockets;
};

} // namespace

EventHub::EventHub(QByteArray apiToken, QObject *parent) : QObject(parent), m_token(std::move(apiToken))
{
    m_auth.setObjectName(QStringLiteral("leadline-events-auth"));
    m_auth.setMaxThreadCount(1);
}

void EventHub::publish(const QString &type, QJsonObject payload)
{
    payload.insert(QStringLiteral("type"), type);
    payload.insert(QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    emit published(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

bool EventHub::authorized(const QHostAddress &peer, const QByteArray &authorization, const QString &queryToken, bool proxied,
                          const QByteArray &apiToken)
{
    if (peer.isLoopback() && !proxied)
        return true;
    if (apiToken.isEmpty())
        return false;
    if (authorization.startsWith("Bearer ") && constantTimeEquals(authorization.mid(7).trimmed(), apiToken))
        return true;
    return !queryToken.isEmpty() && constantTimeEquals(queryToken.toUtf8(), apiToken);
}

void EventHub::handle(std::unique_ptr<QWebSocket> socketPtr, QObject *worker)
{
    QWebSocket *ws = socketPtr.release();
    const QNetworkRequest req = ws->request();
    const bool proxied = !req.rawHeader("X-Forwarded-For").isEmpty() || !req.rawHeader("Forwarded").isEmpty();
    const QByteArray authorization = req.rawHeader("Authorization");
    const QString queryToken = QUrlQuery(ws->requestUrl()).queryItemValue(QStringLiteral("token"));
    if (authorized(ws->peerAddress(), authorization, queryToken, proxied, m_token)) {
        accept(ws, worker);
        return;
    }
    if (!m_verifier) {
        reject(ws);
        return;
    }
    // An api_tokens row: the verifier may read the database, so it runs on m_auth and the
    // answer comes back to this worker as a queued signal (dropped if the socket went away).
    const quint64 ticket = ++m_nextTicket;
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(this, &EventHub::tokenChecked, ws, [this, ws, worker, ticket, connection](quint64 t, bool ok) {
        if (t != ticket)
            return;
        QObject::disconnect(*connection);
        if (ws->state() != QAbstractSocket::ConnectedState)
            ws->deleteLater(); // the console left while its token was checked
        else if (ok)
            accept(ws, worker);
        else
            reject(ws);
    }, Qt::QueuedConnection);
    const QByteArray bearer = authorization.startsWith("Bearer ") ? authorization.mid(7).trimmed() : QByteArray();
    m_auth.start([this, ticket, bearer, query = queryToken.toUtf8()] {
        const bool ok = (!bearer.isEmpty() && m_verifier->verify(bearer) != 0) || m_verifier->verify(query) != 0;
        emit tokenChecked(ticket, ok);
    });
}

void EventHub::reject(QWebSocket *ws)
{
    qCWarning(lcServer) << "rejected /events socket from" << ws->peerAddress().toString();
    ws->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
    ws->deleteLater();
}

void EventHub::accept(QWebSocket *ws, QObject *worker)
{
    // By name: EventsHost has no Q_OBJECT, so findChild<EventsHost *> would match any child.
    auto *host = static_cast<EventsHost *>(worker->findChild<QObject *>(QStringLiteral("leadline-events-host"), Qt::FindDirectChildrenOnly));
    if (!host)
        host = new EventsHost(this, worker);
    host->add(ws);
}

} // namespace Leadline::Server
