#include "services.h"

#include "core/settings.h"

namespace Leadline::Runtime {

Services::Services(const Settings &settings, const Storage::Database &db, const Clock &clock)
    : offlineSpeech(Screening::OfflineSpeechPolicy::fromSettings(settings)),
      campaigns(db, clock, {settings.callingHoursStart(), settings.callingHoursEnd()}),
      briefs(db, clock)
{
    campaigns.setImportLimits(Campaigns::ImportLimits::fromSettings(settings));
    campaigns.setStartGuard([policy = offlineSpeech] { return policy.mayStartCampaign(); });
}

} // namespace Leadline::Runtime
