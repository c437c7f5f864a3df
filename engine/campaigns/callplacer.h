// CallPlacer: how the dialer puts a claimed lead on the phone, and asks about a call later
// (crash recovery, lost webhooks). Implementations: ExotelCallPlacer (Exotel REST) and the
// fakes in tests/fakes. Thread: owned by and called on the dialer thread only; callbacks run
// on that thread (possibly synchronously, inside place()).
#pragma once

#include "core/result.h"
#include "storage/records.h"

#include <QString>
#include <functional>

namespace Leadline::Campaigns {

using PlaceCallRequest = Storage::DialTarget; // the claimed call, without what only the console shows

struct PlacedCall
{
    QString providerSid;
    QString status; // the carrier's first status (queued, in-progress, ...)
};

struct ProviderCallStatus
{
    QString status;       // Leadline call status: completed, busy, no-answer, failed, in-progress, ...
    bool terminal = false;
    qint64 answeredAtMs = 0;
    qint64 endedAtMs = 0;
    int durationS = -1;
    QString recordingUrl;
};

class CallPlacer
{
public:
    virtual ~CallPlacer() = default;
    using PlaceCallback = std::function<void(Result<PlacedCall>)>;
    using StatusCallback = std::function<void(Result<ProviderCallStatus>)>;

    // Returns a handle for cancelQueued(). Errors: detail codes as ExotelClient's
    // (exotel_rate_limited, exotel_bad_credentials, ...); retryable ones are not attempts.
    virtual quint64 place(const PlaceCallRequest &request, PlaceCallback done) = 0;
    // Withdraws a request not yet sent to the carrier; its callback never runs. false if sent.
    virtual bool cancelQueued(quint64 handle) = 0;
    virtual void fetchStatus(const QString &providerSid, StatusCallback done) = 0;
    // Requests waiting to be sent (rate limit); the dialer claims no more while this is high.
    virtual int backlog() const = 0;
};

} // namespace Leadline::Campaigns
