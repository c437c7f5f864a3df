// StatusWebhookController: Exotel's status callback, POST /webhooks/exotel/status (public:
// Exotel cannot send a bearer token, so k=<EXOTEL_WEBHOOK_SECRET> in the URL is checked here;
// empty secret = every callback refused, 403). The call is settled through CallLifecycle; a
// failure to apply is a 503 (one of Exotel's few retries), never a 500. Counts every result for
// /metrics. Part of DialerApi.
// Thread: immutable after registration; handlers run on the REST threads; counters are atomics.
#pragma once

#include "server/router.h"

#include <QByteArray>
#include <atomic>

namespace Leadline::Storage { class Database; }
namespace Leadline::Campaigns { class CallLifecycle; }

namespace Leadline::Server {

// Status callbacks handled by this node, by result (read by /metrics).
struct StatusWebhookCounters
{
    std::atomic<qint64> updated{0};
    std::atomic<qint64> duplicate{0};
    std::atomic<qint64> stale{0};
    std::atomic<qint64> unknownCall{0};
    std::atomic<qint64> rejectedAuth{0};
    std::atomic<qint64> badBody{0};
    std::atomic<qint64> errors{0};
};

class StatusWebhookController
{
public:
    StatusWebhookController(Campaigns::CallLifecycle &lifecycle, const Storage::Database &db, QByteArray secret)
        : m_lifecycle(lifecycle), m_db(db), m_secret(std::move(secret)) {}
    void registerRoutes(Router &router);
    const StatusWebhookCounters &counters() const { return m_webhooks; }
    static bool keyMatches(const QByteArray &expected, const QByteArray &given);

private:
    Reply webhook(const RouteContext &ctx) const;

    Campaigns::CallLifecycle &m_lifecycle;
    const Storage::Database &m_db;
    QByteArray m_secret;
    mutable StatusWebhookCounters m_webhooks;
};

} // namespace Leadline::Server
