// MediaTransport: the socket a call session talks through (a QWebSocket in production, a
// recorder in tests). Thread: the session's worker thread.
#pragma once

#include <QByteArray>
#include <QString>

namespace Leadline::Conversation {

class MediaTransport
{
public:
    virtual ~MediaTransport() = default;
    virtual void sendText(const QByteArray &frame) = 0;
    virtual void close(int code, const QString &reason) = 0;
};

} // namespace Leadline::Conversation
