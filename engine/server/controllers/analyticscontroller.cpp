#include "analyticscontroller.h"

#include "core/clock.h"
#include "handoff/handoffservice.h"
#include "server/routehelpers.h"
#include "storage/dialerqueue.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace Leadline::Server {

void AnalyticsController::registerRoutes(Router &router)
{
    router.add(QHttpServerRequest::Method::Get, QStringLiteral("/campaigns/{id}/analytics"),
               [this](const RouteContext &c) { return analytics(c); });
}

static QJsonObject mapJson(const QMap<QString, qint64> &m)
{
    QJsonObject o;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

static double round2(double v) { return std::round(v * 100.0) / 100.0; }

Reply AnalyticsController::analytics(const RouteContext &ctx) const
{
    auto c = campaignScope(ctx, m_db);
    if (!c)
        return c.error();
    const qint64 id = c->id;
    auto a = Storage::AnalyticsQueries(c->db).campaign(id);
    if (!a)
        return a.error();
    auto next = Storage::DialerQueue(c->db).nextDueAt(id);
    if (!next)
        return next.error();
    auto handoffs = Handoff::HandoffService::analytics(c->db, id); // hot-lead handoff
    if (!handoffs)
        return handoffs.error(); // never a 200 without "handoffs"
    const Storage::CampaignAnalytics &s = a.value();
    const auto cost = Storage::CostEstimate::of(s.billableMinutes, s.talkTimeTotalS, s.qualifiedLeads, m_prices)
                          .withVisits(s.siteVisitsBooked);
    auto ratio = [](qint64 a, qint64 b) { return b > 0 ? std::round(double(a) / double(b) * 10000.0) / 10000.0 : 0.0; };
    auto latency = [](double v) { return v < 0 ? QJsonValue() : QJsonValue(std::round(v * 10.0) / 10.0); };
    QJsonObject body{
        {QStringLiteral("campaign_id"), id},
        {QStringLiteral("status"), c->campaign.status},
        {QStringLiteral("leads"), QJsonObject{{QStringLiteral("total"), s.leadsTotal},
                                              {QStringLiteral("by_status"), mapJson(s.leadsByStatus)}}},
        {QStringLiteral("next_due_at"), next.value() > 0 ? isoOrNull(qMax(next.value(), m_clock.nowMs())) : QJsonValue()},
        {QStringLiteral("calls"), QJsonObject{{QStringLiteral("placed"), s.callsPlaced},
                                              {QStringLiteral("connected"), s.callsConnected},
                                              {QStringLiteral("active"), s.callsActive},
                                              {QStringLiteral("connect_rate"), ratio(s.callsConnected, s.callsPlaced)},
                                              {QStringLiteral("retried"), s.callsRetried},
                                              {QStringLiteral("retry_rate"), ratio(s.callsRetried, s.callsPlaced)}}},
        {QStringLiteral("outcomes"), mapJson(s.outcomes)},
        {QStringLiteral("qualified_leads"), s.qualifiedLeads},
        {QStringLiteral("site_visits_booked"), s.siteVisitsBooked},
        {QStringLiteral("talk_time_s"), QJsonObject{{QStringLiteral("total"), s.talkTimeTotalS},
                                                    {QStringLiteral("average"), s.talkedCalls > 0 ? round2(double(s.talkTimeTotalS) / double(s.talkedCalls)) : 0.0}}},
        {QStringLiteral("failures_by_reason"), mapJson(s.failuresByReason)},
        {QStringLiteral("latency_ms"), QJsonObject{{QStringLiteral("stt_avg"), latency(s.avgSttMs)},
                                                   {QStringLiteral("llm_avg"), latency(s.avgLlmMs)},
                                                   {QStringLiteral("tts_avg"), latency(s.avgTtsMs)},
                                                   // the caller's last word -> the reply's first frame
                                                   {QStringLiteral("reply_p50"), latency(s.replyP50Ms)},
                                                   {QStringLiteral("reply_p90"), latency(s.replyP90Ms)},
                                                   {QStringLiteral("reply_avg"), latency(s.avgReplyMs)},
                                                   {QStringLiteral("replies"), s.replies}}},
        {QStringLiteral("cost_estimate"), QJsonObject{
             {QStringLiteral("currency"), QStringLiteral("INR")},
             {QStringLiteral("billable_minutes"), s.billableMinutes},
             {QStringLiteral("talk_minutes"), round2(cost.talkMinutes)},
             {QStringLiteral("telephony"), round2(cost.telephony)},
             {QStringLiteral("stt"), round2(cost.stt)},
             {QStringLiteral("llm"), round2(cost.llm)},
             {QStringLiteral("tts"), round2(cost.tts)},
             {QStringLiteral("total"), round2(cost.total)},
             {QStringLiteral("per_qualified_lead"), cost.perQualifiedLead >= 0 ? QJsonValue(round2(cost.perQualifiedLead)) : QJsonValue()},
             {QStringLiteral("per_site_visit"), cost.perSiteVisit >= 0 ? QJsonValue(round2(cost.perSiteVisit)) : QJsonValue()}}},
    };
    body.insert(QStringLiteral("handoffs"), handoffs.value());
    if (s.lastPauseAt > 0) {
        QJsonObject e = QJsonDocument::fromJson(s.lastPausePayload.toUtf8()).object();
        e.insert(QStringLiteral("at"), isoOrNull(s.lastPauseAt));
        body.insert(QStringLiteral("last_error"), e);
    } else {
        body.insert(QStringLiteral("last_error"), QJsonValue());
    }
    return HttpResponse::json(body);
}

} // namespace Leadline::Server
