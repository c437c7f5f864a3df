#include "exportscontroller.h"

#include "server/routehelpers.h"
#include "storage/analyticsqueries.h"
#include "storage/sitevisitqueries.h"

#include <QDateTime>

namespace Leadline::Server {

void ExportsController::registerRoutes(Router &router)
{
    router.add(QHttpServerRequest::Method::Get, QStringLiteral("/campaigns/{id}/export.csv"),
               [this](const RouteContext &c) { return exportCsv(c); });
}

Reply ExportsController::exportCsv(const RouteContext &ctx) const
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
                out += Storage::csvField(cells.at(i));
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

} // namespace Leadline::Server
