// FakeCallPlacer: a CallPlacer that records every dial. By default it answers at once with a
// sid "fake-<callId>"; with hold = true requests wait (backlog) until releaseHeld(). Scripted
// failures via `behaviour`, details via `statuses`. Thread: the thread of its DialerEngine.
#pragma once

#include "campaigns/callplacer.h"

#include <QHash>
#include <QList>
#include <functional>

namespace Leadline::Testing {

class FakeCallPlacer final : public Campaigns::CallPlacer
{
public:
    QList<Campaigns::PlaceCallRequest> placed;
    std::function<Result<Campaigns::PlacedCall>(const Campaigns::PlaceCallRequest &)> behaviour;
    std::function<void(const Campaigns::PlaceCallRequest &)> onPlace;
    QHash<QString, Campaigns::ProviderCallStatus> statuses;
    bool hold = false;

    quint64 place(const Campaigns::PlaceCallRequest &r, PlaceCallback done) override
    {
        const quint64 handle = ++m_next;
        if (hold) {
            m_held.append({handle, r, std::move(done)});
            return handle;
        }
        deliver(r, done);
        return handle;
    }
    bool cancelQueued(quint64 handle) override
    {
        for (int i = 0; i < m_held.size(); ++i) {
            if (m_held.at(i).handle == handle) {
                m_held.removeAt(i);
                return true;
            }
        }
        return false;
    }
    void fetchStatus(const QString &sid, StatusCallback done) override
    {
        if (statuses.contains(sid))
            done(statuses.value(sid));
        else
            done(Error::make(Error::Code::NotFound, QStringLiteral("fake: no call %1").arg(sid)));
    }
    int backlog() const override { return int(m_held.size()); }
    void releaseHeld()
    {
        const auto held = std::move(m_held);
        m_held.clear();
        for (const auto &h : held)
            deliver(h.request, h.done);
    }

private:
    void deliver(const Campaigns::PlaceCallRequest &r, const PlaceCallback &done)
    {
        if (onPlace)
            onPlace(r);
        placed.append(r);
        if (behaviour)
            done(behaviour(r));
        else
            done(Campaigns::PlacedCall{QStringLiteral("fake-%1").arg(r.callId), QStringLiteral("in-progress")});
    }
    struct Held
    {
        quint64 handle;
        Campaigns::PlaceCallRequest request;
        PlaceCallback done;
    };
    QList<Held> m_held;
    quint64 m_next = 0;
};

} // namespace Leadline::Testing
