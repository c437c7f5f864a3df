// ConsoleBackend: everything the console needs from the engine, run off the GUI thread.
// Thread: "leadline-console" (a WorkerThread owned by ConsoleBackendHost). Its slots are reached from
// the GUI thread only through queued invocations carrying values (ConsoleBackendHost::post);
// it answers with signals carrying value snapshots (snapshots.h). It opens that thread's own
// database connection through Database::connection(); no widget, no GUI-thread object is
// touched here. The only method safe to call directly from another thread is
// requestCancelImport().
#pragma once

#include "campaigns/campaigncontrol.h"
#include "core/workerthread.h"

#include "snapshots.h"

#include <QObject>
#include <QSqlDatabase>
#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>

class QThread;

namespace Leadline::Campaigns { class CampaignService; class DialerControl; }
namespace Leadline::Storage { class Database; }
namespace Leadline::Diagnostics { class ConnectionTester; }

namespace Leadline::Ui {

// What the backend needs besides the engine objects (from Settings, at the composition root).
struct ConsoleBackendOptions
{
    Storage::CostPrices prices; // PRICE_*_INR_PER_MIN, for the cost estimates
    // Called on the backend thread after the console created or revoked an API token (e.g. the
    // REST verifier's invalidate(), so the change applies at once rather than after its TTL).
    std::function<void()> apiTokensChanged = nullptr;
    // The dialer that start and pause must reach (through Campaigns::CampaignControl, the path
    // REST and the CLI take too); null when this process dials nothing.
    Campaigns::DialerControl *dialer = nullptr;
};

class ConsoleBackend : public QObject
{
    Q_OBJECT
public:
    ConsoleBackend(Campaigns::CampaignService &campaigns, const Storage::Database &db, ConsoleBackendOptions options = {});
    ~ConsoleBackend() override;

    // Backend thread only (post them through ConsoleBackendHost).
    void refreshCampaigns();
    void fetchLeads(quint64 requestId, qint64 campaignId, qint64 afterId, int limit);
    // The current values of leads already shown (statuses change while a campaign runs).
    void refreshLeads(quint64 requestId, qint64 campaignId, const QList<qint64> &leadIds);
    void createCampaign(quint64 requestId, const Storage::CampaignRow &row);
    void setCampaignStatus(quint64 requestId, qint64 campaignId, const QString &status);
    // Imports the files one after another into the campaign; stops early when cancelled.
    void importFiles(quint64 importId, qint64 campaignId, const QStringList &files);
    // History tab: one page of calls, and one call with its transcript.
    void fetchHistory(quint64 requestId, const Storage::CallHistoryFilter &filter, int offset, int limit);
    void fetchCallDetail(quint64 requestId, qint64 callId);
    // Analytics tab: the figures of one campaign, or of every campaign when campaignId is 0.
    void fetchAnalytics(quint64 requestId, qint64 campaignId);
    // Handoffs tab: the newest hot-lead handoffs of one campaign, or of every campaign when 0.
    void fetchHandoffs(quint64 requestId, qint64 campaignId, int limit = 200);
    // Settings: probes a vendor or database; answers with connectionTested (asynchronously).
    void testConnection(quint64 requestId, const Diagnostics::ConnectionTestRequest &request);
    // Settings, API tokens (through Storage::ApiTokenRepository): list every token; create one
    // named `name`; revoke the token with this id. Each answers with apiTokensReady (carrying the
    // list after the change); create and revoke then call ConsoleBackendOptions::apiTokensChanged.
    void listApiTokens(quint64 requestId);
    void createApiToken(quint64 requestId, const QString &name);
    void revokeApiToken(quint64 requestId, qint64 tokenId);
    // Project brief (Projects::BriefService): the stored one, or save a new version; both answer
    // with briefReady. Site visits of a campaign: siteVisitsReady.
    void fetchBrief(quint64 requestId, qint64 campaignId);
    void saveBrief(quint64 requestId, qint64 campaignId, const QJsonObject &brief);
    void fetchSiteVisits(quint64 requestId, qint64 campaignId);

    // Talk-time histogram buckets (upper bounds, seconds).
    static QList<int> talkTimeBounds() { return {30, 60, 120, 180, 300, 600}; }

    // Any thread: the running (or queued) import with this id stops at its next progress callback.
    void requestCancelImport(quint64 importId) { m_cancelledImport.store(importId); }
    // Any thread: every running or queued import stops (used at shutdown so closing never waits
    // for a long import).
    void requestStop() { m_stopping.store(true); }

signals:
    void campaignsChanged(const QList<Leadline::Ui::CampaignSnapshot> &campaigns);
    void leadsPageReady(const Leadline::Ui::LeadPageSnapshot &page);
    void leadsRefreshed(const Leadline::Ui::LeadPageSnapshot &leads); // only requestId, campaignId, leads
    void campaignSaved(quint64 requestId, const Leadline::Storage::CampaignRow &row);
    void importProgress(quint64 importId, const Leadline::Ui::ImportProgressSnapshot &progress);
    void importFinished(quint64 importId, const Leadline::Ui::ImportOutcome &outcome);
    void historyPageReady(const Leadline::Ui::HistoryPageSnapshot &page);
    void callDetailReady(const Leadline::Ui::CallDetailSnapshot &detail);
    void analyticsReady(const Leadline::Ui::AnalyticsSnapshot &analytics);
    void handoffsReady(const Leadline::Ui::HandoffsSnapshot &handoffs);
    void connectionTested(quint64 requestId, const Leadline::Diagnostics::ConnectionTestResult &result);
    void apiTokensReady(const Leadline::Ui::ApiTokensSnapshot &snapshot);
    void briefReady(const Leadline::Ui::BriefSnapshot &brief);
    void siteVisitsReady(const Leadline::Ui::SiteVisitsSnapshot &visits);
    void failed(const Leadline::Ui::BackendError &error);

private:
    // This thread's database connection; when there is none, emits failed(requestId, operation).
    std::optional<QSqlDatabase> connectionFor(quint64 requestId, const char *operation);

    Campaigns::CampaignService &m_campaigns;
    Campaigns::CampaignControl m_control;
    const Storage::Database &m_db;
    ConsoleBackendOptions m_options;
    Diagnostics::ConnectionTester *m_tester = nullptr; // created on first use, on this thread
    std::atomic<quint64> m_cancelledImport{0};
    std::atomic<bool> m_stopping{false};
};

// ConsoleBackendHost: owns the "leadline-console" thread and the backend living on it.
// Thread: GUI thread (created and destroyed there); destruction quits and joins the thread.
class ConsoleBackendHost
{
public:
    ConsoleBackendHost(Campaigns::CampaignService &campaigns, const Storage::Database &db, ConsoleBackendOptions options = {});
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
        m_thread.post(std::function<void()>(std::forward<F>(f)));
    }

private:
    WorkerThread m_thread{QStringLiteral("leadline-console")}; // its worker: the backend
    ConsoleBackend *m_backend = nullptr;
    mutable std::atomic<quint64> m_requestIds{0};
};

} // namespace Leadline::Ui
