// HandoffStatus: a hot-lead handoff to a sales agent (handoffs.status). Created pending (an
// agent was chosen) or failed (none could be); pending -> connecting when Exotel asks for the
// agent's number; pending/connecting -> answered or not_answered by the final status callback.
// Thread: value type and pure functions.
#pragma once

#include "statusmap.h"

namespace Leadline::Storage {

enum class HandoffStatus { Pending, Connecting, Answered, NotAnswered, Failed };

template<>
struct StatusNames<HandoffStatus>
{
    static constexpr const char *kind = "handoff status";
    static constexpr StatusName<HandoffStatus> table[] = {
        {HandoffStatus::Pending, "pending"},
        {HandoffStatus::Connecting, "connecting"},
        {HandoffStatus::Answered, "answered"},
        {HandoffStatus::NotAnswered, "not_answered"},
        {HandoffStatus::Failed, "failed"},
    };
};

bool canTransition(HandoffStatus from, HandoffStatus to);
// Still waiting for the agent's call to end: pending, connecting.
const QList<HandoffStatus> &openHandoffStatuses();

} // namespace Leadline::Storage
