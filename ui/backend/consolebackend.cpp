#include "consolebackend.h"

#include "campaigns/campaignservice.h"
#include "storage/database.h"
#include "storage/leadrepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace Leadline::Ui {

static BackendError toBackendError(quint64 requestId, const char *operation, const Error &e)
{
    return BackendError{requestId, QLatin1String(operation), e.codeName(), e.message};
}

ConsoleBackend::ConsoleBackend(Campaigns::CampaignService &campaigns, const Storage::Database &db)
    : m_campaigns(campaigns), m_db(db)
{
}

void ConsoleBackend::refreshCampaigns()
{
    auto list = m_campaigns.list();
    if (!list) {
        emit failed(toBackendError(0, "campaigns", list.error()));
        return;
    }
    auto conn = m_db.connection();
    if (!conn) {
        emit failed(toBackendError(0, "campaigns", conn.error()));
        return;
    }
    Storage::LeadRepository leads(conn.value());
    QList<CampaignSnapshot> out;
    out.reserve(list->size());
    for (const Storage::CampaignRow &row : list.value()) {
        CampaignSnapshot s;
        s.row = row;
        if (auto n = leads.count(row.id))
            s.leadCount = n.value();
        out.append(s);
    }
    emit campaignsChanged(out);
}

void ConsoleBackend::fetchLeads(quint64 requestId, qint64 campaignId, qint64 afterId, int limit)
{
    auto conn = m_db.connection();
    if (!conn) {
        emit failed(toBackendError(requestId, "leads", conn.error()));
        return;
    }
    auto page = Storage::LeadRepository(conn.value()).page(campaignId, afterId, limit);
    if (!page) {
        emit failed(toBackendError(requestId, "leads", page.error()));
        return;
    }
    LeadPageSnapshot s;
    s.requestId = requestId;
    s.campaignId = campaignId;
    s.afterId = afterId;
    s.leads = std::move(page->leads);
    s.nextAfterId = page->nextAfterId;
    s.total = page->total;
    emit leadsPageReady(s);
}

void ConsoleBackend::createCampaign(quint64 requestId, const Storage::CampaignRow &row)
{
    auto created = m_campaigns.create(row.toJson());
    if (!created) {
        emit failed(toBackendError(requestId, "create", created.error()));
        return;
    }
    emit campaignSaved(requestId, created.value());
    refreshCampaigns();
}

void ConsoleBackend::setCampaignStatus(quint64 requestId, qint64 campaignId, const QString &status)
{
    auto updated = m_campaigns.setStatus(campaignId, status);
    if (!updated) {
        emit failed(toBackendError(requestId, "status", updated.error()));
        return;
    }
    emit campaignSaved(requestId, updated.value());
    refreshCampaigns();
}

void ConsoleBackend::importFiles(quint64 importId, qint64 campaignId, const QStringList &files)
{
    ImportOutcome outcome;
    outcome.campaignId = campaignId;
    for (int i = 0; i < files.size() && !outcome.cancelled; ++i) {
        FileImportResult result;
        result.file = files.at(i);
        QFile f(files.at(i));
        if (!f.open(QIODevice::ReadOnly)) {
            result.errorCode = QStringLiteral("open_failed");
            result.errorMessage = f.errorString();
            outcome.files.append(result);
            continue;
        }
        ImportProgressSnapshot progress{campaignId, files.at(i), i, int(files.size()), 0, f.size()};
        emit importProgress(importId, progress);
        QElapsedTimer sinceEmit;
        sinceEmit.start();
        auto onProgress = [&](qint64 bytesRead) {
            if (m_cancelledImport.load() == importId || m_stopping.load())
                return false;
            if (sinceEmit.elapsed() >= 50) {
                progress.bytesRead = bytesRead;
                emit importProgress(importId, progress);
                sinceEmit.restart();
            }
            return true;
        };
        auto report = m_campaigns.importCsv(campaignId, f, onProgress);
        if (report) {
            result.ok = true;
            result.report = std::move(report).value();
        } else {
            const bool cancelled = m_cancelledImport.load() == importId || m_stopping.load();
            result.errorCode = cancelled ? QStringLiteral("cancelled") : report.error().codeName();
            result.errorMessage = report.error().message;
            outcome.cancelled = cancelled;
        }
        progress.bytesRead = progress.bytesTotal;
        emit importProgress(importId, progress);
        outcome.files.append(result);
    }
    emit importFinished(importId, outcome);
    refreshCampaigns();
}

ConsoleBackendHost::ConsoleBackendHost(Campaigns::CampaignService &campaigns, const Storage::Database &db)
{
    qRegisterMetaType<CampaignSnapshot>();
    qRegisterMetaType<QList<CampaignSnapshot>>();
    qRegisterMetaType<LeadPageSnapshot>();
    qRegisterMetaType<ImportProgressSnapshot>();
    qRegisterMetaType<ImportOutcome>();
    qRegisterMetaType<BackendError>();
    qRegisterMetaType<Storage::CampaignRow>();

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("leadline-console"));
    m_backend = new ConsoleBackend(campaigns, db);
    m_backend->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_backend, &QObject::deleteLater);
    m_thread->start();
}

ConsoleBackendHost::~ConsoleBackendHost()
{
    m_backend->requestStop();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

} // namespace Leadline::Ui
