#include "leadrepository.h"

#include "database.h"
#include "leadstatus.h"

#include "core/logging.h"
#include "columnvalues.h"

#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace Leadline::Storage {

Status LeadRepository::lockCampaignForImport(qint64 campaignId)
{
    if (!isPostgres(m_db)) {
        // Take SQLite's write lock now so that the existing-phone snapshot stays true.
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("UPDATE campaigns SET updated_at = updated_at WHERE id = %1").arg(campaignId)))
            return sqlError(QStringLiteral("cannot lock campaign"), q.lastError());
        return okStatus();
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(7243002, CAST(? AS INTEGER))"));
    q.addBindValue(int(campaignId & 0x7fffffff));
    if (!q.exec())
        return sqlError(QStringLiteral("cannot lock campaign"), q.lastError());
    return okStatus();
}

Result<QSet<QString>> LeadRepository::phonesOfCampaign(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT phone_e164 FROM leads WHERE campaign_id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot read campaign phones"), q.lastError());
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

Status LeadRepository::insertBatch(qint64 campaignId, const QList<LeadRow> &rows, qint64 nowMs)
{
    LeadBulkWriter writer(m_db, campaignId, nowMs);
    if (Status s = writer.write(rows); !s)
        return s;
    return writer.finish();
}

// COPY text format: tab-separated, \N for NULL, backslash escapes for \ TAB LF CR.
static void appendCopyField(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '\\': out.append("\\\\", 2); break;
        case '\t': out.append("\\t", 2); break;
        case '\n': out.append("\\n", 2); break;
        case '\r': out.append("\\r", 2); break;
        default: out.append(c);
        }
    }
}

static QString customText(const QJsonObject &custom)
{
    return custom.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(custom).toJson(QJsonDocument::Compact));
}

static PGconn *pgConnection(const QSqlDatabase &db)
{
    // QPSQL's handle() is the libpq connection; Qt 6.4 names its type "pg_conn*" (the struct
    // behind the PGconn typedef), older versions "PGconn*".
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0) {
        qCWarning(lcStorage) << "QPSQL handle is" << handle.typeName() << "- bulk insert falls back to INSERT";
        return nullptr;
    }
    return *static_cast<PGconn *const *>(handle.data());
}

LeadBulkWriter::LeadBulkWriter(QSqlDatabase db, qint64 campaignId, qint64 nowMs)
    : m_db(std::move(db)), m_campaignId(campaignId), m_nowMs(nowMs)
{
    m_usePg = isPostgres(m_db) && pgConnection(m_db) != nullptr;
}

LeadBulkWriter::~LeadBulkWriter()
{
    if (m_pg) // abandoned mid-way: abort the COPY so the connection stays usable
        PQputCopyEnd(static_cast<PGconn *>(m_pg), "import aborted");
    if (m_pg) {
        while (PGresult *res = PQgetResult(static_cast<PGconn *>(m_pg)))
            PQclear(res);
    }
}

Status LeadBulkWriter::startCopy()
{
    PGconn *conn = pgConnection(m_db);
    if (!conn)
        return Error::make(Error::Code::Unavailable, QStringLiteral("PostgreSQL connection is closed"));
    PGresult *res = PQexec(conn, "COPY leads (campaign_id, name, phone_e164, email, city, budget, property_type, "
                                 "language, custom, status, next_attempt_at, source_line, created_at) FROM STDIN");
    const bool ok = PQresultStatus(res) == PGRES_COPY_IN;
    PQclear(res);
    if (!ok)
        return Error::make(Error::Code::Internal, QStringLiteral("COPY leads failed to start: %1")
                                                      .arg(QString::fromUtf8(PQerrorMessage(conn)).trimmed()));
    m_pg = conn;
    m_buffer.reserve(1 << 20);
    return okStatus();
}

Status LeadBulkWriter::flush()
{
    if (m_buffer.isEmpty())
        return okStatus();
    auto *conn = static_cast<PGconn *>(m_pg);
    const bool ok = PQputCopyData(conn, m_buffer.constData(), int(m_buffer.size())) == 1;
    m_buffer.clear();
    if (!ok)
        return Error::make(Error::Code::Unavailable, QStringLiteral("COPY leads: %1")
                                                         .arg(QString::fromUtf8(PQerrorMessage(conn)).trimmed()));
    return okStatus();
}

Status LeadBulkWriter::write(const QList<LeadRow> &rows)
{
    if (rows.isEmpty())
        return okStatus();
    if (!m_usePg)
        return insertPrepared(rows);
    if (!m_pg) {
        if (Status s = startCopy(); !s)
            return s;
    }
    const QByteArray campaign = QByteArray::number(m_campaignId);
    const QByteArray now = QByteArray::number(m_nowMs);
    for (const LeadRow &r : rows) {
        m_buffer.append(campaign).append('\t');
        appendCopyField(m_buffer, r.name); m_buffer.append('\t');
        appendCopyField(m_buffer, r.phoneE164); m_buffer.append('\t');
        appendCopyField(m_buffer, r.email); m_buffer.append('\t');
        appendCopyField(m_buffer, r.city); m_buffer.append('\t');
        appendCopyField(m_buffer, r.budget); m_buffer.append('\t');
        appendCopyField(m_buffer, r.propertyType); m_buffer.append('\t');
        appendCopyField(m_buffer, r.language); m_buffer.append('\t');
        if (r.custom.isEmpty())
            m_buffer.append("\\N");
        else
            appendCopyField(m_buffer, customText(r.custom));
        static const QByteArray pending = statusName(LeadStatus::Pending).toLatin1();
        m_buffer.append('\t').append(pending).append("\t0\t").append(QByteArray::number(r.sourceLine)).append('\t').append(now).append('\n');
        if (m_buffer.size() > (1 << 20) - 4096) {
            if (Status s = flush(); !s)
                return s;
        }
    }
    return flush();
}

Status LeadBulkWriter::finish()
{
    if (!m_pg)
        return okStatus();
    auto *conn = static_cast<PGconn *>(m_pg);
    m_pg = nullptr;
    Status sent = flush();
    PQputCopyEnd(conn, sent ? nullptr : "client failed to send data");
    QString failure;
    while (PGresult *res = PQgetResult(conn)) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK)
            failure = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
        PQclear(res);
    }
    if (!sent)
        return sent;
    if (!failure.isEmpty())
        return Error::make(Error::Code::Internal, QStringLiteral("COPY leads failed: %1").arg(failure));
    return okStatus();
}

Status LeadBulkWriter::insertPrepared(const QList<LeadRow> &rows)
{
    QSqlQuery q(m_db);
    if (!q.prepare(QStringLiteral(
            "INSERT INTO leads (campaign_id, name, phone_e164, email, city, budget, property_type, language, "
            "custom, status, next_attempt_at, source_line, created_at) VALUES (?,?,?,?,?,?,?,?,?,'%1',0,?,?)")
                       .arg(statusName(LeadStatus::Pending))))
        return sqlError(QStringLiteral("cannot prepare lead insert"), q.lastError());
    for (const LeadRow &r : rows) {
        q.bindValue(0, m_campaignId);
        q.bindValue(1, nonNull(r.name));
        q.bindValue(2, nonNull(r.phoneE164));
        q.bindValue(3, nonNull(r.email));
        q.bindValue(4, nonNull(r.city));
        q.bindValue(5, nonNull(r.budget));
        q.bindValue(6, nonNull(r.propertyType));
        q.bindValue(7, nonNull(r.language));
        q.bindValue(8, r.custom.isEmpty() ? QVariant() : QVariant(customText(r.custom)));
        q.bindValue(9, r.sourceLine);
        q.bindValue(10, m_nowMs);
        if (!q.exec())
            return sqlError(QStringLiteral("cannot insert lead from line %1").arg(r.sourceLine), q.lastError());
    }
    return okStatus();
}

static const char kLeadColumns[] =
    "id, campaign_id, name, phone_e164, email, city, budget, property_type, language, custom, status, "
    "attempts, next_attempt_at, last_outcome, source_line";

// One row of kLeadColumns.
static LeadRow readLead(const QSqlQuery &q)
{
    LeadRow r;
    r.id = q.value(0).toLongLong();
    r.campaignId = q.value(1).toLongLong();
    r.name = q.value(2).toString();
    r.phoneE164 = q.value(3).toString();
    r.email = q.value(4).toString();
    r.city = q.value(5).toString();
    r.budget = q.value(6).toString();
    r.propertyType = q.value(7).toString();
    r.language = q.value(8).toString();
    r.custom = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
    r.status = q.value(10).toString();
    r.attempts = q.value(11).toInt();
    r.nextAttemptAt = q.value(12).toLongLong();
    r.lastOutcome = q.value(13).toString();
    r.sourceLine = q.value(14).toInt();
    return r;
}

Result<QList<LeadRow>> LeadRepository::byIds(qint64 campaignId, const QList<qint64> &ids)
{
    QList<LeadRow> out;
    for (qsizetype from = 0; from < ids.size(); from += kMaxIdsPerQuery) {
        const QList<qint64> chunk = ids.mid(from, kMaxIdsPerQuery);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %1 FROM leads WHERE campaign_id = ? AND id IN (%2) ORDER BY id")
                      .arg(QLatin1String(kLeadColumns), marks.join(QLatin1Char(','))));
        q.addBindValue(campaignId);
        for (qint64 id : chunk)
            q.addBindValue(id);
        if (!q.exec())
            return sqlError(QStringLiteral("cannot read leads"), q.lastError());
        while (q.next())
            out.append(readLead(q));
    }
    return out;
}

Result<LeadPage> LeadRepository::page(qint64 campaignId, qint64 afterId, int limit, const QString &status)
{
    limit = qBound(1, limit, 1000);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT %1 FROM leads WHERE campaign_id = ? AND id > ?").arg(QLatin1String(kLeadColumns));
    if (!status.isEmpty())
        sql += QLatin1String(" AND status = ?");
    sql += QStringLiteral(" ORDER BY id LIMIT %1").arg(limit + 1);
    q.prepare(sql);
    q.addBindValue(campaignId);
    q.addBindValue(afterId);
    if (!status.isEmpty())
        q.addBindValue(status);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot list leads"), q.lastError());
    LeadPage page;
    while (q.next()) {
        if (page.leads.size() == limit) {
            page.nextAfterId = page.leads.constLast().id;
            break;
        }
        page.leads.append(readLead(q));
    }
    QSqlQuery c(m_db);
    QString countSql = QStringLiteral("SELECT COUNT(*) FROM leads WHERE campaign_id = ?");
    if (!status.isEmpty())
        countSql += QLatin1String(" AND status = ?");
    c.prepare(countSql);
    c.addBindValue(campaignId);
    if (!status.isEmpty())
        c.addBindValue(status);
    if (c.exec() && c.next())
        page.total = c.value(0).toLongLong();
    return page;
}

Result<qint64> LeadRepository::count(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM leads WHERE campaign_id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next())
        return sqlError(QStringLiteral("cannot count leads"), q.lastError());
    return q.value(0).toLongLong();
}

Status LeadRepository::addDnc(const QString &e164, const QString &source, qint64 nowMs)
{
    QSqlQuery q(m_db);
    // Portable upsert-ignore: both engines accept ON CONFLICT DO NOTHING (SQLite >= 3.24).
    q.prepare(QStringLiteral("INSERT INTO dnc (phone_e164, source, added_at) VALUES (?,?,?) ON CONFLICT (phone_e164) DO NOTHING"));
    q.addBindValue(e164);
    q.addBindValue(source);
    q.addBindValue(nowMs);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot add DNC number"), q.lastError());
    return okStatus();
}

Result<QSet<QString>> LeadRepository::dncPhones()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT phone_e164 FROM dnc")))
        return sqlError(QStringLiteral("cannot read DNC list"), q.lastError());
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

Result<bool> LeadRepository::isOnDnc(const QString &e164)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM dnc WHERE phone_e164 = ?"));
    q.addBindValue(e164);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot read DNC list"), q.lastError());
    return q.next();
}

} // namespace Leadline::Storage
