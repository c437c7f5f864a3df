// StreamingServer: a raw loopback HTTP/1.1 server for vendor-client tests. Each accepted
// request gets the next scripted response (or, once the script is empty, what `handler`
// returns for it): a status, headers and body pieces written with a delay between them (to
// exercise streaming parsers) after an optional first-byte delay, then the connection closes.
// A response may instead drop the connection after reading the request (close or reset), as a
// vendor that took the request and died. Requests are recorded. Thread: the test's.
#pragma once

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>

namespace Leadline::Testing {

class StreamingServer : public QObject
{
public:
    struct Response
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QList<QByteArray> pieces;
        int pieceDelayMs = 5;
        enum class Drop { None, Close, Reset } drop = Drop::None;
        int firstByteDelayMs = 0;
    };
    struct Request
    {
        QByteArray head; // request line and headers
        QByteArray body;
    };

    StreamingServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                serve(s);
        });
    }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    void push(Response r) { m_script.push_back(std::move(r)); }
    QList<Request> requests;
    std::function<Response(const Request &)> handler;

private:
    void serve(QTcpSocket *s)
    {
        auto *buffer = new QByteArray;
        QObject::connect(s, &QTcpSocket::readyRead, this, [this, s, buffer] {
            buffer->append(s->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            requests.append({head, buffer->mid(end + 4, length)});
            buffer->clear();
            QObject::disconnect(s, &QTcpSocket::readyRead, this, nullptr);
            Response r = !m_script.empty() ? m_script.front()
                         : handler        ? handler(requests.last())
                                          : Response{500, {}, {"no scripted response"}};
            if (!m_script.empty())
                m_script.pop_front();
            if (r.drop != Response::Drop::None) {
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                if (r.drop == Response::Drop::Reset)
                    s->abort();
                else
                    s->disconnectFromHost();
                return;
            }
            if (r.firstByteDelayMs > 0)
                QTimer::singleShot(r.firstByteDelayMs, s, [this, s, r] { respond(s, r); });
            else
                respond(s, r);
        });
        QObject::connect(s, &QObject::destroyed, [buffer] { delete buffer; });
    }
    void respond(QTcpSocket *s, const Response &r)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " X\r\nConnection: close\r\n";
        for (const auto &h : r.headers)
            head += h.first + ": " + h.second + "\r\n";
        s->write(head + "\r\n");
        auto pieces = std::make_shared<QList<QByteArray>>(r.pieces);
        auto *timer = new QTimer(s);
        timer->setInterval(r.pieceDelayMs);
        QObject::connect(timer, &QTimer::timeout, s, [s, pieces, timer] {
            if (pieces->isEmpty()) {
                timer->stop();
                s->disconnectFromHost();
                return;
            }
            s->write(pieces->takeFirst());
        });
        timer->start();
        QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    }

    QTcpServer m_server;
    std::deque<Response> m_script;
};

} // namespace Leadline::Testing
