// FakeExotelServer: a loopback HTTP server that speaks the Exotel v1 REST surface Leadline uses
// (Calls/connect.json, Calls/{sid}.json, Sms/send.json), records every request and answers with
// reference-shaped bodies. Tests script replies (429, 401, ...) with pushReply().
// Thread: the test's (main) thread.
#pragma once

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QUrlQuery>
#include <deque>

namespace Leadline::Testing {

class FakeExotelServer : public QAbstractHttpServer
{
public:
    struct Request
    {
        QByteArray method;
        QString path;
        QByteArray authorization;
        QByteArray contentType;
        QByteArray body;
        QUrlQuery form; // decoded form body
        qint64 atMs = 0;
    };
    struct Reply
    {
        int status = 200;
        QByteArray body; // empty: a Call object for the request
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    explicit FakeExotelServer(QObject *parent = nullptr) : QAbstractHttpServer(parent)
    {
        auto *tcp = new QTcpServer(this);
        tcp->listen(QHostAddress::LocalHost, 0);
        m_port = tcp->serverPort();
        bind(tcp);
        m_clock.start();
    }

    quint16 port() const { return m_port; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    void pushReply(Reply r) { m_scripted.push_back(std::move(r)); }
    void setCallStatus(const QString &sid, const QString &status) { m_statuses.insert(sid, status); }
    QList<Request> requests;
    int connectCount() const
    {
        int n = 0;
        for (const auto &r : requests)
            n += r.path.endsWith(QLatin1String("/Calls/connect.json")) ? 1 : 0;
        return n;
    }

    static QByteArray callJson(const QString &sid, const QString &status, const QString &from = QStringLiteral("09812345678"))
    {
        QJsonObject call{{QStringLiteral("Sid"), sid}, {QStringLiteral("ParentCallSid"), QJsonValue()},
                         {QStringLiteral("DateCreated"), QStringLiteral("2025-03-10 11:02:07")},
                         {QStringLiteral("AccountSid"), QStringLiteral("leadlinerealty1")},
                         {QStringLiteral("From"), from}, {QStringLiteral("PhoneNumberSid"), QStringLiteral("08047112233")},
                         {QStringLiteral("Status"), status}, {QStringLiteral("StartTime"), QStringLiteral("2025-03-10 11:02:07")},
                         {QStringLiteral("EndTime"), QJsonValue()}, {QStringLiteral("Duration"), QJsonValue()},
                         {QStringLiteral("Price"), QJsonValue()}, {QStringLiteral("Direction"), QStringLiteral("outbound-api")},
                         {QStringLiteral("RecordingUrl"), QJsonValue()}};
        if (status == QLatin1String("completed")) {
            call.insert(QStringLiteral("EndTime"), QStringLiteral("2025-03-10 11:05:51"));
            call.insert(QStringLiteral("Duration"), QStringLiteral("224"));
            call.insert(QStringLiteral("Price"), QStringLiteral("1.800"));
        }
        return QJsonDocument(QJsonObject{{QStringLiteral("Call"), call}}).toJson(QJsonDocument::Compact);
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        Request rec;
        rec.method = request.method() == QHttpServerRequest::Method::Post ? "POST" : "GET";
        rec.path = request.url().path();
        rec.authorization = request.value("authorization");
        rec.contentType = request.value("content-type");
        rec.body = request.body();
        QByteArray form = rec.body;
        form.replace('+', ' ');
        rec.form = QUrlQuery(QString::fromUtf8(form));
        rec.atMs = m_clock.elapsed();
        requests.append(rec);

        Reply reply;
        if (!m_scripted.empty()) {
            reply = m_scripted.front();
            m_scripted.pop_front();
        }
        if (reply.body.isEmpty() && reply.status == 200) {
            if (rec.path.endsWith(QLatin1String("/Sms/send.json"))) {
                // Sms/send.json (hot-lead handoff: the agent gets the lead summary).
                reply.body = QJsonDocument(QJsonObject{{QStringLiteral("SMSMessage"),
                                                        QJsonObject{{QStringLiteral("Sid"), QStringLiteral("sms%1").arg(++m_sidCounter)},
                                                                    {QStringLiteral("To"), rec.form.queryItemValue(QStringLiteral("To"))},
                                                                    {QStringLiteral("Status"), QStringLiteral("queued")}}}})
                                 .toJson(QJsonDocument::Compact);
            } else if (rec.path.endsWith(QLatin1String("/Calls/connect.json"))) {
                const QString sid = QStringLiteral("fake%1").arg(++m_sidCounter, 28, 10, QLatin1Char('0'));
                m_statuses.insert(sid, QStringLiteral("in-progress"));
                reply.body = callJson(sid, QStringLiteral("in-progress"), rec.form.queryItemValue(QStringLiteral("From")));
            } else {
                const QString sid = rec.path.section(QLatin1Char('/'), -1).remove(QStringLiteral(".json"));
                if (!m_statuses.contains(sid)) {
                    reply.status = 404;
                    reply.body = R"({"RestException":{"Status":404,"Message":"Call not found"}})";
                } else {
                    reply.body = callJson(sid, m_statuses.value(sid));
                }
            }
        }
        QHttpServerResponder responder = makeResponder(request, socket);
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
        responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
        for (const auto &h : reply.headers)
            responder.writeHeader(h.first, h.second);
        responder.writeBody(reply.body);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    quint16 m_port = 0;
    std::deque<Reply> m_scripted;
    QHash<QString, QString> m_statuses;
    int m_sidCounter = 0;
    QElapsedTimer m_clock;
};

} // namespace Leadline::Testing
