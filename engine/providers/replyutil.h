// httpFailureKind: the vendor-error kind (Error::detailCode) of a failed HTTP exchange, for the
// vendor-error metrics: timeout, rate_limited, server_error, auth, connection or other.
// dropReply: cancels an in-flight QNetworkReply a provider owns: disconnects it from the receiver (so no
// late signal arrives), aborts it and schedules its deletion. Thread: the reply's.
// warmConnection: opens (TCP, and TLS for https) a connection to the vendor's host in the manager's
// pool ahead of the first request, so that request does not pay the handshakes.
#pragma once

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QUrl>

namespace Leadline::Providers {

inline void warmConnection(QNetworkAccessManager *nam, const QUrl &baseUrl)
{
    if (!nam || !baseUrl.isValid() || baseUrl.host().isEmpty())
        return;
    if (baseUrl.scheme() == QLatin1String("https"))
        nam->connectToHostEncrypted(baseUrl.host(), quint16(baseUrl.port(443)));
    else if (baseUrl.scheme() == QLatin1String("http"))
        nam->connectToHost(baseUrl.host(), quint16(baseUrl.port(80)));
}

inline void dropReply(QPointer<QNetworkReply> &reply, QObject *receiver)
{
    if (!reply)
        return;
    QNetworkReply *r = reply;
    reply = nullptr;
    r->disconnect(receiver);
    r->abort();
    r->deleteLater();
}

inline QString httpFailureKind(int status, QNetworkReply::NetworkError error)
{
    if (status == 429)
        return QStringLiteral("rate_limited");
    if (status >= 500)
        return QStringLiteral("server_error");
    if (status == 408 || error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
        return QStringLiteral("timeout"); // setTransferTimeout() ends a silent reply as "canceled"
    if (status == 401 || status == 403)
        return QStringLiteral("auth");
    if (status == 0)
        return QStringLiteral("connection");
    return QStringLiteral("other");
}

} // namespace Leadline::Providers
