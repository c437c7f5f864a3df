#include "dialerapi.h"

#include "core/settings.h"
#include "storage/sitevisitqueries.h"

namespace Leadline::Server {

DialerApiOptions DialerApiOptions::fromSettings(const Settings &s)
{
    DialerApiOptions o;
    o.webhookSecret = s.value(QStringLiteral("EXOTEL_WEBHOOK_SECRET")).toUtf8();
    o.prices = Storage::CostPrices::fromSettings(s);
    return o;
}

DialerApi::DialerApi(const Campaigns::CampaignControl &control,
                     Campaigns::CallLifecycle &lifecycle, const Storage::Database &db, const Clock &clock, DialerApiOptions options)
    : m_run(control, db, clock),
      m_statusWebhook(lifecycle, db, options.webhookSecret),
      m_analytics(db, clock, options.prices),
      m_exports(db),
      m_calls(db),
      m_operations(db, clock, m_statusWebhook.counters())
{
}

void DialerApi::registerRoutes(Router &router)
{
    m_run.registerRoutes(router);
    m_analytics.registerRoutes(router);
    m_exports.registerRoutes(router);
    m_calls.registerRoutes(router);
    m_operations.registerRoutes(router);
    m_statusWebhook.registerRoutes(router);
}

QByteArray DialerApi::csvField(const QString &value)
{
    return Storage::csvField(value);
}

bool DialerApi::webhookKeyMatches(const QByteArray &expected, const QByteArray &given)
{
    return StatusWebhookController::keyMatches(expected, given);
}

} // namespace Leadline::Server
