#include "analyticsqueries.h"

#include "callstatus.h"
#include "campaignstatus.h"
#include "database.h"
#include "dialerqueue.h"
#include "leadstatus.h"

#include "core/settings.h"

#include <utility>

#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Storage {

// SQL for "the call reached the lead": answered, or completed at the carrier.
static QString connectedSql()
{
    return QStringLiteral("answered_at IS NOT NULL OR status = '%1'").arg(statusName(CallStatus::Completed));
}

static QString notPlaced() { return statusName(CallStatus::NotPlaced); }

// Runs a "key, count" query into a map.
static Status groupCounts(QSqlDatabase db, const QString &sql, qint64 id, QMap<QString, qint64> &out)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    if (id > 0)
        q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("analytics query failed"), q.lastError());
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return okStatus();
}

Result<CampaignAnalytics> AnalyticsQueries::campaign(qint64 id)
{
    if (id <= 0)
        return Error::make(Error::Code::Validation, QStringLiteral("analytics: campaign id must be positive"));
    return summary(id);
}

// Campaign figures; id 0: over every campaign (the filter becomes "1=1" and nothing is bound).
Result<CampaignAnalytics> AnalyticsQueries::summary(qint64 id)
{
    CampaignAnalytics a;
    const QString active = sqlInList(activeCallStatuses());
    const QString where = id > 0 ? QStringLiteral("campaign_id = ?") : QStringLiteral("1=1");
    const QString whereC = id > 0 ? QStringLiteral("c.campaign_id = ?") : QStringLiteral("1=1");
    auto bind = [id](QSqlQuery &q) {
        if (id > 0)
            q.addBindValue(id);
    };
    if (Status s = groupCounts(m_db, QStringLiteral("SELECT status, COUNT(*) FROM leads WHERE %1 GROUP BY status").arg(where), id, a.leadsByStatus); !s)
        return s.error();
    for (qint64 n : std::as_const(a.leadsByStatus))
        a.leadsTotal += n;
    if (Status s = groupCounts(m_db, QStringLiteral("SELECT outcome, COUNT(*) FROM calls WHERE %1 AND outcome IS NOT NULL "
                                                    "AND outcome <> '' GROUP BY outcome").arg(where), id, a.outcomes); !s)
        return s.error();
    if (Status s = groupCounts(m_db, QStringLiteral("SELECT status, COUNT(*) FROM calls WHERE %1 "
                                                    "AND status IN (%2) GROUP BY status").arg(where, sqlInList(QList<CallStatus>{CallStatus::Busy, CallStatus::NoAnswer, CallStatus::Failed, CallStatus::Canceled, CallStatus::Unknown})),
                               id, a.failuresByReason); !s)
        return s.error();

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT COUNT(*), "
        "SUM(CASE WHEN %3 THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN attempt > 1 THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN status IN (%1) THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN duration_s > 0 THEN duration_s ELSE 0 END), "
        "SUM(CASE WHEN duration_s > 0 THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN duration_s > 0 THEN (duration_s + 59) / 60 ELSE 0 END) "
        "FROM calls WHERE %2 AND status <> '%4'").arg(active, where, connectedSql(), notPlaced()));
    bind(q);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: call totals"), q.lastError());
    a.callsPlaced = q.value(0).toLongLong();
    a.callsConnected = q.value(1).toLongLong();
    a.callsRetried = q.value(2).toLongLong();
    a.callsActive = q.value(3).toLongLong();
    a.talkTimeTotalS = q.value(4).toLongLong();
    a.talkedCalls = q.value(5).toLongLong();
    a.billableMinutes = q.value(6).toLongLong();

    q.prepare(QStringLiteral("SELECT COUNT(DISTINCT lead_id) FROM calls WHERE %1 AND outcome IN (%2)")
                  .arg(where, sqlInList(QList<ConversationOutcome>{ConversationOutcome::Interested, ConversationOutcome::Qualified,
                                                                   ConversationOutcome::SiteVisit})));
    bind(q);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: qualified leads"), q.lastError());
    a.qualifiedLeads = q.value(0).toLongLong();
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM calls WHERE %1 AND site_visit_at IS NOT NULL").arg(where));
    bind(q);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: site visits"), q.lastError());
    a.siteVisitsBooked = q.value(0).toLongLong();

    q.prepare(QStringLiteral("SELECT AVG(CAST(t.stt_ms AS DOUBLE PRECISION)), AVG(CAST(t.llm_ms AS DOUBLE PRECISION)), "
                             "AVG(CAST(t.tts_ms AS DOUBLE PRECISION)) FROM turns t JOIN calls c ON c.id = t.call_id "
                             "WHERE %1").arg(whereC));
    bind(q);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: latencies"), q.lastError());
    a.avgSttMs = q.value(0).isNull() ? -1 : q.value(0).toDouble();
    a.avgLlmMs = q.value(1).isNull() ? -1 : q.value(1).toDouble();
    a.avgTtsMs = q.value(2).isNull() ? -1 : q.value(2).toDouble();

    // Reply latency: average, and p50/p90 by nearest rank (sorted in the database).
    q.prepare(QStringLiteral("SELECT COUNT(t.reply_ms), AVG(CAST(t.reply_ms AS DOUBLE PRECISION)) FROM turns t "
                             "JOIN calls c ON c.id = t.call_id WHERE %1 AND t.reply_ms IS NOT NULL").arg(whereC));
    bind(q);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: reply latency"), q.lastError());
    a.replies = q.value(0).toLongLong();
    a.avgReplyMs = a.replies > 0 ? q.value(1).toDouble() : -1;
    for (const auto &[pct, out] : {std::pair<int, double *>{50, &a.replyP50Ms}, std::pair<int, double *>{90, &a.replyP90Ms}}) {
        if (a.replies <= 0)
            break;
        const qint64 rank = qMax<qint64>(1, (a.replies * pct + 99) / 100);
        q.prepare(QStringLiteral("SELECT t.reply_ms FROM turns t JOIN calls c ON c.id = t.call_id WHERE %1 AND t.reply_ms IS NOT NULL "
                                 "ORDER BY t.reply_ms LIMIT 1 OFFSET %2").arg(whereC).arg(rank - 1));
        bind(q);
        if (!q.exec() || !q.next())
            return sqlError(QStringLiteral("analytics: reply latency percentile"), q.lastError());
        *out = q.value(0).toDouble();
    }

    if (id <= 0)
        return a;
    q.prepare(QStringLiteral("SELECT at, payload FROM events WHERE campaign_id = ? AND kind = 'campaign_paused' ORDER BY id DESC LIMIT 1"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("analytics: campaign events"), q.lastError());
    if (q.next()) {
        a.lastPauseAt = q.value(0).toLongLong();
        a.lastPausePayload = q.value(1).toString();
    }
    return a;
}

CostPrices CostPrices::fromSettings(const Settings &s)
{
    auto price = [&s](const char *name) { return qMax(0.0, s.value(QString::fromLatin1(name)).toDouble()); };
    return CostPrices{price("PRICE_TELEPHONY_INR_PER_MIN"), price("PRICE_STT_INR_PER_MIN"),
                      price("PRICE_LLM_INR_PER_MIN"), price("PRICE_TTS_INR_PER_MIN")};
}

CostEstimate CostEstimate::of(qint64 billableMinutes, qint64 talkTimeS, qint64 qualifiedLeads, const CostPrices &p)
{
    CostEstimate e;
    e.billableMinutes = billableMinutes;
    e.talkMinutes = double(talkTimeS) / 60.0;
    e.telephony = p.telephonyPerMin * double(billableMinutes);
    e.stt = p.sttPerMin * e.talkMinutes;
    e.llm = p.llmPerMin * e.talkMinutes;
    e.tts = p.ttsPerMin * e.talkMinutes;
    e.total = e.telephony + e.stt + e.llm + e.tts;
    e.perQualifiedLead = qualifiedLeads > 0 ? e.total / double(qualifiedLeads) : -1;
    return e;
}

CostEstimate CostEstimate::ofCall(int durationS, const CostPrices &p)
{
    const int talk = qMax(0, durationS);
    return of(talk > 0 ? (talk + 59) / 60 : 0, talk, 0, p);
}

// LIKE pattern for a user's substring: lower-cased, with % _ and \ escaped (ESCAPE '\').
static QString likePattern(const QString &text)
{
    QString t = text.trimmed().toLower();
    t.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    t.replace(QLatin1Char('%'), QLatin1String("\\%"));
    t.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + t + QLatin1Char('%');
}

Result<CallHistoryPage> AnalyticsQueries::callHistory(const CallHistoryFilter &f, int offset, int limit)
{
    QStringList where;
    QVariantList binds;
    const QString at = QStringLiteral("COALESCE(c.started_at, c.created_at)");
    if (f.campaignId != 0) {
        where << QStringLiteral("c.campaign_id = ?");
        binds << f.campaignId;
    }
    if (!f.status.isEmpty()) {
        where << QStringLiteral("c.status = ?");
        binds << f.status;
    }
    if (f.outcome == QLatin1String("none")) {
        where << QStringLiteral("(c.outcome IS NULL OR c.outcome = '')");
    } else if (!f.outcome.isEmpty()) {
        where << QStringLiteral("c.outcome = ?");
        binds << f.outcome;
    }
    if (!f.text.trimmed().isEmpty()) {
        where << QStringLiteral("(LOWER(l.name) LIKE ? ESCAPE '\\' OR l.phone_e164 LIKE ? ESCAPE '\\' "
                                "OR LOWER(k.name) LIKE ? ESCAPE '\\')");
        const QString p = likePattern(f.text);
        binds << p << p << p;
    }
    if (f.fromMs > 0) {
        where << at + QStringLiteral(" >= ?");
        binds << f.fromMs;
    }
    if (f.toMs > 0) {
        where << at + QStringLiteral(" < ?");
        binds << f.toMs;
    }
    const QString from = QStringLiteral("FROM calls c JOIN leads l ON l.id = c.lead_id JOIN campaigns k ON k.id = c.campaign_id");
    const QString whereSql = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));

    QString order;
    switch (f.sort) {
    case CallHistoryFilter::Sort::Id: order = QStringLiteral("c.id"); break;
    case CallHistoryFilter::Sort::Time: order = at; break;
    case CallHistoryFilter::Sort::Campaign: order = QStringLiteral("k.name"); break;
    case CallHistoryFilter::Sort::Lead: order = QStringLiteral("l.name"); break;
    case CallHistoryFilter::Sort::Phone: order = QStringLiteral("l.phone_e164"); break;
    case CallHistoryFilter::Sort::Status: order = QStringLiteral("c.status"); break;
    case CallHistoryFilter::Sort::Outcome: order = QStringLiteral("COALESCE(c.outcome, '')"); break;
    case CallHistoryFilter::Sort::Duration: order = QStringLiteral("COALESCE(c.duration_s, 0)"); break;
    }
    const QString dir = f.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    // c.id breaks ties in the same direction, so pages never overlap.
    const QString orderSql = QStringLiteral(" ORDER BY ") + order + dir + QStringLiteral(", c.id") + dir;

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT COUNT(*) ") + from + whereSql);
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("call history: count"), q.lastError());
    CallHistoryPage page;
    page.total = q.value(0).toLongLong();

    q.prepare(QStringLiteral("SELECT c.id, c.lead_id, c.campaign_id, k.name, l.name, l.phone_e164, c.status, c.outcome, c.language, "
                             "c.attempt, %1, c.duration_s ").arg(at)
              + from + whereSql + orderSql
              + QStringLiteral(" LIMIT %1 OFFSET %2").arg(qBound(1, limit, 10000)).arg(qMax(0, offset)));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(QStringLiteral("call history"), q.lastError());
    while (q.next()) {
        CallHistoryRow r;
        int i = 0;
        r.callId = q.value(i++).toLongLong();
        r.leadId = q.value(i++).toLongLong();
        r.campaignId = q.value(i++).toLongLong();
        r.campaignName = q.value(i++).toString();
        r.leadName = q.value(i++).toString();
        r.phoneE164 = q.value(i++).toString();
        r.status = q.value(i++).toString();
        r.outcome = q.value(i++).toString();
        r.language = q.value(i++).toString();
        r.attempt = q.value(i++).toInt();
        r.at = q.value(i++).toLongLong();
        r.durationS = q.value(i++).toInt();
        page.rows.append(r);
    }
    return page;
}

Result<HourlyCalls> AnalyticsQueries::callsPerHour(qint64 campaignId, qint64 utcOffsetMs)
{
    // Integer arithmetic only: ((ms + offset) / 3600000) % 24 is the local hour in both engines.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ((COALESCE(started_at, created_at) + ?) / 3600000) % 24 AS h, COUNT(*), "
                             "SUM(CASE WHEN %2 THEN 1 ELSE 0 END) "
                             "FROM calls WHERE status <> '%3'%1 GROUP BY h")
                  .arg(campaignId > 0 ? QStringLiteral(" AND campaign_id = ?") : QString(), connectedSql(), notPlaced()));
    q.addBindValue(utcOffsetMs);
    if (campaignId > 0)
        q.addBindValue(campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("analytics: calls per hour"), q.lastError());
    HourlyCalls h;
    while (q.next()) {
        const int hour = q.value(0).toInt();
        if (hour < 0 || hour > 23)
            continue;
        h.calls[hour] += q.value(1).toLongLong();
        h.connects[hour] += q.value(2).toLongLong();
    }
    return h;
}

Result<QList<qint64>> AnalyticsQueries::talkTimeHistogram(qint64 campaignId, const QList<int> &bounds)
{
    QStringList sums;
    int lower = 0;
    for (int b : bounds) {
        sums << QStringLiteral("SUM(CASE WHEN duration_s >= %1 AND duration_s < %2 THEN 1 ELSE 0 END)").arg(lower).arg(b);
        lower = b;
    }
    sums << QStringLiteral("SUM(CASE WHEN duration_s >= %1 THEN 1 ELSE 0 END)").arg(lower);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM calls WHERE duration_s > 0%2")
                  .arg(sums.join(QLatin1String(", ")), campaignId > 0 ? QStringLiteral(" AND campaign_id = ?") : QString()));
    if (campaignId > 0)
        q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: talk time"), q.lastError());
    QList<qint64> out;
    for (int i = 0; i < sums.size(); ++i)
        out << q.value(i).toLongLong(); // SUM over no rows is NULL: 0
    return out;
}

Result<QList<LatencyPoint>> AnalyticsQueries::latencyOverTime(qint64 campaignId, int maxPoints)
{
    const QString at = QStringLiteral("COALESCE(c.started_at, c.created_at)");
    const QString filter = campaignId > 0 ? QStringLiteral(" AND c.campaign_id = ?") : QString();
    const QString measured = QStringLiteral("(t.stt_ms IS NOT NULL OR t.llm_ms IS NOT NULL OR t.tts_ms IS NOT NULL OR t.reply_ms IS NOT NULL)");
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT MIN(%1), MAX(%1) FROM turns t JOIN calls c ON c.id = t.call_id WHERE %2%3").arg(at, measured, filter));
    if (campaignId > 0)
        q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: latency range"), q.lastError());
    QList<LatencyPoint> out;
    if (q.value(0).isNull())
        return out;
    const qint64 first = q.value(0).toLongLong();
    const qint64 last = q.value(1).toLongLong();
    const qint64 minute = 60000;
    const qint64 span = last - first + 1;
    const qint64 points = qMax(1, maxPoints);
    qint64 bucket = (span + points - 1) / points;
    bucket = qMax(minute, (bucket + minute - 1) / minute * minute);
    const qint64 origin = first / minute * minute;
    q.prepare(QStringLiteral("SELECT (%1 - ?) / ? AS b, AVG(CAST(t.stt_ms AS DOUBLE PRECISION)), AVG(CAST(t.llm_ms AS DOUBLE PRECISION)), "
                             "AVG(CAST(t.tts_ms AS DOUBLE PRECISION)), COUNT(*), AVG(CAST(t.reply_ms AS DOUBLE PRECISION)) FROM turns t "
                             "JOIN calls c ON c.id = t.call_id WHERE %2%3 GROUP BY b ORDER BY b").arg(at, measured, filter));
    q.addBindValue(origin);
    q.addBindValue(bucket);
    if (campaignId > 0)
        q.addBindValue(campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("analytics: latency over time"), q.lastError());
    while (q.next()) {
        LatencyPoint p;
        p.at = origin + q.value(0).toLongLong() * bucket;
        p.sttMs = q.value(1).isNull() ? -1 : q.value(1).toDouble();
        p.llmMs = q.value(2).isNull() ? -1 : q.value(2).toDouble();
        p.ttsMs = q.value(3).isNull() ? -1 : q.value(3).toDouble();
        p.turns = q.value(4).toLongLong();
        p.replyMs = q.value(5).isNull() ? -1 : q.value(5).toDouble();
        out.append(p);
    }
    return out;
}

Result<QList<ExportRow>> AnalyticsQueries::exportPage(qint64 campaignId, qint64 afterLeadId, int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT l.id, l.name, l.phone_e164, l.email, l.city, l.budget, l.property_type, l.language, l.status, "
        "l.attempts, l.last_outcome, l.next_attempt_at, l.custom, c.outcome, c.budget_text, c.budget_min, c.budget_max, "
        "c.property, c.timeline, c.callback_at, c.duration_s, c.recording_url "
        "FROM leads l LEFT JOIN calls c ON c.id = (SELECT MAX(c2.id) FROM calls c2 WHERE c2.lead_id = l.id "
        "AND c2.outcome IS NOT NULL) "
        "WHERE l.campaign_id = ? AND l.id > ? ORDER BY l.id LIMIT %1").arg(qBound(1, limit, 10000)));
    q.addBindValue(campaignId);
    q.addBindValue(afterLeadId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot export leads"), q.lastError());
    QList<ExportRow> out;
    while (q.next()) {
        ExportRow r;
        int i = 0;
        r.leadId = q.value(i++).toLongLong();
        r.name = q.value(i++).toString();
        r.phone = q.value(i++).toString();
        r.email = q.value(i++).toString();
        r.city = q.value(i++).toString();
        r.budget = q.value(i++).toString();
        r.propertyType = q.value(i++).toString();
        r.language = q.value(i++).toString();
        r.status = q.value(i++).toString();
        r.attempts = q.value(i++).toInt();
        r.lastOutcome = q.value(i++).toString();
        r.nextAttemptAt = q.value(i++).toLongLong();
        r.custom = q.value(i++).toString();
        r.outcome = q.value(i++).toString();
        r.budgetText = q.value(i++).toString();
        r.budgetMin = q.value(i++).toLongLong();
        r.budgetMax = q.value(i++).toLongLong();
        r.property = q.value(i++).toString();
        r.timeline = q.value(i++).toString();
        r.callbackAt = q.value(i++).toLongLong();
        r.durationS = q.value(i++).toInt();
        r.recordingUrl = q.value(i++).toString();
        out.append(r);
    }
    return out;
}

Result<QList<LiveCallRow>> AnalyticsQueries::liveCalls(int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT c.id, c.lead_id, c.campaign_id, k.name, l.phone_e164, c.status, c.provider_sid, c.attempt, "
                             "c.started_at, c.answered_at, c.updated_at FROM calls c JOIN leads l ON l.id = c.lead_id "
                             "JOIN campaigns k ON k.id = c.campaign_id WHERE c.status IN (%1) ORDER BY c.id DESC LIMIT %2")
                  .arg(sqlInList(activeCallStatuses()))
                  .arg(qBound(1, limit, 10000)));
    if (!q.exec())
        return sqlError(QStringLiteral("cannot list live calls"), q.lastError());
    QList<LiveCallRow> out;
    while (q.next()) {
        LiveCallRow r;
        r.callId = q.value(0).toLongLong();
        r.leadId = q.value(1).toLongLong();
        r.campaignId = q.value(2).toLongLong();
        r.campaignName = q.value(3).toString();
        r.phoneE164 = q.value(4).toString();
        r.status = q.value(5).toString();
        r.providerSid = q.value(6).toString();
        r.attempt = q.value(7).toInt();
        r.startedAt = q.value(8).toLongLong();
        r.answeredAt = q.value(9).toLongLong();
        r.updatedAt = q.value(10).toLongLong();
        out.append(r);
    }
    return out;
}

Result<MetricsSnapshot> AnalyticsQueries::metrics(qint64 nowMs, const QList<int> &buckets)
{
    MetricsSnapshot m;
    if (Status s = groupCounts(m_db, QStringLiteral("SELECT status, COUNT(*) FROM calls GROUP BY status"), 0, m.callsByStatus); !s)
        return s.error();
    if (Status s = groupCounts(m_db, QStringLiteral("SELECT outcome, COUNT(*) FROM calls WHERE outcome IS NOT NULL AND outcome <> '' "
                                                    "GROUP BY outcome"), 0, m.callsByOutcome); !s)
        return s.error();
    if (Status s = groupCounts(m_db, QStringLiteral("SELECT status, COUNT(*) FROM campaigns GROUP BY status"), 0, m.campaignsByStatus); !s)
        return s.error();
    for (const QString &st : statusNames(activeCallStatuses()))
        m.activeCalls += m.callsByStatus.value(st);
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(SUM(bad_frames), 0), COUNT(*) FROM calls WHERE bad_frames > 0")) || !q.next())
        return sqlError(QStringLiteral("metrics: bad media frames"), q.lastError());
    m.badMediaFrames = q.value(0).toLongLong();
    m.callsWithBadFrames = q.value(1).toLongLong();
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM leads l JOIN campaigns c ON c.id = l.campaign_id WHERE c.status = '%2' "
                             "AND l.status IN (%1) AND l.next_attempt_at <= ?").arg(sqlInList(dueLeadStatuses()), statusName(CampaignStatus::Running)));
    q.addBindValue(nowMs);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("metrics: queue depth"), q.lastError());
    m.dueLeads = q.value(0).toLongLong();

    for (const char *vendor : {"stt", "llm", "tts"}) {
        const QString col = QString::fromLatin1(vendor) + QLatin1String("_ms");
        QStringList sums;
        for (int b : buckets)
            sums << QStringLiteral("SUM(CASE WHEN %1 <= %2 THEN 1 ELSE 0 END)").arg(col).arg(b);
        sums << QStringLiteral("COUNT(%1)").arg(col) << QStringLiteral("SUM(%1)").arg(col);
        if (!q.exec(QStringLiteral("SELECT %1 FROM turns WHERE %2 IS NOT NULL").arg(sums.join(QLatin1String(", ")), col)) || !q.next())
            return sqlError(QStringLiteral("metrics: latency"), q.lastError());
        MetricsSnapshot::Histogram h;
        for (int i = 0; i < buckets.size(); ++i)
            h.cumulative << q.value(i).toLongLong();
        h.count = q.value(buckets.size()).toLongLong();
        h.sum = q.value(buckets.size() + 1).toLongLong();
        m.latency.insert(QString::fromLatin1(vendor), h);
    }
    return m;
}

} // namespace Leadline::Storage
