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
    Result<qint64> count(qint64 campaignId);

    // Do-not-call list.
    Status addDnc(const QString &e164, const QString &source, qint64 nowMs);
    Result<QSet<QString>> dncPhones();
    Result<bool> isOnDnc(const QString &e164);

private:
    Status copyBatchPostgres(qint64 campaignId, const QList<LeadRow> &rows, qint64 nowMs);
    Status insertBatchPrepared(qint64 campaignId, const QList<LeadRow> &rows, qint64 nowMs);
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
