// WebhookOptions: the CRM webhook knobs (retry policy, timeouts, the secret key, prices for the
// cost estimate) resolved from Settings, and the retry policy as a pure function.
// Thread: value types.
#pragma once

#include "storage/analyticsqueries.h"

#include <QByteArray>
#include <QString>

namespace Leadline { class Settings; }

namespace Leadline::Webhooks {

// Exponential backoff with jitter: attempt n (1-based, the one that just failed) waits
// min(cap, base * 2^(n-1)) scaled into [50 %, 100 %] by the jitter; after maxAttempts failed
// attempts the delivery is dead.
struct RetryPolicy
{
    qint64 baseMs = 30 * 1000;
    qint64 capMs = 3600 * 1000;
    int maxAttempts = 12;

    // u in [0, 1): the random draw (tests pass fixed values).
    qint64 delayMs(int failedAttempts, double u) const;
    bool exhausted(int failedAttempts) const { return failedAttempts >= maxAttempts; }
};

// Per-minute prices (INR) for the payload's cost estimate (settings PRICE_*_INR_PER_MIN): the
// campaign analytics' prices and rule (Storage::CostEstimate).
using Prices = Storage::CostPrices;

struct WebhookOptions
{
    RetryPolicy retry;
    qint64 timeoutMs = 10 * 1000;      // per attempt
    qint64 leaseMs = 0;                // 0 = timeoutMs + 30 s: a claimed row is retried after this if its node died
    int pollMs = 1000;                 // how often the worker looks for due rows (real time)
    int sweepMs = 2000;                // how often it looks for newly finished calls to enqueue
    qint64 sweepLookbackMs = 24LL * 3600 * 1000; // on start: finished calls this far back are checked
    int batch = 20;                    // rows claimed per poll
    QByteArray secretKey;              // WEBHOOK_SECRET_KEY, else API_TOKEN
    QString secretKeySource;           // which of the two (for the start-up log)
    QString baseUrl;                   // OUR_BASE_URL, for the transcript link
    Prices prices;

    qint64 effectiveLeaseMs() const { return leaseMs > 0 ? leaseMs : timeoutMs + 30 * 1000; }
    static WebhookOptions fromSettings(const Settings &settings);
};

} // namespace Leadline::Webhooks
