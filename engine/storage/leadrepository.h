// LeadRepository: SQL for leads and the DNC list. Bulk insert uses COPY FROM STDIN on
// PostgreSQL (libpq through the QPSQL connection's handle) and a reused prepared INSERT on
// SQLite; either way inside the caller's transaction.
// Thread: the caller's; construct with that thread's connection.
#pragma once

#include "core/result.h"
#include "records.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>

namespace Leadline::Storage {

struct LeadPage
{
    QList<LeadRow> leads;
    qint64 nextAfterId = 0; // 0 when there is no further page
    qint64 total = 0;
};

// LeadBulkWriter: streams many batches of new leads into one campaign inside the caller's
// transaction. On PostgreSQL one COPY stays open across batches, so the server inserts while
// the client parses the next batch; finish() ends it. Thread: the caller's.
class LeadBulkWriter
{
public:
    LeadBulkWriter(QSqlDatabase db, qint64 campaignId, qint64 nowMs);
    ~LeadBulkWriter();
    LeadBulkWriter(const LeadBulkWriter &) = delete;
    LeadBulkWriter &operator=(const LeadBulkWriter &) = delete;

    Status write(const QList<LeadRow> &rows);
    Status finish();

private:
    Status startCopy();
    Status flush();
    Status insertPrepared(const QList<LeadRow> &rows);

    QSqlDatabase m_db;
    qint64 m_campaignId;
    qint64 m_nowMs;
    void *m_pg = nullptr; // PGconn* while a COPY is open
    bool m_usePg = false;
    QByteArray m_buffer;
};

class LeadRepository
{
public:
    explicit LeadRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Serialises imports into one campaign (PostgreSQL advisory lock held to the end of the
    // transaction; SQLite's write lock does the same). Call inside a transaction.
    Status lockCampaignForImport(qint64 campaignId);
    Result<QSet<QString>> phonesOfCampaign(qint64 campaignId);
    Status insertBatch(qint64 campaignId, const QList<LeadRow> &rows, qint64 nowMs);
    Result<LeadPage> page(qint64 campaignId, qint64 afterId, int limit, const QString &status = {});
    // The campaign's leads with these ids, in id order (ids of other campaigns are skipped).
    Result<QList<LeadRow>> byIds(qint64 campaignId, const QList<qint64> &ids);
    static constexpr int kMaxIdsPerQuery = 500;
    Result<qint64> count(qint64 campaignId);

    // Do-not-call list.
    Status addDnc(const QString &e164, const QString &source, qint64 nowMs);
    Result<QSet<QString>> dncPhones();
    Result<bool> isOnDnc(const QString &e164);

private:
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
