// CallStatus: one call attempt as the carrier and the call engine see it (calls.status), and
// ConversationOutcome: what the conversation (or call screening) concluded (calls.outcome,
// leads.last_outcome). A call is created by the dialer's claim, dialing once sent, then
// follows the carrier (queued, ringing, in-progress, answered; transferring while a sales agent
// has it) to a final status; not_placed when it never reached the carrier. A final status never
// changes, except unknown (recovery could not ask the carrier), which the carrier's late
// terminal status corrects. Outcomes have no transitions: a call's outcome is written once.
// calls.outcome is not constrained in the database: the language model's end_call tool may name
// an outcome outside this list, which is kept verbatim (RetryPolicy treats it as a finished
// conversation). Thread: value types and pure functions.
#pragma once

#include "statusmap.h"

namespace Leadline::Storage {

enum class CallStatus {
    Created,
    Dialing,
    Queued,
    Ringing,
    InProgress,
    Answered,
    Transferring,
    Completed,
    Busy,
    NoAnswer,
    Failed,
    Canceled,
    Unknown,
    NotPlaced,
};

template<>
struct StatusNames<CallStatus>
{
    static constexpr const char *kind = "call status";
    static constexpr StatusName<CallStatus> table[] = {
        {CallStatus::Created, "created"},
        {CallStatus::Dialing, "dialing"},
        {CallStatus::Queued, "queued"},
        {CallStatus::Ringing, "ringing"},
        {CallStatus::InProgress, "in-progress"},
        {CallStatus::Answered, "answered"},
        {CallStatus::Transferring, "transferring"},
        {CallStatus::Completed, "completed"},
        {CallStatus::Busy, "busy"},
        {CallStatus::NoAnswer, "no-answer"},
        {CallStatus::Failed, "failed"},
        {CallStatus::Canceled, "canceled"},
        {CallStatus::Unknown, "unknown"},
        {CallStatus::NotPlaced, "not_placed"},
    };
};

bool canTransition(CallStatus from, CallStatus to);
// Occupies a line (counted against the concurrency caps): created .. transferring.
bool isActive(CallStatus s);
const QList<CallStatus> &activeCallStatuses();

enum class ConversationOutcome {
    Interested,
    NotInterested,
    Qualified,
    Completed,
    SiteVisit,
    Callback,
    WrongNumber,
    DoNotCall,
    Voicemail,
    NoResponse,
    Incomplete,
    TechnicalFailure,
    Ivr,
    InvalidNumber,
    Unreachable,
};

template<>
struct StatusNames<ConversationOutcome>
{
    static constexpr const char *kind = "call outcome";
    static constexpr StatusName<ConversationOutcome> table[] = {
        {ConversationOutcome::Interested, "interested"},
        {ConversationOutcome::NotInterested, "not_interested"},
        {ConversationOutcome::Qualified, "qualified"},
        {ConversationOutcome::Completed, "completed"},
        {ConversationOutcome::SiteVisit, "site_visit"},
        {ConversationOutcome::Callback, "callback"},
        {ConversationOutcome::WrongNumber, "wrong_number"},
        {ConversationOutcome::DoNotCall, "do_not_call"},
        {ConversationOutcome::Voicemail, "voicemail"},
        {ConversationOutcome::NoResponse, "no_response"},
        {ConversationOutcome::Incomplete, "incomplete"},
        {ConversationOutcome::TechnicalFailure, "technical_failure"},
        {ConversationOutcome::Ivr, "ivr"},
        {ConversationOutcome::InvalidNumber, "invalid_number"},
        {ConversationOutcome::Unreachable, "unreachable"},
    };
};

} // namespace Leadline::Storage
