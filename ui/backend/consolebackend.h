// ConsoleBackend: everything the console needs from the engine, run off the GUI thread.
// Thread: "leadline-console" (a QThread owned by ConsoleBackendHost). Its slots are reached from
// the GUI thread only through queued invocations carrying values (ConsoleBackendHost::post);
// it answers with signals carrying value snapshots (snapshots.h). It opens that thread's own
// database connection through Database::connection(); no widget, no GUI-thread object is
// touched here. The only method safe to call directly from another thread is
// requestCancelImport().
#pragma once

#include "snapshots.h"

#include <QObject>
#include <QStringList>
#include <atomic>

class QThread;

namespace Leadline::Campaigns { class CampaignService; }
namespace Leadline::Storage { class Database; }

namespace Leadline::Ui {

class ConsoleBackend : public QObject
{
    Q_OBJECT
public:
    ConsoleBackend(Campaigns::CampaignService &campaigns, const Storage::Database &db);

    // Backend thread only (post them through ConsoleBackendHost).
    void refreshCampaigns();
    void fetchLeads(quint64 requestId, qint64 campaignId, qint64 afterId, int limit);
    void createCampaign(quint64 requestId, const Storage::CampaignRow &row);
    void setCampaignStatus(quint64 requestId, qint64 campaignId, const QString &status);
    // Imports the files one after another into the campaign; stops early when cancelled.
    void importFiles(quint64 importId, qint64 campaignId, const QStringList &files);

    // Any thread: the running (or queued) import with this id stops at its next progress callback.
    void requestCancelImport(quint64 importId) { m_cancelledImport.store(importId); }
    // Any thread: every running or queued import stops (used at shutdown so closing never waits
    // for a long import).
    void requestStop() { m_stopping.store(true); }

signals:
    void campaignsChanged(const QList<Leadline::Ui::CampaignSnapshot> &campaigns);
    void leadsPageReady(const Leadline::Ui::LeadPageSnapshot &page);
    void campaignSaved(quint64 requestId, const Leadline::Storage::CampaignRow &row);
    void importProgress(quint64 importId, const Leadline::Ui::ImportProgressSnapshot &progress);
    void importFinished(quint64 importId, const Leadline::Ui::ImportOutcome &outcome);
    void failed(const Leadline::Ui::BackendError &error);

private:
    Campaigns::CampaignService &m_campaigns;
    const Storage::Database &m_db;
    std::atomic<quint64> m_cancelledImport{0};
    std::atomic<bool> m_stopping{false};
};

// ConsoleBackendHost: owns the "leadline-console" thread and the backend living on it.
// Thread: GUI thread (created and destroyed there); destruction quits and joins the thread.
class ConsoleBackendHost
{
public:
    ConsoleBackendHost(Campaigns::CampaignService &campaigns, const Storage::Database &db);
    ~ConsoleBackendHost();
    ConsoleBackendHost(const ConsoleBackendHost &) = delete;
    ConsoleBackendHost &operator=(const ConsoleBackendHost &) = delete;

    // For connecting to signals and for requestCancelImport(); never call its other methods directly.
    ConsoleBackend *backend() const { return m_backend; }
    // A fresh id for a request, unique across every caller sharing this backend.
    quint64 nextRequestId() const { return m_requestIds.fetch_add(1) + 1; }

    // Runs f on the backend thread (queued). Capture values only.
    template<typename F>
    void post(F &&f) const
    {
        QMetaObject::invokeMethod(m_backend, std::forward<F>(f), Qt::QueuedConnection);
    }

private:
    QThread *m_thread = nullptr;
    ConsoleBackend *m_backend = nullptr;
    mutable std::atomic<quint64> m_requestIds{0};
};

} // namespace Leadline::Ui
