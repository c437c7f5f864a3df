// CampaignControl: starting and pausing a campaign, the one path REST (/campaigns/{id}/start,
// /pause), the console and the CLI (`leadline demo`) share. The status is stored first (through
// CampaignService, which checks the start guard), then the dialer is told: woken for a start, its
// queued dials withdrawn for a pause. Thread: any; it holds no mutable state, and DialerControl's
// calls post into the dialer's own thread.
#pragma once

#include "core/result.h"
#include "storage/records.h"

namespace Leadline::Campaigns {

class CampaignService;

// What CampaignControl asks of a dialer (Dialer implements it; tests pass a fake). Thread-safe.
class DialerControl
{
public:
    virtual ~DialerControl() = default;
    virtual void wake() = 0;                           // a campaign was started: dial soon
    virtual void pauseCampaign(qint64 campaignId) = 0; // stop its new dials now
};

class CampaignControl
{
public:
    // dialer may be null (no dialer in this process): the status is stored all the same.
    CampaignControl(CampaignService &campaigns, DialerControl *dialer);

    Result<Storage::CampaignRow> start(qint64 campaignId) const;
    Result<Storage::CampaignRow> pause(qint64 campaignId) const;
    // Any other status (e.g. the editor's "draft") is stored as it is; running and paused go
    // through start() and pause().
    Result<Storage::CampaignRow> setStatus(qint64 campaignId, const QString &status) const;

private:
    CampaignService &m_campaigns;
    DialerControl *m_dialer;
};

} // namespace Leadline::Campaigns
