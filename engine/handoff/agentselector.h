// AgentSelector: which sales agent takes a hot-lead handoff. The lead's named agent (CSV
// "agent" column: a name or a phone) when that agent can take the call; otherwise an active,
// available agent inside their working hours who speaks the caller's language, with the fewest
// active handoffs below their maximum; ties go round-robin (the agent whose last handoff is
// oldest, then the lowest id), so the choice is deterministic for a given roster, load and time.
// Thread: pure functions.
#pragma once

#include "handoffrepository.h"

#include <QDateTime>
#include <optional>

namespace Leadline::Handoff {

struct AgentChoice
{
    SalesAgentRow agent;
    bool namedByLead = false;
};

class AgentSelector
{
public:
    // Whether `agent` works at `now` (its own days, HH:MM window and time zone; end exclusive;
    // a window past midnight, e.g. 20:00-02:00, is allowed).
    static bool inWorkingHours(const SalesAgentRow &agent, const QDateTime &now);
    static bool speaks(const SalesAgentRow &agent, const QString &language);
    // The lead's named agent from its custom CSV fields ("agent", "Agent", "sales agent",
    // "assigned agent", "agent name", "agent phone"); empty when none.
    static QString namedAgent(const QJsonObject &leadCustom);

    static std::optional<AgentChoice> choose(const QList<SalesAgentRow> &roster, const QList<AgentLoad> &loads,
                                             const QString &callerLanguage, const QString &namedAgent, const QDateTime &now);
};

} // namespace Leadline::Handoff
