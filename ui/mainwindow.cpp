#include "mainwindow.h"

#include "ui/backend/consolebackend.h"
#include "storage/campaignstatus.h"
#include "ui/analytics/analyticsview.h"
#include "ui/handoffs/handoffsview.h"
#include "ui/campaigns/campaigneditordialog.h"
#include "ui/campaigns/campaignsmodel.h"
#include "ui/common/csvdrop.h"
#include "ui/common/labels.h"
#include "ui/common/languagemanager.h"
#include "ui/common/uipreferences.h"
#include "ui/history/historyview.h"
#include "ui/leads/importprogresspanel.h"
#include "ui/leads/importreportdialog.h"
#include "ui/leads/leadsmodel.h"
#include "ui/leads/leadsview.h"
#include "ui/live/livecallsview.h"
#include "ui/live/welcomepanel.h"
#include "ui/settings/settingsdialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace Leadline::Ui {

MainWindow::MainWindow(const ConsoleBackendHost &backend, LanguageManager &languages, UiPreferences &prefs,
                       ConsoleInfo info, QWidget *parent)
    : QMainWindow(parent), m_backend(backend), m_languages(languages), m_prefs(prefs), m_info(std::move(info))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_campaignsModel = new CampaignsModel(this);
    m_leadsModel = new LeadsModel(backend, this);
    m_drops = new CsvDropFilter(this);

    buildActions();
    buildMenus();
    buildCentral();
    buildStatusBar();

    m_drops->watch(this);
    m_drops->watch(m_leadsView->table()->viewport());
    connect(m_drops, &CsvDropFilter::csvFilesDropped, this, &MainWindow::importFiles);

    ConsoleBackend *b = backend.backend();
    connect(b, &ConsoleBackend::campaignsChanged, this, &MainWindow::onCampaigns);
    connect(b, &ConsoleBackend::campaignSaved, this, &MainWindow::onCampaignSaved);
    connect(b, &ConsoleBackend::importProgress, this, [this](quint64 id, const ImportProgressSnapshot &p) {
        if (id == m_importId)
            m_importPanel->setProgress(p);
    });
    connect(b, &ConsoleBackend::importFinished, this, &MainWindow::onImportFinished);
    connect(b, &ConsoleBackend::failed, this, &MainWindow::onFailed);
    connect(m_importPanel, &ImportProgressPanel::cancelRequested, this, [this] {
        if (m_importId != 0)
            m_backend.backend()->requestCancelImport(m_importId); // thread-safe by design
    });

    retranslate();
    restoreState();
    updateActions();
    m_backend.post([b] { b->refreshCampaigns(); });

    // Campaigns created or changed elsewhere (REST, CLI) show up without F5.
    auto *poll = new QTimer(this);
    poll->setInterval(15000);
    connect(poll, &QTimer::timeout, this, [this, b] {
        if (m_importId == 0)
            m_backend.post([b] { b->refreshCampaigns(); });
    });
    poll->start();
}

MainWindow::~MainWindow()
{
    if (isVisible())
        rememberState(); // quit by signal or Ctrl+C: no closeEvent came
}

ImportReportDialog *MainWindow::lastImportReport() const
{
    return m_lastReport.data();
}

void MainWindow::buildActions()
{
    auto make = [this](const QKeySequence &key, QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto *a = new QAction(this);
        if (!key.isEmpty())
            a->setShortcut(key);
        if (icon != QStyle::SP_CustomBase)
            a->setIcon(style()->standardIcon(icon));
        return a;
    };
    m_importAction = make(QKeySequence(Qt::CTRL | Qt::Key_I), QStyle::SP_DialogOpenButton);
    m_newCampaignAction = make(QKeySequence::New, QStyle::SP_FileIcon);
    m_settingsAction = make(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_quitAction = make(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_editCampaignAction = make(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_startAction = make(QKeySequence(), QStyle::SP_MediaPlay);
    m_pauseAction = make(QKeySequence(), QStyle::SP_MediaPause);
    m_refreshAction = make(QKeySequence::Refresh, QStyle::SP_BrowserReload);
    m_findAction = make(QKeySequence::Find);
    m_aboutAction = make(QKeySequence());
    m_runDemoAction = make(QKeySequence(), QStyle::SP_MediaPlay);
    for (int i = 0; i <= HandoffsTab; ++i) {
        QAction *a = make(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
        m_tabActions << a;
    }
    connect(m_importAction, &QAction::triggered, this, &MainWindow::chooseImportFiles);
    connect(m_newCampaignAction, &QAction::triggered, this, [this] { openCampaignEditor(true); });
    connect(m_editCampaignAction, &QAction::triggered, this, [this] { openCampaignEditor(false); });
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_startAction, &QAction::triggered, this, [this] { confirmAndSetStatus(Storage::statusName(Storage::CampaignStatus::Running)); });
    connect(m_pauseAction, &QAction::triggered, this, [this] { confirmAndSetStatus(Storage::statusName(Storage::CampaignStatus::Paused)); });
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        ConsoleBackend *b = m_backend.backend();
        m_backend.post([b] { b->refreshCampaigns(); });
        m_leadsModel->reload();
    });
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(LeadsTab);
        m_leadsView->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_leadsView->searchField()->selectAll();
    });
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Leadline"),
                           tr("Leadline %1: AI voice campaigns for real-estate sales teams.").arg(QStringLiteral(LEADLINE_VERSION)));
    });
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_importAction);
    m_fileMenu->addAction(m_newCampaignAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_campaignMenu = menuBar()->addMenu(QString());
    m_campaignMenu->addAction(m_editCampaignAction);
    m_campaignMenu->addAction(m_startAction);
    m_campaignMenu->addAction(m_pauseAction);
    m_campaignMenu->addSeparator();
    m_campaignMenu->addAction(m_refreshAction);
    m_campaignMenu->addSeparator();
    m_campaignMenu->addAction(m_runDemoAction);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_findAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addActions(m_tabActions);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
}

QWidget *MainWindow::placeholder(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(24);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void MainWindow::buildCentral()
{
    auto *sidebar = new QWidget(this);
    m_sidebarTitle = new QLabel(sidebar);
    QFont bold = m_sidebarTitle->font();
    bold.setBold(true);
    m_sidebarTitle->setFont(bold);
    m_campaignList = new QTreeView(sidebar);
    m_campaignList->setObjectName(QStringLiteral("campaignList"));
    m_campaignList->setModel(m_campaignsModel);
    m_campaignList->setRootIsDecorated(false);
    m_campaignList->setUniformRowHeights(true);
    m_campaignList->setAllColumnsShowFocus(true);
    m_campaignList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_campaignList->header()->setStretchLastSection(false);
    m_campaignList->header()->setSectionResizeMode(CampaignsModel::Name, QHeaderView::Stretch);
    m_campaignList->header()->setSectionResizeMode(CampaignsModel::Status, QHeaderView::ResizeToContents);
    m_campaignList->header()->setSectionResizeMode(CampaignsModel::Leads, QHeaderView::ResizeToContents);
    m_sidebarTitle->setBuddy(m_campaignList);
    m_newCampaignButton = new QPushButton(sidebar);
    m_newCampaignButton->setIcon(m_newCampaignAction->icon());
    connect(m_newCampaignButton, &QPushButton::clicked, m_newCampaignAction, &QAction::trigger);
    connect(m_campaignList, &QTreeView::activated, m_editCampaignAction, &QAction::trigger);
    connect(m_campaignList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const qint64 id = current.data(CampaignsModel::CampaignIdRole).toLongLong();
                if (id != m_currentCampaign)
                    selectCampaign(id);
            });
    auto *sideLayout = new QVBoxLayout(sidebar);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_sidebarTitle);
    sideLayout->addWidget(m_campaignList, 1);
    sideLayout->addWidget(m_newCampaignButton);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_leadsView = new LeadsView(*m_leadsModel, m_tabs);
    m_tabs->addTab(m_leadsView, QString());
    buildLive();
    m_historyView = new HistoryView(m_backend, m_tabs);
    m_analyticsView = new AnalyticsView(m_backend, m_tabs);
    m_tabs->addTab(m_liveView, QString());
    m_tabs->addTab(m_historyView, QString());
    m_tabs->addTab(m_analyticsView, QString());
    m_handoffsView = new HandoffsView(m_backend, m_tabs);
    m_tabs->addTab(m_handoffsView, QString());

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(sidebar);
    m_centralStack = new QStackedWidget(this);
    m_centralStack->addWidget(m_tabs);
    m_centralStack->addWidget(m_welcome);
    m_splitter->addWidget(m_centralStack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({fontMetrics().averageCharWidth() * 42, fontMetrics().averageCharWidth() * 120});
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_splitter);
    setCentralWidget(central);
}

void MainWindow::buildStatusBar()
{
    m_importPanel = new ImportProgressPanel(this);
    statusBar()->addWidget(m_importPanel);
    m_portLabel = new QLabel(this);
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_databaseLabel->setToolTip(m_info.database);
    m_providerLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_portLabel);
    statusBar()->addPermanentWidget(m_databaseLabel);
    statusBar()->addPermanentWidget(m_providerLabel);
    statusBar()->addPermanentWidget(m_activeCallsLabel);
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_campaignMenu->setTitle(tr("&Campaign"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_importAction->setText(tr("&Import CSV\u2026"));
    m_newCampaignAction->setText(tr("&New campaign\u2026"));
    m_settingsAction->setText(tr("&Settings\u2026"));
    m_quitAction->setText(tr("&Quit"));
    m_editCampaignAction->setText(tr("&Open campaign\u2026"));
    m_startAction->setText(tr("&Start campaign\u2026"));
    m_pauseAction->setText(tr("&Pause campaign\u2026"));
    m_refreshAction->setText(tr("&Refresh"));
    m_findAction->setText(tr("&Find lead"));
    m_aboutAction->setText(tr("&About Leadline"));
    const QStringList tabNames = {tr("&Leads"), tr("Li&ve calls"), tr("&History"), tr("&Analytics"), tr("Hand&offs")};
    for (int i = 0; i < tabNames.size(); ++i) {
        m_tabs->setTabText(i, tabNames.at(i));
        m_tabActions.at(i)->setText(tabNames.at(i));
    }
    retranslateLive();
    m_sidebarTitle->setText(tr("Ca&mpaigns"));
    m_newCampaignButton->setText(tr("New campaign\u2026"));
    m_portLabel->setText(tr("Server port: %1").arg(m_info.port));
    QString db = m_info.database;
    if (db.size() > 48)
        db = QStringLiteral("\u2026") + db.right(47);
    m_databaseLabel->setText(tr("Database: %1").arg(db));
    updateProviderLabel();
    updateTitle();
    m_campaignsModel->refreshTexts();
    m_leadsModel->refreshTexts();
}

void MainWindow::updateTitle()
{
    const CampaignSnapshot *c = m_campaignsModel->find(m_currentCampaign);
    setWindowTitle(c ? tr("%1 \u2013 Leadline").arg(c->row.name) : tr("Leadline"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreState()
{
    if (!restoreGeometry(m_prefs.windowGeometry()))
        resize(fontMetrics().averageCharWidth() * 170, fontMetrics().lineSpacing() * 40);
    QMainWindow::restoreState(m_prefs.windowState());
    m_splitter->restoreState(m_prefs.splitterState());
}

void MainWindow::rememberState()
{
    m_prefs.setWindowGeometry(saveGeometry());
    m_prefs.setWindowState(saveState());
    m_prefs.setSplitterState(m_splitter->saveState());
    m_prefs.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    rememberState();
    QMainWindow::closeEvent(event);
}

void MainWindow::updateActions()
{
    const CampaignSnapshot *c = m_campaignsModel->find(m_currentCampaign);
    const QString status = c ? c->row.status : QString();
    m_importAction->setEnabled(c && m_importId == 0);
    m_editCampaignAction->setEnabled(c);
    const std::optional<Storage::CampaignStatus> s = Storage::parseStatus<Storage::CampaignStatus>(status);
    m_startAction->setEnabled(c && s != Storage::CampaignStatus::Running && s != Storage::CampaignStatus::Done);
    m_pauseAction->setEnabled(c && s == Storage::CampaignStatus::Running);
}

void MainWindow::selectCampaign(qint64 campaignId)
{
    m_currentCampaign = campaignId;
    if (campaignId > 0)
        m_prefs.setLastCampaignId(campaignId);
    const int row = m_campaignsModel->rowOf(campaignId);
    if (row >= 0 && m_campaignList->currentIndex().row() != row)
        m_campaignList->setCurrentIndex(m_campaignsModel->index(row, 0));
    m_leadsModel->setCampaign(campaignId);
    m_historyView->setCampaign(campaignId);
    m_analyticsView->setCampaign(campaignId);
    m_handoffsView->setCampaign(campaignId);
    updateTitle();
    updateActions();
}

void MainWindow::updateProviderLabel()
{
    const QString mode = m_info.providerMode == QLatin1String("live") ? tr("live")
                         : (m_info.providerMode.isEmpty() || m_info.providerMode == QLatin1String("offline"))
                             ? tr("offline")
                             : m_info.providerMode;
    QString text = tr("Providers: %1").arg(mode);
    if (m_info.offlineSpeech && m_runningCampaigns > 0)
        text += QStringLiteral(" — ") + tr("campaigns running on offline speech recognition");
    m_providerLabel->setText(text);
    m_providerLabel->setToolTip(m_info.offlineSpeech ? tr("No Deepgram key: calls are recognised offline (PocketSphinx, a few English "
                                                          "replies). Opt-outs it hears never go on the DNC list.")
                                                     : QString());
}

void MainWindow::onCampaigns(const QList<CampaignSnapshot> &campaigns)
{
    m_runningCampaigns = 0;
    for (const CampaignSnapshot &c : campaigns)
        m_runningCampaigns += c.row.status == Storage::statusName(Storage::CampaignStatus::Running) ? 1 : 0;
    updateProviderLabel();
    m_campaignsModel->setCampaigns(campaigns);
    m_campaignsLoaded = true;
    updateWelcome();
    qint64 want = m_currentCampaign;
    if (!m_restoredSelection) {
        m_restoredSelection = true;
        want = m_prefs.lastCampaignId();
    }
    if (m_campaignsModel->rowOf(want) < 0)
        want = campaigns.isEmpty() ? 0 : campaigns.first().row.id;
    if (want != m_currentCampaign)
        selectCampaign(want);
    else if (const int row = m_campaignsModel->rowOf(want); row >= 0 && m_campaignList->currentIndex().row() != row)
        m_campaignList->setCurrentIndex(m_campaignsModel->index(row, 0));
    if (m_editor && !m_editor->isNew())
        if (const CampaignSnapshot *c = m_campaignsModel->find(m_editor->row().id))
            m_editor->setStatus(c->row.status);
    updateTitle();
    updateActions();
}

void MainWindow::chooseImportFiles()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import leads from CSV"), dir,
                                                            tr("CSV files (*.csv);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

void MainWindow::importFiles(const QStringList &files)
{
    if (files.isEmpty())
        return;
    if (m_importId != 0) {
        statusBar()->showMessage(tr("An import is already running; wait for it to finish."), 5000);
        return;
    }
    if (m_currentCampaign <= 0) {
        QMessageBox::information(this, tr("Import CSV"), tr("Create or select a campaign first; leads are imported into the selected campaign."));
        return;
    }
    m_importId = m_backend.nextRequestId();
    m_importPanel->start(int(files.size()));
    updateActions();
    ConsoleBackend *b = m_backend.backend();
    const quint64 id = m_importId;
    const qint64 campaign = m_currentCampaign;
    m_backend.post([b, id, campaign, files] { b->importFiles(id, campaign, files); });
}

void MainWindow::onImportFinished(quint64 importId, const ImportOutcome &outcome)
{
    if (importId != m_importId)
        return;
    m_importId = 0;
    m_importPanel->finish();
    updateActions();
    if (outcome.campaignId == m_currentCampaign)
        m_leadsModel->reload();
    statusBar()->showMessage(tr("Imported %n lead(s).", nullptr, outcome.accepted()), 8000);
    auto *report = new ImportReportDialog(outcome, this);
    m_lastReport = report;
    report->open();
    emit importReportShown(report);
}

} // namespace Leadline::Ui
