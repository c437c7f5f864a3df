// Value snapshots the console backend sends to the GUI thread. Thread: value types, copied
// across threads through queued signals (registered with the meta-type system in
// ConsoleBackendHost's constructor).
#pragma once

#include "leads/leadrecord.h"
#include "storage/records.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Leadline::Ui {

struct CampaignSnapshot
{
    Storage::CampaignRow row;
    qint64 leadCount = 0;
};

struct LeadPageSnapshot
{
    quint64 requestId = 0;
    qint64 campaignId = 0;
    qint64 afterId = 0;
    QList<Storage::LeadRow> leads;
    qint64 nextAfterId = 0; // 0: this was the last page
    qint64 total = 0;
};

struct ImportProgressSnapshot
{
    qint64 campaignId = 0;
    QString file;
    int fileIndex = 0; // 0-based
    int fileCount = 0;
    qint64 bytesRead = 0;
    qint64 bytesTotal = 0;
};

struct FileImportResult
{
    QString file;
    bool ok = false;
    Leads::ImportReport report;
    QString errorCode;    // stable code, e.g. "bad_encoding", "cancelled", "open_failed"
    QString errorMessage; // engine text (English)
};

struct ImportOutcome
{
    qint64 campaignId = 0;
    QList<FileImportResult> files;
    bool cancelled = false;

    int accepted() const
    {
        int n = 0;
        for (const FileImportResult &f : files)
            n += f.ok ? f.report.accepted : 0;
        return n;
    }
    int rejected() const
    {
        int n = 0;
        for (const FileImportResult &f : files)
            n += f.ok ? int(f.report.rejected.size()) : 0;
        return n;
    }
};

struct BackendError
{
    quint64 requestId = 0;
    QString operation; // "campaigns", "leads", "create", "status", "import"
    QString code;      // Error::codeName()
    QString message;   // engine text (English)
};

} // namespace Leadline::Ui

Q_DECLARE_METATYPE(Leadline::Ui::CampaignSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::LeadPageSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::ImportProgressSnapshot)
Q_DECLARE_METATYPE(Leadline::Ui::ImportOutcome)
Q_DECLARE_METATYPE(Leadline::Ui::BackendError)
Q_DECLARE_METATYPE(Leadline::Storage::CampaignRow)
