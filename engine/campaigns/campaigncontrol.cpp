#include "campaigncontrol.h"

#include "campaignservice.h"
#include "core/logging.h"

namespace Leadline::Campaigns {

CampaignControl::CampaignControl(CampaignService &campaigns, DialerControl *dialer) : m_campaigns(campaigns), m_dialer(dialer) {}

Result<Storage::CampaignRow> CampaignControl::start(qint64 campaignId) const
{
    auto c = m_campaigns.setStatus(campaignId, QStringLiteral("running"));
    if (!c)
        return c;
    if (m_dialer) // after the store: the dialer reads the status when it wakes
        m_dialer->wake();
    qCInfo(lcCampaigns) << "campaign" << campaignId << "started";
    return c;
}

Result<Storage::CampaignRow> CampaignControl::pause(qint64 campaignId) const
{
    auto c = m_campaigns.setStatus(campaignId, QStringLiteral("paused"));
    if (!c)
        return c;
    if (m_dialer) // stored first, so other nodes stop at their next claim too
        m_dialer->pauseCampaign(campaignId);
    qCInfo(lcCampaigns) << "campaign" << campaignId << "paused";
    return c;
}

Result<Storage::CampaignRow> CampaignControl::setStatus(qint64 campaignId, const QString &status) const
{
    if (status == QLatin1String("running"))
        return start(campaignId);
    if (status == QLatin1String("paused"))
        return pause(campaignId);
    return m_campaigns.setStatus(campaignId, status);
}

} // namespace Leadline::Campaigns
