#include "sitevisitqueries.h"

#include "database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace Leadline::Storage {

QByteArray csvField(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar c0 = v.at(0);
        const bool signed_ = (c0 == QLatin1Char('+') || c0 == QLatin1Char('-')) && !(v.size() > 1 && v.at(1).isDigit());
        if (c0 == QLatin1Char('=') || c0 == QLatin1Char('@') || c0 == QLatin1Char('\t') || c0 == QLatin1Char('\r') || signed_)
            v.prepend(QLatin1Char('\''));
    }
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1String("\""), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v.toUtf8();
}

QByteArray csvLine(const QStringList &cells)
{
    QByteArray out;
    for (int i = 0; i < cells.size(); ++i)
        out += (i ? "," : "") + csvField(cells.at(i));
    return out + "\r\n";
}

QStringList SiteVisitRow::csvHeader()
{
    return {QStringLiteral("call_id"), QStringLiteral("lead_id"), QStringLiteral("name"), QStringLiteral("phone"),
            QStringLiteral("visit_date"), QStringLiteral("visit_time"), QStringLiteral("time_zone"), QStringLiteral("visitors"),
            QStringLiteral("language"), QStringLiteral("question_for_advisor"), QStringLiteral("brief_version"),
            QStringLiteral("sms_status"), QStringLiteral("turn")};
}

QStringList SiteVisitRow::csvCells() const
{
    QTimeZone tz(timezone.toUtf8());
    if (!tz.isValid())
        tz = QTimeZone("Asia/Kolkata");
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(visitAt, Qt::UTC).toTimeZone(tz);
    return {QString::number(callId), QString::number(leadId), leadName, phoneE164, at.date().toString(Qt::ISODate),
            at.time().toString(QStringLiteral("HH:mm")), QString::fromUtf8(tz.id()), QString::number(visitors), language,
            questionForAdvisor, briefVersion > 0 ? QString::number(briefVersion) : QString(), smsStatus, QString::number(turn)};
}

Result<QList<SiteVisitRow>> SiteVisitQueries::forCampaign(qint64 campaignId, int limit)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
                  "SELECT c.id, c.lead_id, l.name, l.phone_e164, l.timezone, k.timezone, c.site_visit_at, c.site_visit_visitors, "
                  "c.site_visit_turn, c.language, c.question_for_advisor, c.brief_version, m.status, c.ended_at "
                  "FROM calls c JOIN leads l ON l.id = c.lead_id JOIN campaigns k ON k.id = c.campaign_id "
                  "LEFT JOIN lead_messages m ON m.call_id = c.id AND m.kind = 'site_visit_confirmation' "
                  "WHERE c.campaign_id = ? AND c.site_visit_at IS NOT NULL ORDER BY c.site_visit_at, c.id LIMIT %1")
                  .arg(qBound(1, limit, 100000)));
    q.addBindValue(campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot list site visits"), q.lastError());
    QList<SiteVisitRow> rows;
    while (q.next()) {
        SiteVisitRow r;
        int i = 0;
        r.callId = q.value(i++).toLongLong();
        r.leadId = q.value(i++).toLongLong();
        r.leadName = q.value(i++).toString();
        r.phoneE164 = q.value(i++).toString();
        const QString leadTz = q.value(i++).toString();
        const QString campaignTz = q.value(i++).toString();
        r.timezone = leadTz.isEmpty() ? campaignTz : leadTz;
        r.visitAt = q.value(i++).toLongLong();
        r.visitors = q.value(i++).toInt();
        const QVariant turn = q.value(i++);
        r.turn = turn.isNull() ? -1 : turn.toInt();
        r.language = q.value(i++).toString();
        r.questionForAdvisor = q.value(i++).toString();
        r.briefVersion = q.value(i++).toInt();
        r.smsStatus = q.value(i++).toString();
        r.bookedAt = q.value(i++).toLongLong();
        rows.append(r);
    }
    return rows;
}

} // namespace Leadline::Storage
