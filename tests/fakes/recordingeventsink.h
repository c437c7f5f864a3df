// RecordingEventSink: an EventSink for tests that keeps every published event.
// Thread: any (publish() locks).
#pragma once

#include "core/eventsink.h"

#include <QJsonObject>
#include <QList>
#include <QMutex>

namespace Leadline::Testing {

class RecordingEventSink final : public EventSink
{
public:
    void publish(const QString &type, QJsonObject payload) override
    {
        payload.insert(QStringLiteral("type"), type);
        QMutexLocker lock(&m_mutex);
        m_events.append(payload);
    }
    QList<QJsonObject> events(const QString &type = {}) const
    {
        QMutexLocker lock(&m_mutex);
        if (type.isEmpty())
            return m_events;
        QList<QJsonObject> out;
        for (const QJsonObject &e : m_events)
            if (e.value(QStringLiteral("type")).toString() == type)
                out.append(e);
        return out;
    }

private:
    mutable QMutex m_mutex;
    QList<QJsonObject> m_events;
};

} // namespace Leadline::Testing
