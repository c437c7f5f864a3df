// LeadImporter: streams a CSV (any size, memory flat apart from the set of accepted numbers),
// maps headers, normalizes phones and applies the row checks of
// tests/data/leads/README.md. Accepted rows go to the caller's sink in batches; the caller
// owns the transaction (a whole-file error means: roll back, nothing imported).
// Thread: any; one importer per import, not shared.
#pragma once

#include "core/result.h"
#include "leadrecord.h"

#include <QIODevice>
#include <QSet>
#include <functional>

namespace Leadline::Leads {

struct ImportContext
{
    QSet<QString> dnc;           // E.164 numbers on the do-not-call list
    QSet<QString> existing;      // E.164 numbers already leads of the campaign
    int batchSize = 5000;
    qint64 maxRows = 5'000'000;  // input limit: more data rows -> whole-file error
    int maxColumns = 256;        // input limit on header width
    qsizetype maxRecordBytes = 0; // input limit on one record (row); 0 = CsvReader's default (4 MiB)
};

class LeadImporter
{
public:
    // Receives each batch of accepted rows; returns an error to abort the import.
    using Sink = std::function<Status(const QList<LeadRecord> &batch)>;
    // progress(bytesRead); return false to cancel (the import then fails with code "cancelled").
    using Progress = std::function<bool(qint64 bytesRead)>;

    Result<ImportReport> run(QIODevice &in, const ImportContext &ctx, const Sink &sink,
                             const Progress &progress = {});

    // Read size per chunk (default 64 KiB); tests use tiny chunks to exercise boundaries.
    void setChunkSize(qint64 bytes) { m_chunkSize = bytes; }

private:
    qint64 m_chunkSize = 64 * 1024;
};

} // namespace Leadline::Leads
