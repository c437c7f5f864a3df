// EventHub: the live event stream for consoles (`/events` WebSocket; the GUI can listen to the
// same signal in-process). publish() is thread-safe and never blocks: each network worker that
// has /events sockets gets the event through a queued connection and writes it to its own
// sockets (a socket stays on the worker that accepted it). Slow consumers are bounded: a socket
// with more than maxBacklogBytes unsent is closed rather than buffered without limit.
// A token that is not the configured API token is checked against api_tokens on the hub's own
// thread ("leadline-events-auth"), never on the worker (the check may read the database); the
// socket is accepted or closed back on its worker when the answer comes.
// Thread: EventHub lives on the main thread; publish() may be called from any thread.
#pragma once

#include "core/eventsink.h"
#include "core/securecompare.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QThreadPool>
#include <QWebSocket>
#include <atomic>
#include <memory>

namespace Leadline::Server {

class ApiTokenVerifier;

class EventHub : public QObject, public EventSink
{
    Q_OBJECT
public:
    explicit EventHub(QByteArray apiToken, QObject *parent = nullptr);

    void publish(const QString &type, QJsonObject payload) override;
    // Accepts an /events socket on the calling (worker) thread.
    void handle(std::unique_ptr<QWebSocket> socket, QObject *worker);
    // Loopback (not proxied) or the API token as a Bearer header or ?token=.
    static bool authorized(const QHostAddress &peer, const QByteArray &authorization, const QString &queryToken,
                           bool proxied, const QByteArray &apiToken);

    qint64 maxBacklogBytes = 4 * 1024 * 1024;
    // Also accept active api_tokens rows (Bearer or ?token=); set before the server starts.
    void setTokenVerifier(const ApiTokenVerifier *verifier) { m_verifier = verifier; }

Q_SIGNALS:
    void published(const QByteArray &json);
    // Internal: the answer of a token check that ran on m_auth (ticket from handle()).
    void tokenChecked(quint64 ticket, bool ok);

private:
    void accept(QWebSocket *ws, QObject *worker);
    void reject(QWebSocket *ws);

    QByteArray m_token;
    const ApiTokenVerifier *m_verifier = nullptr;
    std::atomic<quint64> m_nextTicket{0};
    QThreadPool m_auth; // last: destroyed (and waited for) first
};

} // namespace Leadline::Server
