// AgentService: the sales-agent roster's use cases (list, add, update, remove, available on/off)
// with ONE validation of an agent's fields, used by REST (HandoffApi: /agents), the CLI
// (`leadline agents ...`) and any console page alike. Fields have the REST JSON shape:
//   name (non-empty), phone (any Indian form; stored in E.164 via Leads::PhoneNumber),
//   languages (array or "en,hi"; two-letter codes, "hindi"/"english" accepted, at least one),
//   working_hours {start, end: "HH:MM"; days: "mon,tue"; timezone: IANA},
//   available (bool), max_handoffs (integer 1..50).
// Thread: any; immutable; each call uses the calling thread's database connection.
#pragma once

#include "handoffrepository.h"

namespace Leadline { class Clock; }
namespace Leadline::Storage { class Database; }

namespace Leadline::Handoff {

class AgentService
{
public:
    AgentService(const Storage::Database &db, const Clock &clock);

    Result<QList<SalesAgentRow>> list(bool includeInactive = false) const;
    // name and phone are required; the rest keeps SalesAgentRow's defaults when absent.
    // Validation (422) for bad fields, Conflict when an agent already has that phone.
    Result<SalesAgentRow> add(const QJsonObject &fields) const;
    // Changes the fields present; NotFound for an unknown or removed agent.
    Result<SalesAgentRow> update(qint64 id, const QJsonObject &fields) const;
    // Soft delete (history keeps the name); NotFound when there is no active agent with that id.
    Status remove(qint64 id) const;
    Status setAvailable(qint64 id, bool available) const;

    // The one validation: applies the fields present in `fields` to `row`, or says what is wrong.
    static Status apply(const QJsonObject &fields, SalesAgentRow &row);
    // The CLI's `agents add <name> <phone> [en,hi] [HH:MM-HH:MM]` (arguments after "add") as the
    // fields add() takes. Validation when the arguments do not have that shape.
    static Result<QJsonObject> fieldsFromArguments(const QStringList &args);

private:
    const Storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace Leadline::Handoff
