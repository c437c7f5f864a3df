// StreamingServer: a raw loopback HTTP/1.1 server for vendor-client tests. Each accepted
// request gets the next scripted response: a status, headers and body pieces written with a
// delay between them (to exercise streaming parsers), then the connection closes. Requests are
// recorded. Thread: the test's.
#pragma once

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <deque>

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
            respond(s, m_script.empty() ? Response{500, {}, {"no scripted response"}} : m_script.front());
            if (!m_script.empty())
                m_script.pop_front();
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
