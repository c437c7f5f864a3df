#include "callstatus.h"
#include "campaignstatus.h"
#include "handoffstatus.h"
#include "leadstatus.h"

namespace Leadline::Storage {

// The transition tables of every status type, in one place.

bool canTransition(CampaignStatus from, CampaignStatus to)
{
    if (from == to)
        return true;
    if (to == CampaignStatus::Draft)
        return from == CampaignStatus::Paused; // set aside again (the editor); never while running or once done
    if (from == CampaignStatus::Done)
        return to == CampaignStatus::Running; // started again, e.g. after more leads were imported
    return true;
}

bool isDue(LeadStatus s) { return s == LeadStatus::Pending || s == LeadStatus::Retry || s == LeadStatus::Callback; }

const QList<LeadStatus> &dueLeadStatuses()
{
    static const QList<LeadStatus> s = {LeadStatus::Pending, LeadStatus::Retry, LeadStatus::Callback};
    return s;
}

const QList<LeadStatus> &openLeadStatuses()
{
    static const QList<LeadStatus> s = dueLeadStatuses() + QList<LeadStatus>{LeadStatus::Calling};
    return s;
}

bool canTransition(LeadStatus from, LeadStatus to)
{
    if (from == to)
        return true;
    switch (to) {
    case LeadStatus::Pending:
        return from == LeadStatus::Calling; // the call never reached the carrier
    case LeadStatus::Calling:
        return isDue(from); // claimed
    case LeadStatus::DoNotCall:
    case LeadStatus::Unschedulable:
        return true; // at claim time (a due lead), by settling (calling) or correcting a result
    default:
        // A settlement result: from calling, or a settled result corrected by a late outcome;
        // retry also when an unplaced call returns its lead.
        return from != LeadStatus::Pending;
    }
}

bool isActive(CallStatus s)
{
    switch (s) {
    case CallStatus::Created:
    case CallStatus::Dialing:
    case CallStatus::Queued:
    case CallStatus::Ringing:
    case CallStatus::InProgress:
    case CallStatus::Answered:
    case CallStatus::Transferring: // handed to a sales agent (flow mode); the line is still busy
        return true;
    default:
        return false;
    }
}

const QList<CallStatus> &activeCallStatuses()
{
    static const QList<CallStatus> s = [] {
        QList<CallStatus> out;
        for (CallStatus c : allStatuses<CallStatus>()) {
            if (isActive(c))
                out << c;
        }
        return out;
    }();
    return s;
}

bool canTransition(CallStatus from, CallStatus to)
{
    if (from == to)
        return true;
    if (to == CallStatus::Created)
        return false;
    if (to == CallStatus::NotPlaced)
        return from == CallStatus::Created || from == CallStatus::Dialing; // never reached the carrier
    if (isActive(from))
        return true;
    // A final status stays, except unknown (recovery could not ask the carrier): the carrier's
    // late terminal status corrects it.
    return from == CallStatus::Unknown && !isActive(to);
}

const QList<HandoffStatus> &openHandoffStatuses()
{
    static const QList<HandoffStatus> s = {HandoffStatus::Pending, HandoffStatus::Connecting};
    return s;
}

bool canTransition(HandoffStatus from, HandoffStatus to)
{
    if (from == to)
        return true;
    switch (to) {
    case HandoffStatus::Connecting:
        return from == HandoffStatus::Pending;
    case HandoffStatus::Answered:
    case HandoffStatus::NotAnswered:
        return from == HandoffStatus::Pending || from == HandoffStatus::Connecting;
    default:
        return false; // pending and failed are where a handoff starts
    }
}

} // namespace Leadline::Storage
