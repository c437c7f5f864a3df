#include "operationscontroller.h"

#include "conversation/latencymetrics.h"
#include "conversation/vendorerrors.h"
#include "core/clock.h"
#include "server/routehelpers.h"
#include "server/sessionindex.h"
#include "statuswebhookcontroller.h"
#include "storage/analyticsqueries.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Leadline::Server {

using Method = QHttpServerRequest::Method;

void OperationsController::registerRoutes(Router &router)
{
    router.add(Method::Get, QStringLiteral("/metrics"), [this](const RouteContext &c) { return metrics(c); });
    router.add(Method::Get, QStringLiteral("/debug/sessions"), [this](const RouteContext &c) { return sessions(c); });
}

static QByteArray label(const QString &v)
{
    QString s = v;
    s.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("\""), QLatin1String("\\\"")).replace(QLatin1String("\n"), QLatin1String("\\n"));
    return s.toUtf8();
}

Reply OperationsController::metrics(const RouteContext &) const
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
    for (const MetricsSource *source : m_metrics)
        out += source->prometheus();
    return HttpResponse::text(out, "text/plain; version=0.0.4; charset=utf-8");
}

Reply OperationsController::sessions(const RouteContext &) const
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
