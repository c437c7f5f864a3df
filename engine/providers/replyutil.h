// Cancels an in-flight QNetworkReply a provider owns: disconnects it from the receiver (so no
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

} // namespace Leadline::Providers
