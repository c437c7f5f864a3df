// FakeClock: a settable clock for tests, and istMs() for times written as India sees them.
// Thread: any (atomic).
#pragma once

#include "core/clock.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QTimeZone>

namespace Leadline::Testing {

class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 ms = 1763884800000 /* 2025-11-23T08:00:00Z */) : m_ms(ms) {}
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_ms.loadRelaxed(), Qt::UTC); }
    void setMs(qint64 ms) { m_ms.storeRelaxed(ms); }
    void advanceMs(qint64 ms) { m_ms.fetchAndAddRelaxed(ms); }

private:
    QAtomicInteger<qint64> m_ms;
};

// "2025-11-24T11:00:00" in Asia/Kolkata, as ms since the epoch.
inline qint64 istMs(const QString &local)
{
    const QDateTime naive = QDateTime::fromString(local, Qt::ISODate);
    return QDateTime(naive.date(), naive.time(), QTimeZone("Asia/Kolkata")).toMSecsSinceEpoch();
}

} // namespace Leadline::Testing
