// EventSink: where engine components report live events for consoles ("/events" and the GUI in
// the same process). An event is a type ("call.started", "campaign.progress", ...) and a flat
// JSON payload; the sink adds "type" and "at". Event types and fields are listed in README
// ("Live events").
// Thread: implementations are thread-safe and never block; publish() may be called from any thread.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Leadline {

class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual void publish(const QString &type, QJsonObject payload) = 0;
};

// For masking a phone number in events and logs: keeps the country/operator prefix and the last
// three digits ("+91 98XXX XX321").
QString maskPhone(const QString &e164);

} // namespace Leadline
