#include "dialerapi.h"
#include "sessionindex.h"

#include "campaigns/calllifecycle.h"
#include "campaigns/campaignservice.h"
#include "campaigns/campaigncontrol.h"
#include "core/clock.h"
#include "core/logging.h"
#include "core/settings.h"
#include "handoff/handoffservice.h"
#include "routehelpers.h"
#include "core/securecompare.h"
#include "conversation/latencymetrics.h"
#include "conversation/vendorerrors.h"
#include "storage/analyticsqueries.h"
#include "storage/callrepository.h"
#include "storage/database.h"
#include "storage/dialerqueue.h"
#include "storage/sitevisitqueries.h"
#include "telephony/exotelwebhook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <cmath>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

DialerApiOptions DialerApiOptions::fromSettings(const Settings &s)
{
    DialerApiOptions o;
    o.webhookSecret = s.value(QStringLiteral("EXOTEL_WEBHOOK_SECRET")).toUtf8();
    o.prices = Storage::CostPrices::fromSettings(s);
    return o;
}

DialerApi::DialerApi(Campaigns::CampaignService &campaigns, const Campaigns::CampaignControl &control,
                     Campaigns::CallLifecycle &lifecycle, const Storage::Database &db, const Clock &clock, DialerApiOptions options)
    : m_campaigns(campaigns), m_control(control), m_lifecycle(lifecycle), m_db(db), m_clock(clock), m_options(std::move(options))
{
}

void DialerApi::registerRoutes(Router &router)
{
    router.add(Method::Post, QStringLiteral("/campaigns/{id}/start"), [this](const RouteContext &c) { return start(c); });
    router.add(Method::Post, QStringLiteral("/campaigns/{id}/pause"), [this](const RouteContext &c) { return pause(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/analytics"), [this](const RouteContext &c) { return analytics(c); });
    router.add(Method::Get, QStringLiteral("/campaigns/{id}/export.csv"), [this](const RouteContext &c) { return exportCsv(c); });
    router.add(Method::Get, QStringLiteral("/calls/{id}"), [this](const RouteContext &c) { return call(c); });
    router.add(Method::Get, QStringLiteral("/calls/{id}/transcript"), [this](const RouteContext &c) { return transcript(c); });
    router.add(Method::Get, QStringLiteral("/metrics"), [this](const RouteContext &c) { return metrics(c); });
    router.add(Method::Get, QStringLiteral("/debug/sessions"), [this](const RouteContext &c) { return sessions(c); });
    // Exotel cannot send a bearer token: the shared secret in the URL is checked in the handler.
    router.add(Method::Post, QStringLiteral("/webhooks/exotel/status"), [this](const RouteContext &c) { return webhook(c); },
               Access::Public);
}

static QJsonValue isoOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)) : QJsonValue();
}

static QJsonObject mapJson(const QMap<QString, qint64> &m)
{
    QJsonObject o;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

static double round2(double v) { return std::round(v * 100.0) / 100.0; }

Reply DialerApi::start(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    auto c = m_control.start(id.value());
    if (!c)
        return c.error();
    QJsonObject body = c->toJson();
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto next = Storage::DialerQueue(db.value()).nextDueAt(id.value());
    if (!next)
        return next.error(); // never a 200 without next_due_at
    body.insert(QStringLiteral("next_due_at"), isoOrNull(qMax(next.value(), m_clock.nowMs())));
    return HttpResponse::json(body);
}

Reply DialerApi::pause(const RouteContext &ctx) const
{
    auto id = ctx.id();
    if (!id)
        return id.error();
    auto c = m_control.pause(id.value());
    if (!c)
        return c.error();
    return HttpResponse::json(c->toJson());
}

bool DialerApi::webhookKeyMatches(const QByteArray &expected, const QByteArray &given)
{
    return !expected.isEmpty() && Leadline::constantTimeEquals(expected, given);
}

Reply DialerApi::webhook(const RouteContext &ctx) const
{
    const QUrlQuery query(ctx.request.url());
    const QByteArray key = query.queryItemValue(QStringLiteral("k"), QUrl::FullyDecoded).toUtf8();
    if (key.isEmpty()) {
        ++m_webhooks.rejectedAuth;
        qCWarning(lcTelephony) << "status webhook without k= from" << ctx.request.remoteAddress().toString();
        return Error::make(Error::Code::Unauthorized, QStringLiteral("missing webhook key (k=)"));
    }
    if (!webhookKeyMatches(m_options.webhookSecret, key)) {
        ++m_webhooks.rejectedAuth;
        qCWarning(lcTelephony) << "status webhook with a wrong key from" << ctx.request.remoteAddress().toString()
                               << (m_options.webhookSecret.isEmpty() ? "(EXOTEL_WEBHOOK_SECRET is not set)" : "");
        return Error::make(Error::Code::Forbidden, QStringLiteral("wrong webhook key"));
    }
    auto event = Telephony::parseExotelStatusCallback(ctx.request.value("content-type"), ctx.request.body());
    if (!event) {
        ++m_webhooks.badBody;
        qCWarning(lcTelephony) << "unusable status webhook:" << event.error().message;
        return event.error();
    }
    const Telephony::ExotelStatusEvent &e = event.value();
    Campaigns::CallStatusReport r;
    r.providerSid = e.callSid;
    r.callId = e.customCallId;
    r.eventType = e.isTerminal() ? QStringLiteral("terminal") : e.eventType;
    r.carrierStatus = e.isTerminal() ? e.effectiveStatus() : e.status;
    r.recordingUrl = e.recordingUrl;
    int talk = e.conversationDurationS;
    if (talk < 0 && !e.legs.isEmpty())
        talk = e.legs.first().onCallDurationS;
    // Only the terminal callback's ConversationDuration is the call's talk time (it wins over
    // our own end time minus the carrier's answered time, which mixes two clocks).
    r.durationS = e.isTerminal() ? talk : -1;
    if (e.isTerminal()) {
        const QDateTime end = e.endTime.isValid() ? e.endTime : e.dateUpdated;
        r.endedAtMs = end.isValid() ? end.toMSecsSinceEpoch() : 0;
        if (talk > 0 && r.endedAtMs > 0)
            r.answeredAtMs = r.endedAtMs - qint64(talk) * 1000;
        if (e.answeredBy() == QLatin1String("machine"))
            r.failureReason = QStringLiteral("answered_by_machine");
    } else if (e.eventType == QLatin1String("answered")) {
        r.answeredAtMs = e.dateUpdated.isValid() ? e.dateUpdated.toMSecsSinceEpoch() : 0;
    }
    // The agent leg of a hot-lead handoff (answered or not) is recorded first: settling the lead
    // below reads it (an unanswered handoff gets the lead a callback).
    if (e.isTerminal())
        Handoff::HandoffService::recordCallEnd(m_db, e);
    auto applied = m_lifecycle.report(r);
    if (!applied) {
        ++m_webhooks.errors;
        qCWarning(lcTelephony) << "status webhook for" << e.callSid << "not applied:" << applied.error().message;
        // Never a 500 (Exotel retries those forever): a 503 asks for one of its few retries.
        Error err = applied.error();
        err.code = Error::Code::Unavailable;
        return err;
    }
    QString result;
    switch (applied.value()) {
    case Campaigns::CallLifecycle::Applied::Updated: ++m_webhooks.updated; result = QStringLiteral("updated"); break;
    case Campaigns::CallLifecycle::Applied::Duplicate: ++m_webhooks.duplicate; result = QStringLiteral("duplicate"); break;
    case Campaigns::CallLifecycle::Applied::NoChange: ++m_webhooks.stale; result = QStringLiteral("no_change"); break;
    case Campaigns::CallLifecycle::Applied::UnknownCall:
        ++m_webhooks.unknownCall;
        result = QStringLiteral("unknown_call");
        qCWarning(lcTelephony) << "status webhook for an unknown CallSid" << e.callSid << "(" << e.status << "): ignored";
        break;
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("result"), result}});
}

Reply DialerApi::analytics(const RouteContext &ctx) const
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
    const auto cost = Storage::CostEstimate::of(s.billableMinutes, s.talkTimeTotalS, s.qualifiedLeads, m_options.prices)
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

Reply DialerApi::call(const RouteContext &ctx) const
{
    auto row = rowScope(ctx, m_db);
    if (!row)
        return row.error();
    auto c = Storage::CallRepository(row->db).get(row->id);
    if (!c)
        return c.error();
    return HttpResponse::json(c->toJson());
}

Reply DialerApi::transcript(const RouteContext &ctx) const
{
    auto row = rowScope(ctx, m_db);
    if (!row)
        return row.error();
    Storage::CallRepository repo(row->db);
    if (auto c = repo.get(row->id); !c)
        return c.error();
    auto turns = repo.turns(row->id);
    if (!turns)
        return turns.error();
    QJsonArray arr;
    QString text;
    for (const auto &t : turns.value()) {
        arr.append(t.toJson());
        text += t.speaker + QLatin1String(": ") + t.text + QLatin1Char('\n');
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("call_id"), row->id},
                                          {QStringLiteral("turns"), arr},
                                          {QStringLiteral("text"), text}});
}

QByteArray DialerApi::csvField(const QString &value)
{
    return Storage::csvField(value);
}

Reply DialerApi::exportCsv(const RouteContext &ctx) const
{
    auto c = campaignScope(ctx, m_db);
    if (!c)
        return c.error();
    const qint64 id = c->id;
    Storage::AnalyticsQueries queries(c->db);
    QByteArray out = "lead_id,name,phone,email,city,budget,property_type,language,status,attempts,last_outcome,"
                     "next_attempt_at,outcome,budget_text,budget_min_inr,budget_max_inr,property,timeline,callback_at,"
                     "duration_s,recording_url,custom\r\n";
    auto ms = [](qint64 v) { return v > 0 ? QDateTime::fromMSecsSinceEpoch(v, Qt::UTC).toString(Qt::ISODate) : QString(); };
    auto num = [](qint64 v) { return v ? QString::number(v) : QString(); };
    qint64 after = 0;
    for (;;) {
        auto page = queries.exportPage(id, after, 5000);
        if (!page)
            return page.error();
        for (const Storage::ExportRow &r : page.value()) {
            const QStringList cells = {QString::number(r.leadId), r.name, r.phone, r.email, r.city, r.budget, r.propertyType,
                                       r.language, r.status, QString::number(r.attempts), r.lastOutcome, ms(r.nextAttemptAt),
                                       r.outcome, r.budgetText, num(r.budgetMin), num(r.budgetMax), r.property, r.timeline,
                                       ms(r.callbackAt), num(r.durationS), r.recordingUrl, r.custom};
            for (int i = 0; i < cells.size(); ++i) {
                if (i)
                    out += ',';
                out += csvField(cells.at(i));
            }
            out += "\r\n";
            after = r.leadId;
        }
        if (page->size() < 5000)
            break;
    }
    HttpResponse r = HttpResponse::text(out, "text/csv; charset=utf-8");
    r.headers.append({QByteArrayLiteral("Content-Disposition"),
                      "attachment; filename=\"campaign-" + QByteArray::number(id) + ".csv\""});
    return r;
}

static QByteArray label(const QString &v)
{
    QString s = v;
    s.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("\""), QLatin1String("\\\"")).replace(QLatin1String("\n"), QLatin1String("\\n"));
    return s.toUtf8();
}

Reply DialerApi::metrics(const RouteContext &) const
{
    static const QList<int> buckets = {50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000};
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto m = Storage::AnalyticsQueries(db.value()).metrics(m_clock.nowMs(), buckets);
    if (!m)
        return m.error();
    QByteArray out;
    auto family = [&](const char *name, const char *type, const char *help) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    };
    family("leadline_calls", "gauge", "Calls in the database by status.");
    for (auto it = m->callsByStatus.cbegin(); it != m->callsByStatus.cend(); ++it)
        out += "leadline_calls{status=\"" + label(it.key()) + "\"} " + QByteArray::number(it.value()) + '\n';
    family("leadline_call_outcomes", "gauge", "Calls in the database by conversation outcome.");
    for (auto it = m->callsByOutcome.cbegin(); it != m->callsByOutcome.cend(); ++it)
        out += "leadline_call_outcomes{outcome=\"" + label(it.key()) + "\"} " + QByteArray::number(it.value()) + '\n';
    family("leadline_active_calls", "gauge", "Calls occupying a line (all nodes).");
    out += "leadline_active_calls " + QByteArray::number(m->activeCalls) + '\n';
    family("leadline_dialer_queue_depth", "gauge", "Leads of running campaigns due for a call now.");
    out += "leadline_dialer_queue_depth " + QByteArray::number(m->dueLeads) + '\n';
    family("leadline_media_bad_frames", "gauge", "Malformed media frames dropped, summed over stored calls (all nodes).");
    out += "leadline_media_bad_frames " + QByteArray::number(m->badMediaFrames) + '\n';
    family("leadline_calls_with_bad_frames", "gauge", "Stored calls that had at least one malformed media frame.");
    out += "leadline_calls_with_bad_frames " + QByteArray::number(m->callsWithBadFrames) + '\n';
    family("leadline_campaigns", "gauge", "Campaigns by status.");
    for (auto it = m->campaignsByStatus.cbegin(); it != m->campaignsByStatus.cend(); ++it)
        out += "leadline_campaigns{status=\"" + label(it.key()) + "\"} " + QByteArray::number(it.value()) + '\n';
    family("leadline_vendor_latency_ms", "histogram", "Per-turn vendor latency (stt, llm, tts) in milliseconds.");
    for (auto it = m->latency.cbegin(); it != m->latency.cend(); ++it) {
        const QByteArray vendor = label(it.key());
        for (int i = 0; i < buckets.size(); ++i)
            out += "leadline_vendor_latency_ms_bucket{vendor=\"" + vendor + "\",le=\"" + QByteArray::number(buckets.at(i)) + "\"} "
                   + QByteArray::number(it->cumulative.value(i)) + '\n';
        out += "leadline_vendor_latency_ms_bucket{vendor=\"" + vendor + "\",le=\"+Inf\"} " + QByteArray::number(it->count) + '\n';
        out += "leadline_vendor_latency_ms_sum{vendor=\"" + vendor + "\"} " + QByteArray::number(it->sum) + '\n';
        out += "leadline_vendor_latency_ms_count{vendor=\"" + vendor + "\"} " + QByteArray::number(it->count) + '\n';
    }
    family("leadline_webhook_requests_total", "counter", "Exotel status webhooks handled by this node, by result.");
    const QList<QPair<const char *, qint64>> results = {
        {"updated", m_webhooks.updated.load()}, {"duplicate", m_webhooks.duplicate.load()},
        {"no_change", m_webhooks.stale.load()}, {"unknown_call", m_webhooks.unknownCall.load()},
        {"rejected_auth", m_webhooks.rejectedAuth.load()}, {"bad_body", m_webhooks.badBody.load()},
        {"error", m_webhooks.errors.load()}};
    for (const auto &r : results)
        out += QByteArray("leadline_webhook_requests_total{result=\"") + r.first + "\"} " + QByteArray::number(r.second) + '\n';
    family("leadline_webhook_errors_total", "counter", "Exotel status webhooks that could not be applied (auth, body, database).");
    out += "leadline_webhook_errors_total "
           + QByteArray::number(m_webhooks.rejectedAuth.load() + m_webhooks.badBody.load() + m_webhooks.errors.load()) + '\n';
    if (m_vendorErrors)
        out += m_vendorErrors->prometheus();
    if (m_latency)
        out += m_latency->prometheus();
    return HttpResponse::text(out, "text/plain; version=0.0.4; charset=utf-8");
}

Reply DialerApi::sessions(const RouteContext &) const
{
    auto db = m_db.connection();
    if (!db)
        return db.error();
    auto live = Storage::AnalyticsQueries(db.value()).liveCalls(1000);
    if (!live)
        return live.error();
    const qint64 now = m_clock.nowMs();
    QJsonArray arr;
    for (const Storage::LiveCallRow &r : live.value()) {
        // Operators see enough of the number to recognise it, not all of it.
        const QString phone = r.phoneE164.size() > 7 ? r.phoneE164.left(5) + QString(r.phoneE164.size() - 9, QLatin1Char('*'))
                                                           + r.phoneE164.right(4)
                                                     : r.phoneE164;
        arr.append(QJsonObject{{QStringLiteral("call_id"), r.callId},
                               {QStringLiteral("lead_id"), r.leadId},
                               {QStringLiteral("campaign_id"), r.campaignId},
                               {QStringLiteral("campaign"), r.campaignName},
                               {QStringLiteral("phone"), phone},
                               {QStringLiteral("status"), r.status},
                               {QStringLiteral("provider_sid"), r.providerSid.isEmpty() ? QJsonValue() : QJsonValue(r.providerSid)},
                               {QStringLiteral("attempt"), r.attempt},
                               {QStringLiteral("started_at"), isoOrNull(r.startedAt)},
                               {QStringLiteral("answered_at"), isoOrNull(r.answeredAt)},
                               {QStringLiteral("age_s"), r.startedAt > 0 ? (now - r.startedAt) / 1000 : 0}});
    }
    QJsonObject body{{QStringLiteral("source"), QStringLiteral("database")},
                      {QStringLiteral("count"), arr.size()},
                      {QStringLiteral("sessions"), arr}};
    if (m_sessionIndex) {
        QString source;
        const QJsonArray media = m_sessionIndex->snapshot(&source);
        body.insert(QStringLiteral("media_sessions"), media);
        body.insert(QStringLiteral("media_source"), source); // "redis" (all nodes) or "memory" (this node)
    }
    return HttpResponse::json(body);
}

} // namespace Leadline::Server
