// BriefAgent: the part of a call that knows the project. From the campaign's brief (in the
// CallContext) it adds the facts block and the brief tools to every LLM request, handles those
// tools (note_question_for_advisor, book_site_visit, send_brochure), checks a booking against
// the visiting days/hours and the clock (SiteVisitPlanner), says the system's confirmation or
// refusal after the LLM's turn, texts the lead (brochure at once, visit confirmation at the end)
// and puts brief version, deferred questions and the booked visit on the call's record.
// A call without a brief is unchanged (every method is a no-op).
// Thread: its CallSession's (the network worker of the call).
#pragma once

#include "callrecorder.h"
#include "handoff/leadmessenger.h"
#include "projects/projectbrief.h"
#include "providers/languagemodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <optional>

namespace Leadline::Conversation {

class BriefAgent
{
public:
    void setMessenger(LeadMessenger *messenger) { m_messenger = messenger; }
    void begin(const CallContext &ctx);
    bool active() const { return m_brief.has_value(); }

    // Each LLM request: the facts block and rules appended to the system prompt, the brief tools,
    // and for offline engines context "brief" (stored JSON) and "site_visit_slots".
    void prepare(Providers::LlmRequest &request, const QString &language, const QDateTime &now) const;
    QString instructions(const QString &language, const QDateTime &now) const;
    // True when `name` was a brief tool (handled here). `turn`: the caller turn it answers.
    bool handleTool(const QString &name, const QJsonObject &args, int turn, const QDateTime &now);
    // After the LLM's turn: what the system says (booking confirmed or refused, visitors asked,
    // brochure sent), or empty. A deferral the LLM spoke without the tool is noted here too.
    QString afterTurn(const QString &agentText, const QList<Providers::ChatMessage> &history, int turn,
                      const QString &language, const QDateTime &now);
    // At the end of the call: brief version, questions, the visit (outcome "site_visit"), and
    // the visit confirmation SMS.
    void finish(Storage::CallOutcome &out, const QDateTime &now);

    bool visitBooked() const { return m_visitAt.isValid(); }
    // The SMS texts (pure, for tests and the console preview).
    static QString confirmationSms(const Projects::ProjectBrief &brief, const QDateTime &atLeadZone, int visitors);
    static QString brochureSms(const Projects::ProjectBrief &brief);

private:
    QList<QDateTime> offeredSlots(const QDateTime &now) const;
    void send(const QString &kind, const QString &body);

    CallContext m_ctx;
    std::optional<Projects::ProjectBrief> m_brief;
    LeadMessenger *m_messenger = nullptr;
    QStringList m_questions;
    int m_questionTurn = -1;
    bool m_questionNotedThisTurn = false;
    QDateTime m_visitAt;       // lead's zone
    int m_visitors = 0;
    int m_visitTurn = -1;
    QString m_lineKind;        // what to say after this turn: booked, refused:<reason>, visitors, brochure
    bool m_brochureSent = false;
};

} // namespace Leadline::Conversation
