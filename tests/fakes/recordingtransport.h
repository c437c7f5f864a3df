// RecordingTransport: a MediaTransport that keeps every frame the session sent, with the time it
// was sent, and whether/how the session closed. Thread: the test's.
#pragma once

#include "conversation/mediatransport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

namespace Leadline::Testing {

class RecordingTransport final : public Conversation::MediaTransport
{
public:
    struct Sent { qint64 atMs; QJsonObject json; };
    RecordingTransport() { clock.start(); }
    void sendText(const QByteArray &frame) override { sent.append({clock.elapsed(), QJsonDocument::fromJson(frame).object()}); }
    void close(int code, const QString &reason) override
    {
        closed = true;
        closeCode = code;
        closeReason = reason;
    }
    QList<Sent> ofType(const QString &event) const
    {
        QList<Sent> out;
        for (const Sent &s : sent)
            if (s.json.value(QStringLiteral("event")).toString() == event)
                out.append(s);
        return out;
    }

    QElapsedTimer clock;
    QList<Sent> sent;
    bool closed = false;
    int closeCode = 0;
    QString closeReason;
};

} // namespace Leadline::Testing
