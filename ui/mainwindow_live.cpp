// MainWindow, live half: the Live calls tab fed by the LiveCallsFeed's batches, the status
// bar's active-call count, the sidebar's live counts and progress, the welcome panel shown
// while there are no campaigns, and the engine hooks (hang up, start/pause reach the dialer,
// run the demo). Same thread rules as mainwindow.cpp: GUI thread; the hooks post into the engine.
#include "mainwindow.h"

#include "ui/backend/consolebackend.h"
#include "ui/campaigns/campaignsmodel.h"
#include "ui/leads/leadsview.h"
#include "ui/live/livecallsfeed.h"
#include "ui/live/livecallsmodel.h"
#include "ui/live/livecallsview.h"
#include "ui/live/welcomepanel.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace Leadline::Ui {

namespace {
constexpr int ProgressRefreshIntervalMs = 5000; // at most one campaign-list refresh per 5 s from progress events
}

void MainWindow::buildLive()
{
    m_liveModel = new LiveCallsModel(this);
    m_liveView = new LiveCallsView(*m_liveModel, m_tabs);
    m_liveView->setHangUpAvailable(false);
    connect(m_liveView, &LiveCallsView::hangUpRequested, this, &MainWindow::hangUpCall);

    m_welcome = new WelcomePanel(this);
    m_welcome->setDemoAvailable(false);
    connect(m_welcome, &WelcomePanel::runDemoRequested, m_runDemoAction, &QAction::trigger);
    connect(m_welcome, &WelcomePanel::newCampaignRequested, m_newCampaignAction, &QAction::trigger);
    m_runDemoAction->setEnabled(false);
    connect(m_runDemoAction, &QAction::triggered, this, [this] {
        if (!m_hooks.runDemo)
            return;
        m_hooks.runDemo();
        statusBar()->showMessage(tr("Starting the demo campaign\u2026"), 8000);
        m_tabs->setCurrentIndex(LiveCallsTab);
        // The demo creates its campaign on the engine side: pick it up without waiting for the poll.
        ConsoleBackend *b = m_backend.backend();
        for (int delay : {1000, 4000})
            QTimer::singleShot(delay, this, [this, b] { m_backend.post([b] { b->refreshCampaigns(); }); });
    });

    m_activeCallsLabel = new QLabel(this);
    m_activeCallsLabel->setObjectName(QStringLiteral("activeCallsLabel"));

    // Durations tick once a second: one dataChanged over the Duration column.
    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    connect(tick, &QTimer::timeout, this, [this] {
        if (m_liveModel->rowCount() > 0)
            m_liveModel->tick(QDateTime::currentMSecsSinceEpoch());
    });
    tick->start();
}

void MainWindow::retranslateLive()
{
    m_runDemoAction->setText(tr("Run &demo campaign"));
    m_runDemoAction->setToolTip(tr("Create a demo campaign with simulated leads and watch it call"));
    m_activeCallsLabel->setText(tr("Active calls: %1").arg(m_liveModel->rowCount()));
}

void MainWindow::setHooks(ConsoleHooks hooks)
{
    m_hooks = std::move(hooks);
    m_liveView->setHangUpAvailable(bool(m_hooks.hangUpCall));
    m_runDemoAction->setEnabled(bool(m_hooks.runDemo));
    m_welcome->setDemoAvailable(bool(m_hooks.runDemo));
}

void MainWindow::attachLiveFeed(LiveCallsFeed *feed)
{
    connect(feed, &LiveCallsFeed::batchReady, this, &MainWindow::applyLiveBatch);
}

void MainWindow::applyLiveBatch(const LiveCallsBatch &batch)
{
    m_liveModel->applyBatch(batch);
    const int active = m_liveModel->rowCount();
    m_activeCallsLabel->setText(tr("Active calls: %1").arg(active));

    QHash<qint64, int> perCampaign;
    for (int r = 0; r < active; ++r)
        if (const qint64 id = m_liveModel->callAt(r).campaignId; id > 0)
            ++perCampaign[id];
    m_campaignsModel->setLiveCalls(perCampaign);
    if (batch.campaigns.isEmpty())
        return;
    m_campaignsModel->setProgress(batch.campaigns);
    // The current campaign moved (about once a second while it calls): the leads on screen show
    // their new status and result.
    for (const CampaignLive &p : batch.campaigns)
        if (p.campaignId == m_currentCampaign)
            m_leadsView->refreshVisibleRows();
    // A status the engine changed (a campaign that finished) shows up without waiting for the poll.
    bool stale = false;
    for (const CampaignLive &p : batch.campaigns) {
        const CampaignSnapshot *c = m_campaignsModel->find(p.campaignId);
        stale = stale || (!p.status.isEmpty() && (!c || c->row.status != p.status));
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (stale && m_importId == 0 && now - m_lastProgressRefreshMs > ProgressRefreshIntervalMs) {
        m_lastProgressRefreshMs = now;
        ConsoleBackend *b = m_backend.backend();
        m_backend.post([b] { b->refreshCampaigns(); });
    }
}

void MainWindow::updateWelcome()
{
    const bool empty = m_campaignsLoaded && m_campaignsModel->rowCount() == 0;
    m_centralStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_welcome) : m_tabs);
}

void MainWindow::hangUpCall(qint64 callId)
{
    if (!m_hooks.hangUpCall)
        return;
    m_hooks.hangUpCall(callId);
    statusBar()->showMessage(tr("Hanging up call %1\u2026").arg(callId), 5000);
}

} // namespace Leadline::Ui
