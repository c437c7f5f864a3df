// httpFailureKind: the vendor-error kind (Error::detailCode) of a failed HTTP exchange, for the
// vendor-error metrics: timeout, rate_limited, server_error, auth, connection or other.
// dropReply: cancels an in-flight QNetworkReply a provider owns: disconnects it from the receiver (so no
// late signal arrives), aborts it and schedules its deletion. Thread: the reply's.
#pragma once

#include <QNetworkReply>
#include <QPointer>

namespace Leadline::Providers {

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
