// ExotelCallPlacer: the CallPlacer over Exotel's REST API (telephony/exotelclient.h). Owns its
// QNetworkAccessManager and client, so construct it on the thread that will use it (the dialer
// thread, through Dialer's factory). Without credentials every dial fails with
// "exotel_not_configured" and the dialer pauses the campaign with that message.
// Thread: the dialer thread.
#pragma once

#include "callplacer.h"
#include "telephony/exotelclient.h"

#include <QNetworkAccessManager>
#include <functional>
#include <memory>

namespace Leadline { class Settings; }

namespace Leadline::Campaigns {

class ExotelCallPlacer final : public CallPlacer
{
public:
    ExotelCallPlacer(Telephony::ExotelConfig config, Telephony::ExotelDialRequest::Mode mode);
    ~ExotelCallPlacer() override;

    quint64 place(const PlaceCallRequest &request, PlaceCallback done) override;
    bool cancelQueued(quint64 handle) override;
    void fetchStatus(const QString &providerSid, StatusCallback done) override;
    int backlog() const override { return m_client->queuedCount(); }

    static ProviderCallStatus toStatus(const Telephony::ExotelCall &call);
    // For Dialer: builds a placer from EXOTEL_* settings (EXOTEL_CALL_MODE stream|flow) on the
    // dialer thread.
    static std::function<std::unique_ptr<CallPlacer>()> factory(const Settings &settings);

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<Telephony::ExotelClient> m_client;
    Telephony::ExotelDialRequest::Mode m_mode;
};

} // namespace Leadline::Campaigns
