#include "webhookoptions.h"

#include "core/settings.h"

#include <cmath>

namespace Leadline::Webhooks {

qint64 RetryPolicy::delayMs(int failedAttempts, double u) const
{
    const int n = qMax(1, failedAttempts);
    double d = double(qMax<qint64>(1, baseMs));
    for (int i = 1; i < n && d < double(capMs); ++i)
        d *= 2.0;
    d = qMin(d, double(qMax(capMs, baseMs)));
    const double jitter = 0.5 + 0.5 * qBound(0.0, u, 1.0);
    return qMax<qint64>(1, qint64(std::llround(d * jitter)));
}

WebhookOptions WebhookOptions::fromSettings(const Settings &settings)
{
    WebhookOptions o;
    auto num = [&settings](const char *name, double fallback) {
        bool ok = false;
        const double v = settings.value(QString::fromLatin1(name)).toDouble(&ok);
        return ok && v >= 0 ? v : fallback;
    };
    o.retry.baseMs = qint64(num("WEBHOOK_RETRY_BASE_S", 30) * 1000);
    o.retry.capMs = qint64(num("WEBHOOK_RETRY_CAP_S", 3600) * 1000);
    o.retry.maxAttempts = qMax(1, int(num("WEBHOOK_MAX_ATTEMPTS", 12)));
    o.timeoutMs = qMax<qint64>(1000, qint64(num("WEBHOOK_TIMEOUT_S", 10) * 1000));
    const QString key = settings.value(QStringLiteral("WEBHOOK_SECRET_KEY"));
    o.secretKey = (key.isEmpty() ? settings.apiToken() : key).toUtf8();
    o.secretKeySource = key.isEmpty() ? QStringLiteral("API_TOKEN") : QStringLiteral("WEBHOOK_SECRET_KEY");
    o.baseUrl = settings.value(QStringLiteral("OUR_BASE_URL"));
    o.prices = Storage::CostPrices::fromSettings(settings);
    return o;
}

} // namespace Leadline::Webhooks
