#include "exotelcallplacer.h"

#include "calllifecycle.h"
#include "core/logging.h"
#include "core/settings.h"
#include "storage/callstatus.h"
#include "storage/dialerqueue.h"

namespace Leadline::Campaigns {

ExotelCallPlacer::ExotelCallPlacer(Telephony::ExotelConfig config, Telephony::ExotelDialRequest::Mode mode)
    : m_client(std::make_unique<Telephony::ExotelClient>(m_nam, std::move(config))), m_mode(mode)
{
}

ExotelCallPlacer::~ExotelCallPlacer() { m_client.reset(); }

std::function<std::unique_ptr<CallPlacer>()> ExotelCallPlacer::factory(const Settings &settings)
{
    const Telephony::ExotelConfig config = Telephony::ExotelConfig::fromSettings(settings);
    const bool flow = settings.value(QStringLiteral("EXOTEL_CALL_MODE")).compare(QLatin1String("flow"), Qt::CaseInsensitive) == 0;
    if (!config.isComplete())
        qCWarning(lcTelephony) << "Exotel credentials are not set: campaigns that start will pause with \"exotel_not_configured\"";
    else if (config.webhookSecret.isEmpty())
        qCWarning(lcTelephony) << "EXOTEL_WEBHOOK_SECRET is not set: status callbacks will be refused";
    if (config.ourBaseUrl.isEmpty() && config.isComplete())
        qCWarning(lcTelephony) << "OUR_BASE_URL is not set: Exotel cannot reach the media stream or the status webhook";
    return [config, flow]() -> std::unique_ptr<CallPlacer> {
        return std::make_unique<ExotelCallPlacer>(config, flow ? Telephony::ExotelDialRequest::Mode::Flow
                                                               : Telephony::ExotelDialRequest::Mode::Stream);
    };
}

quint64 ExotelCallPlacer::place(const PlaceCallRequest &r, PlaceCallback done)
{
    if (!m_client->config().isComplete()) {
        done(Error::make(Error::Code::Forbidden,
                         QStringLiteral("Exotel is not configured: set EXOTEL_ACCOUNT_SID, EXOTEL_API_KEY and EXOTEL_API_TOKEN"),
                         QStringLiteral("exotel_not_configured")));
        return 0;
    }
    Telephony::ExotelDialRequest req;
    req.mode = m_mode;
    req.to = r.phoneE164;
    req.correlationToken = r.correlationToken;
    req.callId = r.callId;
    req.leadId = r.leadId;
    return m_client->connectCall(req, [done = std::move(done)](Result<Telephony::ExotelCall> c) {
        if (!c) {
            done(c.error());
            return;
        }
        done(PlacedCall{c->sid, c->status});
    });
}

bool ExotelCallPlacer::cancelQueued(quint64 handle) { return handle && m_client->cancelQueued(handle); }

ProviderCallStatus ExotelCallPlacer::toStatus(const Telephony::ExotelCall &c)
{
    ProviderCallStatus s;
    const QString st = c.status.toLower();
    const bool live = st == QLatin1String("queued") || st == QLatin1String("ringing") || st == QLatin1String("in-progress");
    s.status = live ? (st == QLatin1String("queued") ? Storage::statusName(Storage::CallStatus::Dialing) : st)
                    : CallLifecycle::callStatusFor(st, QStringLiteral("terminal"));
    s.terminal = !live;
    s.endedAtMs = c.endTime.isValid() ? c.endTime.toMSecsSinceEpoch() : 0;
    s.durationS = c.conversationDurationS >= 0 ? c.conversationDurationS : c.durationS;
    s.recordingUrl = c.recordingUrl;
    return s;
}

void ExotelCallPlacer::fetchStatus(const QString &providerSid, StatusCallback done)
{
    m_client->callDetails(providerSid, [done = std::move(done)](Result<Telephony::ExotelCall> c) {
        if (!c) {
            done(c.error());
            return;
        }
        done(toStatus(c.value()));
    });
}

} // namespace Leadline::Campaigns
