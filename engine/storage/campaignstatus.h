// CampaignStatus: the life of a campaign (campaigns.status). draft -> running <-> paused ->
// done; the dialer sets done when no lead is left to call and paused when the carrier refuses
// the account. A done campaign may be started again (more leads imported); nothing goes back to
// draft, except a paused one (set aside in the editor). Thread: value type and pure functions.
#pragma once

#include "statusmap.h"

namespace Leadline::Storage {

enum class CampaignStatus { Draft, Running, Paused, Done };

template<>
struct StatusNames<CampaignStatus>
{
    static constexpr const char *kind = "campaign status";
    static constexpr StatusName<CampaignStatus> table[] = {
        {CampaignStatus::Draft, "draft"},
        {CampaignStatus::Running, "running"},
        {CampaignStatus::Paused, "paused"},
        {CampaignStatus::Done, "done"},
    };
};

bool canTransition(CampaignStatus from, CampaignStatus to);

} // namespace Leadline::Storage
