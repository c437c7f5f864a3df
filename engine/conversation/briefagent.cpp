#include "briefagent.h"

#include "conversationlog.h"
#include "projects/sitevisitplanner.h"
#include "prompts.h"

#include <QLocale>
#include <QTimeZone>

namespace Leadline::Conversation {

static QTimeZone zoneOf(const QString &id)
{
    const QTimeZone tz(id.toUtf8());
    return tz.isValid() ? tz : QTimeZone("Asia/Kolkata");
}

void BriefAgent::begin(const CallContext &ctx)
{
    m_ctx = ctx;
    m_brief.reset();
    if (ctx.brief.isEmpty())
        return;
    auto b = Projects::ProjectBrief::fromJson(ctx.brief);
    if (!b) { // stored briefs were validated; a newer schema must not break calls
        qCWarning(lcConversation) << "call" << ctx.callId << "ignores brief version" << ctx.briefVersion << ":" << b.error().message;
        return;
    }
    m_brief = b.value();
}

QList<QDateTime> BriefAgent::offeredSlots(const QDateTime &now) const
{
    Projects::SiteVisitPlanner planner(m_brief->siteVisit, m_ctx.timezone);
    QList<QDateTime> offered = planner.nextSlots(now, 4);
    for (QDateTime &s : offered)
        s = s.toTimeZone(zoneOf(m_ctx.timezone));
    return offered;
}

QString BriefAgent::instructions(const QString &language, const QDateTime &now) const
{
    if (!m_brief)
        return {};
    return briefInstructions(m_brief->factsText(), m_ctx.briefVersion, visitBooked() ? QList<QDateTime>{} : offeredSlots(now), now,
                             !m_brief->brochureUrl.isEmpty(), language)
           + (visitBooked() ? QStringLiteral(" A site visit is already booked in this call.") : QString());
}

void BriefAgent::prepare(Providers::LlmRequest &request, const QString &language, const QDateTime &now) const
{
    if (!m_brief)
        return;
    if (!request.messages.isEmpty() && request.messages.first().role == QLatin1String("system"))
        request.messages.first().content += instructions(language, now);
    for (const QJsonValue &t : briefTools(!m_brief->brochureUrl.isEmpty()))
        request.tools.append(t);
    QJsonArray offered;
    if (!visitBooked())
        for (const QDateTime &s : offeredSlots(now))
            offered.append(QJsonObject{{QStringLiteral("date"), s.date().toString(Qt::ISODate)},
                                     {QStringLiteral("time"), s.time().toString(QStringLiteral("HH:mm"))},
                                     {QStringLiteral("phrase"), callbackWhenPhrase(s, now, language)}});
    request.context.insert(QStringLiteral("brief"), m_ctx.brief);
    request.context.insert(QStringLiteral("site_visit_slots"), offered);
    request.context.insert(QStringLiteral("site_visit_booked"), visitBooked());
}

bool BriefAgent::handleTool(const QString &name, const QJsonObject &args, int turn, const QDateTime &now)
{
    if (!m_brief)
        return false;
    if (name == QLatin1String("note_question_for_advisor")) {
        const QString q = args.value(QStringLiteral("question")).toString().trimmed();
        if (!q.isEmpty() && !m_questions.contains(q)) {
            m_questions << q;
            if (m_questionTurn < 0)
                m_questionTurn = turn;
        }
        m_questionNotedThisTurn = true;
        return true;
    }
    if (name == QLatin1String("book_site_visit")) {
        const int visitors = args.value(QStringLiteral("visitors")).toInt();
        Projects::SiteVisitPlanner planner(m_brief->siteVisit, m_ctx.timezone);
        auto at = planner.resolve(args, now, m_ctx.timezone);
        if (!at) {
            qCInfo(lcConversation) << "call" << m_ctx.callId << "site visit refused:" << at.error().message;
            m_lineKind = QStringLiteral("refused:") + at.error().detailCode;
        } else if (visitors < 1 || visitors > 20) {
            m_lineKind = QStringLiteral("visitors");
        } else {
            m_visitAt = at->toTimeZone(zoneOf(m_ctx.timezone));
            m_visitors = visitors;
            m_visitTurn = turn;
            m_lineKind = QStringLiteral("booked");
            qCInfo(lcConversation) << "call" << m_ctx.callId << "site visit booked for" << m_visitAt.toString(Qt::ISODate)
                                   << "visitors" << visitors;
        }
        return true;
    }
    if (name == QLatin1String("send_brochure")) {
        if (!m_brief->brochureUrl.isEmpty() && !m_brochureSent) {
            m_brochureSent = true;
            send(QStringLiteral("brochure"), brochureSms(*m_brief));
            m_lineKind = QStringLiteral("brochure");
        }
        return true;
    }
    return false;
}

QString BriefAgent::afterTurn(const QString &agentText, const QList<Providers::ChatMessage> &history, int turn,
                              const QString &language, const QDateTime &now)
{
    if (!m_brief)
        return {};
    // The LLM deferred without the tool: the caller's question is what it deferred.
    if (!m_questionNotedThisTurn && (agentText.contains(advisorLine(QStringLiteral("en")).chopped(1), Qt::CaseInsensitive)
                                     || agentText.contains(QStringLiteral("एडवाइज़र से")))) {
        for (auto it = history.crbegin(); it != history.crend(); ++it) {
            if (it->role == QLatin1String("user")) {
                if (!m_questions.contains(it->content))
                    m_questions << it->content;
                if (m_questionTurn < 0)
                    m_questionTurn = turn;
                break;
            }
        }
    }
    m_questionNotedThisTurn = false;
    const QString kind = m_lineKind;
    m_lineKind.clear();
    if (kind == QLatin1String("booked"))
        return siteVisitBookedLine(m_visitAt, now, m_visitors, m_brief->siteVisit.address, language);
    if (kind == QLatin1String("visitors"))
        return askVisitorsLine(language);
    if (kind == QLatin1String("brochure"))
        return agentText.contains(QLatin1String("SMS"), Qt::CaseInsensitive) ? QString() : brochureSentLine(language);
    if (kind.startsWith(QLatin1String("refused:")))
        return siteVisitRefusedLine(kind.mid(8), offeredSlots(now).mid(0, 2), now, language);
    return {};
}

void BriefAgent::finish(Storage::CallOutcome &out, const QDateTime &now)
{
    Q_UNUSED(now);
    if (!m_brief)
        return;
    out.briefVersion = m_ctx.briefVersion;
    out.fields.insert(QStringLiteral("brief_version"), m_ctx.briefVersion);
    if (!m_questions.isEmpty()) {
        out.questionForAdvisor = m_questions.join(QStringLiteral(" | "));
        out.fields.insert(QStringLiteral("question_for_advisor"),
                          QJsonObject{{QStringLiteral("value"), out.questionForAdvisor}, {QStringLiteral("turn"), m_questionTurn}});
    }
    if (m_brochureSent)
        out.fields.insert(QStringLiteral("brochure_sms"), QJsonObject{{QStringLiteral("link"), m_brief->brochureUrl}});
    if (!visitBooked())
        return;
    out.siteVisitAt = m_visitAt.toMSecsSinceEpoch();
    out.siteVisitVisitors = m_visitors;
    out.siteVisitTurn = m_visitTurn;
    out.fields.insert(QStringLiteral("site_visit"), QJsonObject{{QStringLiteral("at"), m_visitAt.toString(Qt::ISODate)},
                                                                {QStringLiteral("time_zone"), QString::fromUtf8(m_visitAt.timeZone().id())},
                                                                {QStringLiteral("visitors"), m_visitors},
                                                                {QStringLiteral("turn"), m_visitTurn}});
    // A booked visit is the call's outcome, unless the caller then asked not to be called.
    if (out.outcome != QLatin1String("do_not_call") && out.outcome != QLatin1String("wrong_number"))
        out.outcome = QStringLiteral("site_visit");
    send(QStringLiteral("site_visit_confirmation"), confirmationSms(*m_brief, m_visitAt, m_visitors));
}

void BriefAgent::send(const QString &kind, const QString &body)
{
    if (!m_messenger || m_ctx.phoneE164.isEmpty())
        return;
    m_messenger->sendToLead(LeadSms{m_ctx.callId, m_ctx.leadId, m_ctx.campaignId, kind, m_ctx.phoneE164, body});
}

QString BriefAgent::confirmationSms(const Projects::ProjectBrief &brief, const QDateTime &at, int visitors)
{
    const QLocale en(QLocale::English);
    QString s = QStringLiteral("%1: your site visit is booked for %2, %3, %4 visitor%5.")
                    .arg(brief.projectName, en.toString(at.date(), QStringLiteral("ddd d MMM yyyy")),
                         en.toString(at.time(), QStringLiteral("h:mm AP")), QString::number(visitors),
                         visitors == 1 ? QString() : QStringLiteral("s"));
    if (!brief.siteVisit.address.isEmpty())
        s += QStringLiteral(" Address: ") + brief.siteVisit.address + QLatin1Char('.');
    if (!brief.brochureUrl.isEmpty())
        s += QStringLiteral(" Brochure: ") + brief.brochureUrl;
    return s;
}

QString BriefAgent::brochureSms(const Projects::ProjectBrief &brief)
{
    return QStringLiteral("%1%2: brochure %3").arg(brief.projectName, brief.builder.isEmpty() ? QString() : QStringLiteral(" by ") + brief.builder,
                                                  brief.brochureUrl);
}

} // namespace Leadline::Conversation
