// LeadStatus: where a lead is in the dialling queue (leads.status). Imported leads are pending;
// a claim makes a due lead (pending, retry, callback) calling; settling a finished call (see
// campaigns/retrypolicy.h) moves a calling lead to its result, and a late outcome may correct a
// settled result. A call that never reached the carrier returns its lead to pending/retry. At
// claim time a due lead may also end as do_not_call (on the DNC list) or unschedulable (no
// calling window). Thread: value type and pure functions.
#pragma once

#include "statusmap.h"

namespace Leadline::Storage {

enum class LeadStatus {
    Pending,
    Calling,
    Retry,
    Callback,
    Completed,
    Exhausted,
    Unreachable,
    DoNotCall,
    WrongNumber,
    Unschedulable,
    InvalidNumber,
    Ivr,
};

template<>
struct StatusNames<LeadStatus>
{
    static constexpr const char *kind = "lead status";
    static constexpr StatusName<LeadStatus> table[] = {
        {LeadStatus::Pending, "pending"},
        {LeadStatus::Calling, "calling"},
        {LeadStatus::Retry, "retry"},
        {LeadStatus::Callback, "callback"},
        {LeadStatus::Completed, "completed"},
        {LeadStatus::Exhausted, "exhausted"},
        {LeadStatus::Unreachable, "unreachable"},
        {LeadStatus::DoNotCall, "do_not_call"},
        {LeadStatus::WrongNumber, "wrong_number"},
        {LeadStatus::Unschedulable, "unschedulable"},
        {LeadStatus::InvalidNumber, "invalid_number"},
        {LeadStatus::Ivr, "ivr"},
    };
};

bool canTransition(LeadStatus from, LeadStatus to);
// May be dialled when next_attempt_at has come: pending, retry, callback.
bool isDue(LeadStatus s);
const QList<LeadStatus> &dueLeadStatuses();
// May still be called: the due ones and calling.
const QList<LeadStatus> &openLeadStatuses();

} // namespace Leadline::Storage
