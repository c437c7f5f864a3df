// LeadMessenger: texts sent to the lead during or after a call (site-visit confirmation, the
// brochure link), recorded in lead_messages with their delivery state. Fire and forget: never
// blocks the media path. Implemented by StorageHandoffDesk (it already owns the Exotel SMS
// client and a thread) and by test fakes.
// Thread: any caller; implementations are thread-safe.
#pragma once

#include <QString>

namespace Leadline::Handoff {

struct LeadSms
{
    qint64 callId = 0;
    qint64 leadId = 0;
    qint64 campaignId = 0;
    QString kind;     // "site_visit_confirmation", "brochure" (one of each per call)
    QString toE164;
    QString body;
};

class LeadMessenger
{
public:
    virtual ~LeadMessenger() = default;
    virtual void sendToLead(const LeadSms &sms) = 0;
};

} // namespace Leadline::Handoff

// The brief agent (conversation/) names the interface without the module's namespace.
namespace Leadline::Conversation {
using Handoff::LeadMessenger;
using Handoff::LeadSms;
} // namespace Leadline::Conversation
