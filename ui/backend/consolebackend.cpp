#include "consolebackend.h"

#include "campaigns/campaignservice.h"
#include "projects/briefservice.h"
#include "diagnostics/connectiontester.h"
#include "storage/apitokenrepository.h"
#include "storage/callrepository.h"
#include "storage/database.h"
#include "storage/leadrepository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QTimeZone>
#include <optional>

namespace Leadline::Ui {

static BackendError toBackendError(quint64 requestId, const char *operation, const Error &e)
{
    return BackendError{requestId, QLatin1String(operation), e.codeName(), e.message};
}

ConsoleBackend::ConsoleBackend(Campaigns::CampaignService &campaigns, const Storage::Database &db, ConsoleBackendOptions options)
    : m_campaigns(campaigns), m_control(campaigns, options.dialer), m_db(db), m_options(std::move(options))
{
}

ConsoleBackend::~ConsoleBackend() = default;

std::optional<QSqlDatabase> ConsoleBackend::connectionFor(quint64 requestId, const char *operation)
{
    auto conn = m_db.connection();
    if (!conn) {
        emit failed(toBackendError(requestId, operation, conn.error()));
        return std::nullopt;
    }
    return conn.value();
}

void ConsoleBackend::refreshCampaigns()
{
    auto list = m_campaigns.list();
    if (!list) {
        emit failed(toBackendError(0, "campaigns", list.error()));
        return;
    }
    const auto conn = connectionFor(0, "campaigns");
    if (!conn)
        return;
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
    const auto conn = connectionFor(requestId, "leads");
    if (!conn)
        return;
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

void ConsoleBackend::refreshLeads(quint64 requestId, qint64 campaignId, const QList<qint64> &leadIds)
{
    const auto conn = connectionFor(requestId, "leads");
    if (!conn)
        return;
    auto leads = Storage::LeadRepository(conn.value()).byIds(campaignId, leadIds);
    if (!leads) {
        emit failed(toBackendError(requestId, "leads", leads.error()));
        return;
    }
    LeadPageSnapshot s;
    s.requestId = requestId;
    s.campaignId = campaignId;
    s.leads = std::move(leads.value());
    emit leadsRefreshed(s);
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
    auto updated = m_control.setStatus(campaignId, status);
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

void ConsoleBackend::fetchHistory(quint64 requestId, const Storage::CallHistoryFilter &filter, int offset, int limit)
{
    const auto conn = connectionFor(requestId, "history");
    if (!conn)
        return;
    auto page = Storage::AnalyticsQueries(conn.value()).callHistory(filter, offset, limit);
    if (!page) {
        emit failed(toBackendError(requestId, "history", page.error()));
        return;
    }
    HistoryPageSnapshot s;
    s.requestId = requestId;
    s.offset = offset;
    s.rows = std::move(page->rows);
    s.total = page->total;
    emit historyPageReady(s);
}

void ConsoleBackend::fetchCallDetail(quint64 requestId, qint64 callId)
{
    const auto conn = connectionFor(requestId, "call");
    if (!conn)
        return;
    Storage::CallRepository calls(conn.value());
    auto call = calls.get(callId);
    if (!call) {
        emit failed(toBackendError(requestId, "call", call.error()));
        return;
    }
    auto turns = calls.turns(callId);
    if (!turns) {
        emit failed(toBackendError(requestId, "call", turns.error()));
        return;
    }
    CallDetailSnapshot s;
    s.requestId = requestId;
    s.call = std::move(call).value();
    s.turns = std::move(turns).value();
    s.cost = Storage::CostEstimate::ofCall(s.call.durationS, m_options.prices);
    s.pricesConfigured = !m_options.prices.isZero();
    emit callDetailReady(s);
}

void ConsoleBackend::fetchAnalytics(quint64 requestId, qint64 campaignId)
{
    const auto conn = connectionFor(requestId, "analytics");
    if (!conn)
        return;
    AnalyticsSnapshot s;
    s.requestId = requestId;
    s.campaignId = campaignId;
    s.generatedAt = QDateTime::currentMSecsSinceEpoch();
    // Per-hour figures in the campaign's zone; over every campaign, in this machine's zone.
    QTimeZone zone = QTimeZone::systemTimeZone();
    if (campaignId > 0) {
        if (auto c = m_campaigns.get(campaignId); c && QTimeZone::isTimeZoneIdAvailable(c->timezone.toUtf8()))
            zone = QTimeZone(c->timezone.toUtf8());
    }
    s.timezone = QString::fromUtf8(zone.id());
    const qint64 offsetMs = qint64(zone.offsetFromUtc(QDateTime::currentDateTimeUtc())) * 1000;

    Storage::AnalyticsQueries q(conn.value());
    auto summary = campaignId > 0 ? q.campaign(campaignId) : q.overall();
    auto hourly = q.callsPerHour(campaignId, offsetMs);
    s.talkBoundsS = talkTimeBounds();
    auto talk = q.talkTimeHistogram(campaignId, s.talkBoundsS);
    auto latency = q.latencyOverTime(campaignId, 48);
    for (const Error *e : {summary ? nullptr : &summary.error(), hourly ? nullptr : &hourly.error(),
                           talk ? nullptr : &talk.error(), latency ? nullptr : &latency.error()}) {
        if (e) {
            emit failed(toBackendError(requestId, "analytics", *e));
            return;
        }
    }
    s.summary = std::move(summary).value();
    s.hourly = std::move(hourly).value();
    s.talkCounts = std::move(talk).value();
    s.latency = std::move(latency).value();
    s.cost = Storage::CostEstimate::of(s.summary.billableMinutes, s.summary.talkTimeTotalS, s.summary.qualifiedLeads,
                                       m_options.prices);
    s.pricesConfigured = !m_options.prices.isZero();
    emit analyticsReady(s);
}

void ConsoleBackend::testConnection(quint64 requestId, const Diagnostics::ConnectionTestRequest &request)
{
    if (!m_tester) {
        m_tester = new Diagnostics::ConnectionTester(this);
        connect(m_tester, &Diagnostics::ConnectionTester::finished, this, &ConsoleBackend::connectionTested);
    }
    m_tester->test(requestId, request);
}

// One API-token operation: runs `op` with a repository on this thread's connection, then lists
// the tokens so the page can redraw from one answer.
template<typename Op>
static ApiTokensSnapshot runApiTokenOperation(const Storage::Database &db, quint64 requestId,
                                              ApiTokensSnapshot::Operation operation, Op &&op)
{
    ApiTokensSnapshot s;
    s.requestId = requestId;
    s.operation = operation;
    auto fail = [&s](const Error &e) {
        s.ok = false;
        s.errorCode = e.codeName();
        s.errorMessage = e.message;
    };
    auto conn = db.connection();
    if (!conn) {
        fail(conn.error());
        return s;
    }
    Storage::ApiTokenRepository repo(conn.value());
    if (auto e = op(repo, s)) {
        fail(*e);
        // Still list, so the page shows the current state next to the error.
    }
    auto rows = repo.list();
    if (rows) {
        s.tokens = std::move(rows.value());
        s.listed = true;
    } else if (s.ok) {
        fail(rows.error());
    }
    return s;
}

void ConsoleBackend::listApiTokens(quint64 requestId)
{
    emit apiTokensReady(runApiTokenOperation(m_db, requestId, ApiTokensSnapshot::Operation::List,
                                             [](Storage::ApiTokenRepository &, ApiTokensSnapshot &) {
                                                 return std::optional<Error>();
                                             }));
}

void ConsoleBackend::createApiToken(quint64 requestId, const QString &name)
{
    const ApiTokensSnapshot s = runApiTokenOperation(
        m_db, requestId, ApiTokensSnapshot::Operation::Create,
        [&name](Storage::ApiTokenRepository &repo, ApiTokensSnapshot &out) -> std::optional<Error> {
            auto created = repo.create(name, QDateTime::currentMSecsSinceEpoch());
            if (!created)
                return created.error();
            out.row = created->row;
            out.token = created->token;
            return std::nullopt;
        });
    if (s.ok && m_options.apiTokensChanged)
        m_options.apiTokensChanged();
    emit apiTokensReady(s);
}

void ConsoleBackend::revokeApiToken(quint64 requestId, qint64 tokenId)
{
    const ApiTokensSnapshot s = runApiTokenOperation(
        m_db, requestId, ApiTokensSnapshot::Operation::Revoke,
        [tokenId](Storage::ApiTokenRepository &repo, ApiTokensSnapshot &out) -> std::optional<Error> {
            auto revoked = repo.revoke(QString::number(tokenId), QDateTime::currentMSecsSinceEpoch());
            if (!revoked)
                return revoked.error();
            out.row = revoked.value();
            return std::nullopt;
        });
    if (s.ok && m_options.apiTokensChanged)
        m_options.apiTokensChanged();
    emit apiTokensReady(s);
}

static BriefSnapshot briefSnapshot(quint64 requestId, qint64 campaignId, const Result<Storage::BriefRecord> &r)
{
    BriefSnapshot s;
    s.requestId = requestId;
    s.campaignId = campaignId;
    s.ok = r.ok();
    if (r) {
        s.version = r->version;
        s.brief = r->brief;
    } else {
        s.errorCode = r.error().detailCode.isEmpty() ? r.error().codeName() : r.error().detailCode;
        s.errorMessage = r.error().message;
    }
    return s;
}

void ConsoleBackend::fetchBrief(quint64 requestId, qint64 campaignId)
{
    static const SystemClock clock;
    emit briefReady(briefSnapshot(requestId, campaignId, Projects::BriefService(m_db, clock).get(campaignId)));
}

void ConsoleBackend::saveBrief(quint64 requestId, qint64 campaignId, const QJsonObject &brief)
{
    static const SystemClock clock;
    BriefSnapshot s = briefSnapshot(requestId, campaignId, Projects::BriefService(m_db, clock).put(campaignId, brief));
    s.saved = true;
    emit briefReady(s);
}

void ConsoleBackend::fetchSiteVisits(quint64 requestId, qint64 campaignId)
{
    const auto conn = connectionFor(requestId, "site_visits");
    if (!conn)
        return;
    auto rows = Storage::SiteVisitQueries(conn.value()).forCampaign(campaignId);
    if (!rows) {
        emit failed(toBackendError(requestId, "site_visits", rows.error()));
        return;
    }
    emit siteVisitsReady(SiteVisitsSnapshot{requestId, campaignId, rows.value()});
}

void ConsoleBackend::fetchHandoffs(quint64 requestId, qint64 campaignId, int limit)
{
    const auto conn = connectionFor(requestId, "handoffs");
    if (!conn)
        return;
    auto rows = Handoff::HandoffRepository(conn.value()).handoffs(campaignId, limit);
    if (!rows) {
        emit failed(toBackendError(requestId, "handoffs", rows.error()));
        return;
    }
    emit handoffsReady(HandoffsSnapshot{requestId, campaignId, std::move(rows).value()});
}

ConsoleBackendHost::ConsoleBackendHost(Campaigns::CampaignService &campaigns, const Storage::Database &db,
                                       ConsoleBackendOptions options)
{
    qRegisterMetaType<CampaignSnapshot>();
    qRegisterMetaType<QList<CampaignSnapshot>>();
    qRegisterMetaType<LeadPageSnapshot>();
    qRegisterMetaType<ImportProgressSnapshot>();
    qRegisterMetaType<ImportOutcome>();
    qRegisterMetaType<BackendError>();
    qRegisterMetaType<Storage::CampaignRow>();
    qRegisterMetaType<HistoryPageSnapshot>();
    qRegisterMetaType<CallDetailSnapshot>();
    qRegisterMetaType<AnalyticsSnapshot>();
    qRegisterMetaType<Storage::CallHistoryFilter>();
    qRegisterMetaType<Diagnostics::ConnectionTestResult>();
    qRegisterMetaType<ApiTokensSnapshot>();
    qRegisterMetaType<BriefSnapshot>();
    qRegisterMetaType<SiteVisitsSnapshot>();
    qRegisterMetaType<HandoffsSnapshot>();

    (void)m_thread.start([&] { return new ConsoleBackend(campaigns, db, std::move(options)); });
    m_backend = m_thread.worker<ConsoleBackend>();
}

ConsoleBackendHost::~ConsoleBackendHost()
{
    m_backend->requestStop();
    m_thread.stop(); // the backend is deleted on its thread
}

} // namespace Leadline::Ui
