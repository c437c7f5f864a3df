#include "analyticsqueries.h"

#include "database.h"
#include "dialerqueue.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Leadline::Storage {

static QString quotedList(const QStringList &values)
{
    QStringList q;
    for (const QString &v : values)
        q << QLatin1Char('\'') + v + QLatin1Char('\'');
    return q.join(QLatin1Char(','));
}

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
    CampaignAnalytics a;
    const QString active = quotedList(DialerQueue::activeStatuses());
    if (Status s = groupCounts(m_db, QStringLiteral("SELECT status, COUNT(*) FROM leads WHERE campaign_id = ? GROUP BY status"), id, a.leadsByStatus); !s)
        return s.error();
    for (qint64 n : std::as_const(a.leadsByStatus))
        a.leadsTotal += n;
    if (Status s = groupCounts(m_db, QStringLiteral("SELECT outcome, COUNT(*) FROM calls WHERE campaign_id = ? AND outcome IS NOT NULL "
                                                    "AND outcome <> '' GROUP BY outcome"), id, a.outcomes); !s)
        return s.error();
    if (Status s = groupCounts(m_db, QStringLiteral("SELECT status, COUNT(*) FROM calls WHERE campaign_id = ? "
                                                    "AND status IN ('busy','no-answer','failed','canceled','unknown') GROUP BY status"),
                               id, a.failuresByReason); !s)
        return s.error();

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT COUNT(*), "
        "SUM(CASE WHEN answered_at IS NOT NULL OR status = 'completed' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN attempt > 1 THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN status IN (%1) THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN duration_s > 0 THEN duration_s ELSE 0 END), "
        "SUM(CASE WHEN duration_s > 0 THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN duration_s > 0 THEN (duration_s + 59) / 60 ELSE 0 END) "
        "FROM calls WHERE campaign_id = ? AND status <> 'not_placed'").arg(active));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: call totals"), q.lastError());
    a.callsPlaced = q.value(0).toLongLong();
    a.callsConnected = q.value(1).toLongLong();
    a.callsRetried = q.value(2).toLongLong();
    a.callsActive = q.value(3).toLongLong();
    a.talkTimeTotalS = q.value(4).toLongLong();
    a.talkedCalls = q.value(5).toLongLong();
    a.billableMinutes = q.value(6).toLongLong();

    q.prepare(QStringLiteral("SELECT COUNT(DISTINCT lead_id) FROM calls WHERE campaign_id = ? AND outcome IN ('interested','qualified')"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: qualified leads"), q.lastError());
    a.qualifiedLeads = q.value(0).toLongLong();

    q.prepare(QStringLiteral("SELECT AVG(CAST(t.stt_ms AS DOUBLE PRECISION)), AVG(CAST(t.llm_ms AS DOUBLE PRECISION)), "
                             "AVG(CAST(t.tts_ms AS DOUBLE PRECISION)) FROM turns t JOIN calls c ON c.id = t.call_id "
                             "WHERE c.campaign_id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("analytics: latencies"), q.lastError());
    a.avgSttMs = q.value(0).isNull() ? -1 : q.value(0).toDouble();
    a.avgLlmMs = q.value(1).isNull() ? -1 : q.value(1).toDouble();
    a.avgTtsMs = q.value(2).isNull() ? -1 : q.value(2).toDouble();

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
                  .arg(quotedList(DialerQueue::activeStatuses()))
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
    for (const QString &st : DialerQueue::activeStatuses())
        m.activeCalls += m.callsByStatus.value(st);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM leads l JOIN campaigns c ON c.id = l.campaign_id WHERE c.status = 'running' "
                             "AND l.status IN (%1) AND l.next_attempt_at <= ?").arg(quotedList(DialerQueue::dueLeadStatuses())));
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
